#!/usr/bin/env bash
# Set up a fresh virtual environment with the test dependencies and run the checks.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
# LibreOffice checks annotated Word files for real; install it where we are root with apt.
if ! command -v soffice >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
     --no-install-recommends libreoffice-writer-nogui >/dev/null) \
    || echo "LibreOffice could not be installed; its tests will be skipped" >&2
fi
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
