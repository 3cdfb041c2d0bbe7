// Counts heap allocations in a test or benchmark binary: linking this
// library replaces the global operator new (and its delete) with one that
// counts each call before it allocates with malloc. Only binaries that
// measure allocations (tests/lib/allocation_test, the typical-chat
// benchmark) may depend on it.
#ifndef SCRUB_TESTS_SUPPORT_ALLOCATION_COUNTER_H_
#define SCRUB_TESTS_SUPPORT_ALLOCATION_COUNTER_H_

#include <cstdint>

namespace scrub::testing {

// Calls of the global operator new in this process so far, on all threads.
uint64_t AllocationCount();

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SUPPORT_ALLOCATION_COUNTER_H_
