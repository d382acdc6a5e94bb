#!/usr/bin/env bash
# shard.sh HCSC CORPUS_DIR
# `hcsc check --shard K/N` (issue 14 item 4): for N = 1..8 the shards of
# the project corpus are disjoint and their union is exactly the corpus
# (every case fails against an empty golden folder, so each shard's
# output names its cases); a shard is the same set on every run; no
# shard of N >= 2 holds everything; bad K/N values are usage errors.
set -u
hcsc=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
mkdir "$work/empty"

names() { # [ARGS...]: the case names a run reports, sorted
	"$hcsc" check "$corpus" "$work/empty" -j 2 "$@" 2>/dev/null |
		sed -n 's/^\(FAIL\|ERROR\) \([^:]*\):.*/\2/p' | sort
}

names >"$work/all"
total=$(wc -l <"$work/all")
[ "$total" -gt 400 ] && ok || bad "the unsharded run names $total cases"
for n in 1 2 3 4 5 6 7 8; do
	: >"$work/union"
	for k in $(seq 1 "$n"); do
		names --shard "$k/$n" >"$work/s$k"
		cat "$work/s$k" >>"$work/union"
		if [ "$n" -ge 2 ] && [ "$(wc -l <"$work/s$k")" -ge "$total" ]; then
			bad "shard $k/$n holds every case"
		fi
	done
	sort "$work/union" >"$work/union.sorted"
	if cmp -s "$work/union.sorted" "$work/all"; then ok; else
		bad "N=$n: the shards' union is not the corpus (or they overlap)"
		diff "$work/all" "$work/union.sorted" | head -5
	fi
done
names --shard 3/7 >"$work/again"
names --shard 3/7 --filter '**' >"$work/again2"
if cmp -s "$work/again" "$work/again2"; then ok; else bad "shard 3/7 differs between runs"; fi

# Usage errors: exit 2, the option named with what is allowed.
for v in 0/3 4/3 1/0 3 x/2 1/2/3 '' ' 1/2' 1/4097 -1/2; do
	"$hcsc" check "$corpus" "$work/empty" --shard "$v" >/dev/null 2>"$work/err"
	rc=$?
	if [ $rc = 2 ] && grep -q -- "--shard takes K/N, two whole numbers with 1 <= K <= N <= 4096" "$work/err"; then
		ok
	else
		bad "--shard '$v': exit $rc: $(cat "$work/err")"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
