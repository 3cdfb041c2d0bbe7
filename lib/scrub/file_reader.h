// File: scrub/file_reader.h
// -----------------------------------------------------------------------------
//
// Reading small configuration files (policies, keys, certificates, corpora)
// whole, with errors that say what is wrong. The library reads policies and
// key files through it; programs embedding Scrub may read theirs the same
// way.
//
//   absl::StatusOr<std::string> pem = scrub::ReadRegularFile("/etc/scrub/tls.key",
//                                                            1 << 20);
//   if (!pem.ok()) std::cerr << "/etc/scrub/tls.key: " << pem.status().message();
#ifndef SCRUB_FILE_READER_H_
#define SCRUB_FILE_READER_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace scrub {

// The contents of the regular file at `path`, read straight into the returned
// string (no intermediate buffer holds a copy: safe for key files, which the
// caller cleanses). Never blocks on what is not a regular file: a FIFO is
// refused without waiting for a writer. An error's message is the reason alone, for the caller
// to put after the path or the flag it reads:
//   NOT_FOUND / PERMISSION_DENIED   open(2) failed: strerror ("No such file
//                                   or directory")
//   FAILED_PRECONDITION             "is a directory", "is a FIFO (named
//                                   pipe), not a regular file", "is a
//                                   socket, not a regular file", "not a
//                                   regular file" (a device)
//   RESOURCE_EXHAUSTED              "N bytes, more than the M allowed"
//   DATA_LOSS                       read(2) failed, or the file changed size
absl::StatusOr<std::string> ReadRegularFile(const std::string& path, size_t max_bytes);

}  // namespace scrub

#endif  // SCRUB_FILE_READER_H_
