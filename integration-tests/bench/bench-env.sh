# Sourced by the benchmark commands: selects JDK 25, builds the bgpd jar when it is missing or
# older than any main source, compiles the benchmark programs (JDK only, no dependencies) into
# integration-tests/target/bench-classes, and runs the named main with --root.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
. "$root/scripts/java-env.sh"

run_bench() {
  local main="$1"; shift
  local jar
  jar=$(ls "$root"/bgpd/target/bgpd-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find "$root" -path '*/src/main/*' -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "building bgpd..." >&2
    (cd "$root" && mvn -q -B -ntp -o -DskipTests -pl bgpd -am package >&2)
  fi
  local src="$root/integration-tests/src/test/java/org/bgpd/bench"
  local out="$root/integration-tests/target/bench-classes"
  if [ ! -d "$out" ] || [ -n "$(find "$src" -newer "$out" -print -quit)" ]; then
    rm -rf "$out" && mkdir -p "$out"
    javac -d "$out" "$src"/*.java
    touch "$out"
  fi
  exec java -Xmx1g -cp "$out" "$main" --root "$root" "$@"
}
