#!/usr/bin/env bash
# fuzz.sh: build and run hcsc's libFuzzer harnesses (tools/fuzz).
# scripts/test.sh runs it for 30 s per harness as a smoke test;
# longer runs are manual (-t SECONDS).
#
#   scripts/fuzz.sh [-t SECONDS] [-B BUILD_DIR] [-j JOBS] [HARNESS...]
#                   [-- LIBFUZZER_ARGS...]
#
#   HARNESS      compile, from_oci, check (default: all three, one after
#                the other; check: the golden reader, diff, `# host:`
#                header, message escaping and --filter globs)
#   -t SECONDS   how long each harness runs (default 60)
#   -B DIR       build and work directory (default build-fuzz)
#   -j JOBS      parallel libFuzzer jobs per harness (default 1)
#   --build-only build the harnesses and seeds, run nothing
#
# Installs clang and libFuzzer's runtime (Debian 12: clang,
# libclang-rt-14-dev) when missing, as root. The library's sources are
# compiled with ASan+UBSan (every report fatal) and coverage; the harness
# links libFuzzer. Seeds come from corpus/ (and golden/**/config.json for
# from_oci), with the flag byte tools/fuzz/fuzz_common.h describes; what
# libFuzzer finds is kept in DIR/corpus/HARNESS, crashes, leaks and
# timeouts go to DIR/findings/HARNESS/. Reproduce one with
#   DIR/fuzz_HARNESS FILE        (minimise: add -minimize_crash=1 -runs=N)
# The exit status is libFuzzer's: non-zero when a harness found something.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

seconds=60 build=$root/build-fuzz jobs=1 build_only=0
harnesses=() extra=()
while [ $# -gt 0 ]; do
	case $1 in
	-t) seconds=$2; shift 2 ;;
	-B) build=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--build-only) build_only=1; shift ;;
	--) shift; extra=("$@"); break ;;
	compile|from_oci|check) harnesses+=("$1"); shift ;;
	*) echo "usage: scripts/fuzz.sh [-t SECONDS] [-B DIR] [-j JOBS] [--build-only] [compile|from_oci|check]... [-- LIBFUZZER_ARGS]" >&2
	   exit 2 ;;
	esac
