#!/bin/bash
# goref-test.sh: test hcsc's JSON writer (translator/src/emit/gojson.c and
# shapes.c) against Go's encoding/json itself (rule: hcsc.tests.go-oracle).
#
# usage: scripts/goref-test.sh [--driver PATH] [DOC...]
#
#   1. random byte strings (fixed seed: invalid UTF-8, control bytes, <>&,
#      U+2028/9, ...): `goref strings` vs `goref-driver strings`
#      (emit_go_string);
#   2. random documents of each of the four Go types (fixed seeds):
#      Go's json.Marshal / MarshalIndent vs `goref-driver docs KIND`
#      (emit_json with shapes.c), so shapes.c and tools/goref/main.go
#      must declare the same types;
#   3. each DOC given: a document printed by hcsc, its kind taken from the
#      file name (config.json* = oci, hcs-v1.json*, hcs-v2.json*,
#      process.json*). Go decodes it (unknown keys refused) and prints it
#      again: a file ending in a newline must equal Go's MarshalIndent plus
#      "\n", any other file Go's Marshal; a sibling DOC.pretty, if present,
#      must equal the pretty form;
#   4. negative controls: a changed byte is noticed, unknown keys are
#      refused by both sides.
#
# Go is Debian's golang-1.23-go (scripts/install-go.sh); a missing Go is a
# failure (rule: hcsc.tests.no-skip). --driver names a built goref-driver (the CMake
# target built from tools/goref/strings_driver.c and hcsc_lib); without
# it the driver is compiled here from the few sources it needs.
# Environment: GO (default /usr/lib/go-1.23/bin/go), CC (default cc),
# GOREF_STRINGS (default 5000), GOREF_DOCS (per kind, default 300).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
GO=${GO:-/usr/lib/go-1.23/bin/go}
CC=${CC:-cc}
NSTRINGS=${GOREF_STRINGS:-5000}
NDOCS=${GOREF_DOCS:-300}
DRIVER=

if [ "${1:-}" = --driver ]; then
	[ $# -ge 2 ] || { echo "goref-test: --driver needs a path" >&2; exit 2; }
	DRIVER=$2
	shift 2
fi

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "goref-test: FAIL: $*" >&2; }

if [ ! -x "$GO" ]; then
	echo "goref-test: $GO not found; run scripts/install-go.sh" >&2
	echo "goref-test: 0 passed, 1 failed"
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- build ------------------------------------------------------------------
export GOTOOLCHAIN=local GOPROXY=off GOFLAGS=-mod=mod CGO_ENABLED=0
if [ -z "${HOME:-}" ]; then
	export GOCACHE="${GOCACHE:-$tmp/gocache}" GOPATH="${GOPATH:-$tmp/gopath}"
fi
(cd "$ROOT/tools/goref" && "$GO" build -o "$tmp/goref" .)
GOREF=$tmp/goref

if [ -z "$DRIVER" ]; then
	src=$ROOT/translator/src
	# shellcheck disable=SC2046
	"$CC" -std=c11 -O1 -I"$ROOT/translator/include" -I"$src" -I"$src/common" \
		$(pkg-config --cflags json-c) \
		"$ROOT/tools/goref/strings_driver.c" "$src/emit/gojson.c" \
		"$src/emit/shapes.c" "$src/common/strbuf.c" "$src/common/arena.c" \
		$(pkg-config --libs json-c) -lm -o "$tmp/goref-driver"
	DRIVER=$tmp/goref-driver
fi

# Show the first differing line of two line-oriented outputs.
show_diff() {
	diff "$1" "$2" | head -n 6 >&2 || true
}

# ---- 1. strings --------------------------------------------------------------
"$GOREF" genstrings "$NSTRINGS" 1 > "$tmp/strings.hex"
"$GOREF" strings < "$tmp/strings.hex" > "$tmp/strings.go"
"$DRIVER" strings < "$tmp/strings.hex" > "$tmp/strings.c"
if cmp -s "$tmp/strings.go" "$tmp/strings.c"; then
	ok
else
	bad "emit_go_string differs from Go (< go, > hcsc):"
	show_diff "$tmp/strings.go" "$tmp/strings.c"
fi

