// Start-up cost of the `scrub` CLI: a process that compiles the built-in
// default policy and filters an empty input (`scrub redact < /dev/null`),
// against the same binary printing its version (`scrub --version`: the same
// executable and shared libraries loaded, no policy compiled) and against
// /bin/true (a process that loads almost nothing), in the same run. Wall time
// per process, spawn to exit.
//
//   bazel run -c opt //bench:cli_startup_benchmark -- --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"

extern char** environ;

namespace {

std::string ScrubPath() {
  if (const char* dir = std::getenv("RUNFILES_DIR")) return std::string(dir) + "/scrub/cli/scrub";
  return "cli/scrub";  // bazel run's working directory is the runfiles tree
}

// Runs `argv` with stdin and stdout on /dev/null; aborts the benchmark unless
// it exits 0.
void Run(benchmark::State& state, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int err = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (err != 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    state.SkipWithError(("cannot run " + args[0]).c_str());
  }
}

void BM_True(benchmark::State& state) {
  for (auto _ : state) Run(state, {"/bin/true"});
}
BENCHMARK(BM_True)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ScrubVersion(benchmark::State& state) {
  const std::string scrub = ScrubPath();
  for (auto _ : state) Run(state, {scrub, "--version"});
}
BENCHMARK(BM_ScrubVersion)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ScrubRedactEmptyInput(benchmark::State& state) {
  const std::string scrub = ScrubPath();
  for (auto _ : state) Run(state, {scrub, "redact"});
}
BENCHMARK(BM_ScrubRedactEmptyInput)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
