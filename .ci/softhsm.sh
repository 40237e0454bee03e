#!/usr/bin/env bash
# Installs SoftHSM2 (Debian), a PKCS#11 token in software, for the test that signs the published decision with a key
# that never leaves its token, the way a USB token is used (TokenSigningTest).
set -euo pipefail
if ! command -v softhsm2-util >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq softhsm2 >/dev/null
fi
softhsm2-util --version
