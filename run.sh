#!/usr/bin/env bash
# The two commands of the README, on a fresh machine:
#   ./run.sh serve [--edition ID]   installs what the site needs, builds it, serves it on http://127.0.0.1:8000
#   ./run.sh test                   installs what the tests need (Debian's Chromium too) and runs every test
# Also: ./run.sh build [--edition ID]   and   ./run.sh bench
set -euo pipefail
cd "$(dirname "$0")"

VENV="${VENV:-.venv}"
PY="$VENV/bin/python"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "Need root to install Debian packages ($*). Install them yourself and run again." >&2; exit 1; fi; }

apt_install() {
  # $1...: packages; only installs what is missing.
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_tools() {
  command -v python3 >/dev/null || apt_install python3 python3-venv
  # npm fetches the pinned Pyodide and Mermaid packages from the npm registry at build time.
  command -v npm >/dev/null || apt_install nodejs npm
}

ensure_python() {
  local extra="$1"
  if [ ! -x "$PY" ]; then python3 -m venv "$VENV"; fi
  local stamp="$VENV/.installed-$extra"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    # The pinned npm packages download meanwhile (the build waits for them, and reports a failure itself).
    python3 -c 'from hub import npm_assets; npm_assets.prefetch()' >/dev/null 2>&1 &
    # The venv's own pip is recent enough for an editable install; upgrading it first cost 5 s.
    "$PY" -m pip install -q -e ".[$extra]"
    touch "$stamp"
    wait || true
  fi
}

ensure_chromium() {
  # Debian's Chromium, driven by Playwright; Playwright's own browser download is never used.
  [ -x /usr/bin/chromium ] || apt_install chromium
}

ensure_spreadsheet_reader() {
  # The tests open our .xlsx/.ods files in LibreOffice Calc and our .odt/.docx files in LibreOffice Writer
  # (headless). Each is checked on its own: soffice alone does not say whether Writer is there.
  apt_install libreoffice-calc-nogui libreoffice-writer-nogui
}

command="${1:-}"
shift || true
case "$command" in
  serve)
    ensure_tools; ensure_python site
    exec "$PY" -m hub serve "$@" ;;
  build)
    ensure_tools; ensure_python site
    exec "$PY" -m hub build "$@" ;;
  test)
    ensure_tools; ensure_python test; ensure_chromium; ensure_spreadsheet_reader
    set +e
    "$PY" -m pytest "$@"
    status=$?
    set -e
    if [ "$status" -eq 5 ]; then echo "pytest collected no tests: that is a failure here." >&2; exit 1; fi
    exit "$status" ;;
  bench)
    ensure_tools; ensure_python test; ensure_chromium
    exec "$PY" bench/bench.py "$@" ;;
  *)
    echo "usage: ./run.sh serve|build|test|bench [options]" >&2; exit 2 ;;
esac
