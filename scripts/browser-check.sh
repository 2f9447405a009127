#!/usr/bin/env bash
# Makes sure a headless Chromium is available for the report's browser test
# (runner: dev.clusterlab.runner.report.ReportBrowserTest), then runs that test.
#
#   scripts/browser-check.sh                 install Chromium if missing, then run the browser test
#   scripts/browser-check.sh --install-only  only install (e.g. before ./mvnw verify, which runs it too)
#
# Debian's `chromium` package is installed with apt-get when no browser is found. Where it cannot be
# installed (no root, no network, not Debian) the script says so and exits 0: the browser test then
# skips itself with the same explanation, so a machine without a browser never fails the build.
set -uo pipefail
cd "$(dirname "$0")/.."

find_browser() {
    if [[ -n "${CLUSTERLAB_CHROMIUM:-}" && -x "${CLUSTERLAB_CHROMIUM}" ]]; then
        echo "${CLUSTERLAB_CHROMIUM}"
        return 0
    fi
    local b
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$b" >/dev/null 2>&1; then
            command -v "$b"
            return 0
        fi
    done
    return 1
}

install_chromium() {
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "browser-check: no apt-get here (not Debian/Ubuntu); install Chromium yourself or set CLUSTERLAB_CHROMIUM." >&2
        return 1
    fi
    local sudo=""
    if [[ "$(id -u)" -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo -n"
        else
            echo "browser-check: not root and no password-less sudo: cannot run apt-get install chromium." >&2
            return 1
        fi
    fi
    echo "browser-check: installing Debian's chromium with apt-get (this takes a minute)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! $sudo apt-get update -qq >&2; then
        echo "browser-check: apt-get update failed (offline?)." >&2
        return 1
    fi
    if ! $sudo apt-get install -y -qq --no-install-recommends chromium >&2; then
        echo "browser-check: apt-get install chromium failed." >&2
        return 1
    fi
}

browser="$(find_browser)"
if [[ -z "$browser" ]]; then
    if ! install_chromium || ! browser="$(find_browser)"; then
        echo "browser-check: SKIPPED: no headless Chromium could be installed; the report's browser test will be skipped." >&2
        exit 0
    fi
fi
echo "browser-check: using $browser ($("$browser" --version 2>/dev/null || echo 'version unknown'))" >&2

if [[ "${1:-}" == "--install-only" ]]; then
    exit 0
fi
export CLUSTERLAB_CHROMIUM="$browser"
exec ./mvnw -B -ntp -pl runner -am test -Dtest=ReportBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
