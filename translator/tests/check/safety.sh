#!/usr/bin/env bash
# safety.sh HCSC: `hcsc check` never destroys data and never hangs
# (issue 9, classes 1, 2, 3, 6, 8, 11, 16), on a copy of the fixture
# corpus of this folder: links and link loops in GOLDEN are not followed,
# overlapping CORPUS and GOLDEN are a usage error, --report refuses what
# it would destroy (a file inside CORPUS or GOLDEN too) and `--report -` writes to stdout, hcsc's temporaries
# left by a SIGKILL are never reported and are cleaned by --update, two
# --update runs at once leave every case whole, and
# FIFOs, /dev/zero and huge golden files are refused without reading.
# The last check is a negative control.
set -u
HCSC=${1:?usage: safety.sh PATH-TO-HCSC}
case $HCSC in /*) ;; *) HCSC=$PWD/$HCSC ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
PASSED=0 FAILED=0
ok() { PASSED=$((PASSED + 1)); }
bad() { FAILED=$((FAILED + 1)); echo "safety.sh: FAILED: $*" >&2; }
expect() { if [ "$2" = "$3" ]; then ok; else bad "$1: want [$2], got [$3]"; fi; }
# hcsc ARGS...: run from $W with a 20 s bound; $W/out, $W/err, $RC.
hcsc() { (cd "$W" && timeout 20 "$HCSC" "$@") >"$W/out" 2>"$W/err"; RC=$?; }

W=$(mktemp -d "${TMPDIR:-/tmp}/hcsc-safety.XXXXXX")
trap 'rm -rf "$W"' EXIT
cp -R "$HERE/corpus" "$W/c"
hcsc check c g --update
expect "bootstrap" 0 "$RC"
cp -R "$W/g" "$W/g.orig"
mkdir "$W/outside"
echo precious >"$W/outside/keep.txt"
echo precious >"$W/outside/config.json"
snapshot() { (cd "$W" && find c outside -printf '%p %y %s\n' | LC_ALL=C sort; cat outside/*); }
snapshot >"$W/before"

# ---- 1. links in GOLDEN are never followed (class 1) ----
rm -r "$W/g/pass/basic" && ln -s "$W/outside" "$W/g/pass/basic"
for mode in "" --update; do
	hcsc check c g $mode
	expect "case folder link $mode: exit" 5 "$RC"
	expect "case folder link $mode: message" \
		"ERROR pass/basic: golden folder 'g/pass/basic' is a symbolic link (links under GOLDEN are not followed)" \
		"$(grep '^ERROR' "$W/out")"
done
expect "case folder link: still a link" yes "$([ -L "$W/g/pass/basic" ] && echo yes)"
rm "$W/g/pass/basic" && cp -R "$W/g.orig/pass/basic" "$W/g/pass/basic"
mv "$W/g/hosts" "$W/hosts.real" && ln -s "$W/hosts.real" "$W/g/hosts"   # a folder on the way
hcsc check c g --update
expect "parent link: exit" 5 "$RC"
expect "parent link: each case under it" 3 "$(grep -c "^ERROR hosts/.*: golden folder 'g/hosts' is a symbolic link" "$W/out")"
rm "$W/g/hosts" && mv "$W/hosts.real" "$W/g/hosts"
mkdir -p "$W/g/stale/deep"
ln -s "$W/outside" "$W/g/stale/deep/to-outside"    # a link where a stale folder would be
ln -s "$W/outside" "$W/g/gone"
ln -s .. "$W/g/pass/warn/diagnostics.txt"          # link loops (a golden name: an extra file)
ln -s . "$W/g/json/self"
hcsc check c g --update
expect "links and loops: exit" 0 "$RC"
expect "links and loops: only the loop link in a case folder is extra" "updated pass/warn: diagnostics.txt extra" "$(grep -v passed "$W/out")"
(cd "$W" && diff -r g.orig/pass g/pass >/dev/null) && ok || bad "links and loops: real golden files changed"
snapshot >"$W/after"
cmp -s "$W/before" "$W/after" && ok || bad "links and loops: outside or corpus changed"
rm -rf "$W/g/stale" "$W/g/gone" "$W/g/json/self"

# ---- 2. CORPUS and GOLDEN must not overlap (class 2) ----
ln -s c "$W/clink"
for pair in "c c" "c c/golden" "c/pass c" "c/ c/./" "clink c/pass/.." "c nothere/../c/g"; do
	set -- $pair
	hcsc check "$1" "$2" --update
	expect "overlap $pair: exit" 2 "$RC"
	expect "overlap $pair: message" \
		"hcsc: corpus '$1' and golden folder '$2' overlap (the same folder, or one inside the other); give two separate folders" \
		"$(cat "$W/err")"
done
snapshot >"$W/after"
cmp -s "$W/before" "$W/after" && ok || bad "overlap: corpus changed"
hcsc check c g2
expect "sibling folders do not overlap" 3 "$RC"

# ---- 3. --report targets (classes 3, 16) ----
hcsc check c g --report /dev/null
expect "report to a device: exit" 2 "$RC"
expect "report to a device: message" "hcsc: --report '/dev/null' is not a regular file (a device, FIFO or socket); give a file, or - for standard output" "$(cat "$W/err")"
expect "report to a device: still a device" yes "$([ -c /dev/null ] && echo yes)"
echo 'keep me' >"$W/outside/target.xml"
ln -s "$W/outside/target.xml" "$W/rlink.xml"
hcsc check c g --report rlink.xml
expect "report to a link: exit" 2 "$RC"
expect "report to a link: message" "hcsc: --report 'rlink.xml' is not a regular file (a symbolic link); give a file, or - for standard output" "$(cat "$W/err")"
expect "report to a link: link and target kept" "yes keep me" "$([ -L "$W/rlink.xml" ] && echo yes) $(cat "$W/outside/target.xml")"
expect "report to a link: nothing run" "" "$(cat "$W/out")"
hcsc check c g --report -
expect "report -: exit" 0 "$RC"
xmllint --noout "$W/out" && ok || bad "report -: stdout is not the XML report"
expect "report -: summary on stderr" "8 passed, 0 failed" "$(cat "$W/err")"
hcsc check c g --report nosuch-dir/r.xml
expect "report in a missing folder: message names the user's path" \
	"hcsc: cannot write 'nosuch-dir/r.xml': No such file or directory" "$(cat "$W/err")"
echo old >"$W/r.xml"; chmod 600 "$W/r.xml"
hcsc check c g --report r.xml
expect "report over a 0600 file keeps its mode" "0 600" "$RC $(stat -c %a "$W/r.xml")"
expect "report: no temporaries left" "" "$(cd "$W" && ls -A | grep '^\.hcsc-')"

# --report FILE inside CORPUS or GOLDEN: refused before anything runs (it
# replaced a host profile or a golden file with the XML report)
for target in c/_profiles/rs4.yaml c/pass/new.xml g/pass/basic/config.json ./g/../g/stale/r.xml; do
	snapshot >"$W/pre"; (cd "$W" && find g -printf '%p %s\n' | LC_ALL=C sort; cat g/pass/basic/*) >"$W/gpre"
	hcsc check c g --update --report "$target"
	case $target in c/*) where="the corpus 'c'" ;; *) where="the golden folder 'g'" ;; esac
	expect "report inside a folder of the check ($target): exit" 2 "$RC"
	expect "report inside a folder of the check ($target): message" "hcsc: --report '$target' is inside $where (it could replace a case or a golden file); give a file outside both folders" "$(cat "$W/err")"
	snapshot | cmp -s - "$W/pre" && (cd "$W" && find g -printf '%p %s\n' | LC_ALL=C sort; cat g/pass/basic/*) | cmp -s - "$W/gpre" \
		&& ok || bad "report inside a folder of the check ($target): a file changed"
done

# ---- 4. temporaries of a killed run (class 6) ----
sleep 0 & dead=$!; wait "$dead"
echo leftover >"$W/g/pass/basic/.hcsc-$dead-89abcdef.config.json"
hcsc check c g
expect "orphan: not reported" "0 8 passed, 0 failed" "$RC $(cat "$W/out")"
chmod 600 "$W/g/pass/basic/hcs-v2.json"; echo changed >>"$W/g/pass/basic/hcs-v2.json"
hcsc check c g --update
expect "orphan: --update removes it" "" "$(find "$W/g" -name '.hcsc-*')"
expect "--update keeps a golden file's mode" 600 "$(stat -c %a "$W/g/pass/basic/hcs-v2.json")"
rm -rf "$W/g"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	(cd "$W" && exec "$HCSC" check c g --update -j 4 >/dev/null 2>&1) &
	pid=$!
	sleep "0.0$((i % 10))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	hcsc check c g
	if grep -q 'hcsc-\|\.tmp' "$W/out"; then bad "killed --update: a temporary reported"; grep 'hcsc-\|\.tmp' "$W/out" | head -3; break; fi
done
ok
hcsc check c g --update
hcsc check c g
expect "after kills: --update then check passes" "0 8 passed, 0 failed" "$RC $(cat "$W/out")"
expect "after kills: no temporaries left" "" "$(find "$W/g" -name '.hcsc-*' -o -name '*.tmp*')"

# ---- 4b. two --update runs at once on one GOLDEN: every case folder ends
# whole (the folder lock; extra files and stale folders removed by both) ----
whole=0 clean=0
for round in 1 2 3 4 5 6; do
	for d in "$W"/g/pass/* "$W"/g/hosts/*; do
		case $((round % 3)) in
		0) echo junk >"$d/config.json" ;;
		1) rm -f "$d/hcs-v1.json" "$d/diagnostics.txt" ;;
		2) echo 9 >"$d/exit-code" ;;
		esac
	done
	mkdir -p "$W/g/stale$round"; echo '{}' >"$W/g/stale$round/config.json"
	(cd "$W" && "$HCSC" check c g --update -j 2 >"$W/u1.out" 2>&1) & p1=$!
	(cd "$W" && "$HCSC" check c g --update -j 2 >"$W/u2.out" 2>&1) & p2=$!
	rc1=0 rc2=0
	wait "$p1" || rc1=$?
	wait "$p2" || rc2=$?
	hcsc check c g
	[ "$RC $(tail -n 1 "$W/out")" = "0 8 passed, 0 failed" ] && [ -z "$(find "$W/g" -name '.hcsc-*')" ] \
		&& [ ! -e "$W/g/stale$round" ] && whole=$((whole + 1))
	# a file the other run removed first is no error (exit 0 for both)
	[ "$rc1 $rc2" = "0 0" ] && clean=$((clean + 1)) || cat "$W/u1.out" "$W/u2.out"
done
expect "two --update at once: whole golden folders after each round" 6 "$whole"
expect "two --update at once: both runs exit 0 in each round" 6 "$clean"

# ---- 5. golden files must be regular and bounded (class 11) ----
G=$W/g/pass/basic
mv "$G/config.json" "$W/config.keep"
mkfifo "$G/config.json"
for mode in "" --update; do
	hcsc check c g $mode
	expect "golden FIFO $mode: exit (no hang)" 5 "$RC"
	expect "golden FIFO $mode: message" "ERROR pass/basic: golden file 'g/pass/basic/config.json' is not a regular file" "$(grep '^ERROR' "$W/out")"
done
expect "golden FIFO: left alone" yes "$([ -p "$G/config.json" ] && echo yes)"
rm "$G/config.json" && ln -s /dev/zero "$G/config.json"
hcsc check c g
expect "golden /dev/zero link: message" "5 ERROR pass/basic: golden file 'g/pass/basic/config.json' is not a regular file" "$RC $(grep '^ERROR' "$W/out")"
rm "$G/config.json" && truncate -s 65M "$G/config.json"
hcsc check c g
expect "golden 65 MiB file: message" "5 ERROR pass/basic: golden file 'g/pass/basic/config.json' is larger than 64 MiB (the golden file limit)" "$RC $(grep '^ERROR' "$W/out")"
mv "$W/config.keep" "$G/config.json"
hcsc check c g
expect "restored: passes" 0 "$RC"

# ---- 6. negative control: the assertions can fail ----
before=$FAILED
expect "negative control (must fail)" 1 2 2>/dev/null
if [ "$FAILED" -eq $((before + 1)) ]; then FAILED=$before; ok; else bad "negative control did not fail"; fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
