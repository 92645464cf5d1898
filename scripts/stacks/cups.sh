#!/usr/bin/env bash
# CUPS stack for the printing tests: dbus (system bus), avahi (loopback only, publishing off),
# ippeveprinter (a real IPP Everywhere printer) on a fixed loopback port spooling to /tmp, and
# cupsd with queue "zizhu-a4" pointing at it.  Usage: cups.sh start|stop|status  (as root)
# Idempotent: start leaves running pieces alone; stop kills only the processes this script
# started (their pids are recorded in $STATE).
set -euo pipefail
STATE=${ZIZHU_CUPS_STATE:-/tmp/zizhu-cups}
PORT=${ZIZHU_IPP_PORT:-8631}
SPOOL="$STATE/spool"
QUEUE=zizhu-a4

log() { echo "cups.sh: $*" >&2; }
die() { echo "cups.sh: $*" >&2; exit 1; }
# A process counts only if it is not a zombie (containers may not reap what we killed).
pid_alive() { [ -n "$1" ] && [ -d "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }
alive() { [ -f "$STATE/$1.pid" ] && pid_alive "$(cat "$STATE/$1.pid")"; }
running() { ps -eo stat=,comm= | awk -v n="$1" '$2 == n && $1 !~ /^Z/ { f = 1 } END { exit !f }'; }
need() { command -v "$1" >/dev/null || die "missing $1 (Debian package $2): apt-get install -y $2"; }
wait_port() { # host port seconds
  local i; for i in $(seq 1 $(( $3 * 10 ))); do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

start() {
  [ "$(id -u)" = 0 ] || die "must run as root (starts dbus, avahi and cupsd)"
  need dbus-daemon dbus; need avahi-daemon avahi-daemon; need ippeveprinter cups-ipp-utils
  need cupsd cups; need lpadmin cups-client; need cupsenable cups-bsd
  mkdir -p "$STATE" "$SPOOL" /run/dbus
  chmod 0777 "$SPOOL"

  # 1. dbus system bus (avahi needs it)
  if [ -S /run/dbus/system_bus_socket ] && running dbus-daemon; then
    log "dbus already running"
  else
    rm -f /run/dbus/pid /run/dbus/system_bus_socket
    dbus-daemon --system --fork --print-pid > "$STATE/dbus.pid"
    log "dbus started (pid $(cat "$STATE/dbus.pid"))"
  fi

  # 2. avahi, loopback only, publishing off
  if running avahi-daemon; then
    log "avahi already running"
  else
    cat > "$STATE/avahi-daemon.conf" <<CONF
[server]
allow-interfaces=lo
use-ipv4=yes
use-ipv6=no
[publish]
disable-publishing=yes
CONF
    rm -f /run/avahi-daemon/pid
    setsid avahi-daemon -f "$STATE/avahi-daemon.conf" --no-rlimits > "$STATE/avahi.log" 2>&1 < /dev/null &
    echo $! > "$STATE/avahi.pid"
    sleep 0.5
    alive avahi || die "avahi-daemon failed to start: $(tail -5 "$STATE/avahi.log")"
    log "avahi started (pid $(cat "$STATE/avahi.pid"))"
  fi

  # 3. ippeveprinter: keeps (-k) every job's document in $SPOOL
  if alive ippeveprinter; then
    log "ippeveprinter already running"
  else
    setsid ippeveprinter -k -n localhost -p "$PORT" -d "$SPOOL" -f application/pdf "Zizhu A4" \
      > "$STATE/ippeveprinter.log" 2>&1 < /dev/null &
    echo $! > "$STATE/ippeveprinter.pid"
    wait_port 127.0.0.1 "$PORT" 10 || die "ippeveprinter not listening on $PORT: $(tail -5 "$STATE/ippeveprinter.log")"
    log "ippeveprinter started on port $PORT (pid $(cat "$STATE/ippeveprinter.pid"))"
  fi

  # 4. cupsd
  if running cupsd; then
    log "cupsd already running"
  else
    mkdir -p /run/cups
    setsid cupsd -f > "$STATE/cupsd.log" 2>&1 < /dev/null &
    echo $! > "$STATE/cupsd.pid"
    wait_port 127.0.0.1 631 15 || die "cupsd not listening on 631: $(tail -5 "$STATE/cupsd.log")"
    log "cupsd started (pid $(cat "$STATE/cupsd.pid"))"
  fi

  # 5. the queue (recreated when missing or pointing elsewhere), enabled and accepting
  if ! lpstat -v "$QUEUE" 2>/dev/null | grep -q "ipp://localhost:$PORT/ipp/print"; then
    local i ok=""
    for i in 1 2 3 4 5; do
      if lpadmin -p "$QUEUE" -E -v "ipp://localhost:$PORT/ipp/print" -m everywhere 2> "$STATE/lpadmin.err"; then ok=1; break; fi
      sleep 1
    done
    [ -n "$ok" ] || die "lpadmin failed: $(cat "$STATE/lpadmin.err")"
    log "queue $QUEUE created"
  fi
  # The kiosk's queue settings (docs/printing.md, "Spool and queue settings"): no banner page
  # (it would print the job name and user for whoever takes the paper), and a job the backend
  # cannot deliver is aborted rather than retried unattended later (ErrorPolicy retry-job
  # retries every 30 s, up to 5 times). cupsd.conf is left at Debian's default on purpose: it
  # keeps finished jobs' documents for a day (PreserveJobFiles 86400), the case the driver's
  # purge and its warning (CupsJobCancellationTest) must handle. A terminal sets
  # PreserveJobFiles No as well.
  lpadmin -p "$QUEUE" -o printer-error-policy=abort-job -o job-sheets-default=none,none
  cupsenable "$QUEUE"; cupsaccept "$QUEUE"
  log "ready: queue $QUEUE -> ipp://localhost:$PORT/ipp/print, spool $SPOOL"
}

stop() {
  local p
  for p in cupsd ippeveprinter avahi dbus; do
    if alive "$p"; then
      local pid; pid="$(cat "$STATE/$p.pid")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do pid_alive "$pid" || break; sleep 0.1; done
      log "stopped $p"
    fi
    rm -f "$STATE/$p.pid"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) # exit 3 unless the printer and cupsd are up (scripts/demo leaves a running stack to its owner)
    for p in dbus avahi ippeveprinter cupsd; do alive "$p" && echo "$p running" || echo "$p not started here"; done
    alive ippeveprinter && running cupsd || exit 3 ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
