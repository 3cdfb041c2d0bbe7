#!/usr/bin/env bash
# Builds Scrub's Debian packages from what Bazel built:
#
#   bazel run -c opt //packaging:debs -- OUTDIR
#
# writes into OUTDIR (relative to where bazel was run):
#   scrub_V_ARCH.deb          the CLI, /usr/bin/scrub
#   scrubd_V_ARCH.deb         the sidecar, /usr/sbin/scrubd, its systemd unit,
#                             the scrub user, /etc/scrub/policy.textproto
#   libscrubSO_V_ARCH.deb     the shared library (SO = SONAME version, 0.2)
#   libscrub-dev_V_ARCH.deb   headers, libscrub.so link, libscrub.a, scrub.pc
#
# Depends: on Debian's runtime libraries come from dpkg-shlibdeps, run here
# (not in a cached build action) so that they always match this machine's
# libraries; libscrub-dev's from the owners (dpkg -S) of the .pc files and
# libraries scrub.pc names. Needs dpkg-dev and binutils.
# Environment: DEBFULLNAME / DEBEMAIL (the Maintainer field),
# SOURCE_DATE_EPOCH (timestamps; default: the checkout's last commit).
set -euo pipefail

die() { echo "build_debs: $*" >&2; exit 1; }

[ $# -eq 1 ] && [ -n "$1" ] || die "usage: bazel run -c opt //packaging:debs -- OUTDIR"
out=$1
case $out in
  /*) ;;
  *) out="${BUILD_WORKING_DIRECTORY:-$PWD}/$out" ;;
esac

# bazel run starts us in our runfiles tree; find it otherwise.
if [ ! -f packaging/version.txt ]; then
  cd "$0.runfiles/scrub" 2>/dev/null || die "cannot find my runfiles (run me with bazel run)"
fi
runfiles=$(pwd)

for tool in dpkg-deb dpkg-shlibdeps dpkg-architecture readelf strip pkg-config gzip; do
  command -v "$tool" >/dev/null || die "$tool not found (apt-get install dpkg-dev binutils pkg-config)"
done

# Packages hold optimized, uninstrumented code only.
mode=$(cat packaging/compilation_mode.txt)
if [ "$mode" != opt ]; then
  die "built with -c $mode; packages are built with: bazel run -c opt //packaging:debs -- OUTDIR"
fi
for elf in cli/scrub service/scrubd packaging/libscrub.so; do
  if readelf -d "$elf" | grep -Eq 'lib(a|ub|t|l)san'; then
    die "$elf is built with a sanitizer; drop --config=asan/ubsan/tsan"
  fi
done

version=$(cat packaging/version.txt)
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)
soname=$(readelf -d packaging/libscrub.so | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
[ -n "$soname" ] || die "packaging/libscrub.so has no SONAME"
soversion=${soname#libscrub.so.}        # 0.2
libpkg=libscrub$soversion               # Debian policy 8.1: named after the SONAME
maintainer="${DEBFULLNAME:-Scrub maintainers} <${DEBEMAIL:-scrub-maintainers@example.com}>"
commit=""
if [ -n "${BUILD_WORKSPACE_DIRECTORY:-}" ]; then
  commit=$(git -C "$BUILD_WORKSPACE_DIRECTORY" rev-parse --short HEAD 2>/dev/null || true)
  : "${SOURCE_DATE_EPOCH:=$(git -C "$BUILD_WORKSPACE_DIRECTORY" log -1 --format=%ct 2>/dev/null || true)}"
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}

umask 022
work=$(mktemp -d /tmp/scrub-debs.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/src/debian"

# dpkg-shlibdeps wants a source tree's debian/control to exist.
printf 'Source: scrub\nMaintainer: %s\n\nPackage: scrub\nArchitecture: any\n' \
  "$maintainer" > "$work/src/debian/control"
shlibs_depends() {  # ELF files -> the Depends: they need
  # --warnings=1: report unresolved symbols, not "useless dependency" (the
  # binaries are linked without --as-needed; Depends are per package anyway).
  (cd "$work/src" && dpkg-shlibdeps -O --warnings=1 "${@/#/-e}") | sed -n 's/^shlibs:Depends=//p'
}

stage() {  # package -> its staging root, with the documentation Debian wants
  local root="$work/$1"
  mkdir -p "$root/DEBIAN" "$root/usr/share/doc/$1"
  install -m 0644 packaging/debian/copyright "$root/usr/share/doc/$1/copyright"
  {
    echo "scrub ($version) unstable; urgency=medium"
    echo
    echo "  * Scrub $version${commit:+, built from commit $commit}."
    echo
    echo " -- $maintainer  $(date -R -u -d "@$SOURCE_DATE_EPOCH")"
  } | gzip -9n > "$root/usr/share/doc/$1/changelog.gz"
  echo "$root"
}

strip_elf() {  # what dh_strip does: no debug information, no .comment/.note
  strip --remove-section=.comment --remove-section=.note "$@"
}

# A manual page from a program's --help, so that it cannot drift from it.
manpage() {  # NAME SECTION SUMMARY HELP-TEXT-FILE DEST
  local name=$1 section=$2 summary=$3 help=$4 dest=$5
  mkdir -p "$(dirname "$dest")"
  {
    echo ".TH ${name^^} $section \"$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)\" \"$name $version\""
    echo ".SH NAME"
    echo "$name \\- $summary"
    echo ".SH DESCRIPTION"
    echo "The text of \\fB$name \\-\\-help\\fR:"
    echo ".PP"
    echo ".nf"
    sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\&&/" "$help"
    echo ".fi"
    echo ".SH SEE ALSO"
    echo "/usr/share/doc/$name/"
  } | gzip -9n > "$dest"
}

# Fills DEBIAN/control from packaging/debian/TEMPLATE.control, adds md5sums,
# and builds the package into OUTDIR.
build_deb() {
  local root=$1 template=$2 depends=$3 dev_depends=${4:-}
  local size
  size=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s|@VERSION@|$version|g" -e "s|@ARCH@|$arch|g" \
      -e "s|@MAINTAINER@|$maintainer|g" -e "s|@INSTALLED_SIZE@|$size|g" \
      -e "s|@SHLIBS_DEPENDS@|$depends|g" -e "s|@DEV_DEPENDS@|$dev_depends|g" \
      -e "s|@LIBPACKAGE@|$libpkg|g" \
      "packaging/debian/$template.control" > "$root/DEBIAN/control"
  (cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | LC_ALL=C sort -z |
     xargs -0 md5sum) > "$root/DEBIAN/md5sums"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
  echo "build_debs: $(sed -n 's/^Package: //p' "$root/DEBIAN/control")_${version}_$arch.deb" \
       "Depends: $(sed -n 's/^Depends: //p' "$root/DEBIAN/control")"
}

# --- scrub: the CLI ----------------------------------------------------------
root=$(stage scrub)
install -D -m 0755 cli/scrub "$root/usr/bin/scrub"
strip_elf --strip-unneeded "$root/usr/bin/scrub"
cli/scrub --help > "$work/scrub.help"
manpage scrub 1 "redact personal data from chat messages and logs" "$work/scrub.help" \
  "$root/usr/share/man/man1/scrub.1.gz"
build_deb "$root" scrub "$(shlibs_depends "$root/usr/bin/scrub")"

# --- scrubd: the sidecar and its service ------------------------------------
root=$(stage scrubd)
install -D -m 0755 service/scrubd "$root/usr/sbin/scrubd"
strip_elf --strip-unneeded "$root/usr/sbin/scrubd"
service/scrubd --help > "$work/scrubd.help" 2>&1 || true  # absl's --help exits 1
sed -i '/^Try --helpfull/,$d' "$work/scrubd.help"
manpage scrubd 8 "the Scrub personal-data redaction sidecar (gRPC)" "$work/scrubd.help" \
  "$root/usr/share/man/man8/scrubd.8.gz"
install -D -m 0644 packaging/scrubd.service "$root/lib/systemd/system/scrubd.service"
install -D -m 0644 packaging/debian/scrubd.default "$root/etc/default/scrubd"
mkdir -p "$root/etc/scrub"
{
  echo "# /etc/scrub/policy.textproto: scrubd's policy (package scrubd). After an edit:"
  echo "#   scrub policy check /etc/scrub/policy.textproto && systemctl reload scrubd"
  echo "# Schema: /usr/share/scrub/proto/scrub/v1/policy.proto."
  cli/scrub policy print-default
} > "$root/etc/scrub/policy.textproto"
cli/scrub policy check "$root/etc/scrub/policy.textproto" >/dev/null ||
  die "the default policy written by scrub policy print-default does not load"
chmod 0644 "$root/etc/scrub/policy.textproto"
install -D -m 0644 proto/scrub/v1/policy.proto "$root/usr/share/scrub/proto/scrub/v1/policy.proto"
install -D -m 0644 proto/scrub/v1/scrub.proto "$root/usr/share/scrub/proto/scrub/v1/scrub.proto"
install -m 0644 packaging/debian/scrubd.README.Debian "$root/usr/share/doc/scrubd/README.Debian"
printf '/etc/default/scrubd\n/etc/scrub/policy.textproto\n' > "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 0755 "packaging/debian/scrubd.$script" "$root/DEBIAN/$script"
done
build_deb "$root" scrubd "$(shlibs_depends "$root/usr/sbin/scrubd")"

# --- libscrubSO: the shared library -----------------------------------------
root=$(stage "$libpkg")
libdir="$root/usr/lib/$multiarch"
install -D -m 0644 packaging/libscrub.so "$libdir/libscrub.so.$version"
strip_elf --strip-unneeded "$libdir/libscrub.so.$version"
ln -s "libscrub.so.$version" "$libdir/$soname"
# Packages built against it depend on >= this version (no symbols file: the
# ABI is C++ and changes with every 0.x release anyway, with the SONAME).
echo "libscrub $soversion $libpkg (>= $version)" > "$root/DEBIAN/shlibs"
install -m 0644 packaging/debian/libscrub.triggers "$root/DEBIAN/triggers"
build_deb "$root" libscrub "$(shlibs_depends "$libdir/libscrub.so.$version")"

# --- libscrub-dev: headers, libscrub.a, scrub.pc ----------------------------
root=$(stage libscrub-dev)
libdir="$root/usr/lib/$multiarch"
mkdir -p "$libdir/pkgconfig"
ln -s "$soname" "$libdir/libscrub.so"
install -m 0644 packaging/libscrub.a "$libdir/libscrub.a"
strip --strip-debug --remove-section=.comment --enable-deterministic-archives "$libdir/libscrub.a"
sed "s|@MULTIARCH@|$multiarch|" packaging/scrub.pc.in.out > "$libdir/pkgconfig/scrub.pc"
# lib/scrub/x.h -> /usr/include/scrub/x.h; the generated policy.pb.h they
# include as "proto/scrub/v1/policy.pb.h" -> /usr/include/scrub/generated/proto/...
while read -r path runfile; do
  case $path in
    lib/scrub/*) dest="$root/usr/include/scrub/${path#lib/scrub/}" ;;
    *) dest="$root/usr/include/scrub/generated/$path" ;;
  esac
  install -D -m 0644 "$runfile" "$dest"
done < packaging/headers.manifest
# Requires/Requires.private -> the -dev packages holding their .pc files;
# Libs.private -l flags -> the -dev packages holding the .so links.
owners=()
for module in $(sed -n 's/^Requires\(\.private\)\?: //p' "$libdir/pkgconfig/scrub.pc" | tr ',' ' '); do
  pc=$(pkg-config --path "$module") || die "pkg-config module $module not found"
  owners+=("$(dpkg -S "$(realpath -s "$pc")" | cut -d: -f1)")
done
for flag in $(sed -n 's/^Libs\.private: //p' "$libdir/pkgconfig/scrub.pc"); do
  so=$(realpath -s "$(gcc -print-file-name="lib${flag#-l}.so")")
  owners+=("$(dpkg -S "$so" | cut -d: -f1)")
done
dev_depends=$(printf '%s\n' "${owners[@]}" | LC_ALL=C sort -u | paste -sd, | sed 's/,/, /g')
build_deb "$root" libscrub-dev "" "$dev_depends"
