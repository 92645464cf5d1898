# Shared shell functions for scripts/*. Sourced, not run.
# shellcheck shell=bash

ZIZHU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ZIZHU_ROOT

die() { echo "zizhu: $*" >&2; exit 1; }

# Finds a JDK >= 21: JAVA_HOME first, then /usr/lib/jvm/*, newest first. Exports JAVA_HOME.
find_jdk() {
  local cand v
  for cand in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$cand"; export PATH="$JAVA_HOME/bin:$PATH"; JAVA_MAJOR="${v%%.*}"; export JAVA_MAJOR
      return 0
    fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "zizhu: no JDK >= 21 found; installing openjdk-21-jdk-headless" >&2
    apt_install openjdk-21-jdk-headless || true
    [ -x /usr/lib/jvm/java-21-openjdk-amd64/bin/java ] || [ -x /usr/lib/jvm/java-21-openjdk-arm64/bin/java ] && { unset JAVA_HOME; find_jdk; return; }
  fi
  die "no JDK >= 21 found (looked at JAVA_HOME and /usr/lib/jvm/*). Install one, e.g.: sudo apt-get install -y openjdk-21-jdk-headless  (or Temurin 25) and set JAVA_HOME"
}

# JVM flags every launch needs on this JDK (native access for jSerialComm/JNA, Unsafe for JavaFX).
jvm_flags() {
  # JavaFX's on-screen keyboard appears on touch screens when a text field (search) is focused.
  local f="--enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8 -Dcom.sun.javafx.virtualKeyboard=javafx"
  [ "${JAVA_MAJOR:-21}" -ge 23 ] && f="$f --sun-misc-unsafe-memory-access=allow"
  echo "$f"
}

APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then apt-get update -qq >&2 || true; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Installs the Debian packages listed in scripts/packages.d/<set>.txt (root), or prints the
# exact command and stops (not root). Sets: common, test, demo.
ensure_packages() {
  local pkgs=() missing=() p f
  for f in "$@"; do
    [ -f "$ZIZHU_ROOT/scripts/packages.d/$f.txt" ] || continue
    while read -r p; do p="${p%%#*}"; p="$(echo "$p" | xargs)"; [ -n "$p" ] && pkgs+=("$p"); done < "$ZIZHU_ROOT/scripts/packages.d/$f.txt"
  done
  # "a|b": either name will do (Debian 13 renamed some libraries, e.g. libgtk-3-0t64); the
  # first one the package index knows is installed.
  local alt installed
  for p in "${pkgs[@]}"; do
    installed=""
    for alt in ${p//|/ }; do
      [[ "$(dpkg-query -W -f='${Status}' "$alt" 2>/dev/null || true)" == *"install ok installed"* ]] && { installed=1; break; }
    done
    [ -n "$installed" ] && continue
    if [[ "$p" == *"|"* ]]; then
      for alt in ${p//|/ }; do apt-cache show "$alt" >/dev/null 2>&1 && { missing+=("$alt"); continue 2; }; done
      missing+=("${p%%|*}")
    else
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "zizhu: installing Debian packages: ${missing[*]}" >&2
    apt_install "${missing[@]}" || die "apt-get install failed for: ${missing[*]}"
  else
    die "missing Debian packages. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
}

mvn_cmd() {
  command -v mvn >/dev/null || { ensure_packages_list maven; }
  mvn -B -ntp "$@"
}

ensure_packages_list() {
  if [ "$(id -u)" = 0 ]; then apt_install "$@"; else die "missing: $*. Run: sudo apt-get install -y $*"; fi
}

# Builds the project (without tests) if any source is newer than the last build stamp.
build_if_needed() {
  local stamp="$ZIZHU_ROOT/kiosk-app/target/.built"
  if [ ! -f "$stamp" ] || [ -n "$(find "$ZIZHU_ROOT" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
    echo "zizhu: building (mvn -DskipTests install) ..." >&2
    (cd "$ZIZHU_ROOT" && mvn_cmd -q -DskipTests install) || die "build failed"
    touch "$stamp"
  fi
}

# Classpath of the kiosk application and everything it ships with (device modules, central-sim).
app_classpath() {
  echo "$ZIZHU_ROOT/kiosk-app/target/classes:$ZIZHU_ROOT/kiosk-app/target/lib/*"
}

# The same from jars only: a JDK 25 AOT cache refuses class directories.
app_jar_classpath() {
  local jar
  jar="$(ls "$ZIZHU_ROOT"/kiosk-app/target/kiosk-app-*.jar 2>/dev/null | grep -v -- '-tests\.jar$' | head -1)"
  [ -n "$jar" ] || die "no kiosk-app jar in kiosk-app/target (build it, or copy it there with lib/)"
  echo "$jar:$ZIZHU_ROOT/kiosk-app/target/lib/*"
}

# A TCP port nobody listens on now (loopback).
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  die "no free port found"
}
