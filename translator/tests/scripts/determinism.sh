#!/usr/bin/env bash
# determinism.sh HCSC CORPUS_DIR
# The same cases compiled under different locales, time zones and
# environments must give identical bytes (docs/design.md "Pipeline"). A locale
# that is not installed is a failure, never a skip (rule: hcsc.tests.no-skip).
set -u
hcsc=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

for loc in de_DE.UTF-8 tr_TR.UTF-8; do
	if ! locale -a 2>/dev/null | grep -qix "${loc%%.*}.utf-\?8"; then
		echo "FAIL locale $loc is not installed (scripts/bootstrap.sh --test generates it)"
		fail=$((fail + 1))
	fi
done

# Every case of the corpus, compiled to all four documents, per environment.
run_env() { # NAME, then env assignments
	local name=$1; shift
	local out="$work/$name"
	mkdir -p "$out"
	while IFS= read -r -d '' f; do
		rel=${f#"$corpus"/}
		dir="$out/${rel%.*}"
		mkdir -p "$dir"
		env -i PATH="$PATH" "$@" "$hcsc" compile "$f" -o "$dir/docs" \
			>"$dir/stdout" 2>"$dir/stderr"
		echo $? >"$dir/exit"
	done < <(find "$corpus" -name '*.yaml' ! -name 'host.*' ! -name '_*' ! -name '*.runtime.yaml' -print0 | sort -z)
}

run_env c LC_ALL=C TZ=UTC
run_env de LC_ALL=de_DE.UTF-8 TZ=Europe/Berlin
run_env tr LC_ALL=tr_TR.UTF-8 LANG=tr_TR.UTF-8 TZ=Asia/Tokyo
run_env odd LC_ALL=C.UTF-8 TZ=America/St_Johns HOME=/nonexistent TMPDIR=/nonexistent HCSC_ANYTHING=1

for other in de tr odd; do
	if diff -r "$work/c" "$work/$other" >"$work/diff.$other"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL output under '$other' differs from LC_ALL=C:"
		head -40 "$work/diff.$other"
	fi
done

# Negative control: the comparison notices a changed byte.
cp -r "$work/c" "$work/ctl"
first=$(find "$work/ctl" -name stdout -o -name config.json | sort | head -1)
printf 'x' >>"$first"
if diff -r -q "$work/c" "$work/ctl" >/dev/null; then
	fail=$((fail + 1)); echo "FAIL negative control: a changed byte went unnoticed"
else
	pass=$((pass + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
