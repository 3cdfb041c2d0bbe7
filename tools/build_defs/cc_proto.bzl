"""`cc_proto`: one .proto file as C++ messages and, if asked, gRPC stubs.

For `name` it declares, from `name.proto` in the same package:
  * `name_proto`: the native `proto_library`;
  * `name_cc_proto`: its `cc_proto_library` (include "pkg/name.pb.h");
  * with `grpc = True`, `name_cc_grpc`: the service stubs
    ("pkg/name.grpc.pb.h", see //third_party:grpc_cc.bzl).

Example:
    cc_proto(name = "scrub", grpc = True)  # scrub_proto, scrub_cc_proto, scrub_cc_grpc
"""

load("//third_party:grpc_cc.bzl", "cc_grpc_library")

def cc_proto(name, grpc = False, visibility = None):
    src = name + ".proto"
    native.proto_library(
        name = name + "_proto",
        srcs = [src],
        visibility = visibility,
    )
    native.cc_proto_library(
        name = name + "_cc_proto",
        deps = [":" + name + "_proto"],
        visibility = visibility,
    )
    if grpc:
        cc_grpc_library(
            name = name + "_cc_grpc",
            src = src,
            deps = [":" + name + "_cc_proto"],
            visibility = visibility,
        )
