#!/usr/bin/env bash
# output_safety.sh HCSC FAULT_SHIM CORPUS_DIR
# `hcsc compile -o DIR` never destroys data (issue 9, classes 4, 5, 7, 8
# and 6 for -o): a rename failure injected in the middle of the set leaves
# every old document as it was (the shim FAULT_SHIM, preloaded, fails the
# Nth rename()); links planted at temporary names are never followed; a
# replaced document keeps its permission bits; eight concurrent writers
# leave one complete set; orphaned temporaries are removed, live ones
# kept; a SIGTERM between two renames (the shim again) ends hcsc only
# once the set is complete, for -o and for `check --update`; a write,
# fsync or close failure of a temporary (the shim again) changes nothing,
# for -o, `check --update` and `--report`; -o never
# replaces its input (by any path to it, any value of any file option;
# a hard link is another name); a path past PATH_MAX is named whole. The last
# check is a negative control.
set -u
hcsc=$1 shim=$2 corpus=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
good=$corpus/examples/web.yaml
docs="config.json hcs-v1.json hcs-v2.json process.json"
# ASan (gcc) wants its runtime first; the shim wraps rename(), fwrite(),
# fsync() and fclose(), and acts only when its variables are set.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
umask 022

# old_set DIR: four old documents, one 0600 and one 0640.
old_set() {
	rm -rf "$1"; mkdir -p "$1"
	for f in $docs; do echo "old $f" >"$1/$f"; done
	chmod 600 "$1/config.json"; chmod 640 "$1/hcs-v1.json"
}
# same_old DIR: exactly the old set, modes included, nothing else.
same_old() {
	local f
	[ "$(ls -A "$1" | tr '\n' ' ')" = "config.json hcs-v1.json hcs-v2.json process.json " ] || return 1
	for f in $docs; do [ "$(cat "$1/$f")" = "old $f" ] || return 1; done
	[ "$(stat -c %a "$1/config.json" "$1/hcs-v1.json" "$1/hcs-v2.json" | tr '\n' ' ')" = "600 640 644 " ]
}

# ---- 1. a rename failure in the middle: nothing changes (class 4) ----
set -- $docs
for k in 1 2 3 4; do
	old_set "$work/o$k"
	LD_PRELOAD=$shim HCSC_FAULT_RENAME=$k "$hcsc" compile "$good" -o "$work/o$k" 2>"$work/err"
	rc=$?
	eval "want=\${$k}"
	if [ "$rc" = 5 ] && [ "$(cat "$work/err")" = "hcsc: cannot write '$work/o$k/$want': Input/output error" ] \
		&& same_old "$work/o$k"; then ok; else
		bad "rename $k of 4 fails: exit $rc, or the folder changed"; cat "$work/err"; ls -la "$work/o$k"; fi
