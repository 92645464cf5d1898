#!/usr/bin/env bash
# First frame of the kiosk against a plain JavaFX window with one label, same machine, same run
# (issue "Trust first"). Usage: bench/first-frame.sh [ROUNDS]   (default 7; the table is printed
# at the end and is what BENCHMARKS.md quotes). Uses the real GTK window on Xvfb (:97), central-sim
# on a free port and the kiosk on simulated devices. On JDK >= 25 it also trains a JDK 25 AOT cache
# (-XX:AOTCacheOutput) with one kiosk run from jars and measures the kiosk started with it.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ZIZHU_ROOT"
find_jdk
ROUNDS="${1:-7}"
mvn_cmd -q -DskipTests install
mvn_cmd -q -pl kiosk-app test-compile
WORK="$(mktemp -d /tmp/zizhu-first-frame.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

export DISPLAY=:97
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
PIDS+=($!)
PORT=18480
"$JAVA_HOME/bin/java" -cp "$(app_classpath)" org.zizhu.kiosk.Main sim central --port "$PORT" --https-port 18443 --state-dir "$WORK/central-state" >"$WORK/central.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/sim/stats" && break; sleep 0.5; done
sleep 1

cat >"$WORK/kiosk.properties" <<PROPS
terminal.id=ZZ-BENCH-0001
central.url=http://127.0.0.1:$PORT/api/v1
data.dir=$WORK/data
ui.fullscreen=false
ui.width=1280
ui.height=800
device.mode=simulated
ops.metricsPort=0
PROPS

PLAIN_CP="$ZIZHU_ROOT/kiosk-app/target/test-classes:$(app_classpath)"
CP="$(app_classpath)"
# The AOT cache needs jars on the class path, never class directories: the kiosk's own jar
# replaces target/classes. The test classes (the plain window) are not part of that run.
JARS_CP="$ZIZHU_ROOT/kiosk-app/target/kiosk-app-0.1.0-SNAPSHOT.jar:$ZIZHU_ROOT/kiosk-app/target/lib/*"
AOT=""
if [ "${JAVA_MAJOR}" -ge 25 ]; then
  AOT="$WORK/kiosk.aot"
  echo "zizhu: training the AOT cache (one kiosk run, stopped 15 s after its first frame)" >&2
  "$JAVA_HOME/bin/java" $(jvm_flags) -XX:AOTCacheOutput="$AOT" -cp "$JARS_CP" org.zizhu.kiosk.Main run --config "$WORK/kiosk.properties" >"$WORK/train.log" 2>&1 &
  TP=$!
  for _ in $(seq 1 120); do grep -q first-frame "$WORK/train.log" && break; sleep 0.5; done
  sleep 15
  kill -TERM "$TP"; wait "$TP" || true
  [ -s "$AOT" ] || die "the AOT cache was not written; see $WORK/train.log"
fi
"$JAVA_HOME/bin/java" -cp "$PLAIN_CP" org.zizhu.kiosk.bench.FirstFrameBench "$ROUNDS" "$JAVA_HOME/bin/java" "$PLAIN_CP" "$CP" "$WORK/kiosk.properties" "$AOT" "$JARS_CP"
