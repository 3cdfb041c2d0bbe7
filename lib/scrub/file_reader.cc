#include "scrub/file_reader.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace scrub {

namespace {

// Why a file that is not a regular file cannot be read.
const char* NotRegularReason(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "not a regular file";
}

}  // namespace

absl::StatusOr<std::string> ReadRegularFile(const std::string& path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer
  // (forever, on scrubd's SIGHUP) before fstat() below could refuse it. It
  // is cleared again once the file is known to be regular.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    const int err = errno;
    return absl::Status(err == EACCES ? absl::StatusCode::kPermissionDenied
                                      : absl::StatusCode::kNotFound,
                        std::strerror(err));
  }
  struct stat st;
  absl::Status status;
  std::string content;
  if (fstat(fd, &st) != 0) {
    status = absl::DataLossError(std::strerror(errno));
  } else if (!S_ISREG(st.st_mode)) {
    status = absl::FailedPreconditionError(NotRegularReason(st.st_mode));
  } else if (const int flags = fcntl(fd, F_GETFL);
             flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    status = absl::DataLossError(std::strerror(errno));
  } else if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    status = absl::ResourceExhaustedError(
        absl::StrCat(st.st_size, " bytes, more than the ", max_bytes, " allowed"));
  } else {
    content.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    ssize_t n = 0;
    char extra;
    while (done < content.size() &&
           ((n = read(fd, &content[done], content.size() - done)) > 0 ||
            (n < 0 && errno == EINTR))) {
      if (n > 0) done += static_cast<size_t>(n);
    }
    if (n < 0) {
      status = absl::DataLossError(std::strerror(errno));
    } else if (done != content.size() || read(fd, &extra, 1) != 0) {
      status = absl::DataLossError("the file changed size while being read");
    }
  }
  close(fd);
  if (!status.ok()) {
    explicit_bzero(content.data(), content.size());  // may hold part of a key
    return status;
  }
  return content;
}

}  // namespace scrub
