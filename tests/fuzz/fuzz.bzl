"""`scrub_fuzz_target`: a libFuzzer target and its regression test.

    scrub_fuzz_target(name = "text_scan", deps = [...])

defines, from `<name>_fuzzer.cc` (one LLVMFuzzerTestOneInput):
  * `<name>_fuzzer`: the fuzzer. With --config=fuzz (clang-14,
    --define=scrub_fuzz=1) it links libFuzzer's main (-fsanitize=fuzzer);
    otherwise replay_main, so that it still links under gcc. Tagged manual:
    tools/fuzz.sh builds it in its own output base.
  * `<name>_replay_test`: the same target under replay_main over every file of
    corpus/<name>/ (which must not be empty) and crashes/<name>/ (may be):
    `bazel test //...` replays every seed and every crash ever found.
"""

def scrub_fuzz_target(name, deps):
    srcs = [name + "_fuzzer.cc"]
    native.cc_binary(
        name = name + "_fuzzer",
        testonly = True,
        srcs = srcs,
        deps = deps + select({
            ":fuzzing": [],
            "//conditions:default": [":replay_main"],
        }),
        linkopts = select({
            ":fuzzing": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        tags = ["manual"],
    )
    native.cc_test(
        name = name + "_replay_test",
        srcs = srcs,
        deps = deps + [":replay_main"],
        data = native.glob(["corpus/%s/**" % name, "crashes/%s/**" % name]),
        args = [
            "tests/fuzz/corpus/" + name,
            "--allow_empty=tests/fuzz/crashes/" + name,
        ],
    )