done
LD_PRELOAD=$shim HCSC_FAULT_RENAME=3 "$hcsc" compile "$good" -o "$work/new" 2>/dev/null
if [ "$?" = 5 ] && [ -z "$(ls -A "$work/new")" ]; then ok; else bad "failed -o into a new folder created files"; ls -la "$work/new"; fi
# without a fault, the same command replaces every document
old_set "$work/o"
"$hcsc" compile "$good" -o "$work/o" 2>/dev/null
if [ "$?" = 0 ] && ! grep -q '^old' "$work"/o/*.json && [ "$(ls -A "$work/o" | wc -l)" = 4 ]; then ok; else bad "plain -o"; fi

# ---- 1b. a full or failing disk while a temporary is written, synced or
# closed (the shim: fwrite ENOSPC, fsync EIO, fclose EIO at the Nth call
# on a file): the old set stays, no temporary is left, the message names
# the document (rule: hcsc.cli.output) ----
for fault in "WRITE No space left on device" "FSYNC Input/output error" "CLOSE Input/output error"; do
	v=${fault%% *} msg=${fault#* }
	for k in 1 3; do
		n=$k; [ "$v" = CLOSE ] && n=$((k + 1))   # fclose 1: the description read
		old_set "$work/w"
		env LD_PRELOAD="$shim" "HCSC_FAULT_$v=$n" "$hcsc" compile "$good" -o "$work/w" 2>"$work/err"
		rc=$?
		eval "want=\${$k}"
		if [ "$rc" = 5 ] && [ "$(cat "$work/err")" = "hcsc: cannot write '$work/w/$want': $msg" ] && same_old "$work/w"; then ok; else
			bad "$v fails for document $k: exit $rc, or the folder changed"; cat "$work/err"; ls -la "$work/w"; fi
	done
done
old_set "$work/w"   # a disk that stays full from the second write on
LD_PRELOAD=$shim HCSC_FAULT_WRITE=2+ "$hcsc" compile "$good" -o "$work/w" 2>/dev/null
if [ "$?" = 5 ] && same_old "$work/w"; then ok; else bad "a full disk: the folder changed"; fi

# ---- 2. kept permission bits (class 8) ----
if [ "$(stat -c %a "$work/o/config.json" "$work/o/hcs-v1.json" "$work/o/hcs-v2.json" | tr '\n' ' ')" = "600 640 644 " ]; then ok; else
	bad "modes not kept: $(stat -c '%n %a' "$work"/o/*)"; fi
"$hcsc" compile "$good" -o "$work/fresh" 2>/dev/null
if [ "$(stat -c %a "$work/fresh/config.json")" = 644 ]; then ok; else bad "new file mode"; fi

# ---- 3. links planted at temporary names are not followed (class 5) ----
echo victim >"$work/victim"
mkdir -p "$work/p"
mkfifo "$work/gate"
( read -r _ <"$work/gate"; exec "$hcsc" compile "$good" -o "$work/p" 2>/dev/null ) &
pid=$!
for f in $docs; do ln -s "$work/victim" "$work/p/$f.tmp$pid"; done   # the old names
echo go >"$work/gate"
wait "$pid"
if [ "$?" = 0 ] && [ "$(cat "$work/victim")" = victim ] && [ -s "$work/p/config.json" ]; then ok; else
	bad "a planted link was followed (victim: $(cat "$work/victim" | head -c 40))"; fi
rm "$work/p/config.json"
ln -s "$work/victim" "$work/p/config.json"   # a link AT the document: replaced, not followed
"$hcsc" compile "$good" -o "$work/p" 2>/dev/null
if [ "$(cat "$work/victim")" = victim ] && [ ! -L "$work/p/config.json" ]; then ok; else bad "link at a document followed"; fi

# ---- 4. eight concurrent writers: one complete set (class 7) ----
for i in 1 2 3 4 5 6 7 8; do
	sed "s/^Name: .*/Name: writer$i/" "$good" >"$work/w$i.yaml"
	grep -q "^Name: writer$i" "$work/w$i.yaml" || printf 'Name: writer%s\n' "$i" >>"$work/w$i.yaml"
	"$hcsc" compile "$work/w$i.yaml" -o "$work/ref$i" 2>/dev/null
done
mixed=0
for round in 1 2 3 4 5 6; do
	for i in 1 2 3 4 5 6 7 8; do "$hcsc" compile "$work/w$i.yaml" -o "$work/same" 2>/dev/null & done
	wait
	match=0
	for i in 1 2 3 4 5 6 7 8; do
		diff -rq "$work/ref$i" "$work/same" >/dev/null && match=1
	done
	[ "$match" = 1 ] || mixed=$((mixed + 1))
done
if [ "$mixed" = 0 ] && [ -z "$(ls -A "$work/same" | grep -v '\.json$')" ]; then ok; else bad "concurrent writers: $mixed rounds left a mixed set"; ls -A "$work/same"; fi

# ---- 5. orphaned temporaries are removed, live ones kept (class 6) ----
sleep 0 & dead=$!; wait "$dead"
echo x >"$work/o/.hcsc-$dead-0123abcd.config.json"
echo y >"$work/o/.hcsc-$$-0123abcd.config.json"
"$hcsc" compile "$good" -o "$work/o" 2>/dev/null
if [ ! -e "$work/o/.hcsc-$dead-0123abcd.config.json" ] && [ -e "$work/o/.hcsc-$$-0123abcd.config.json" ]; then ok; else
	bad "orphans: $(ls -A "$work/o" | tr '\n' ' ')"; fi

