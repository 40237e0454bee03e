#!/usr/bin/env bash
# Installs headless LibreOffice Calc and Writer (Debian packages) for the tests that open our workbooks
# and the published decision (docx) with a real office suite.
set -euo pipefail
if ! command -v soffice >/dev/null 2>&1 || ! dpkg -s libreoffice-writer-nogui >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null
fi
soffice --version
