#!/usr/bin/env bash
# windows-deps.sh: cross-build hcsc's C dependencies (libyaml, json-c,
# libxml2) for Windows from Debian's own sources, statically, into one
# prefix (Debian source packages, cross-built). Debian ships no mingw builds of
# them, so: a deb-src entry, `apt-get source`, each library's own CMake
# with the mingw toolchain, static libraries only, no winpthread.
#
# usage: scripts/windows-deps.sh        prints the prefix on stdout
#
# The prefix is cached under $HCSC_WIN_CACHE (default
# ~/.cache/hcsc-windows) in a folder named after the three Debian source
# versions, the mingw gcc version and this recipe's version; a run whose
# versions match reuses it. Needs root only to add the deb-src entry and
# run `apt-get update` (once); dpkg-dev provides dpkg-source.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TC=$ROOT/cmake/mingw-w64-x86_64.cmake
RECIPE=1 # bump when the build options below change
CACHE=${HCSC_WIN_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/hcsc-windows}
SRC_LIST=/etc/apt/sources.list.d/hcsc-debian-src.sources
PKGS=(libyaml json-c libxml2)

log() { echo "windows-deps: $*" >&2; }

# A deb-src twin of every deb stanza already configured (same mirrors).
ensure_deb_src() {
	if apt-get source --print-uris libyaml >/dev/null 2>&1; then
		return
	fi
	[ "$(id -u)" = 0 ] || { log "no deb-src entry; run as root once"; exit 1; }
	local f
	: >"$SRC_LIST.tmp"
	for f in /etc/apt/sources.list.d/*.sources; do
		[ "$f" = "$SRC_LIST" ] && continue
		sed -n 's/^Types: deb$/Types: deb-src/; p' "$f" >>"$SRC_LIST.tmp"
		echo >>"$SRC_LIST.tmp"
	done
	mv "$SRC_LIST.tmp" "$SRC_LIST"
	apt-get update -qq
	apt-get source --print-uris libyaml >/dev/null
}

# The Debian version `apt-get source` would fetch, from its .dsc name.
src_version() {
	apt-get source --print-uris "$1" 2>/dev/null |
		sed -n "s/^'[^']*' \(.*\)\.dsc .*/\1/p" | sed -n '1{s/^[^_]*_//;p}'
}

build_one() { # NAME SRCDIR PREFIX [CMAKE ARGS...]
	local name=$1 src=$2 prefix=$3
	shift 3
	cmake -S "$src" -B "$work/build/$name" -G Ninja \
		-DCMAKE_TOOLCHAIN_FILE="$TC" -DCMAKE_BUILD_TYPE=Release \
		-DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="$prefix" \
		-DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF -Wno-dev "$@" >"$work/$name.log" 2>&1 ||
		{ cat "$work/$name.log" >&2; exit 1; }
	cmake --build "$work/build/$name" >>"$work/$name.log" 2>&1 &&
		cmake --install "$work/build/$name" >>"$work/$name.log" 2>&1 ||
		{ tail -n 40 "$work/$name.log" >&2; exit 1; }
}

ensure_deb_src
key=""
for p in "${PKGS[@]}"; do
	v=$(src_version "$p")
	[ -n "$v" ] || { log "cannot tell the source version of $p"; exit 1; }
	key="$key$p-$v+"
done
gccv=$(x86_64-w64-mingw32-gcc -dumpfullversion 2>/dev/null || x86_64-w64-mingw32-gcc -dumpversion)
key="${key}gcc-$gccv+r$RECIPE"
key=$(printf '%s' "$key" | tr -c 'A-Za-z0-9.+_-' '_')
prefix=$CACHE/$key

if [ -f "$prefix/.complete" ]; then
	log "cached: $prefix"
	echo "$prefix"
	exit 0
fi

log "building into $prefix"
mkdir -p "$CACHE"
work=$(mktemp -d "$CACHE/work.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
chown _apt "$work/src" 2>/dev/null || true
(cd "$work/src" && apt-get source -qq "${PKGS[@]}" >"$work/source.log" 2>&1) ||
	{ cat "$work/source.log" >&2; exit 1; }
dir_of() { find "$work/src" -maxdepth 1 -mindepth 1 -type d -name "$1-*" -print -quit; }
# Installed in place; only a finished prefix gets its .complete stamp.
P=$prefix
rm -rf "$P"

build_one libyaml "$(dir_of libyaml)" "$P"
build_one json-c "$(dir_of json-c)" "$P" -DBUILD_STATIC_LIBS=ON -DDISABLE_WERROR=ON
# libxml2: no threads (else winpthread), no
# iconv/lzma/zlib/http/ftp/modules/programs.
build_one libxml2 "$(dir_of libxml2)" "$P" -DLIBXML2_WITH_THREADS=OFF \
	-DHAVE_PTHREAD_H=OFF -DLIBXML2_WITH_ICONV=OFF -DLIBXML2_WITH_LZMA=OFF \
	-DLIBXML2_WITH_ZLIB=OFF -DLIBXML2_WITH_PYTHON=OFF \
	-DLIBXML2_WITH_PROGRAMS=OFF -DLIBXML2_WITH_TESTS=OFF \
	-DLIBXML2_WITH_HTTP=OFF -DLIBXML2_WITH_FTP=OFF -DLIBXML2_WITH_MODULES=OFF

# libyaml's CMake build installs no pkg-config file: write yaml-0.1.pc.
yv=$(sed -n 's/^#define YAML_VERSION_STRING "\(.*\)"/\1/p' "$P/include/yaml.h" 2>/dev/null || true)
mkdir -p "$P/lib/pkgconfig"
cat >"$P/lib/pkgconfig/yaml-0.1.pc" <<EOF
prefix=$P
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: LibYAML
Description: Library to parse and emit YAML
Version: ${yv:-0.2.5}
Libs: -L\${libdir} -lyaml
Cflags: -I\${includedir}
EOF
touch "$P/.complete"
log "done: $prefix"
echo "$prefix"
