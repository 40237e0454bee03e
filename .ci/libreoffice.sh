#!/usr/bin/env bash
# Installs headless LibreOffice Calc (Debian package) for the tests that open our workbooks with a
# real office suite.
set -euo pipefail
if ! command -v soffice >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null
fi
soffice --version
