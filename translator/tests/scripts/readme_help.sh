#!/usr/bin/env bash
# readme_help.sh HCSC README [--fix]
# The README's command-line block must be exactly `hcsc --help` (one option
# table drives both). With --fix, rewrite the block instead of failing.
set -eu
hcsc=$1 readme=$2
begin='<!-- BEGIN hcsc --help'
end='<!-- END hcsc --help -->'
want=$(mktemp) got=$(mktemp)
trap 'rm -f "$want" "$got"' EXIT
{ echo '```'; "$hcsc" --help; echo '```'; } >"$want"
awk -v b="$begin" -v e="$end" 'index($0, e) == 1 {on = 0} on {print} index($0, b) == 1 {on = 1}' "$readme" >"$got"
if [ "${3:-}" = "--fix" ]; then
	awk -v b="$begin" -v e="$end" -v f="$want" '
		index($0, e) == 1 { while ((getline l < f) > 0) print l; on = 0 }
		!on { print }
		index($0, b) == 1 { on = 1 }' "$readme" >"$readme.new" && mv "$readme.new" "$readme"
	exit 0
fi
if diff -u --label README.md --label 'hcsc --help' "$got" "$want"; then
	echo "1 passed, 0 failed"
else
	echo "README's help block is stale: run $0 $hcsc $readme --fix"
	echo "0 passed, 1 failed"
	exit 1
fi
