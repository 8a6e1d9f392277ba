# Sourced by the project's scripts: select JDK 25 whatever the default `java` is
# (Debian's default here is 17, which cannot compile release 25 nor run .mvn/jvm.config).
if [ -z "${BGPD_JAVA_HOME:-}" ]; then
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$d/bin/java" ]; then BGPD_JAVA_HOME=$d; break; fi
  done
fi
if [ -z "${BGPD_JAVA_HOME:-}" ] || ! "$BGPD_JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  echo "bgpd needs JDK 25: install Temurin 25 under /usr/lib/jvm or set BGPD_JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME="$BGPD_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
