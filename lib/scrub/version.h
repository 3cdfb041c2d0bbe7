// File: scrub/version.h
// The library's release, shown by `scrub --version` and `scrubd --version`.
#ifndef SCRUB_VERSION_H_
#define SCRUB_VERSION_H_

namespace scrub {

inline constexpr char kVersion[] = "0.2.0";

}  // namespace scrub

#endif  // SCRUB_VERSION_H_