# ---- 2. random documents -----------------------------------------------------
seed=10
for kind in oci hcs-v1 hcs-v2 process; do
	seed=$((seed + 1))
	"$GOREF" gendocs "$kind" "$NDOCS" "$seed" "$tmp/$kind.want" > "$tmp/$kind.docs"
	if "$DRIVER" docs "$kind" < "$tmp/$kind.docs" > "$tmp/$kind.got" &&
		cmp -s "$tmp/$kind.want" "$tmp/$kind.got"; then
		ok
	else
		bad "emit_json differs from Go for random $kind documents (< go, > hcsc):"
		show_diff "$tmp/$kind.want" "$tmp/$kind.got"
	fi
done

# ---- 3. given documents ------------------------------------------------------
# The targets' documents have their engines' types: by folder, and a
# hosted container (no ComputeSystem) by its first key.
kind_of() {
	case $1 in
	*/targets/docker/*process.json|*/targets/docker-19.03/*process.json) echo process-v1; return ;;
	*/targets/docker-1.12/*config.json) echo windowsoci; return ;;
	*/targets/docker-1.12/*hcs-v1.json) echo container-init; return ;;
	*/targets/docker-1.12/*process.json) echo create-process; return ;;
	*/targets/docker-containerd/*hcs-v2.json)
		if grep -q '^  "Owner"' "$1"; then echo hcs-v2-latest; else echo hcs-v2-hosted; fi
		return ;;
	esac
	case $(basename "$1") in
	config.json*) echo oci ;;
	hcs-v1.json*) echo hcs-v1 ;;
	hcs-v2.json*) echo hcs-v2 ;;
	process.json*) echo process ;;
	*) echo "" ;;
	esac
}

check_doc() {
	local f=$1 kind out want
	kind=$(kind_of "$f")
	if [ -z "$kind" ]; then
		bad "$f: cannot tell the document kind from its name"
		return
	fi
	out=$tmp/doc.out
	if ! "$GOREF" doc "$kind" < "$f" > "$out"; then
		bad "$f: Go cannot decode it as $kind"
		return
	fi
	head -n 1 "$out" | head -c -1 > "$tmp/doc.compact"
	tail -n +3 "$out" > "$tmp/doc.pretty"
	if [ "$(tail -c 1 "$f" | od -An -tx1 | tr -d ' \n')" = 0a ]; then
		want=$tmp/doc.pretty
	else
		want=$tmp/doc.compact
	fi
	if cmp -s "$want" "$f"; then
		ok
	else
		bad "$f: differs from Go's bytes (< go, > file):"
		diff "$want" "$f" | head -n 6 >&2 || true
	fi
	if [ -f "$f.pretty" ]; then
		if cmp -s "$tmp/doc.pretty" "$f.pretty"; then
			ok
		else
			bad "$f.pretty: differs from Go's MarshalIndent (< go, > file):"
			diff "$tmp/doc.pretty" "$f.pretty" | head -n 6 >&2 || true
		fi
	fi
}

for f in "$@"; do
	check_doc "$f"
done

# ---- 4. negative controls ----------------------------------------------------
# A one-byte change in the compared output must be noticed.
sed '1s/^"/"x/' "$tmp/strings.c" > "$tmp/strings.bad"
if cmp -s "$tmp/strings.go" "$tmp/strings.bad"; then
	bad "negative control: a changed line went unnoticed"
else
	ok
fi
printf '{"ociVersion":"1.3.0","bogus":1}\n' > "$tmp/bogus.docs"
if "$GOREF" doc oci < "$tmp/bogus.docs" > /dev/null 2>&1; then
	bad "negative control: goref accepted an unknown key"
else
	ok
fi
if "$DRIVER" docs oci < "$tmp/bogus.docs" > /dev/null 2>&1; then
	bad "negative control: emit_json accepted an unknown key"
else
	ok
fi
printf '{"ociVersion":"1.3.0","hostname":"<h>"}' > "$tmp/config.json"
if (fail=0; check_doc "$tmp/config.json" 2> /dev/null; [ "$fail" -gt 0 ]); then
	ok
else
	bad "negative control: an unescaped '<' in a document went unnoticed"
fi

echo "goref-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
