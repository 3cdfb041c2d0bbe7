#include "cli/line_io.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace scrub::cli {
namespace {

constexpr size_t kReadBlock = 1 << 16;

// True when a read(2) on fd would block now.
bool WouldBlock(int fd) {
  struct pollfd p = {fd, POLLIN, 0};
  int rc;
  do {
    rc = poll(&p, 1, 0);
  } while (rc < 0 && errno == EINTR);
  return rc == 0;
}

}  // namespace

LineReader::LineReader(int fd, std::string name, size_t max_line_bytes)
    : fd_(fd), name_(std::move(name)), max_line_bytes_(max_line_bytes) {
  buffer_.resize(kReadBlock);
}

absl::StatusOr<bool> LineReader::Fill() {
  // Compact, then grow when a line needs more room (up to the limit + 1,
  // which is enough to know it is oversize).
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  if (before_blocking_read_ && WouldBlock(fd_)) before_blocking_read_();
  while (true) {
    const ssize_t n = read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      bytes_read_ += static_cast<size_t>(n);
      return true;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return absl::DataLossError(
        absl::StrCat("cannot read ", name_, ": ", std::strerror(errno)));
  }
}

absl::StatusOr<bool> LineReader::Next(Line* line) {
  size_t scanned = 0;  // bytes of the current line already searched for '\n'
  size_t skipped = 0;  // bytes of an oversize line already dropped
  bool oversize = false;
  // Drops the oversize line's bytes buffer_[begin_, begin_ + len).
  auto drop = [&](size_t len) {
    const absl::string_view bytes(buffer_.data() + begin_, len);
    if (!oversize) head_.assign(bytes.data(), std::min(len, kLineHeadBytes));
    oversize = true;
    if (oversize_bytes_ && !bytes.empty()) oversize_bytes_(bytes);
  };
  // Returns the line ending after buffer_[begin_, begin_ + len).
  auto finish = [&](size_t len, bool has_newline) {
    line->has_newline = has_newline;
    line->bytes = skipped + len;
    if (oversize || len > max_line_bytes_) {
      drop(len);
      line->oversize = true;
      line->text = absl::string_view();
      line->head = head_;
    } else {
      line->oversize = false;
      line->text = absl::string_view(buffer_.data() + begin_, len);
      line->head = line->text.substr(0, kLineHeadBytes);
    }
    begin_ += len + (has_newline ? 1 : 0);
  };
  while (true) {
    const char* data = buffer_.data() + begin_;
    const size_t avail = end_ - begin_;
    const void* nl = avail > scanned ? std::memchr(data + scanned, '\n', avail - scanned)
                                     : nullptr;
    if (nl != nullptr) {
      finish(static_cast<const char*>(nl) - data, /*has_newline=*/true);
      return true;
    }
    scanned = avail;
    if (avail > max_line_bytes_) {
      // Oversize: drop what we have (but its head) and keep looking for the
      // newline.
      drop(avail);
      skipped += avail;
      begin_ = end_ = 0;
      scanned = 0;
    }
    if (eof_) {
      const size_t rest = end_ - begin_;
      if (rest == 0 && !oversize) return false;
      finish(rest, /*has_newline=*/false);
      return true;
    }
    auto more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) eof_ = true;
  }
}

bool WriteAll(int fd, absl::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

OutputWriter::OutputWriter(int fd, size_t capacity) : fd_(fd), capacity_(capacity) {
  buffer_.reserve(capacity_);
}

OutputWriter::~OutputWriter() = default;

void OutputWriter::Write(absl::string_view data) {
  if (!status_.ok()) return;
  bytes_written_ += data.size();
  if (buffer_.size() + data.size() > capacity_) {
    if (!Flush().ok()) return;
  }
  if (data.size() >= capacity_) {
    buffer_.append(data.data(), data.size());
    Flush().IgnoreError();  // status_ keeps any error
    return;
  }
  buffer_.append(data.data(), data.size());
}

absl::Status OutputWriter::Flush() {
  if (!status_.ok()) return status_;
  if (!WriteAll(fd_, buffer_)) {
    status_ = absl::DataLossError(absl::StrCat("cannot write output: ", std::strerror(errno)));
  }
  buffer_.clear();
  return status_;
}

}  // namespace scrub::cli
