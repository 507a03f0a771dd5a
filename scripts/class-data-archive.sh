#!/usr/bin/env bash
# Prints the class-data-sharing archive of one of the project's JVMs (the policy packs' analyzer, the
# CLI) on this classpath, making it first when it is missing or older than the classpath's first jar
# (target/datamesh.jar) or the JVM's options file. The archive is the JDK's dynamic AppCDS
# (-XX:ArchiveClassesAtExit, JDK 13+) of one training run of MAIN ARGS under those options; it lives
# beside that jar, one per name and JDK, since an archive is only valid for the JVM that wrote it.
# Prints nothing when no archive can be made: the JVM then starts without one. Build output goes to
# stderr; stdout carries the path only (the packs' launcher keeps stdout for the analyzer's port).
#
#   scripts/class-data-archive.sh NAME OPTIONS_FILE CLASSPATH MAIN [ARGS...]
set -euo pipefail
usage="usage: class-data-archive.sh NAME OPTIONS_FILE CLASSPATH MAIN [ARGS...]"
name="${1:?$usage}"; options="${2:?$usage}"; classpath="${3:?$usage}"; main="${4:?$usage}"; shift 4
jar="${classpath%%:*}"
jdk="$(readlink -f "$(command -v java)" | cksum | cut -d' ' -f1)"
archive="${jar%.jar}-$name-$jdk.jsa"
fresh() { [[ -f "$archive" && "$archive" -nt "$jar" && "$archive" -nt "$options" ]]; }
if ! fresh; then
  (
    flock 9
    if ! fresh; then
      echo "datamesh: writing the $name's class-data archive ($archive) ..." >&2
      rm -f "$archive.tmp"
      # The JVM warns about every class it cannot archive (old bytecode, JFR events): kept in a log.
      # The run's exit status does not matter (e.g. the samples under edit fail to plan): what it
      # loaded is archived all the same, and a missing archive would retrain on every start.
      java @"$options" -XX:ArchiveClassesAtExit="$archive.tmp" -cp "$classpath" "$main" "$@" > "$archive.log" 2>&1 || true
      if [[ -s "$archive.tmp" ]]; then
        mv -f "$archive.tmp" "$archive"
      else
        echo "datamesh: no class-data archive ($archive.log); the $name starts without one" >&2
        rm -f "$archive.tmp"
      fi
    fi
  ) 9>"$(dirname "$jar")/.build.lock"
fi
if fresh; then echo "$archive"; fi
