#!/usr/bin/env bash
# pcscd with vsmartcard's vpcd driver: the PC/SC stack the smart-card tests and the demo use.
# vpcd exposes readers "Virtual PCD 00 00" (TCP 35963) and "Virtual PCD 00 01" (TCP 35964) on
# loopback; the virtual cards in device-drivers/smartcard connect to those ports.
#
#   scripts/stacks/pcscd.sh start|stop|restart|status
#
# start   idempotent: does nothing if a pcscd is already running (ours or the system's), else
#         starts `pcscd -f -i` in the background (needs root) and waits until the vpcd readers
#         are listed and port 35963 listens.
# stop    stops only the pcscd this script started (pid file), never a system pcscd.
# restart stop + start; used by the reconnect test and the manual check in docs/smartcard.md.
#
# APDU logging (`-a`) is off by default: it would write every VERIFY PIN command to the log.
# Set ZIZHU_PCSCD_APDU_LOG=1 to turn it on while debugging with test cards only.
set -euo pipefail

STATE_DIR="${ZIZHU_STACK_DIR:-/tmp/zizhu-stacks}"
PIDFILE="$STATE_DIR/pcscd.pid"
LOGFILE="$STATE_DIR/pcscd.log"
VPCD_PORT_HEX=8C7B   # 35963, "Virtual PCD 00 00"

say() { echo "pcscd.sh: $*" >&2; }

vpcd_listening() {
  # Checked through /proc rather than by connecting: a connection to the vpcd port is a card
  # insertion as far as pcscd is concerned.
  grep -qi ":${VPCD_PORT_HEX} 00000000:0000 0A" /proc/net/tcp 2>/dev/null
}

running_pid() {
  pgrep -x pcscd 2>/dev/null | head -n1 || true
}

our_pid() {
  [ -f "$PIDFILE" ] || return 1
  local p; p="$(cat "$PIDFILE")"
  [ -n "$p" ] && [ -d "/proc/$p" ] && [ "$(cat "/proc/$p/comm" 2>/dev/null)" = pcscd ] && echo "$p"
}

wait_ready() {
  local i
  for i in $(seq 1 100); do
    if vpcd_listening && pcsc_scan -r 2>/dev/null | grep -q "Virtual PCD"; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

start() {
  if [ -n "$(running_pid)" ]; then
    wait_ready || { say "pcscd is running but the vpcd readers are not listed: is vsmartcard-vpcd installed? (sudo apt-get install -y vsmartcard-vpcd) then restart pcscd"; exit 1; }
    say "already running (pid $(running_pid))"
    return 0
  fi
  command -v pcscd >/dev/null || { say "pcscd not installed. Run: sudo apt-get update && sudo apt-get install -y pcscd libpcsclite1 vsmartcard-vpcd pcsc-tools"; exit 1; }
  [ -f /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || ls /usr/lib/pcsc/drivers/serial/libifdvpcd.so* >/dev/null 2>&1 || {
    say "vpcd driver missing. Run: sudo apt-get install -y vsmartcard-vpcd"; exit 1; }
  [ "$(id -u)" = 0 ] || { say "pcscd is not running and starting it needs root: sudo $0 start"; exit 1; }
  mkdir -p "$STATE_DIR"
  local flags=(-f -i)
  [ "${ZIZHU_PCSCD_APDU_LOG:-0}" = 1 ] && flags+=(-a)
  # setsid: pcscd must not die with the shell that started it (scripts/test's trap stops it).
  setsid pcscd "${flags[@]}" >"$LOGFILE" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  if ! wait_ready; then
    say "pcscd did not list the vpcd readers within 10 s; log: $LOGFILE"
    tail -n 20 "$LOGFILE" >&2 || true
    exit 1
  fi
  say "started pcscd (pid $(cat "$PIDFILE")), readers: $(pcsc_scan -r 2>/dev/null | grep -c 'Virtual PCD') virtual"
}

stop() {
  local p
  if p="$(our_pid)"; then
    kill "$p" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -d "/proc/$p" ] || break; sleep 0.1; done
    [ -d "/proc/$p" ] && kill -9 "$p" 2>/dev/null || true
    rm -f "$PIDFILE"
    say "stopped pcscd (pid $p)"
  else
    rm -f "$PIDFILE"
    say "no pcscd started by this script is running; nothing to stop"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart)
    if [ -n "$(running_pid)" ] && ! our_pid >/dev/null; then
      say "the running pcscd (pid $(running_pid)) was not started by this script; restart it yourself"
      exit 1
    fi
    stop; start ;;
  status)
    if [ -n "$(running_pid)" ]; then echo "running pid $(running_pid)$(our_pid >/dev/null && echo ' (ours)')"; else echo "not running"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
