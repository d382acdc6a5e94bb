#!/usr/bin/env bash
# windows-test.sh: the Windows suite (README "Windows and --apply";
# mingw-w64 and Wine). Cross-builds a static hcsc.exe with
# mingw-w64 against libyaml, json-c and libxml2 built from Debian's
# sources (scripts/windows-deps.sh, cached), builds the fake
# computecore.dll / vmcompute.dll (tools/fake-hcs), and runs the suite of
# translator/tests/windows under Wine through CTest: the import check, the
# unit tests, byte identity with the Linux build (stdout, -o files, the
# whole corpus through `hcsc check`), every --apply path and failure, and
# the Windows path oracle of rule: hcsc.tests.go-oracle. scripts/test.sh runs it after
# the Linux suite.
#
# usage: scripts/windows-test.sh [--no-bootstrap]
# environment: HCSC_NATIVE_BUILD  the Linux build to compare with (default
#                                 build/, configured and built if missing)
#              HCSC_WIN_BUILD     the cross build (default build-windows/)
#              HCSC_WINEPREFIX    (default $HCSC_WIN_BUILD/wineprefix)
#              HCSC_WIN_CACHE     the dependency cache (windows-deps.sh)
#
# Wine and CTest : a persistent wineserver and the
# prefix's helper processes are started here, outside CTest, with their
# standard streams on /dev/null, so no helper holds a test's output pipe
# (which makes each test wait ~2.4 s, or CTest hang for ever); every test
# has a timeout; the server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NATIVE_BUILD=${HCSC_NATIVE_BUILD:-build}
WIN_BUILD=${HCSC_WIN_BUILD:-build-windows}
JOBS=$(nproc)

stamp() { echo "windows-test: $* ($((SECONDS - start)) s)" >&2; }
start=$SECONDS

[ "${1:-}" = --no-bootstrap ] || scripts/bootstrap.sh --windows
stamp "packages ready"

# The Linux hcsc the Windows binary must match.
if [ ! -f "$NATIVE_BUILD/build.ninja" ] && [ ! -f "$NATIVE_BUILD/Makefile" ]; then
	cmake -S . -B "$NATIVE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHCSC_WERROR=ON >/dev/null
fi
cmake --build "$NATIVE_BUILD" -j"$JOBS" --target hcsc >/dev/null
NATIVE=$(cd "$NATIVE_BUILD" && pwd)/translator/hcsc
stamp "native hcsc: $NATIVE"

PREFIX=$(scripts/windows-deps.sh)
stamp "dependencies: $PREFIX"

cmake -S . -B "$WIN_BUILD" -G Ninja \
	-DCMAKE_TOOLCHAIN_FILE="$ROOT/cmake/mingw-w64-x86_64.cmake" \
	-DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_BUILD_TYPE=Release \
	-DHCSC_WERROR=ON -DHCSC_NATIVE="$NATIVE" >/dev/null
cmake --build "$WIN_BUILD" -j"$JOBS"
stamp "cross build done"

export WINEPREFIX=${HCSC_WINEPREFIX:-$(cd "$WIN_BUILD" && pwd)/wineprefix}
export WINEDEBUG=-all,err+module
export WINEDLLOVERRIDES="mscoree,mshtml="
stop_wine() { timeout 60 wineserver -k >/dev/null 2>&1 || true; }
trap stop_wine EXIT
mkdir -p "$WINEPREFIX" # wineserver needs the folder; wineboot fills it
stop_wine
timeout 120 wineserver -p </dev/null >/dev/null 2>&1
timeout 300 wineboot -i </dev/null >/dev/null 2>&1
stamp "wine prefix ready: $WINEPREFIX"

ctest --test-dir "$WIN_BUILD" --output-on-failure --no-tests=error --timeout 300 -j"$JOBS"
stamp "Windows suite passed"
