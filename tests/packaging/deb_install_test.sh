#!/usr/bin/env bash
# Installs the Debian packages built by `bazel run -c opt //packaging:debs --
# DEBDIR` into THIS machine with dpkg -i (CI: a fresh Debian 12 machine, as
# root), checks them, starts scrubd the way its systemd unit does, checks its
# gRPC health, reloads it, stops it, and removes and purges the packages,
# checking that nothing is left behind.
#
# Where systemd runs (PID 1), the service started by postinst is checked
# through systemctl. Elsewhere (containers) the unit's own lines are
# followed: User/Group, RuntimeDirectory, LogsDirectory, UMask,
# EnvironmentFile, ExecStart, ExecReload.
#
# Needs root; without it the test says SKIPPED. It refuses to run where a
# scrub package or a "scrub" user is already present (it would remove them).
# Usage: tests/packaging/deb_install_test.sh DEBDIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
debs=$(cd "${1:?usage: $0 DEBDIR}" && pwd)
start=$(date +%s)

fail() {
  echo "deb_install_test: FAIL: $*" >&2
  if [ -n "${systemd:-}" ]; then
    systemctl status scrubd --no-pager >&2 || true
    journalctl -u scrubd --no-pager -n 50 >&2 || true
  elif [ -f "${log:-}" ]; then
    sed "s/^/  scrubd: /" "$log" >&2
  fi
  exit 1
}
ok() { echo "ok: $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "deb_install_test: SKIPPED (needs root: it installs the packages into this machine)"
  exit 0
fi

known_to_dpkg() {  # installed, or with conffiles left, or half-way
  local status
  status=$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)
  [ -n "$status" ] && [ "$status" != not-installed ]
}

mapfile -t files < <(ls "$debs"/scrub_*.deb "$debs"/scrubd_*.deb "$debs"/libscrub*.deb)
[ "${#files[@]}" -eq 4 ] || fail "want 4 packages in $debs, found: ${files[*]}"
packages=()
for f in "${files[@]}"; do packages+=("$(dpkg-deb -f "$f" Package)"); done
version=$(dpkg-deb -f "$debs"/scrub_*.deb Version)

for p in "${packages[@]}"; do
  if known_to_dpkg "$p"; then
    fail "$p is already installed here; not touching it"
  fi
done
if getent passwd scrub >/dev/null || getent group scrub >/dev/null; then
  fail "a scrub user or group exists already; not touching it"
fi

tmp=$(mktemp -d /tmp/scrub-debtest.XXXXXX)
log=$tmp/scrubd.log
pid=""
cleanup() {
  # scrubd must be gone before purge, or deluser refuses a user in use.
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  dpkg --purge "${packages[@]}" >/dev/null 2>&1 || true
  rm -rf "$tmp" "${rundir:-/nonexistent}"
}
trap cleanup EXIT

# --- install -----------------------------------------------------------------
dpkg -i "${files[@]}" > "$tmp/dpkg-i.log" 2>&1 || { cat "$tmp/dpkg-i.log" >&2; fail "dpkg -i"; }
for p in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${Status} ${Version}' "$p")" = "install ok installed $version" ] ||
    fail "$p is not installed: $(dpkg-query -W -f='${Status} ${Version}' "$p")"
done
ok "dpkg -i ${packages[*]}"
mapfile -t installed < <(dpkg -L "${packages[@]}" | sort -u)

[ "$(scrub --version)" = "scrub $version" ] || fail "scrub --version: $(scrub --version)"
[ "$(echo '电话138-1234-5678' | scrub redact)" = "电话[CN_MOBILE]" ] || fail "scrub redact"
scrub policy check /etc/scrub/policy.textproto >/dev/null || fail "the installed policy does not load"
[ "$(/usr/sbin/scrubd --version 2>&1)" = "scrubd $version" ] || fail "scrubd --version"
[ "$(pkg-config --modversion scrub)" = "$version" ] || fail "pkg-config does not find scrub.pc"
ok "scrub --version, scrub redact, the installed policy loads, pkg-config finds scrub"

