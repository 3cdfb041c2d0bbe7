// File: scrub/version.h
// The library's release, shown by `scrub --version` and `scrubd --version`.
#ifndef SCRUB_VERSION_H_
#define SCRUB_VERSION_H_

namespace scrub {

inline constexpr char kVersion[] = "0.2.0";

// The detection engine's generation. It changes when the same policy can find
// different values in the same text (engine 2: the Unicode detection view,
// digit structure and validating windows of 0.2); scrubd exports it as
// scrubd_build_info{engine}. Before moving a fleet to a new engine, run it
// in shadow with REPORT actions and compare (README, "Upgrading the engine").
inline constexpr int kEngineVersion = 2;

}  // namespace scrub

#endif  // SCRUB_VERSION_H_
