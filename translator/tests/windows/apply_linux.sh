#!/usr/bin/env bash
# apply_linux.sh: --apply off Windows (rules: hcsc.cli.exit-codes, hcsc.apply.lifecycle, hcsc.apply.output):
# a clear refusal (`--apply needs a Windows host`, exit 2) before
# anything is compiled or written, --dry-run everywhere (exit 0, nothing
# loaded), and the usage errors of --start / --timeout / --dry-run.
# Registered on the Linux build by translator/CMakeLists.txt.
#
# usage: apply_linux.sh HCSC DATA_DIR
set -u
HCSC=$1
DATA=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "apply_linux: FAIL: $*" >&2; }

# run WANT-EXIT STDERR-REGEX ARGS...
run() {
	local want=$1 re=$2
	shift 2
	"$HCSC" "$@" >"$T/out" 2>"$T/err"
	local rc=$?
	if [ "$rc" = "$want" ]; then ok; else bad "hcsc $*: exit $rc, want $want"; fi
	if [ "$re" = EMPTY ]; then
		if [ -s "$T/err" ]; then bad "hcsc $*: stderr not empty: $(head -c 300 "$T/err")"; else ok; fi
	elif grep -qE -- "$re" "$T/err"; then
		ok
	else
		bad "hcsc $*: stderr lacks /$re/: $(head -c 300 "$T/err")"
	fi
}

D=$DATA/unicode.yaml
run 2 '^hcsc: --apply needs a Windows host$' compile "$D" --apply
run 2 '^hcsc: --apply needs a Windows host$' compile "$D" --apply --start --timeout 10
run 2 '^hcsc: --apply needs a Windows host$' compile "$D" --apply -o "$T/o"
if [ -e "$T/o" ]; then bad "--apply off Windows wrote -o"; else ok; fi
run 2 'go with --apply' compile "$D" --start
run 2 'go with --apply' compile "$D" --dry-run
run 2 'go with --apply' compile "$D" --timeout 5
run 2 "--timeout takes whole seconds from 1 to 4294967, not '0'" compile "$D" --apply --dry-run --timeout 0
run 2 "not '1.5'" compile "$D" --apply --dry-run --timeout 1.5
run 2 "not '4294968'" compile "$D" --apply --dry-run --timeout 4294968
run 2 'compiled documents go only to -o DIR' compile "$D" --apply --dry-run --emit hcs-v2

# --dry-run: the plan on stdout, exit 0, the profile's build decides
run 0 EMPTY compile "$D" --apply --dry-run --timeout 7
grep -q '^# host build 20348 (the host profile.s; not a Windows host): hcs-v2.json' "$T/out" && ok || bad "dry run: no v2 plan"
grep -q '^HcsWaitForOperationResult(op, 7000, &result)$' "$T/out" && ok || bad "dry run: --timeout not used"
"$HCSC" compile "$D" --compact --emit hcs-v2 >"$T/want"
awk 'f { print; exit } /^# hcs-v2.json as submitted/ { f = 1 }' "$T/out" | head -c -1 >"$T/got"
cmp -s "$T/want" "$T/got" && ok || bad "dry run: the document is not the compact hcs-v2.json"
run 0 'moby requires Windows build 17763' compile "$D" --host ltsc2016 --apply --dry-run --start -o "$T/o2"
grep -q '^LoadLibraryW("vmcompute.dll")$' "$T/out" && ok || bad "dry run: no v1 plan for ltsc2016"
[ -f "$T/o2/hcs-v1.json" ] && ok || bad "dry run: -o not written"
run 2 'needs the utility VM document' compile "$DATA/hyperv.yaml" --apply --dry-run

# --target docker: moby's local runtime sends hcs-v1.json through vmcompute
# on every build, Hyper-V included; the process document is its own
run 0 EMPTY compile "$DATA/hyperv.yaml" --target docker --apply --dry-run --start
grep -q '^# target docker: ' "$T/out" && ok || bad "dry run: target not named"
grep -q '^# host build 20348 (the host profile.s; not a Windows host): hcs-v1.json (schema 1.0) through vmcompute.dll$' "$T/out" && ok || bad "dry run: docker not v1 on 20348"
grep -q '^LoadLibraryW("vmcompute.dll")$' "$T/out" && ok || bad "dry run: docker without vmcompute"
"$HCSC" compile "$DATA/hyperv.yaml" --target docker --compact --emit hcs-v1 >"$T/want"
awk 'f { print; exit } /^# hcs-v1.json as submitted/ { f = 1 }' "$T/out" | head -c -1 >"$T/got"
cmp -s "$T/want" "$T/got" && ok || bad "dry run: docker document is not its compact hcs-v1.json"
"$HCSC" compile "$DATA/hyperv.yaml" --target docker --compact --emit process >"$T/want"
awk 'f { print; exit } /^# process.json as submitted/ { f = 1 }' "$T/out" | head -c -1 >"$T/got"
cmp -s "$T/want" "$T/got" && ok || bad "dry run: docker process is not its compact process.json"
run 2 'target docker never builds hcs-v2.json' compile "$D" --target docker --emit hcs-v2
# docker-19.03 applies as docker does; docker-1.12 is preview only (rule: hcsc.apply.era-targets)
run 0 "'Owner' is ignored under target docker-19.03" compile "$D" --target docker-19.03 --apply --dry-run
grep -q '^LoadLibraryW("vmcompute.dll")$' "$T/out" && ok || bad "dry run: docker-19.03 without vmcompute"
run 2 "target docker-1.12's documents are for preview and diff only" compile "$D" --target docker-1.12 --apply --dry-run
run 2 "unknown target 'dokcer'; did you mean 'docker'?" compile "$D" --target dokcer

# negative control: the checks above see a wrong exit status
if (fail=0; run 0 '^hcsc: --apply needs a Windows host$' compile "$D" --apply; [ "$fail" -gt 0 ]) 2>/dev/null; then
	ok
else
	bad "negative control: a wrong exit status went unnoticed"
fi

echo "apply_linux: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
