// File: service/unix_socket_file.h
// -----------------------------------------------------------------------------
//
// The file a unix listener lives in. gRPC removes whatever socket file is at
// its path before it binds, and again when it shuts down: right for a stale
// file left by a killed process, wrong for a live one. A second scrubd would
// take over the first one's socket, and the first would remove the second's
// as it stopped. So scrubd
//   * refuses to start when a process accepts connections at the path
//     (CheckNoLiveSocket: it tries to connect);
//   * lets gRPC bind a private name next to it, then moves that socket into
//     place (SocketFile::Publish), so gRPC's own clean-up never touches the
//     public path;
//   * removes the public path at shutdown only while it is still the very
//     file it published (same device and inode).
//
//   if (absl::Status free = CheckNoLiveSocket(path); !free.ok()) return free;
//   absl::StatusOr<std::string> private_path = PrivateBindPath(path);
//   ... gRPC listens on "unix:" + *private_path ...
//   absl::StatusOr<SocketFile> mine = SocketFile::Publish(*private_path, path);
//   ...
//   mine->RemoveIfUnchanged();   // at shutdown
#ifndef SCRUB_SERVICE_UNIX_SOCKET_FILE_H_
#define SCRUB_SERVICE_UNIX_SOCKET_FILE_H_

#include <sys/types.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace scrub::service {

// OK when `path` is free to serve on: no file, or a stale socket
// (connection refused). Otherwise an error naming the path:
//   ALREADY_EXISTS       a connection succeeded (or the backlog is full):
//                        "cannot listen on unix:/run/scrub/scrub.sock:
//                        another process is serving on this socket (a
//                        connection to it succeeded); stop it first or
//                        choose another path"
//   UNAVAILABLE          a file that is not a socket is in the way
//   FAILED_PRECONDITION  it cannot be told (e.g. no permission to connect)
absl::Status CheckNoLiveSocket(const std::string& path);

// A name in the same directory as `path` (so that a rename can move it into
// place) that no other process uses: "<dir>/.scrubd-<pid>-<n>.sock".
// INVALID_ARGUMENT when it does not fit a unix socket address.
absl::StatusOr<std::string> PrivateBindPath(const std::string& path);

// A socket file scrubd published, identified by device and inode.
class SocketFile {
 public:
  // Moves the socket bound at `private_path` to `path` (replacing a stale
  // socket there, never another file or a socket that appeared since the
  // check). Errors name `path`.
  static absl::StatusOr<SocketFile> Publish(const std::string& private_path,
                                            const std::string& path);

  // Removes the path if it still names this socket file; leaves a file that
  // replaced it (another process's socket) alone.
  void RemoveIfUnchanged() const;

  const std::string& path() const { return path_; }

 private:
  SocketFile(std::string path, dev_t dev, ino_t ino)
      : path_(std::move(path)), dev_(dev), ino_(ino) {}
  std::string path_;
  dev_t dev_;
  ino_t ino_;
};

}  // namespace scrub::service

#endif  // SCRUB_SERVICE_UNIX_SOCKET_FILE_H_
