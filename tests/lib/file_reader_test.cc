// Reading whole configuration files: contents, and errors that say what is
// wrong (a directory is not an empty file).
#include "scrub/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <string>

#include "gtest/gtest.h"

namespace scrub {
namespace {

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(ReadRegularFile, ReturnsTheWholeFileByteForByte) {
  const std::string content("policy\0with a NUL\n\xff", 19);
  const auto read = ReadRegularFile(WriteTemp("whole.bin", content), 1024);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, content);
}

TEST(ReadRegularFile, AnEmptyFileIsEmpty) {
  const auto read = ReadRegularFile(WriteTemp("empty.txt", ""), 1024);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, "");
}

TEST(ReadRegularFile, AMissingFileIsNotFoundWithTheSystemsReason) {
  const auto read = ReadRegularFile("/nonexistent/policy.textproto", 1024);
  EXPECT_EQ(read.status(), absl::NotFoundError("No such file or directory"));
}

TEST(ReadRegularFile, ADirectoryIsRefusedNotReadAsEmpty) {
  const auto read = ReadRegularFile("/", 1024);
  EXPECT_EQ(read.status(), absl::FailedPreconditionError("is a directory"));
}

TEST(ReadRegularFile, ADeviceIsNotARegularFile) {
  const auto read = ReadRegularFile("/dev/null", 1024);
  EXPECT_EQ(read.status(), absl::FailedPreconditionError("not a regular file"));
}

// open(2) of a FIFO for reading waits for a writer: a FIFO at a policy path
// must be refused at once, not hang the reader (scrubd's SIGHUP).
TEST(ReadRegularFile, AFifoIsRefusedWithoutWaitingForAWriter) {
  const std::string path = TempPath("policy.fifo");
  unlink(path.c_str());
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  auto read = std::async(std::launch::async, [&] { return ReadRegularFile(path, 1024); });
  if (read.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    // Unblock the reader (a writer appears) so that the test ends.
    const int fd = open(path.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) close(fd);
    FAIL() << "ReadRegularFile blocked on a FIFO";
  }
  EXPECT_EQ(read.get().status(),
            absl::FailedPreconditionError("is a FIFO (named pipe), not a regular file"));
  unlink(path.c_str());
}

TEST(ReadRegularFile, AFileOverTheLimitIsRefusedNamingBothSizes) {
  const auto read = ReadRegularFile(WriteTemp("big.txt", std::string(11, 'x')), 10);
  EXPECT_EQ(read.status(),
            absl::ResourceExhaustedError("11 bytes, more than the 10 allowed"));
  EXPECT_TRUE(ReadRegularFile(TempPath("big.txt"), 11).ok());
}

}  // namespace
}  // namespace scrub
