#!/usr/bin/env bash
# Installs poppler-utils (Debian) for the test that checks the published decision's digital signatures with a tool
# no one here wrote: pdfsig (SignedDecisionTest).
set -euo pipefail
if ! command -v pdfsig >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
pdfsig -v 2>&1 | head -n 1
