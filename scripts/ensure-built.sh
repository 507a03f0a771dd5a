#!/usr/bin/env bash
# Builds target/datamesh.jar and target/classpath.txt when missing or older than a source, a
# resource or the pom, and prints the runtime classpath. Build output goes to stderr: the policy
# packs' launchers must keep stdout for the analyzer's port. A lock keeps concurrent starts (both
# packs under one `pulumi preview`) from building at the same time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/datamesh.jar"
mkdir -p "$root/target"
(
  flock 9
  if [[ ! -f "$jar" || ! -f "$root/target/classpath.txt" ]] \
     || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "datamesh: building (mvn package) ..." >&2
    mvn -q -B -f "$root/pom.xml" -DskipTests package >&2
  fi
) 9>"$root/target/.build.lock"
echo "$jar:$(cat "$root/target/classpath.txt")"
