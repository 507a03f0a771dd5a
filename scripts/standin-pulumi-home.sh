#!/usr/bin/env bash
# Prepares an isolated PULUMI_HOME for running the program under the real Pulumi CLI on this
# machine, and prints its path on the last stdout line:
#   - plugins/language-java-v<ver>/pulumi-language-java: the Java language host built by
#     scripts/install-pulumi-tools.sh (the CLI does not bundle it);
#   - plugins/resource-aws-v6.83.0/pulumi-resource-aws: a launcher for the STAND-IN aws provider
#     (src/test/java/io/datamesh/e2e/standin), a test double of the provider plugin, NOT of AWS.
# The CLI's plugin cache is a directory per plugin named <kind>-<name>-v<version> holding an
# executable pulumi-<kind>-<name>; a sibling <dir>.partial would mark it half-installed.
#
#   scripts/standin-pulumi-home.sh DIR [TOOLS_BIN]     (TOOLS_BIN defaults to the installer's output)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${1:?usage: standin-pulumi-home.sh PULUMI_HOME_DIR [TOOLS_BIN]}"
bin="${2:-$("$root/scripts/install-pulumi-tools.sh" | tail -1)}"
# shellcheck disable=SC1091
source "$bin/versions.env"
AWS_VERSION=6.83.0
log() { echo "standin-pulumi-home: $*" >&2; }

# 1. Test classes and the test classpath, rebuilt only when a source or the pom changed.
marker="$root/target/test-classes/io/datamesh/e2e/standin/StandInAwsProvider.class"
cpfile="$root/target/standin-classpath.txt"
if [[ ! -f "$marker" ]] || [[ -n "$(find "$root/src" "$root/pom.xml" -newer "$marker" -print -quit)" ]]; then
  log "compiling test classes (mvn test-compile) ..."
  mvn -q -B -f "$root/pom.xml" test-compile >&2
fi
if [[ ! -f "$cpfile" || "$root/pom.xml" -nt "$cpfile" ]]; then
  mvn -q -B -f "$root/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cpfile" >&2
fi

mkdir -p "$home/plugins"
home="$(cd "$home" && pwd)"

# 2. The Java language host. pulumi-java before v1.26.1 (pulumi-java #2161) always starts its
#    debugger watcher, which logs "unable to start debugging: ... Canceled" once the program has
#    exited; the CLI shows that line as a diagnostic of the stack. The newest pulumi-java module the
#    Go proxy serves here is v1.22.0, so a wrapper drops exactly that stderr line (nothing else).
lang="$home/plugins/language-java-${PULUMI_JAVA_VERSION}"
mkdir -p "$lang"
rm -f "$lang/pulumi-language-java"
cat > "$lang/pulumi-language-java" <<WRAPPER
#!/usr/bin/env bash
exec "$bin/pulumi-language-java" "\$@" 2> >(grep --line-buffered -v 'unable to start debugging: rpc error: code = Canceled' >&2)
WRAPPER
chmod +x "$lang/pulumi-language-java"

# 3. The stand-in aws provider.
aws="$home/plugins/resource-aws-v${AWS_VERSION}"
mkdir -p "$aws"
cat > "$aws/pulumi-resource-aws" <<LAUNCHER
#!/usr/bin/env bash
# Stand-in aws provider: a TEST DOUBLE of pulumi-resource-aws ${AWS_VERSION}, not of AWS.
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx512m \${DATAMESH_STANDIN_JAVA_OPTS:-} \\
  -cp "$root/target/test-classes:$root/target/classes:\$(cat "$cpfile")" \\
  io.datamesh.e2e.standin.StandInAwsProvider "\$@"
LAUNCHER
chmod +x "$aws/pulumi-resource-aws"
rm -f "$aws.partial" "$lang.partial"
log "plugins ready in $home/plugins (language-java ${PULUMI_JAVA_VERSION}, stand-in resource-aws ${AWS_VERSION})"
echo "$home"
