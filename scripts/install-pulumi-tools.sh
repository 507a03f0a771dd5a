#!/usr/bin/env bash
# Builds the Pulumi CLI and the Java language host from the Go module proxy into a cache
# directory, once. Prints the bin directory on the last stdout line (everything else on stderr).
#
#   bin=$(scripts/install-pulumi-tools.sh | tail -1); export PATH="$bin:$PATH"
#
# Both Go modules carry `replace` directives, so `go install module@version` refuses them.
# Each tool is therefore built in a throwaway module (in a temp dir) that requires it and repeats
# its third-party replaces, read from the module's own go.mod in the module cache. Each tool gets
# its own throwaway module so that it builds against exactly the dependency set it was released with.
#
# Environment:
#   PULUMI_CLI_VERSION        CLI version (default below; >= v3.255 for executable policy packs)
#   PULUMI_JAVA_VERSION       pulumi-java release of the language host (matches com.pulumi:pulumi)
#   DATAMESH_PULUMI_TOOLS_DIR cache root (default $HOME/.cache/datamesh-pulumi-tools)
#   FORCE=1                   rebuild even when the binaries exist
#   CHECK_ONLY=1              build nothing: print the bin dir if both tools are built, else exit 3
#                             (lets CI run the end-to-end test only on a machine that built once)
set -euo pipefail

PULUMI_CLI_VERSION="${PULUMI_CLI_VERSION:-v3.274.1}"
PULUMI_JAVA_VERSION="${PULUMI_JAVA_VERSION:-v1.22.0}"
ROOT="${DATAMESH_PULUMI_TOOLS_DIR:-$HOME/.cache/datamesh-pulumi-tools}"
BIN="$ROOT/pulumi-${PULUMI_CLI_VERSION}_java-${PULUMI_JAVA_VERSION}/bin"

log() { echo "install-pulumi-tools: $*" >&2; }

export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
export GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED="${CGO_ENABLED:-0}"

# build_tool MODULE VERSION PACKAGE OUTPUT LDFLAGS
build_tool() {
  local module="$1" version="$2" package="$3" out="$4" ldflags="$5"
  # Each tool version is built once into its own directory and linked into $BIN, so a change
  # of one version does not rebuild the other tool.
  local dest="$ROOT/tools/$out-$version"
  if [[ -x "$dest/$out" && "${FORCE:-0}" != 1 ]]; then
    ln -sfn "$dest/$out" "$BIN/$out"
    log "$out $version already built ($dest/$out)"
    return 0
  fi
  command -v go >/dev/null || { log "go is required"; exit 1; }
  local work gomod start=$SECONDS
  work="$(mktemp -d)"
  log "building $out from $module@$version ..."
  gomod="$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  [[ -f "$gomod" ]] || { log "cannot download $module@$version"; exit 1; }
  (
    trap 'rm -rf "$work"' EXIT   # the throwaway module goes, whether the build works or not
    cd "$work"
    go mod init datamesh.invalid/pulumi-tools-build >/dev/null 2>&1
    go mod edit -require="$module@$version"
    # Repeat the module's replaces. A replace by a local path (`=> ../sdk`) points into the
    # module's own repository: require that sibling module at the same version instead.
    go mod edit -json "$gomod" | python3 -c '
import json, sys
mod = json.load(sys.stdin)
for r in mod.get("Replace") or []:
    old, new = r["Old"], r["New"]
    if new.get("Version"):
        src = old["Path"] + ("@" + old["Version"] if old.get("Version") else "")
        print("-replace=%s=%s@%s" % (src, new["Path"], new["Version"]))
    else:
        print("#local " + old["Path"])
' | while read -r line; do
      if [[ "$line" == "#local "* ]]; then
        go mod edit -require="${line#\#local }@$version"
      else
        go mod edit "$line"
      fi
    done
    go mod download "$module" >&2
    mkdir -p "$dest"
    go build -trimpath -ldflags "$ldflags" -o "$dest/$out.tmp" "$package" >&2
    mv "$dest/$out.tmp" "$dest/$out"
  )
  ln -sfn "$dest/$out" "$BIN/$out"
  log "built $out in $((SECONDS - start)) s"
}

if [[ "${CHECK_ONLY:-0}" == 1 ]]; then
  for t in "pulumi-$PULUMI_CLI_VERSION/pulumi" "pulumi-language-java-$PULUMI_JAVA_VERSION/pulumi-language-java"; do
    [[ -x "$ROOT/tools/$t" ]] || { log "not built yet: $ROOT/tools/$t"; exit 3; }
  done
fi

mkdir -p "$BIN"
build_tool github.com/pulumi/pulumi/pkg/v3 "$PULUMI_CLI_VERSION" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi pulumi \
  "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_CLI_VERSION"
build_tool github.com/pulumi/pulumi-java/pkg "$PULUMI_JAVA_VERSION" \
  github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java pulumi-language-java \
  "-s -w -X github.com/pulumi/pulumi-java/pkg/version.Version=$PULUMI_JAVA_VERSION"

printf 'PULUMI_CLI_VERSION=%s\nPULUMI_JAVA_VERSION=%s\n' "$PULUMI_CLI_VERSION" "$PULUMI_JAVA_VERSION" \
  > "$BIN/versions.env"
log "pulumi $("$BIN/pulumi" version), pulumi-language-java $PULUMI_JAVA_VERSION"
echo "$BIN"