# ---- 6. SIGTERM between two renames: the set completes, then exit ----
# (the shim sends SIGTERM at the Nth rename; rule: hcsc.cli.output)
for k in 1 2 3 4; do
	old_set "$work/t$k"
	LD_PRELOAD=$shim HCSC_FAULT_RENAME_SIGNAL=$k "$hcsc" compile "$good" -o "$work/t$k" 2>/dev/null
	rc=$?
	if [ "$rc" = 143 ] && diff -r "$work/fresh" "$work/t$k" >/dev/null \
		&& [ "$(stat -c %a "$work/t$k/config.json")" = 600 ]; then ok; else
		bad "SIGTERM at rename $k of 4: exit $rc, or a mixed set"; grep -c '^old' "$work/t$k"/*; ls -A "$work/t$k"; fi
done
mkdir -p "$work/cc"
cp "$good" "$work/cc/web.yaml"
"$hcsc" check "$work/cc" "$work/gg" --update >/dev/null 2>&1
cp -R "$work/gg" "$work/gg.new"
for k in 1 3; do
	for f in $docs; do echo "old $f" >"$work/gg/web/$f"; done
	LD_PRELOAD=$shim HCSC_FAULT_RENAME_SIGNAL=$k "$hcsc" check "$work/cc" "$work/gg" --update >/dev/null 2>&1
	rc=$?
	if [ "$rc" = 143 ] && diff -r "$work/gg.new" "$work/gg" >/dev/null; then ok; else
		bad "check --update, SIGTERM at rename $k: exit $rc, or a mixed case"; grep -c '^old' "$work/gg/web"/*; ls -A "$work/gg/web"; fi
done
old_set "$work/ign"   # a SIGTERM the caller ignores stays ignored
(trap '' TERM; LD_PRELOAD=$shim HCSC_FAULT_RENAME_SIGNAL=2 exec "$hcsc" compile "$good" -o "$work/ign" 2>/dev/null)
rc=$?
if [ "$rc" = 0 ] && diff -r "$work/fresh" "$work/ign" >/dev/null; then ok; else bad "ignored SIGTERM: exit $rc"; fi

# ---- 6b. the same faults under check --update and --report ----
for f in $docs; do echo "old $f" >"$work/gg/web/$f"; done
cp -R "$work/gg" "$work/gg.old"
for v in WRITE FSYNC CLOSE; do
	env LD_PRELOAD="$shim" "HCSC_FAULT_$v=2" "$hcsc" check "$work/cc" "$work/gg" --update >"$work/out" 2>&1
	rc=$?
	if [ "$rc" = 5 ] && grep -q "cannot write '$work/gg/web/hcs-v1.json'" "$work/out" && diff -r "$work/gg.old" "$work/gg" >/dev/null \
		&& [ -z "$(ls -A "$work/gg/web" | grep -v '\.json$')" ]; then ok; else
		bad "check --update, $v fault: exit $rc, or the golden case changed"; cat "$work/out"; ls -A "$work/gg/web"; fi
done
if "$hcsc" check "$work/cc" "$work/gg.new" --report "$work/r.xml" >/dev/null 2>&1; then   # a build with the report module
	mkdir -p "$work/rep"
	# the reason is the system's (a full disk is ENOSPC), and libxml2 prints nothing of its own
	for fault in WRITE=1 WRITE=1+ FSYNC=1 CLOSE=1 CLOSE=3; do   # CLOSE 1: the body, 3: the report
		echo old >"$work/rep/r.xml"
		env LD_PRELOAD="$shim" "HCSC_FAULT_$fault" "$hcsc" check "$work/cc" "$work/gg.new" --report "$work/rep/r.xml" >/dev/null 2>"$work/err"
		rc=$?
		case $fault in WRITE*) why="No space left on device" ;; *) why="Input/output error" ;; esac
		if [ "$rc" = 5 ] && [ "$(cat "$work/err")" = "hcsc: cannot write '$work/rep/r.xml': $why" ] \
			&& [ "$(cat "$work/rep/r.xml")" = old ] && [ "$(ls -A "$work/rep")" = r.xml ]; then ok; else
			bad "--report, $fault: exit $rc, or the old report changed (an fsync fault before the rename)"; cat "$work/err"; ls -A "$work/rep"; fi
	done
fi

# ---- 7. -o never replaces its own input (rule: hcsc.cli.output) ----
desc=$corpus/oci/inspect-basic.json
mkdir -p "$work/in" "$work/hl/out" "$work/ln/out"
cp "$desc" "$work/in/config.json"
"$hcsc" compile "$work/in/config.json" -o "$work/in" 2>"$work/err"
rc=$?
if [ "$rc" = 2 ] && [ "$(cat "$work/err")" = "hcsc: -o '$work/in': '$work/in/config.json' is the input '$work/in/config.json' (hcsc would replace it); give another folder" ] \
	&& cmp -s "$desc" "$work/in/config.json" && [ "$(ls -A "$work/in")" = config.json ]; then ok; else
	bad "input as output: exit $rc"; cat "$work/err"; ls -A "$work/in"; fi
cp "$desc" "$work/hl/d.json"; ln "$work/hl/d.json" "$work/hl/out/hcs-v1.json"   # a hard link: another name
"$hcsc" compile "$work/hl/d.json" -o "$work/hl/out" 2>/dev/null
if [ "$?" = 0 ] && cmp -s "$desc" "$work/hl/d.json" && [ "$(stat -c %h "$work/hl/d.json")" = 1 ]; then ok; else
	bad "a hard link of the input at a document: not replaced, or the input changed"; fi
mkdir -p "$work/in2"; cp "$desc" "$work/in2/hcs-v2.json"; ln -s in2 "$work/in2link"   # the input by another path
"$hcsc" compile "$work/in2link/hcs-v2.json" -o "$work/in2/." 2>"$work/err"
if [ "$?" = 2 ] && grep -q "^hcsc: -o '$work/in2/.': '$work/in2/./hcs-v2.json' is the input '$work/in2link/hcs-v2.json'" "$work/err" \
	&& cmp -s "$desc" "$work/in2/hcs-v2.json" && [ "$(ls -A "$work/in2")" = hcs-v2.json ]; then ok; else
	bad "the input by another path"; cat "$work/err"; fi
cp "$desc" "$work/ln/d.json"; ln -s ../d.json "$work/ln/out/config.json"   # a link is replaced, not followed
"$hcsc" compile "$work/ln/d.json" -o "$work/ln/out" 2>/dev/null
if [ "$?" = 0 ] && cmp -s "$desc" "$work/ln/d.json" && [ ! -L "$work/ln/out/config.json" ]; then ok; else bad "a link at the document to the input"; fi

# every value of every file option counts, not only the last (--host given twice)
mkdir -p "$work/h2"; "$hcsc" hosts ltsc2022 >"$work/h2/hcs-v1.json"; cp "$work/h2/hcs-v1.json" "$work/h2.keep"
"$hcsc" compile "$good" --host "$work/h2/hcs-v1.json" --host ltsc2022 -o "$work/h2" 2>"$work/err"
rc=$?
if [ "$rc" = 2 ] && [ "$(cat "$work/err")" = "hcsc: -o '$work/h2': '$work/h2/hcs-v1.json' is the input '$work/h2/hcs-v1.json' (hcsc would replace it); give another folder" ] \
	&& cmp -s "$work/h2.keep" "$work/h2/hcs-v1.json" && [ "$(ls -A "$work/h2")" = hcs-v1.json ]; then ok; else
	bad "an earlier --host value as output: exit $rc"; cat "$work/err"; ls -A "$work/h2"; fi
# a refused -o creates no folder
"$hcsc" compile "$work/in/config.json" -o "$work/in/new/.." 2>/dev/null
if [ "$?" = 2 ] && [ ! -e "$work/in/new" ]; then ok; else bad "a refused -o created its folder"; fi

# ---- 7b. a path longer than PATH_MAX: named whole, nothing written ----
long=$work/L
while [ ${#long} -lt 4090 ]; do long=$long/$(printf '%0200d' 0); done
long=${long:0:4090}   # DIR can be made; DIR/config.json cannot be opened
"$hcsc" compile "$good" -o "$long" 2>"$work/err"
rc=$?
if [ "$rc" = 5 ] && [ "$(cat "$work/err")" = "hcsc: cannot write '$long/config.json': File name too long" ] \
	&& [ -z "$(find "$work/L" -type f)" ]; then ok; else
	bad "a long -o path: exit $rc, a shortened name, or files written"; tail -c 80 "$work/err"; echo; find "$work/L" -type f; fi
rm -rf "$work/L"

# ---- 8. negative control: the checks can fail ----
old_set "$work/nc"; echo changed >"$work/nc/process.json"
if same_old "$work/nc"; then bad "negative control did not fail"; else ok; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