done
[ ${#harnesses[@]} -gt 0 ] || harnesses=(compile from_oci check)
case $build in /*) ;; *) build=$PWD/$build ;; esac

# ---- toolchain ----
runtime_ok() {
	command -v clang >/dev/null &&
		[ -f "$(clang -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a" ]
}
if ! runtime_ok; then
	if [ "$(id -u)" != 0 ]; then
		echo "fuzz.sh: clang with libFuzzer is missing; run as root to install it" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		clang libclang-rt-14-dev pkg-config libyaml-dev libjson-c-dev >/dev/null
	runtime_ok || { echo "fuzz.sh: no libFuzzer runtime after installing" >&2; exit 1; }
fi

# ---- build ----
src=$root/translator/src
obj=$build/obj
mkdir -p "$obj"
# Uninitialised locals get a pattern (not zero), so that reading one shows.
cflags=(-std=c11 -g -O1 -fno-omit-frame-pointer -ftrivial-auto-var-init=pattern
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
	-Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
	-I"$root/translator/include" -I"$src" -I"$src/common" -I"$root/tools/fuzz"
	$(pkg-config --cflags yaml-0.1 json-c))
libs="$(pkg-config --libs yaml-0.1 json-c) -pthread"
# The pipeline's stages and check (no CLI or apply; of report/ only the
# sanitizer, built without libxml2).
lib_sources=$(ls "$src"/{common,load,model,target,oci,oci/parse,oci/decode,hcs,emit,pipeline,os,check}/*.c "$src"/report/sanitize.c)
# Rebuild everything when a header or the flags changed, else only what
# changed.
stamp=$obj/.stamp # the flags of the last build
# (A loop, not `ls -t | head -1`: under pipefail, head leaving before ls
# has written a listing longer than the pipe's first write kills the
# script with SIGPIPE, exit 141: it did once in CI.)
newest_h=
for h in "$src"/*/*.h "$src"/*/*/*.h "$root"/translator/include/*.h "$root"/tools/fuzz/*.h; do
	if [ -z "$newest_h" ] || [ "$h" -nt "$newest_h" ]; then newest_h=$h; fi
done
[ -f "$stamp" ] && [ "$stamp" -nt "$newest_h" ] && [ "$(cat "$stamp")" = "${cflags[*]}" ] ||
	rm -f "$obj"/*.o
export CFLAGS_LINE="${cflags[*]}" OBJ=$obj
# DIR/src/load/load.c -> OBJ/load_load.o
obj_of() { echo "$1" | sed "s|.*/\\([^/]*\\)/\\([^/]*\\)\\.c\$|$OBJ/\\1_\\2.o|"; }
compile_one() {
	o=$(obj_of "$1")
	[ "$o" -nt "$1" ] || clang $CFLAGS_LINE -c "$1" -o "$o"
}
export -f obj_of compile_one
sources="$lib_sources $root/tools/fuzz/fuzz_common.c"
printf '%s\n' $sources | xargs -P "$(nproc)" -I{} bash -c 'compile_one "$@"' _ {}
echo "${cflags[*]}" >"$stamp"
objs=$(for f in $sources; do obj_of "$f"; done)
for h in "${harnesses[@]}"; do
	clang "${cflags[@]/fuzzer-no-link/fuzzer}" "$root/tools/fuzz/fuzz_$h.c" $objs $libs \
		-o "$build/fuzz_$h"
done

# ---- seeds and dictionaries ----
# add_seed FLAGBYTE OUT FILE [SIDECAR]: the flag byte, FILE, then NUL SIDECAR.
add_seed() {
	{
		printf "\\x$1"
		cat "$3"
		if [ -n "${4:-}" ]; then printf '\0'; cat "$4"; fi
	} >"$2"
}
seed_compile() {
	local dir=$1 f n=0
	while IFS= read -r f; do
		n=$((n + 1))
		case $f in
		*.json) add_seed 01 "$dir/s$n" "$f"; add_seed 03 "$dir/h$n" "$f" ;;
		*) add_seed 00 "$dir/s$n" "$f"; add_seed 02 "$dir/h$n" "$f" ;;
		esac
	done < <(find "$root/corpus" -type f \( -name '*.yaml' -o -name '*.json' \) \
			! -name '*.oci.json' ! -name '*.runtime.yaml' | sort)
}
seed_from_oci() {
	local dir=$1 f side n=0
	while IFS= read -r f; do
		n=$((n + 1))
		side=${f%.oci.json}.runtime.yaml
		[ -f "$side" ] || side=
		add_seed 01 "$dir/s$n" "$f" "$side"
		add_seed 03 "$dir/h$n" "$f" "$side"
	done < <(find "$root/corpus" -type f -name '*.oci.json' | sort)
	while IFS= read -r f; do
		n=$((n + 1))
		add_seed 01 "$dir/g$n" "$f"
	done < <(find "$root/golden" -type f -name config.json | sort)
}
# A golden file against itself and against another golden file, with
# --filter patterns and case names: GOLDEN NUL ACTUAL NUL PATTERN NUL NAME.
seed_check() {
	local dir=$1 f prev= n=0
	while IFS= read -r f; do
		n=$((n + 1))
		{ printf '\x00'; cat "$f"; printf '\0'; cat "$f"; printf '\0**/config.json\0%s' "${f#"$root"/golden/}"; } >"$dir/s$n"
		[ -z "$prev" ] || { printf '\x20'; cat "$prev"; printf '\0'; cat "$f"; printf '\0*a*a*a*b\0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'; } >"$dir/u$n"
		prev=$f
	done < <(find "$root/golden" -type f | sort | awk 'NR % 7 == 1')
	while IFS= read -r f; do
		n=$((n + 1))
		{ printf '\x00'; cat "$f"; } >"$dir/c$n"
	done < <(find "$root/corpus" -type f -name '*.yaml' | sort | awk 'NR % 5 == 1')
}
# Schema keys (every table row's key) and values the rules test for.
dict_keys() {
	grep -ohE '(^\s*[A-Z]+\(|\{ )"[A-Za-z0-9_.-]+"' "$@" |
		sed -E 's/.*("[^"]*")$/\1/' | sort -u
}
dict_common() {
	cat <<'EOF'
"process"
"hyperv"
"default"
"bind"
"volume"
"npipe"
"tmpfs"
"\\\\.\\pipe\\"
"C:\\"
"c:\\windows"
"\\\\?\\Volume{"
"file://"
"registry://"
"config://"
"credentialspec="
"container:"
"none"
"nat"
"&a "
"*a"
"<<"
"!!str"
"null"
"true"
"18446744073709551615"
"-9223372036854775808"
"\\u0000"
"\\ud800"
EOF
}
mkdir -p "$build/seeds" "$build/dict"
for h in "${harnesses[@]}"; do
	rm -rf "$build/seeds/$h"
	mkdir -p "$build/seeds/$h" "$build/corpus/$h" "$build/findings/$h"
	"seed_$h" "$build/seeds/$h"
	case $h in
	compile) dict_keys "$src"/model/*.c ;;
	from_oci) dict_keys "$src"/oci/decode/decode_schema.c "$src"/model/desc_schema.c ;;
	check) printf '"# host: "\n"# hcsc: --strict"\n"**"\n"[!a-z]"\n"\\x1b"\n' ;;
	esac >"$build/dict/$h.dict"
	dict_common >>"$build/dict/$h.dict"
done
[ "$build_only" = 0 ] || exit 0

# ---- run ----
status=0
for h in "${harnesses[@]}"; do
	echo "fuzz.sh: fuzz_$h for ${seconds}s ($(ls "$build/seeds/$h" | wc -l) seeds)"
	args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048
	      -max_len=65536 -dict="$build/dict/$h.dict" -print_final_stats=1
	      -artifact_prefix="$build/findings/$h/")
	[ "$jobs" -le 1 ] || args+=(-jobs="$jobs" -workers="$jobs")
	(cd "$build" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$build/fuzz_$h" "${args[@]}" "${extra[@]}" \
		"$build/corpus/$h" "$build/seeds/$h") || status=$?
done
exit "$status"