[[ "$(dpkg-query -W -f='${Conffiles}' scrubd)" == *" /etc/scrub/policy.textproto "* ]] ||
  fail "/etc/scrub/policy.textproto is not a conffile"
[[ "$(ldconfig -p)" =~ libscrub\.so\.[0-9.]+\  ]] || fail "libscrub is not in the ldconfig cache"
IFS=: read -r _ _ uid _ _ home shell < <(getent passwd scrub)
[ "$uid" -lt 1000 ] && [ "$home" = /nonexistent ] && [ "$shell" = /usr/sbin/nologin ] ||
  fail "scrub user: uid $uid home $home shell $shell"
getent group scrub >/dev/null || fail "no scrub group"
[ -L /etc/systemd/system/multi-user.target.wants/scrubd.service ] || fail "scrubd.service is not enabled"
unit=/lib/systemd/system/scrubd.service
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" > "$tmp/verify.log" 2>&1 || { cat "$tmp/verify.log" >&2; fail "systemd-analyze verify"; }
fi
ok "conffile, ldconfig, system user $uid, unit enabled and verified"

# --- the service ---------------------------------------------------------------
unit_value() {  # KEY -> its value in the unit (continuation lines joined)
  sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$unit" | sed -n "s/^$1=//p" | tr -s ' '
}
socket=$(unit_value ExecStart | sed -n 's|.*--listen=unix://\([^ ]*\).*|\1|p')
metrics=$(unit_value ExecStart | sed -n 's|.*--metrics_listen=\([^ ]*\).*|\1|p')
[ -n "$socket" ] || fail "no unix socket in ExecStart"
user=$(unit_value User)
group=$(unit_value Group)
[ "$user" = scrub ] && [ "$group" = scrub ] || fail "the unit runs scrubd as $user:$group"
rundir=/run/$(unit_value RuntimeDirectory)
health() { /usr/bin/python3 "$here/grpc_health_check.py" "unix:$socket" "$@"; }
wait_serving() {
  for _ in $(seq 600); do
    health >/dev/null 2>&1 && health scrub.v1.Scrub >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  fail "scrubd is not SERVING on $socket"
}
wait_logged() {  # a line scrubd logs
  for _ in $(seq 100); do [[ "$(scrubd_log)" == *"$1"* ]] && return 0; sleep 0.1; done
  fail "scrubd did not log \"$1\""
}

if [ -d /run/systemd/system ]; then
  # systemd runs here: postinst has enabled and started the service.
  systemd=1
  scrubd_log() { journalctl -u scrubd --no-pager -o cat --since "@$since"; }
  wait_serving
  systemctl is-active --quiet scrubd || fail "systemctl: scrubd is not active"
  ok "systemd started scrubd.service on installation"
  reload() { systemctl reload scrubd; }
  stop() {
    systemctl stop scrubd
    [ "$(systemctl show -p ExecMainStatus --value scrubd)" = 0 ] ||
      fail "scrubd exited with $(systemctl show -p ExecMainStatus --value scrubd) when stopped"
  }
else
  # No systemd (a container): do what the unit says, line by line.
  systemd=""
  scrubd_log() { cat "$log"; }
  install -d -m "$(unit_value RuntimeDirectoryMode)" -o "$user" -g "$group" "$rundir"
  install -d -m "$(unit_value LogsDirectoryMode)" -o "$user" -g "$group" \
    "/var/log/$(unit_value LogsDirectory)"
  envfile=$(unit_value EnvironmentFile)
  # ExecStart's words, with $SCRUBD_OPTS from Environment= and the
  # EnvironmentFile, split on whitespace as systemd does with an unquoted $VAR.
  mapfile -t cmd < <(
    set -a
    eval "$(unit_value Environment)"
    [ -f "${envfile#-}" ] && . "${envfile#-}"
    eval "for w in $(unit_value ExecStart); do echo \"\$w\"; done"
  )
  echo "ExecStart as $user:$group: ${cmd[*]}"
  (umask "$(unit_value UMask)" &&
   exec setpriv --reuid="$user" --regid="$group" --init-groups --no-new-privs -- "${cmd[@]}") \
    > "$log" 2>&1 &
  pid=$!
  wait_serving
  ok "scrubd started as the unit says"
  reload() { MAINPID=$pid eval "$(unit_value ExecReload)"; }
  stop() {  # KillSignal=SIGTERM; systemd then removes the RuntimeDirectory
    kill -"$(unit_value KillSignal | sed 's/^SIG//')" "$pid"
    local code=0
    wait "$pid" || code=$?
    pid=""
    [ "$code" -eq 0 ] || fail "scrubd exited with $code on SIGTERM"
    rm -rf "$rundir"
  }
