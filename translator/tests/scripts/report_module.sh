#!/usr/bin/env bash
# report_module.sh HCSC MODULE CORPUS_DIR GOLDEN_DIR
# The report module (report/module.h, issue 14): hcsc itself does not
# need libxml2 (it is not among its DT_NEEDED libraries, and a compile
# does not map it); `check --report` finds hcsc-report.so next to the
# binary; a copy of hcsc without the module refuses --report with exit 2
# naming the option and the module, and runs everything else.
set -u
hcsc=$1 module=$2 corpus=$3 golden=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

needed=$(readelf -d "$hcsc" | grep NEEDED)
if grep -q libxml2 <<<"$needed"; then bad "hcsc needs libxml2: $needed"; else ok; fi
# Negative control: the module itself does need it.
if readelf -d "$module" | grep NEEDED | grep -q libxml2; then ok; else bad "control: module without libxml2"; fi

# No libxml2 mapped by a compile (LD_DEBUG lists every object loaded).
LD_DEBUG=files "$hcsc" compile "$corpus/examples/web.yaml" >/dev/null 2>"$work/ld" || bad "compile failed"
if grep -q 'libxml2' "$work/ld"; then bad "a compile loads libxml2"; else ok; fi
LD_DEBUG=files "$hcsc" check "$corpus" "$golden" --filter 'examples/web' \
	--report "$work/r.xml" >/dev/null 2>"$work/ld"
if [ $? = 0 ] && grep -q 'libxml2' "$work/ld" && grep -q '<testcase' "$work/r.xml"; then ok; else
	bad "check --report did not load the module and write the report"; fi

# A copy of hcsc alone: --report is refused (exit 2), the rest works.
mkdir "$work/alone"
cp "$hcsc" "$work/alone/hcsc"
"$work/alone/hcsc" check "$corpus" "$golden" --filter 'examples/web' \
	--report "$work/r2.xml" >"$work/out" 2>"$work/err"
rc=$?
if [ $rc = 2 ] && grep -q -- "--report needs the JUnit report module 'hcsc-report.so'" "$work/err" &&
   [ ! -e "$work/r2.xml" ]; then ok; else bad "no module: exit $rc: $(cat "$work/err")"; fi
if "$work/alone/hcsc" check "$corpus" "$golden" --filter 'examples/web' >/dev/null; then ok; else
	bad "check without --report needs the module"; fi
# ... and with the module beside it, the copy writes the report.
cp "$module" "$work/alone/"
if "$work/alone/hcsc" check "$corpus" "$golden" --filter 'examples/web' \
	--report "$work/r3.xml" >/dev/null && grep -q '<testcase' "$work/r3.xml"; then ok; else
	bad "module next to the binary not found"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
