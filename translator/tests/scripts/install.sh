#!/usr/bin/env bash
# install.sh BUILD_DIR SOURCE_DIR CC CFLAGS: `cmake --install` into a
# temporary prefix, then what a user of the install does (issue 13):
# hcsc runs from it, `man` finds hcsc(1) and hcsc-description(5), bash
# completion completes host names and targets, libhcsc exports only
# hcsc_ names (shared and static), and the example consumer
# (examples/consumer) builds and runs against the installed tree through
# pkg-config (shared and static) and through find_package(hcsc). CFLAGS
# are the build's sanitizer flags, which a consumer of that build needs.
set -u
build=$1 src=$2 cc=$3 cflags=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
prefix=$work/prefix
desc=$src/corpus/examples/web.yaml

if cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then ok; else bad "cmake --install"; cat "$work/install.log"; exit 1; fi
libdir=$(cd "$prefix" && dirname "$(find . -name hcsc.pc)" | sed 's|^\./||; s|/pkgconfig$||')
for f in bin/hcsc include/hcsc.h "$libdir/libhcsc.a" "$libdir/pkgconfig/hcsc.pc" \
	"$libdir/cmake/hcsc/hcscConfig.cmake" share/man/man1/hcsc.1 share/man/man5/hcsc-description.5 \
	share/bash-completion/completions/hcsc share/zsh/site-functions/_hcsc; do
	if [ -e "$prefix/$f" ]; then ok; else bad "not installed: $f"; fi
done
if ls "$prefix/$libdir"/libhcsc.so.0* >/dev/null 2>&1 && [ -L "$prefix/$libdir/libhcsc.so" ]; then ok; else bad "libhcsc.so"; fi

# hcsc from the install
if "$prefix/bin/hcsc" --version | head -1 | grep -qx 'hcsc 0\.1\.0'; then ok; else bad "installed hcsc --version"; fi

# man pages: every option of --help is in hcsc(1)
if MANPATH=$prefix/share/man MANWIDTH=200 man hcsc >"$work/man1" 2>"$work/manerr" && [ ! -s "$work/manerr" ]; then ok; else bad "man hcsc"; cat "$work/manerr"; fi
"$prefix/bin/hcsc" --help | grep -oE '^    (-[a-zA-Z], )?--[a-z-]+' | sed 's/.*--/--/' | sort -u >"$work/opts"
missing=$(while read -r o; do grep -qF -- "$o" "$work/man1" || echo "$o"; done <"$work/opts")
if [ -z "$missing" ]; then ok; else bad "options missing from hcsc(1): $missing"; fi
if MANPATH=$prefix/share/man MANWIDTH=200 man 5 hcsc-description 2>&1 | grep -q 'HOST PROFILE FILE'; then ok; else bad "man 5 hcsc-description"; fi

# bash completion: host names, targets, commands, options
complete_words() { # WORD... -> the candidates for the last word
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _hcsc; printf "%s\n" "${COMPREPLY[@]}"' \
		_ "$prefix/share/bash-completion/completions/hcsc" "$@"
}
export PATH=$prefix/bin:$PATH
if [ "$(complete_words hcsc compile x.yaml --host ltsc20 | tr '\n' ' ')" = "ltsc2016 ltsc2019 ltsc2022 ltsc2025 " ]; then ok; else bad "complete --host ltsc20"; complete_words hcsc compile x.yaml --host ltsc20; fi
if complete_words hcsc compile --target '' | grep -qx docker; then ok; else bad "complete --target"; fi
if [ "$(complete_words hcsc ta)" = targets ]; then ok; else bad "complete a command"; fi
if complete_words hcsc check --fi | grep -qx -- --filter; then ok; else bad "complete an option"; fi
if command -v zsh >/dev/null; then
	if zsh -n "$prefix/share/zsh/site-functions/_hcsc"; then ok; else bad "zsh completion syntax"; fi
fi

# only hcsc_ names leave the library
leaked=$(nm -D --defined-only "$prefix/$libdir/libhcsc.so" | awk '$2 ~ /^[A-Z]$/ && $3 !~ /^hcsc_/ && $3 !~ /^_(init|fini|edata|end|_bss_start)$/ && $3 !~ /^__bss_start$/ {print $3}')
if [ -z "$leaked" ]; then ok; else bad "libhcsc.so exports non-hcsc_ names:" $leaked; fi
if nm -D --defined-only "$prefix/$libdir/libhcsc.so" | grep -q ' T hcsc_compile_file$'; then ok; else bad "libhcsc.so lacks hcsc_compile_file"; fi
leaked=$(nm -g --defined-only "$prefix/$libdir/libhcsc.a" 2>/dev/null | awk 'NF == 3 && $3 !~ /^hcsc_/ {print $3}')
if [ -z "$leaked" ]; then ok; else bad "libhcsc.a defines non-hcsc_ globals:" $leaked; fi

# the example consumer, three ways; each prints the HCS v2.1 document
run_consumer() { # NAME BINARY
	if "$2" "$desc" >"$work/$1.out" 2>"$work/$1.err" && grep -q '"SchemaVersion"' "$work/$1.out"; then ok; else bad "consumer $1 run"; cat "$work/$1.err"; fi
}
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
# shellcheck disable=SC2046,SC2086
if $cc $cflags -o "$work/c-pc" "$src/translator/examples/consumer/main.c" $(pkg-config --cflags --libs hcsc) \
	-Wl,-rpath,"$prefix/$libdir" 2>"$work/cc.err"; then ok; run_consumer pkg-config "$work/c-pc"; else bad "pkg-config build"; cat "$work/cc.err"; fi
# shellcheck disable=SC2046,SC2086
if $cc $cflags -o "$work/c-pcs" "$src/translator/examples/consumer/main.c" $(pkg-config --static --cflags hcsc) \
	"$prefix/$libdir/libhcsc.a" $(pkg-config --static --libs-only-l hcsc | sed 's/-lhcsc//') 2>"$work/cc.err"; then ok; run_consumer pkg-config-static "$work/c-pcs"; else bad "pkg-config static build"; cat "$work/cc.err"; fi
for mode in OFF ON; do
	if cmake -S "$src/translator/examples/consumer" -B "$work/cm-$mode" -DCMAKE_C_COMPILER="$cc" \
		-DCMAKE_PREFIX_PATH="$prefix" -DHCSC_STATIC=$mode -DCMAKE_C_FLAGS="$cflags" \
		-DCMAKE_EXE_LINKER_FLAGS="$cflags" >"$work/cm.log" 2>&1 &&
		cmake --build "$work/cm-$mode" >>"$work/cm.log" 2>&1; then
		ok; run_consumer "find_package-static-$mode" "$work/cm-$mode/consumer"
	else bad "find_package build (static $mode)"; cat "$work/cm.log"; fi
done
if cmp -s "$work/pkg-config.out" "$work/find_package-static-OFF.out" &&
	"$prefix/bin/hcsc" compile "$desc" --host ltsc2019 --emit hcs-v2 | cmp -s - "$work/pkg-config.out"; then ok; else bad "consumer output differs from hcsc compile"; fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
