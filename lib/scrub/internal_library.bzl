"""`scrub_internal_library`: a cc_library of the library's implementation.

Every piece under lib/scrub/internal/ is built the same way: its headers are
included as "scrub/internal/..." (the "/lib" prefix stripped, as for the
public headers), and only the library, its tests and its benchmarks may
depend on it (`extra_visibility` adds a package that needs one piece).
Without `srcs`/`hdrs`, a piece is one file pair: internal/NAME.cc and .h.

Example:
    scrub_internal_library(name = "utf8", deps = ["@system//:absl"])
    # srcs = ["internal/utf8.cc"], hdrs = ["internal/utf8.h"]
"""

INTERNAL_VISIBILITY = [
    "//lib:__subpackages__",
    "//tests:__subpackages__",
    "//bench:__subpackages__",
]

def scrub_internal_library(name, srcs = None, hdrs = None, extra_visibility = [], **kwargs):
    native.cc_library(
        name = name,
        srcs = ["internal/%s.cc" % name] if srcs == None else srcs,
        hdrs = ["internal/%s.h" % name] if hdrs == None else hdrs,
        strip_include_prefix = "/lib",
        visibility = INTERNAL_VISIBILITY + extra_visibility,
        **kwargs
    )
