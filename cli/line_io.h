// Streaming line input and buffered output for the `scrub` line filter.
//
// LineReader reads a file descriptor in large blocks and hands out one line
// at a time with constant memory: a line longer than the limit is reported as
// oversize and its bytes are skipped, not buffered. Before any read that
// would block (no input ready, e.g. behind `tail -f`), it calls a hook, which
// the filter uses to flush its output: output is written in large blocks yet
// every line already read appears without waiting for more input.
#ifndef SCRUB_CLI_LINE_IO_H_
#define SCRUB_CLI_LINE_IO_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace scrub::cli {

struct Line {
  absl::string_view text;    // without the '\n' (empty when oversize)
  bool has_newline = false;  // false only for a last line without one
  bool oversize = false;     // longer than max_line_bytes; text dropped
  size_t bytes = 0;          // length of the line in the input, without '\n'
  // The first bytes of the line (up to kLineHeadBytes), also when oversize:
  // enough to tell what kind of line it is (e.g. a JSON record).
  absl::string_view head;
};

inline constexpr size_t kLineHeadBytes = 64;

class LineReader {
 public:
  // `fd` stays owned by the caller. `name` is used in error messages.
  LineReader(int fd, std::string name, size_t max_line_bytes);

  // Called before a read(2) that would block. May be empty.
  void set_before_blocking_read(std::function<void()> hook) {
    before_blocking_read_ = std::move(hook);
  }

  // Called with the bytes of an oversize line as they are dropped, in order,
  // all of them (without the newline), before Next() returns the line. May
  // be empty.
  void set_oversize_bytes(std::function<void(absl::string_view)> hook) {
    oversize_bytes_ = std::move(hook);
  }

  // The next line, or nullopt-like false at end of input. Errors: a read
  // failure, as DATA_LOSS naming the input. The returned text stays valid
  // until the next call.
  absl::StatusOr<bool> Next(Line* line);

  size_t bytes_read() const { return bytes_read_; }

 private:
  // Reads more input into the buffer; false at EOF.
  absl::StatusOr<bool> Fill();

  int fd_;
  std::string name_;
  size_t max_line_bytes_;
  std::string buffer_;
  size_t begin_ = 0;  // unconsumed data is buffer_[begin_, end_)
  size_t end_ = 0;
  bool eof_ = false;
  size_t bytes_read_ = 0;
  std::string head_;  // of an oversize line whose start was dropped
  std::function<void()> before_blocking_read_;
  std::function<void(absl::string_view)> oversize_bytes_;
};

// Writes all of `data` to `fd`, retrying short writes and EINTR. False on an
// error, with errno saying which (EIO if write(2) wrote nothing).
bool WriteAll(int fd, absl::string_view data);

// Buffered writer to a file descriptor: whole blocks, explicit Flush().
class OutputWriter {
 public:
  explicit OutputWriter(int fd, size_t capacity = 1 << 16);
  ~OutputWriter();  // does not flush: call Flush() and check it

  void Write(absl::string_view data);
  // Writes everything buffered. Errors: DATA_LOSS on a write failure (the
  // first error sticks; later writes are dropped).
  absl::Status Flush();
  absl::Status status() const { return status_; }
  // Bytes accepted by Write() so far.
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  int fd_;
  size_t capacity_;
  uint64_t bytes_written_ = 0;
  std::string buffer_;
  absl::Status status_;
};

}  // namespace scrub::cli

#endif  // SCRUB_CLI_LINE_IO_H_
