#include "tests/service/scrubd_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

extern char** environ;

namespace scrub::testing {
namespace {

std::string ScrubdPath() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  EXPECT_NE(srcdir, nullptr) << "run under bazel test";
  return absl::StrCat(srcdir != nullptr ? srcdir : ".", "/",
                      workspace != nullptr ? workspace : "scrub", "/service/scrubd");
}

}  // namespace

std::string TestTempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

std::string UniqueSocketPath(absl::string_view tag) {
  // Sandboxed test runs share /tmp and often the same pid (a pid namespace
  // each): a random part keeps their paths apart.
  static const uint32_t run = std::random_device()();
  static std::atomic<int> counter{0};
  return absl::StrCat("/tmp/scrubd-", tag, "-", getpid(), "-", absl::Hex(run), "-",
                      counter++, ".sock");
}

void WriteFile(const std::string& path, absl::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), content.size());
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::unique_ptr<ScrubdProcess> ScrubdProcess::Start(const std::vector<std::string>& args,
                                                    absl::string_view name) {
  std::unique_ptr<ScrubdProcess> p(new ScrubdProcess());
  p->log_path_ = absl::StrCat(TestTempDir(), "/", name, ".log");
  const std::string binary = ScrubdPath();
  std::vector<std::string> argv_storage = {binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, p->log_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  const int rc =
      posix_spawn(&p->pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(rc, 0) << "cannot start " << binary;
  if (rc != 0) return nullptr;
  return p;
}

ScrubdProcess::~ScrubdProcess() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

bool ScrubdProcess::AwaitLog(absl::string_view text, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  for (;;) {
    if (log().find(std::string(text)) != std::string::npos) return true;
    if (absl::Now() >= deadline) return false;
    if (!exited_) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        continue;  // one more look at the log
      }
    } else {
      return log().find(std::string(text)) != std::string::npos;
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
}

int ScrubdProcess::TcpPort() const {
  const std::string text = log();
  size_t at = 0;
  while ((at = text.find("listening on ", at)) != std::string::npos) {
    at += sizeof("listening on ") - 1;
    const size_t end = text.find('\n', at);
    const std::string address = text.substr(at, end - at);
    if (address.rfind("unix:", 0) == 0) continue;
    int port = 0;
    if (absl::SimpleAtoi(address.substr(address.rfind(':') + 1), &port)) return port;
  }
  return 0;
}

int ScrubdProcess::PortAfter(absl::string_view prefix) const {
  const std::string text = log();
  const size_t at = text.find(std::string(prefix));
  if (at == std::string::npos) return 0;
  size_t end = at + prefix.size();
  while (end < text.size() && absl::ascii_isdigit(text[end])) ++end;
  int port = 0;
  if (!absl::SimpleAtoi(text.substr(at + prefix.size(), end - at - prefix.size()),
                        &port)) {
    return 0;
  }
  return port;
}

void ScrubdProcess::Signal(int signo) {
  ASSERT_FALSE(exited_) << "scrubd already exited";
  kill(pid_, signo);
}

absl::optional<int> ScrubdProcess::AwaitExit(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!exited_) {
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      exited_ = true;
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      break;
    }
    if (absl::Now() >= deadline) return absl::nullopt;
    absl::SleepFor(absl::Milliseconds(10));
  }
  if (exit_code_ < 0) return absl::nullopt;
  return exit_code_;
}

int RunScrubd(const std::vector<std::string>& args, std::string* output) {
  static std::atomic<int> n{0};
  auto p = ScrubdProcess::Start(args, absl::StrCat("run-", n++));
  if (p == nullptr) return -1;
  absl::optional<int> code = p->AwaitExit(absl::Seconds(30));
  *output = p->log();
  return code.value_or(-1);
}

}  // namespace scrub::testing
