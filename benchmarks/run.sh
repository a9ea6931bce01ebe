#!/usr/bin/env bash
# Builds the benchmarks and runs a scenario against every server in one session.
# Usage: bash benchmarks/run.sh echo-ack [clients] [warmup s] [measured s] [targets] [rounds]
#        bash benchmarks/run.sh fan-out [receivers] [step s] [targets] [rounds]
#        bash benchmarks/run.sh idle [connections] [targets] [rounds]
#        bash benchmarks/run.sh idle-shared-port [connections] [processes] [targets]
#        bash benchmarks/run.sh handshakes [clients] [warmup s] [measured s] [targets] [rounds]
#        bash benchmarks/run.sh jmh [JMH options, such as a benchmark name pattern]
# [targets]: a comma-separated list of target names, or all (the default).
# BENCH_JAVA_OPTS adds JVM options to the Java servers (for example -XX:+UseSerialGC, or a JFR recording).
# BENCH_BASELINE_CLASSES=<copy of an earlier autoconfigure/target/classes> adds that build as target baseline-reactor,
# or as baseline-<mode> for each mode in BENCH_BASELINE_MODES (comma-separated, such as threading,virtual-threads).
# BENCH_BASELINE_JAVA_OPTS adds JVM options to the baseline targets alone (a JVM setting measured side by side).
set -euo pipefail
cd "$(dirname "$0")/.."
for candidate in /usr/lib/jvm/*/; do
  major=$("${candidate}bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' || true)
  if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then export JAVA_HOME="${candidate%/}"; break; fi
done
mvn -q -Pbenchmarks -pl benchmarks -am install -DskipTests
(cd benchmarks/node && npm ci --no-audit --no-fund --loglevel=error)
mvn -q -Pbenchmarks -f benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cd benchmarks
java="${JAVA_HOME:-/usr}/bin/java"
classpath="target/classes:$(cat target/classpath.txt)"
if [ "${1:-}" = "jmh" ]; then
  shift
  exec "$java" -cp "$classpath" org.openjdk.jmh.Main "$@"
fi
exec "$java" -Xmx1g -cp "$classpath" io.fluxsocketio.benchmarks.BenchmarkRunner "$@"
