#!/usr/bin/env bash
# Builds the Linux packages and proves them: a Release build (preset
# "package"), `cpack -G DEB` (and RPM where rpmbuild exists), lintian,
# desktop-file-validate, appstreamcli, the man pages through man --warnings,
# then, as root, installs the .deb with apt-get, runs both programs from
# /usr/bin, checks the installed files and purges the package again.
#
#   scripts/package.sh            # everything (install/remove only as root)
#   CASELENS_PACKAGE_NO_INSTALL=1 scripts/package.sh   # build and lint only
#
# Packages end up in build/package/ (caselens_<version>_<arch>.deb,
# caselens-<version>-1.<arch>.rpm). docs/packaging.md explains each step.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
fail() {
    printf 'package.sh: FAILED: %s\n' "$*" >&2
    exit 1
}

step "Tools"
CASELENS_DEPS_EXTRA="${CASELENS_DEPS_EXTRA:-} lintian desktop-file-utils appstream dpkg-dev file rpm man-db" \
    scripts/install-deps.sh

build=build/package
step "Build (preset package: Release, hardened, tests off)"
cmake --preset package
cmake --build --preset package

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[[ -n "$version" ]] || fail "no project version in $build/CMakeCache.txt"
step "Release notes for $version"
grep -q "<release version=\"$version\"" packaging/linux/com.caselens.CaseLens.metainfo.xml ||
    fail "packaging/linux/com.caselens.CaseLens.metainfo.xml has no <release> for $version"
head -n1 packaging/linux/changelog | grep -q "^caselens ($version) " ||
    fail "packaging/linux/changelog does not start with an entry for $version"
echo "metainfo and changelog have $version"

step "cpack"
rm -f "$build"/caselens_*.deb "$build"/caselens-*.rpm "$build"/*.sha256
(cd "$build" && cpack -G DEB)
if command -v rpmbuild >/dev/null; then
    (cd "$build" && cpack -G RPM)
else
    echo "rpmbuild not found: no RPM"
fi
debs=("$build"/caselens_"${version}"_*.deb)
[[ -f "${debs[0]}" ]] || fail "cpack made no caselens_${version}_<arch>.deb"
deb=${debs[0]}
ls -l "$build"/caselens[_-]*.{deb,rpm} 2>/dev/null || true

step "Package metadata"
dpkg-deb --info "$deb"
grep -q 'libsecret-1-0' <<<"$(dpkg-deb --field "$deb" Depends)" || fail "Depends lacks libsecret-1-0"
# (grep -q on a here-string, not a pipe: with pipefail, grep -q quitting at
# the first match makes the writer die of SIGPIPE and the check fail.)
recommends=$(dpkg-deb --field "$deb" Recommends)
grep -q 'gnome-keyring | kwalletmanager' <<<"$recommends" ||
    fail "Recommends lacks gnome-keyring | kwalletmanager"
grep -q 'qt6-translations-l10n' <<<"$recommends" ||
    fail "Recommends lacks qt6-translations-l10n (Qt's own dialogs in the user's language)"
dpkg-deb --contents "$deb"

step "lintian (fails on errors; every other remark is listed and explained in packaging/linux/README.md)"
lintian_out=$(mktemp)
# --pedantic/--info show everything; only errors fail the step.
status=0
lintian --info --display-info --display-experimental --pedantic --fail-on error "$deb" | tee "$lintian_out" || status=$?
if ((status != 0)); then
    fail "lintian reported errors (exit $status)"
fi
if [[ -s "$lintian_out" ]]; then
    echo "lintian remarks (not errors) above; see packaging/linux/README.md"
else
    echo "lintian: no remarks"
fi
rm -f "$lintian_out"

step "Desktop file, AppStream metainfo and man pages, as packaged"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
dpkg-deb -x "$deb" "$tree"
desktop-file-validate "$tree/usr/share/applications/com.caselens.CaseLens.desktop"
echo "desktop-file-validate: OK"
appstreamcli validate --no-net --explain "$tree/usr/share/metainfo/com.caselens.CaseLens.metainfo.xml"
for page in "$tree"/usr/share/man/man1/*.1.gz; do
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    [[ -z "$warnings" ]] || fail "man page $(basename "$page"): $warnings"
    echo "man $(basename "$page"): no warnings"
done

if command -v rpm >/dev/null && compgen -G "$build/caselens-*.rpm" >/dev/null; then
    step "RPM"
    for r in "$build"/caselens-*.rpm; do
        rpm -qpi "$r"
        echo "-- requires:"
        rpm -qpR "$r"
        grep -q '^libsecret' <<<"$(rpm -qpR "$r")" || fail "$(basename "$r") does not require libsecret"
        grep -qx '/usr/bin/caselens-cli' <<<"$(rpm -qpl "$r")" || fail "$(basename "$r") lacks caselens-cli"
    done
fi

if [[ "${CASELENS_PACKAGE_NO_INSTALL:-}" == 1 ]]; then
    echo "CASELENS_PACKAGE_NO_INSTALL=1: not installing"
    exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
    echo
    echo "*** Not root: SKIPPING the install / run / remove test of $deb."
    echo "*** Run as root (CI does) to prove the package installs and uninstalls cleanly."
    exit 0
fi

step "Install with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q "$(realpath "$deb")"
dpkg -s caselens | grep -E '^(Status|Version|Depends|Recommends):'

step "Run the installed programs"
/usr/bin/caselens-cli --version
QT_QPA_PLATFORM=offscreen /usr/bin/caselens --version
# Exit codes from the man page: no command is a usage error (2).
code=0
/usr/bin/caselens-cli >/dev/null 2>&1 || code=$?
((code == 2)) || fail "caselens-cli without a command exited $code, expected 2"

step "Installed files"
installed=$(dpkg -L caselens)
for f in \
    /usr/bin/caselens \
    /usr/bin/caselens-cli \
    /usr/share/applications/com.caselens.CaseLens.desktop \
    /usr/share/metainfo/com.caselens.CaseLens.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/com.caselens.CaseLens.svg \
    /usr/share/icons/hicolor/16x16/apps/com.caselens.CaseLens.png \
    /usr/share/icons/hicolor/32x32/apps/com.caselens.CaseLens.png \
    /usr/share/icons/hicolor/48x48/apps/com.caselens.CaseLens.png \
    /usr/share/icons/hicolor/64x64/apps/com.caselens.CaseLens.png \
    /usr/share/icons/hicolor/128x128/apps/com.caselens.CaseLens.png \
    /usr/share/icons/hicolor/256x256/apps/com.caselens.CaseLens.png \
    /usr/share/man/man1/caselens.1.gz \
    /usr/share/man/man1/caselens-cli.1.gz \
    /usr/share/doc/caselens/copyright \
    /usr/share/doc/caselens/changelog.gz; do
    grep -qxF "$f" <<<"$installed" || fail "dpkg -L caselens lacks $f"
    [[ -e "$f" ]] || fail "$f is listed but missing"
done
echo "all expected files installed"
man -w caselens-cli >/dev/null || fail "man cannot find caselens-cli"

step "Purge"
apt-get purge -y -q caselens
[[ ! -e /usr/bin/caselens && ! -e /usr/bin/caselens-cli ]] || fail "programs still in /usr/bin after purge"
! dpkg -s caselens >/dev/null 2>&1 || fail "dpkg still knows caselens after purge"
[[ ! -e /usr/share/applications/com.caselens.CaseLens.desktop ]] || fail "desktop file left behind"
echo "caselens removed cleanly"

echo
echo "package.sh: all checks passed for $(basename "$deb") ($(du -h "$deb" | cut -f1))"
