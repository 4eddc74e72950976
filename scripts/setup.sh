#!/usr/bin/env bash
# Installs what `make test` and `make demo` need, and nothing that is already there.
# Idempotent; prints one line per thing it installs. Safe on a fresh Debian 12 machine
# with rustup and node/npm, as root or with sudo.
#
#   WITH_OFFICE=1  also install LibreOffice Writer (the word-count oracle used by `make test`).
#   WITH_FUZZ=1    also install the nightly toolchain and cargo-fuzz (for `make fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-pack.
if ! wasm-pack --version >/dev/null 2>&1; then
  say "installing wasm-pack (cargo install --locked, ~2 min)"
  cargo install wasm-pack --locked
fi

# 3. wasm-bindgen CLI at exactly the version in Cargo.lock (wasm-pack would otherwise try a
#    download, fail offline, and fall back to a slow private install). No --locked: the
#    registry mirror can lag a patch release of one of its dependencies.
lock_version() {
  awk -v want="$1" '$0 == "name = \"" want "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
[ -f Cargo.lock ] || cargo generate-lockfile
want_bg="$(lock_version wasm-bindgen)"
if [ -z "$want_bg" ]; then echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 1; fi
have_bg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_bg" != "$want_bg" ]; then
  say "installing wasm-bindgen-cli $want_bg (found: ${have_bg:-none}; ~2 min)"
  cargo install wasm-bindgen-cli --version "=$want_bg" --force
fi

# 4. Node tools: npm binaryen (wasm-opt 132; never Debian's v108) and playwright-core.
stamp="node_modules/.borang-setup"
want_stamp="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ "$(cat "$stamp" 2>/dev/null)" != "$want_stamp" ]; then
  say "installing node dev tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want_stamp" > "$stamp"
fi

# 5. Headless browser and its driver (browser tests).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver (apt)"
  apt_install chromium chromium-driver
fi

# 5b. Chromium's interface locales: the extension's popup is tested in Indonesian and English
#     (Debian's chromium ships en-US only; chrome.i18n follows the browser's interface language).
if [ ! -f /usr/lib/chromium/locales/id.pak ]; then
  say "installing chromium-l10n (apt)"
  apt_install chromium-l10n
fi

# 6. LibreOffice Writer, only when asked: the word-count oracle of `make test`.
if [ "${WITH_OFFICE:-0}" = "1" ] && ! command -v soffice >/dev/null 2>&1; then
  say "installing libreoffice-writer-nogui (apt)"
  apt_install libreoffice-writer-nogui
fi

# 7. Fuzzing, only when asked (`make fuzz`): libFuzzer needs nightly; cargo-fuzz from crates.io.
if [ "${WITH_FUZZ:-0}" = "1" ]; then
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (rustup)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (cargo install, ~2 min)"
    # The crates.io mirror can lag a dependency's newest patch release; retry unlocked.
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
  fi
fi

say "ok (wasm-pack $(wasm-pack --version 2>/dev/null | awk '{print $2}'), wasm-bindgen $want_bg, $(wasm-opt --version | cut -d' ' -f1-3))"
