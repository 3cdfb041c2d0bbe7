# Turns the .tsv files into C++ tables (see lib/scrub/internal/region_table.h):
#   awk -f tsv_to_cc.awk regions.tsv towns.tsv area_codes.tsv > region_table.cc
# Fails on any malformed line, so a bad data file breaks the build loudly.
BEGIN {
  FS = "\t"
  print "// Generated from third_party/gbt2260/{regions,towns}.tsv by tsv_to_cc.awk."
  print "// Do not edit; regenerate the data with third_party/gbt2260/regenerate.sh."
  print "#include \"lib/scrub/internal/region_table.h\"  // a private header of :region_codes"
  print ""
  print "namespace scrub::internal {"
  print ""
  section = ""
}
function fail(msg) {
  printf("%s:%d: %s\n", FILENAME, FNR, msg) > "/dev/stderr"
  failed = 1
  exit 1
}
/^#/ { next }
/^$/ { next }
{
  if (FILENAME != section) {
    if (section != "") print "};"
    section = FILENAME
    if (section ~ /regions\.tsv$/) {
      print "const RegionRecord kRegionRecords[] = {"
      kind = "regions"
    } else if (section ~ /towns\.tsv$/) {
      print "const TownRecord kTownRecords[] = {"
      kind = "towns"
    } else if (section ~ /area_codes\.tsv$/) {
      print "const AreaCodeRecord kAreaCodeRecords[] = {"
      kind = "area_codes"
    } else {
      fail("unexpected input file")
    }
  }
  if ($2 == "" || $2 ~ /["\\]/) fail("bad name")
  if (kind == "regions") {
    if (NF != 3 || $1 !~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/) fail("bad region line")
    if ($3 != "current" && $3 != "historic") fail("bad status")
    printf("    {%d, \"%s\", %s},\n", $1 + 0, $2, ($3 == "current") ? "true" : "false")
    ++regions
  } else if (kind == "area_codes") {
    if (NF != 2 || $1 !~ /^0[0-9][0-9][0-9]?$/) fail("bad area code line")
    printf("    {\"%s\", \"%s\"},\n", $1, $2)
    ++area_codes
  } else {
    if (NF != 2 || $1 !~ /^[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]$/) {
      fail("bad town line")
    }
    printf("    {%d, \"%s\"},\n", $1 + 0, $2)
    ++towns
  }
}
END {
  if (failed) exit 1
  if (regions == 0 || towns == 0 || area_codes == 0) {
    print "tsv_to_cc.awk: needs non-empty regions.tsv, towns.tsv, area_codes.tsv" \
        > "/dev/stderr"
    exit 1
  }
  print "};"
  print ""
  printf("const size_t kRegionRecordCount = %d;\n", regions)
  printf("const size_t kTownRecordCount = %d;\n", towns)
  printf("const size_t kAreaCodeRecordCount = %d;\n", area_codes)
  print ""
  print "}  // namespace scrub::internal"
}
