"""`cc_grpc_library`: C++ gRPC service stubs from a proto, with Debian's plugin.

Messages come from a native `cc_proto_library`; this macro adds the service
stubs (`x.grpc.pb.h` / `x.grpc.pb.cc`) by running the system `protoc` with
`grpc_cpp_plugin`. Include them as "proto/scrub/v1/x.grpc.pb.h".

Example:
    cc_grpc_library(
        name = "scrub_cc_grpc",
        src = "scrub.proto",
        deps = [":scrub_cc_proto"],
    )
"""

def cc_grpc_library(name, src, deps, proto_deps = [], visibility = None):
    base = src[:-len(".proto")]
    pkg = native.package_name()
    outs = [base + ".grpc.pb.h", base + ".grpc.pb.cc"]
    native.genrule(
        name = name + "_gen",
        srcs = [src] + proto_deps,
        outs = outs,
        tools = ["@system//:protoc", "@system//:grpc_cpp_plugin"],
        cmd = " ".join([
            "$(location @system//:protoc)",
            "--proto_path=.",
            "--proto_path=$(GENDIR)",
            "--grpc_out=$(GENDIR)",
            "--plugin=protoc-gen-grpc=$(location @system//:grpc_cpp_plugin)",
            "%s/%s" % (pkg, src),
        ]),
    )
    native.cc_library(
        name = name,
        srcs = [base + ".grpc.pb.cc"],
        hdrs = [base + ".grpc.pb.h"],
        deps = deps + ["@system//:grpcpp"],
        visibility = visibility,
    )
