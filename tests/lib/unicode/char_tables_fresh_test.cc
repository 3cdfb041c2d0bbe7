// The checked-in char_tables.inc is exactly what the generator writes now.
// Usage (from Bazel): char_tables_fresh_test GENERATOR CHECKED_IN_TABLES
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace {

std::string g_generator;
std::string g_checked_in;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first line where `a` and `b` differ, 1-based, with both versions.
std::string FirstDifference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(sa, la));
    const bool more_b = static_cast<bool>(std::getline(sb, lb));
    if (!more_a && !more_b) return "(no line differs; line endings?)";
    if (!more_a || !more_b || la != lb) {
      return "line " + std::to_string(line) + ":\n  checked in: " +
             (more_a ? la : "<end of file>") + "\n  generated:  " +
             (more_b ? lb : "<end of file>");
    }
  }
}

TEST(CharTablesFresh, CheckedInTablesEqualTheGeneratorsOutput) {
  ASSERT_FALSE(g_generator.empty()) << "usage: GENERATOR CHECKED_IN_TABLES";
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string out = std::string(tmp != nullptr ? tmp : "/tmp") + "/char_tables.inc";
  const std::string command = "'" + g_generator + "' '" + out + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  const std::string checked_in = ReadFile(g_checked_in);
  const std::string generated = ReadFile(out);
  ASSERT_FALSE(generated.empty());
  EXPECT_TRUE(checked_in == generated)
      << "lib/scrub/internal/unicode/char_tables.inc is stale (the generator "
         "or ICU changed). Regenerate it with tools/unicode/regenerate.sh and "
         "commit the result. First difference at "
      << FirstDifference(checked_in, generated);
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc == 3) {
    g_generator = argv[1];
    g_checked_in = argv[2];
  }
  return RUN_ALL_TESTS();
}
