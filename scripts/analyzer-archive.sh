#!/usr/bin/env bash
# Prints the class-data-sharing archive for the policy packs' JVM on this classpath, making it first
# when it is missing or older than the classpath's first jar (target/datamesh.jar for the packs).
# The archive is the JDK's dynamic AppCDS (-XX:ArchiveClassesAtExit, JDK 13+) of one training run
# (io.datamesh.policy.analyzer.AnalyzerTraining); it lives beside that jar, one per JDK, since an
# archive is only valid for the JVM that wrote it. Prints nothing when no archive can be made: the
# packs then start without one. Build output goes to stderr; stdout carries the path only.
#
#   scripts/analyzer-archive.sh CLASSPATH
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classpath="${1:?usage: analyzer-archive.sh CLASSPATH}"
jar="${classpath%%:*}"
jdk="$(readlink -f "$(command -v java)" | cksum | cut -d' ' -f1)"
archive="${jar%.jar}-analyzer-$jdk.jsa"
options="$root/policy-packs/bin/analyzer.jvm"
fresh() { [[ -f "$archive" && "$archive" -nt "$jar" && "$archive" -nt "$options" ]]; }
if ! fresh; then
  (
    flock 9
    if ! fresh; then
      echo "datamesh: writing the policy packs' class-data archive ($archive) ..." >&2
      rm -f "$archive.tmp"
      # The JVM warns about every class it cannot archive (old bytecode, JFR events): kept in a log.
      if java @"$options" -XX:ArchiveClassesAtExit="$archive.tmp" -cp "$classpath" \
           io.datamesh.policy.analyzer.AnalyzerTraining > "$archive.log" 2>&1 && [[ -s "$archive.tmp" ]]; then
        mv -f "$archive.tmp" "$archive"
      else
        echo "datamesh: no class-data archive ($archive.log); the policy packs start without one" >&2
        rm -f "$archive.tmp"
      fi
    fi
  ) 9>"$(dirname "$jar")/.build.lock"
fi
if fresh; then echo "$archive"; fi
