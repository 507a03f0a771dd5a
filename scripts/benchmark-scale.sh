#!/usr/bin/env bash
# Generates meshes of growing size, plans them offline in-process and prints time, heap and
# resource counts (docs/benchmarks.md, "Scale"). Needs only JDK 17 and Maven; takes a few minutes.
# The heap is capped at 1 GiB: the central plan of 50 domains must fit in it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mvn -q -B -f "$root/pom.xml" -DskipTests test-compile package >&2
exec java -Xmx1g ${BENCHMARK_JAVA_OPTS:-} \
  -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/target/classpath.txt")" \
  io.datamesh.scale.ScaleBenchmark "$@"
