#include "service/unix_socket_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace scrub::service {
namespace {

constexpr size_t kMaxPath = sizeof(sockaddr_un::sun_path) - 1;

absl::Status CannotListen(absl::StatusCode code, const std::string& path,
                          absl::string_view why) {
  return absl::Status(code, absl::StrCat("cannot listen on unix:", path, ": ", why));
}

// What a connection attempt to `path` says: 0 (accepted), or an errno.
int ConnectError(const std::string& path) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.data(), path.size());
  const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return errno;
  const int rc = connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr));
  const int err = rc == 0 ? 0 : errno;
  close(fd);
  return err;
}

}  // namespace

absl::Status CheckNoLiveSocket(const std::string& path) {
  if (path.size() > kMaxPath) {
    return CannotListen(absl::StatusCode::kInvalidArgument, path, "the path is too long");
  }
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return absl::OkStatus();
  if (!S_ISSOCK(st.st_mode)) {
    return CannotListen(absl::StatusCode::kUnavailable, path,
                        "a file that is not a socket is in the way");
  }
  const int err = ConnectError(path);
  // A full backlog (EAGAIN) is a live listener too.
  if (err == 0 || err == EAGAIN || err == EINPROGRESS) {
    return CannotListen(absl::StatusCode::kAlreadyExists, path,
                        "another process is serving on this socket (a connection to it "
                        "succeeded); stop it first or choose another path");
  }
  if (err == ECONNREFUSED || err == ENOENT) return absl::OkStatus();  // stale, or gone
  return CannotListen(
      absl::StatusCode::kFailedPrecondition, path,
      absl::StrCat("cannot tell whether another process serves on it (connect: ",
                   std::strerror(err), ")"));
}

absl::StatusOr<std::string> PrivateBindPath(const std::string& path) {
  static std::atomic<int> counter{0};
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  std::string private_path =
      absl::StrCat(dir, "/.scrubd-", getpid(), "-", counter++, ".sock");
  if (private_path.size() > kMaxPath) {
    return CannotListen(
        absl::StatusCode::kInvalidArgument, path,
        absl::StrCat("scrubd binds a temporary name next to it first, ", private_path,
                     ", which is over the ", kMaxPath,
                     "-byte limit: use a shorter directory"));
  }
  return private_path;
}

absl::StatusOr<SocketFile> SocketFile::Publish(const std::string& private_path,
                                               const std::string& path) {
  struct stat st;
  if (lstat(private_path.c_str(), &st) != 0 || !S_ISSOCK(st.st_mode)) {
    return CannotListen(absl::StatusCode::kInternal, path,
                        absl::StrCat("the socket bound at ", private_path, " is missing"));
  }
  // A stale socket checked by CheckNoLiveSocket() is replaced; anything
  // that appeared since (another scrubd starting at the same moment) is not.
  struct stat old;
  if (lstat(path.c_str(), &old) == 0 && S_ISSOCK(old.st_mode) &&
      ConnectError(path) == ECONNREFUSED) {
    unlink(path.c_str());
  }
  int rc = renameat2(AT_FDCWD, private_path.c_str(), AT_FDCWD, path.c_str(),
                     RENAME_NOREPLACE);
  if (rc != 0 && errno == EINVAL) {
    // A file system without RENAME_NOREPLACE: link() never replaces either.
    rc = link(private_path.c_str(), path.c_str());
    if (rc == 0) unlink(private_path.c_str());
  }
  if (rc != 0) {
    const int err = errno;
    return CannotListen(
        err == EEXIST ? absl::StatusCode::kAlreadyExists : absl::StatusCode::kUnavailable,
        path,
        err == EEXIST ? "another process created it while scrubd was starting"
                      : absl::StrCat("cannot move the socket into place: ",
                                     std::strerror(err)));
  }
  return SocketFile(path, st.st_dev, st.st_ino);
}

void SocketFile::RemoveIfUnchanged() const {
  struct stat st;
  if (lstat(path_.c_str(), &st) == 0 && S_ISSOCK(st.st_mode) && st.st_dev == dev_ &&
      st.st_ino == ino_) {
    unlink(path_.c_str());
  }
}

}  // namespace scrub::service
