#include "bench/scrubd_subprocess.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace scrub::bench {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string ScrubdBinary(const char* argv0, const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* dir = std::getenv("RUNFILES_DIR")) {
    return absl::StrCat(dir, "/scrub/service/scrubd");
  }
  if (const char* dir = std::getenv("TEST_SRCDIR")) {
    const char* workspace = std::getenv("TEST_WORKSPACE");
    return absl::StrCat(dir, "/", workspace != nullptr ? workspace : "scrub",
                        "/service/scrubd");
  }
  return absl::StrCat(argv0, ".runfiles/scrub/service/scrubd");
}

absl::StatusOr<std::unique_ptr<ScrubdSubprocess>> ScrubdSubprocess::Start(
    const std::string& binary, const std::vector<std::string>& args,
    const std::string& log_path, int cpu) {
  std::vector<std::string> argv_s;
  if (cpu >= 0) argv_s = {"/usr/bin/taskset", "-c", absl::StrCat(cpu)};
  argv_s.push_back(binary);
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv_c;
  for (std::string& a : argv_s) argv_c.push_back(a.data());
  argv_c.push_back(nullptr);
  std::unique_ptr<ScrubdSubprocess> p(new ScrubdSubprocess());
  p->log_path_ = log_path;
  // Only system calls between fork and exec; scrubd dies with this thread.
  const pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    const int null = open("/dev/null", O_RDONLY);
    if (null >= 0) dup2(null, 0);
    execv(argv_c[0], argv_c.data());
    _exit(127);
  }
  if (pid < 0) return absl::InternalError(absl::StrCat("cannot fork for ", binary));
  p->pid_ = pid;
  return p;
}

ScrubdSubprocess::~ScrubdSubprocess() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    Reap(/*block=*/true);
  }
}

std::string ScrubdSubprocess::log() const { return ReadAll(log_path_); }

bool ScrubdSubprocess::Reap(bool block) {
  if (exited_) return true;
  int status = 0;
  if (waitpid(pid_, &status, block ? 0 : WNOHANG) != pid_) return false;
  exited_ = true;
  exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return true;
}

bool ScrubdSubprocess::AwaitLog(absl::string_view text, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  for (;;) {
    const bool exited = Reap(/*block=*/false);
    if (log().find(std::string(text)) != std::string::npos) return true;
    if (exited || absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(20));
  }
}

int ScrubdSubprocess::TcpPort() const {
  const std::string text = log();
  const std::string prefix = "listening on 127.0.0.1:";
  const size_t at = text.find(prefix);
  if (at == std::string::npos) return 0;
  const size_t start = at + prefix.size();
  int port = 0;
  if (!absl::SimpleAtoi(text.substr(start, text.find('\n', start) - start), &port)) return 0;
  return port;
}

int ScrubdSubprocess::CountInLog(absl::string_view text) const {
  const std::string all = log();
  int n = 0;
  for (size_t at = all.find(std::string(text)); at != std::string::npos;
       at = all.find(std::string(text), at + text.size())) {
    ++n;
  }
  return n;
}

void ScrubdSubprocess::Signal(int signo) const {
  if (!exited_) kill(pid_, signo);
}

bool ScrubdSubprocess::Running() { return !Reap(/*block=*/false); }

absl::optional<int> ScrubdSubprocess::AwaitExit(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!Reap(/*block=*/false)) {
    if (absl::Now() >= deadline) return absl::nullopt;
    absl::SleepFor(absl::Milliseconds(10));
  }
  if (exit_code_ < 0) return absl::nullopt;
  return exit_code_;
}

double ProcessCpuSeconds(pid_t pid) {
  double total = 0;
  const std::string tasks = absl::StrCat("/proc/", pid, "/task");
  DIR* dir = opendir(tasks.c_str());
  if (dir == nullptr) return 0;
  while (dirent* e = readdir(dir)) {
    if (e->d_name[0] == '.') continue;
    std::ifstream in(absl::StrCat(tasks, "/", e->d_name, "/schedstat"));
    double ns = 0;
    if (in >> ns) total += ns / 1e9;
  }
  closedir(dir);
  return total;
}

int64_t ResidentBytes(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) != 0) continue;
    int64_t kb = 0;
    std::istringstream(line.substr(6)) >> kb;
    return kb * 1024;
  }
  return 0;
}

void PinTo(int cpu) {
  if (cpu < 0) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (sched_setaffinity(0, sizeof(set), &set) != 0) {
    std::fprintf(stderr, "warning: cannot pin to CPU %d\n", cpu);
  }
}

}  // namespace scrub::bench
