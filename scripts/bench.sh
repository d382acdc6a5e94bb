#!/usr/bin/env bash
# bench.sh [BUILD_DIR]: how fast hcsc compiles, measured two ways (a manual
# tool, not a test):
#  - instructions (valgrind --tool=callgrind): repeatable whatever else the
#    machine does, for one compile of corpus/examples/web.yaml to all four
#    documents, and for `hcsc check` over the whole corpus at -j 1;
#  - wall time of `hcsc check corpus golden` at -j 1 and at -j N (best of 5).
# Builds a Release binary into BUILD_DIR (default build-bench) first.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" >/dev/null
hcsc=$build/translator/hcsc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

instructions() { # LABEL, then the command
	local label=$1; shift
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$@" >/dev/null 2>"$tmp/vg" || true
	printf '%-40s %14s instructions\n' "$label" \
		"$(grep -m1 -o 'Collected : [0-9]*' "$tmp/vg" | grep -o '[0-9]*$')"
}

best_of_5() { # LABEL, then the command
	local label=$1 best=
	shift
	for _ in 1 2 3 4 5; do
		local s e
		s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
		local ms=$(( (e - s) / 1000000 ))
		[ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
	done
	printf '%-40s %14s ms (best of 5)\n' "$label" "$best"
}

cases=$(find corpus -name '*.yaml' -o -name '*.json' | grep -vc '/host\.\|/_\|\.runtime\.yaml')
echo "hcsc $("$hcsc" --version | cut -d' ' -f2), $cases corpus files, $(nproc) CPUs"
instructions "compile examples/web.yaml -o DIR" "$hcsc" compile corpus/examples/web.yaml -o "$tmp/out"
instructions "check corpus golden -j 1" "$hcsc" check corpus golden -j 1
best_of_5 "check corpus golden -j 1" "$hcsc" check corpus golden -j 1
best_of_5 "check corpus golden -j $(nproc)" "$hcsc" check corpus golden -j "$(nproc)"
