"""The external repositories Scrub needs, for Scrub's own WORKSPACE and for yours.

Another Bazel workspace depends on Scrub with three lines:

    local_repository(name = "scrub", path = "/path/to/scrub")
    load("@scrub//:deps.bzl", "scrub_dependencies")
    scrub_dependencies()

and then on `@scrub//lib/scrub` (the library), `@scrub//cli:scrub` or
`@scrub//service:scrubd`. Call it before anything that declares `rules_cc`,
`rules_java` or `com_google_protobuf`, or Bazel 4's built-in WORKSPACE suffix
downloads them: Scrub builds offline.

It declares, each only when the WORKSPACE has not declared it already:
- the four repositories Bazel 4 would download even for a pure C++ build
  (`rules_cc`, `rules_java`, `remote_coverage_tools`, `com_google_protobuf`),
  as the offline stubs in `third_party/bazel/`;
- `@system`: Debian 12's libraries found through pkg-config, one
  `cc_library` each (`third_party/system_libs.bzl`). Scrub's BUILD files name
  them `@system//:re2` etc., so the repository name `system` is taken.

Your machine needs the Debian packages of the libraries the targets you build
use (README, "Use Scrub from your build"); `dev_libs = True` also declares
the test and benchmark libraries (GoogleTest, Google Benchmark, Hyperscan,
simdjson), which Scrub's own WORKSPACE does; `kafka = True` declares
librdkafka for `@scrub//kafka:scrub-kafka` (Debian: librdkafka-dev).
"""

load("//third_party:system_libs.bzl", "system_libs")

# What Scrub's shipped targets (lib/scrub, cli, service, proto) link:
# target name in @system -> pkg-config modules, plus -l flags for libraries
# without a .pc file. //packaging:scrub_pc builds scrub.pc from this table too.
SCRUB_SYSTEM_LIBS = {
    "absl": " ".join([
        "absl_base",
        "absl_cleanup",
        "absl_flat_hash_map",
        "absl_flat_hash_set",
        "absl_flags",
        "absl_flags_parse",
        "absl_flags_usage",
        "absl_hash",
        "absl_inlined_vector",
        "absl_random_random",
        "absl_span",
        "absl_status",
        "absl_statusor",
        "absl_str_format",
        "absl_strings",
        "absl_synchronization",
        "absl_time",
    ]),
    "crypto": "libcrypto",
    "grpcpp": "grpc++",
    "grpcpp_reflection": "grpc++ -lgrpc++_reflection",
    # libphonenumber-dev ships no .pc file; its headers need absl and protobuf.
    "phonenumber": "-lphonenumber",
    "prometheus": "prometheus-cpp-pull prometheus-cpp-core",
    "protobuf": "protobuf",
    "rapidjson": "RapidJSON",
    "re2": "re2",
    "ssl": "libssl libcrypto",
}

# scrub-kafka (//kafka) only: Debian's librdkafka-dev (the C API and its
# mock cluster, rdkafka_mock.h). Kept apart so that a workspace linking only
# the library needs no Kafka packages.
SCRUB_KAFKA_SYSTEM_LIBS = {
    "rdkafka": "rdkafka",
}

# Only Scrub's tests and benchmarks use these.
SCRUB_DEV_SYSTEM_LIBS = {
    "benchmark": "benchmark",
    "benchmark_main": "benchmark -lbenchmark_main",
    "gmock": "gmock gtest",
    "gtest": "gtest",
    "gtest_main": "gtest_main gmock",
    "hyperscan": "libhs",
    # Generator and tests of the Unicode character tables only; nothing
    # links it at scan time. icu-i18n for the confusable skeletons (uspoof).
    "icu": "icu-uc icu-i18n",
    "simdjson": "simdjson",
}

# Stub repositories under third_party/bazel/ (one folder each).
_STUBS = [
    "rules_cc",
    "rules_java",
    "remote_coverage_tools",
    "com_google_protobuf",
]

def _stub_repository_impl(ctx):
    # A label of this file finds Scrub's folder wherever Scrub is: the main
    # workspace (our own build) or an external repository (yours). A
    # local_repository path would be relative to *your* workspace instead.
    scrub_root = ctx.path(ctx.attr._anchor).dirname
    stub = scrub_root.get_child("third_party").get_child("bazel").get_child(ctx.attr.stub)
    if not stub.exists:
        fail("Scrub's stub folder %s is missing" % stub)
    for entry in stub.readdir():
        ctx.symlink(entry, entry.basename)

_stub_repository = repository_rule(
    implementation = _stub_repository_impl,
    local = True,
    attrs = {
        "stub": attr.string(mandatory = True),
        "_anchor": attr.label(default = Label("//:deps.bzl")),
    },
    doc = "One of Scrub's offline stand-ins for a repository Bazel 4 would download.",
)

def scrub_dependencies(dev_libs = False, kafka = False):
    """Declares what building Scrub's targets needs; see the file's comment.

    Args:
      dev_libs: also expose the libraries of Scrub's tests and benchmarks.
      kafka: also expose librdkafka, for @scrub//kafka:scrub-kafka.
    """
    for stub in _STUBS:
        if not native.existing_rule(stub):
            _stub_repository(name = stub, stub = stub)
    if not native.existing_rule("system"):
        libs = dict(SCRUB_SYSTEM_LIBS)
        if dev_libs:
            libs.update(SCRUB_DEV_SYSTEM_LIBS)
        if kafka:
            libs.update(SCRUB_KAFKA_SYSTEM_LIBS)
        system_libs(name = "system", libs = libs)
