#!/usr/bin/env bash
# bootstrap.sh: install what hcsc needs on Debian 12, as root (apt-get).
#   scripts/bootstrap.sh          build dependencies only
#   scripts/bootstrap.sh --test   also what the tests need: the JSON Schema
#                                 validator, xmllint, locales (generated),
#                                 Go 1.23 for the encoding/json oracle, and
#                                 the Windows suite's packages (below)
#   scripts/bootstrap.sh --windows  the Windows suite (scripts/windows-test.sh):
#                                 mingw-w64 (win32 threads), Wine (64-bit
#                                 only), dpkg-dev for `apt-get source`
# Idempotent: already-installed packages are not fetched again.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build_pkgs=(gcc cmake ninja-build pkg-config libyaml-dev libjson-c-dev libxml2-dev)
test_pkgs=(python3-jsonschema python3-yaml libxml2-utils locales valgrind clang libclang-rt-14-dev)
windows_pkgs=(gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 wine wine64 dpkg-dev)

want=("${build_pkgs[@]}")
[ "${1:-}" = "--test" ] && want+=("${test_pkgs[@]}" "${windows_pkgs[@]}")
[ "${1:-}" = "--windows" ] && want+=("${windows_pkgs[@]}")

missing=()
for p in "${want[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "bootstrap.sh: missing packages (${missing[*]}); run as root" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--windows" ]; then
	# Locales for the determinism test (a missing locale is a failure).
	for loc in de_DE.UTF-8 tr_TR.UTF-8; do
		if ! locale -a 2>/dev/null | grep -i "^${loc%%.*}\.utf-\?8$" >/dev/null; then
			sed -i "s/^# *\(${loc} UTF-8\)/\1/" /etc/locale.gen
			grep -q "^${loc} UTF-8" /etc/locale.gen || echo "${loc} UTF-8" >> /etc/locale.gen
			need_gen=1
		fi
	done
	[ -n "${need_gen:-}" ] && locale-gen >/dev/null
	"$here/install-go.sh" >/dev/null
fi
exit 0