fi

main=$(pgrep -f "^/usr/sbin/scrubd " | head -1)
[ "$(ps -o user= -p "$main")" = scrub ] || fail "scrubd runs as $(ps -o user= -p "$main")"
[ "$(stat -c '%a %U %G' "$socket")" = "660 scrub scrub" ] ||
  fail "socket is $(stat -c '%a %U %G' "$socket"), want 660 scrub scrub"
refused=$(setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
           /usr/bin/python3 "$here/grpc_health_check.py" "unix:$socket" 2>&1) &&
  fail "a user outside the scrub group could call scrubd"
[[ "$refused" == *UNAVAILABLE* ]] || fail "outside the scrub group: want UNAVAILABLE, got $refused"
ok "scrubd SERVING as user scrub; socket 0660 scrub:scrub; others refused"

since=$(date +%s)
reload
wait_logged "policy reloaded"
wait_serving
ok "reload (SIGHUP) re-read the policy"

if [ -n "$metrics" ] && command -v curl >/dev/null; then
  body=$(curl -sf "http://$metrics/metrics") || fail "no metrics on $metrics"
  grep -q '^scrubd_policy_info' <<<"$body" || fail "no scrubd_policy_info on $metrics"
  ok "metrics on $metrics"
fi

stop
ok "stopped: exit status 0"

# --- upgrade in place, remove, purge -----------------------------------------------
dpkg -i "$debs"/scrubd_*.deb > "$tmp/dpkg-reinstall.log" 2>&1 || { cat "$tmp/dpkg-reinstall.log" >&2; fail "reinstalling scrubd"; }
ok "reinstalling scrubd over itself"
dpkg -r scrubd > /dev/null
[ ! -e /usr/sbin/scrubd ] || fail "dpkg -r left /usr/sbin/scrubd"
[ -f /etc/scrub/policy.textproto ] || fail "dpkg -r removed the conffile"
ok "dpkg -r scrubd keeps /etc/scrub/policy.textproto"

dpkg --purge "${packages[@]}" > "$tmp/purge.log" 2>&1 || { cat "$tmp/purge.log" >&2; fail "dpkg --purge"; }
for p in "${packages[@]}"; do
  if known_to_dpkg "$p"; then
    fail "$p is still known to dpkg after purge"
  fi
done
left=()
for f in "${installed[@]}" /etc/scrub /var/log/scrub /etc/default/scrubd \
         /etc/systemd/system/multi-user.target.wants/scrubd.service; do
  # Shared folders (/usr/bin, ...) stay; everything of ours must be gone.
  if [ -e "$f" ] || [ -L "$f" ]; then
    if [ ! -d "$f" ] || [[ "$f" == */scrub* ]]; then left+=("$f"); fi
  fi
done
[ "${#left[@]}" -eq 0 ] || fail "left after purge: ${left[*]}"
if getent passwd scrub >/dev/null || getent group scrub >/dev/null; then
  fail "the scrub user or group is left after purge"
fi
orphans=$(find /etc /run /var/log /var/lib -xdev -uid "$uid" 2>/dev/null | head -5)
[ -z "$orphans" ] || fail "files of the purged scrub user (uid $uid) are left: $orphans"
ok "dpkg --purge: no files, conffiles, user or group left"

echo "deb_install_test: PASSED in $(( $(date +%s) - start ))s"
