// The fuzz targets' regression test: a plain main (no libFuzzer) that runs
// LLVMFuzzerTestOneInput once over every file of the directories it is
// given — a target's seed corpus and the crash inputs ever found — so that
// CI replays them under the gcc ASan + UBSan build (tests/fuzz/BUILD.bazel).
//
//   replay_main [--allow_empty=DIR]... DIR...
//
// Each DIR must hold at least one file (a replay of nothing cannot fail);
// --allow_empty=DIR names a directory that may be empty or missing (the
// crash directory of a target that never crashed). An oracle violation
// aborts, which fails the test; the input's path is printed first.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

// The regular files under `dir` (recursively), sorted; false if `dir` cannot
// be opened.
bool ListFiles(const std::string& dir, std::vector<std::string>* files) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return false;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;  // follows runfiles symlinks
    if (S_ISDIR(st.st_mode)) {
      ListFiles(path, files);
    } else if (S_ISREG(st.st_mode)) {
      files->push_back(path);
    }
  }
  closedir(d);
  std::sort(files->begin(), files->end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  const std::string kAllowEmpty = "--allow_empty=";
  int dirs = 0;
  size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    std::string dir = argv[i];
    const bool may_be_empty = dir.rfind(kAllowEmpty, 0) == 0;
    if (may_be_empty) dir = dir.substr(kAllowEmpty.size());
    std::vector<std::string> files;
    const bool opened = ListFiles(dir, &files);
    if (files.empty() && !may_be_empty) {
      fprintf(stderr, "replay: %s: %s\n", dir.c_str(),
              opened ? "no input files (a replay of nothing cannot fail)" : "cannot open");
      return 1;
    }
    for (const std::string& path : files) {
      std::ifstream in(path, std::ios::binary);
      const std::string data((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) {
        fprintf(stderr, "replay: cannot read %s\n", path.c_str());
        return 1;
      }
      fprintf(stderr, "replay: %s\n", path.c_str());
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    }
    fprintf(stderr, "replay: %zu inputs of %s passed\n", files.size(), dir.c_str());
    total += files.size();
    ++dirs;
  }
  if (dirs == 0) {
    fprintf(stderr, "usage: replay_main [--allow_empty=DIR]... DIR...\n");
    return 2;
  }
  fprintf(stderr, "replay: %zu inputs passed\n", total);
  return 0;
}
