#!/bin/sh
# The soak's checks can fail: against a scrubd whose policy only REPORTs
# (personal data comes back ALLOW, with findings), the tool must exit 1 and
# name the broken promise.
set -u
policy="$TEST_TMPDIR/report-only.textproto"
printf 'name: "report-only"\nversion: "1"\ndefault_action: ACTION_REPORT\n' > "$policy"
out="$TEST_TMPDIR/soak.out"
"$TEST_SRCDIR/$TEST_WORKSPACE/bench/scrubd_soak" \
  --work_dir="$TEST_TMPDIR" --server_cpu=-1 --client_cpu=-1 \
  --duration=3s --capacity_duration=1s --fraction=0.5 --window=1s --warmup=1s \
  --call_timeout=30s --rss_tolerance=-1 --max_p99_ratio=0 \
  --scrubd_args=--policy="$policy" > "$out" 2>&1
code=$?
cat "$out"
if [ "$code" -ne 1 ]; then
  echo "FAIL: expected exit code 1, got $code"
  exit 1
fi
grep -q '^  \[FAIL\] no personal data ALLOWed' "$out" || {
  echo "FAIL: the personal-data check did not fail"
  exit 1
}
grep -q '^  \[FAIL\] responses name only valid policy versions' "$out" || {
  echo "FAIL: the policy-version check did not fail"
  exit 1
}
echo PASS
