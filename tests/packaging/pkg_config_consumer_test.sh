#!/usr/bin/env bash
# Installs libscrub-dev and the shared library package (built by
# `bazel run -c opt //packaging:debs -- DEBDIR`) into a temporary prefix and
# builds programs against them with g++ and pkg-config only, no Bazel:
#   1. every public header compiles on its own;
#   2. a consumer linked with `pkg-config --cflags --libs scrub` against
#      libscrub.so (found through the prefix moved with --define-variable);
#   3. the same consumer linked with libscrub.a and `pkg-config --static`;
#   4. the same consumer built by CMake with pkg_check_modules.
# Usage: tests/packaging/pkg_config_consumer_test.sh DEBDIR   (no root needed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
debs=$(cd "${1:?usage: $0 DEBDIR}" && pwd)
start=$(date +%s)

fail() { echo "pkg_config_consumer_test: FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d /tmp/scrub-pkgconfig.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
for deb in "$debs"/libscrub-dev_*.deb "$debs"/libscrub[0-9]*_*.deb; do
  [ -f "$deb" ] || fail "no $deb"
  dpkg-deb -x "$deb" "$root"
done
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
libdir=$root/usr/lib/$multiarch
version=$(dpkg-deb -f "$(ls "$debs"/libscrub-dev_*.deb)" Version)

# pkg-config as a consumer would run it, with the prefix moved to $root/usr.
export PKG_CONFIG_PATH=$libdir/pkgconfig
pc() { pkg-config --define-variable=prefix="$root/usr" "$@" scrub; }
[ "$(pc --modversion)" = "$version" ] || fail "scrub.pc version $(pc --modversion) != package $version"
pc --cflags | grep -q -- "-I$root/usr/include/scrub/generated" ||
  fail "--define-variable=prefix does not move the include path: $(pc --cflags)"
pc --libs | grep -q -- "-L$libdir" || fail "--define-variable=prefix does not move libdir: $(pc --libs)"
echo "cflags: $(pc --cflags)"
echo "libs:   $(pc --libs)"

# 1. Every installed header compiles alone (includes what it uses, and what it
#    includes is installed or named by scrub.pc).
n=0
for h in "$root"/usr/include/scrub/*.h; do
  echo "#include \"scrub/$(basename "$h")\"" > "$tmp/one_header.cc"
  # shellcheck disable=SC2046
  g++ -std=c++17 -fsyntax-only -Wall -Werror $(pc --cflags) "$tmp/one_header.cc" ||
    fail "scrub/$(basename "$h") does not compile on its own"
  n=$((n + 1))
done
[ "$n" -ge 5 ] || fail "only $n public headers installed"
echo "ok: $n public headers compile on their own"

# 2. Shared: what a Makefile or CMake's pkg_check_modules does.
# shellcheck disable=SC2046
g++ -std=c++17 -O1 -o "$tmp/consumer_shared" "$here/pkg_config_consumer.cc" $(pc --cflags --libs)
ldd "$tmp/consumer_shared" | grep -q "libscrub.so.* => $libdir/" ||
  { LD_LIBRARY_PATH=$libdir ldd "$tmp/consumer_shared" | grep -q "libscrub.so.* => $libdir/" ||
    fail "consumer_shared does not load libscrub from the prefix"; }
out=$(LD_LIBRARY_PATH=$libdir "$tmp/consumer_shared" "$version") || fail "consumer_shared failed"
echo "ok: shared: $out"

# 3. Static: libscrub.a (-l:libscrub.a, as libscrub.so sits next to it) and
#    the private dependencies from --static.
# shellcheck disable=SC2046
g++ -std=c++17 -O1 -o "$tmp/consumer_static" "$here/pkg_config_consumer.cc" \
  $(pc --cflags) $(pc --static --libs | sed 's/-lscrub\b/-l:libscrub.a/')
if ldd "$tmp/consumer_static" | grep -q libscrub; then fail "consumer_static loads libscrub.so"; fi
out=$("$tmp/consumer_static" "$version") || fail "consumer_static failed"
echo "ok: static: $out"

# 4. CMake: pkg_check_modules(... IMPORTED_TARGET scrub), the README's lines
#    (cmake_consumer/CMakeLists.txt); PKG_CONFIG_ARGN moves the prefix.
cmake -S "$here/cmake_consumer" -B "$tmp/cmake" -DPKG_CONFIG_ARGN="--define-variable=prefix=$root/usr" \
  > "$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log" >&2; fail "cmake configure"; }
cmake --build "$tmp/cmake" > "$tmp/cmake-build.log" 2>&1 || { cat "$tmp/cmake-build.log" >&2; fail "cmake build"; }
out=$(LD_LIBRARY_PATH=$libdir "$tmp/cmake/consumer" "$version") || fail "the CMake consumer failed"
echo "ok: CMake pkg_check_modules: $out"

echo "pkg_config_consumer_test: PASSED in $(( $(date +%s) - start ))s"
