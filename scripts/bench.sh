#!/usr/bin/env bash
# bench.sh [BUILD_DIR]: how fast hcsc is (a manual tool, not a test; the
# figures go into README "Speed"). Builds a Release hcsc into BUILD_DIR
# (default build-bench), generates a 10,000-case corpus with
# tools/bench/gencorpus.py (its golden files from hcsc --update), and runs
# tools/bench (hcsc-bench): start-up interleaved with /bin/true and a
# json-c parse+print floor (min/median/max, peak RSS), callgrind
# instruction counts, `hcsc check` cases/s and CPU per case at -j 1 and
# -j 2 on the project corpus and the generated one (and instructions per
# case at -j 1), and the scaling table of tools/scale.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target hcsc hcsc-report hcsc-bench hcsc-floor hcsc-scale >/dev/null
bin=$build/translator
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tools/bench/gencorpus.py "$tmp/gen" 10000
"$bin/hcsc" check "$tmp/gen" "$tmp/gen-golden" --update >/dev/null || true
echo "hcsc $("$bin/hcsc" --version | sed -n '1s/^[^ ]* //p'); $(nproc) CPUs;" \
     "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
"$bin/tests/hcsc-bench" --hcsc "$bin/hcsc" --floor "$bin/tests/hcsc-floor" \
	--example corpus/examples/web.yaml --corpus corpus golden \
	--corpus "$tmp/gen" "$tmp/gen-golden" --scale "$bin/tests/hcsc-scale" \
	--rounds 300
