#!/usr/bin/env bash
# Installs everything CaseLens needs to build, run and test on Debian 12 /
# Ubuntu 22.04+. Safe to run again: it only installs what is missing.
set -euo pipefail

packages=(
    build-essential cmake pkgconf git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qtkeychain-qt6-dev libgl-dev libqt6svg6
    # Runtime for the system keychain and the keychain tests: dbus brings
    # dbus-run-session and dbus-daemon (Debian 12 splits them into dbus-daemon
    # and dbus-bin, which it depends on; Ubuntu 22.04 has no such packages).
    # QtKeychain loads libsecret at run time, so it is listed explicitly.
    dbus gnome-keyring libsecret-1-0
    # Screenshots and a real window in CI-like environments.
    xvfb xauth
    ca-certificates
    # tst_tls makes its certificates at test time with the openssl tool.
    openssl
    # Export and print: fonts for CJK and Arabic text in PDFs, and pdftotext,
    # which tst_ticketexport reads them back with.
    fonts-noto-cjk fonts-dejavu-core poppler-utils
)
if [[ "${CASELENS_DEPS_EXTRA:-}" != "" ]]; then
    read -r -a extra <<<"$CASELENS_DEPS_EXTRA"
    packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
