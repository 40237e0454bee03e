#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver for the test that drives the console in a real browser
# (ConsoleBrowserTest, through Selenium; it never downloads a browser of its own).
set -euo pipefail
if ! [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
/usr/bin/chromium --version
/usr/bin/chromedriver --version
