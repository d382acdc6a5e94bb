#!/usr/bin/env bash
# run.sh HCSC: end-to-end tests of `hcsc check` on the fixture corpus in
# this folder (corpus/), run against the given hcsc binary.
#
# The golden files are not committed: they are what the compiler emits
# today, so the test bootstraps them with `check --update` and ties them
# to `hcsc compile`'s own output (scenario "goldens are compile's
# output"); every other scenario then changes them in a known way and
# asserts the exact result: exit code, stdout byte for byte (the diffs
# must equal GNU `diff -u --label` output for the same files), summary
# line, JUnit validity (xmllint --noout) and counts, -j 1 / -j 4
# determinism, and --update touching only what changed.
#
# Needs: bash, GNU diff, xmllint (libxml2-utils). A missing tool is a
# failure, never a skip (rule: hcsc.tests.no-skip). The last scenario is a
# negative control: the assertions themselves must be able to fail.
set -u

HCSC=${1:?usage: run.sh PATH-TO-HCSC}
case $HCSC in /*) ;; *) HCSC=$PWD/$HCSC ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
PASSED=0
FAILED=0

ok() { PASSED=$((PASSED + 1)); }
bad() {
	FAILED=$((FAILED + 1))
	echo "run.sh: FAILED: $*" >&2
}

# expect NAME WANT GOT: two strings equal.
expect() {
	if [ "$2" = "$3" ]; then ok; else
		bad "$1: want [$2], got [$3]"
	fi
}

# expect_file NAME WANT-FILE GOT-FILE: byte-identical files.
expect_file() {
	if cmp -s "$2" "$3"; then ok; else
		bad "$1 ($2 vs $3)"
		diff -u "$2" "$3" | head -40 >&2
	fi
}

# hcsc ARGS...: run from $W; stdout in $W/out, stderr in $W/err, $RC.
hcsc() {
	(cd "$W" && "$HCSC" "$@") >"$W/out" 2>"$W/err"
	RC=$?
}

last_line() { tail -n 1 "$1"; }

for tool in diff xmllint cmp; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		bad "prerequisite '$tool' is missing (install diffutils / libxml2-utils)"
	fi
done
[ -x "$HCSC" ] || bad "no hcsc binary at '$HCSC'"
if [ "$FAILED" -ne 0 ]; then
	echo "$PASSED passed, $FAILED failed"
	exit 1
fi

W=$(mktemp -d "${TMPDIR:-/tmp}/hcsc-check.XXXXXX")
trap 'rm -rf "$W"' EXIT
cp -R "$HERE/corpus" "$W/corpus"

CASES='hosts/builtin
hosts/sibling
hosts/strict-file
json/plain
oci/app
pass/bad
pass/basic
pass/warn'

TREE='golden/hosts/builtin/config.json
golden/hosts/builtin/hcs-v1.json
golden/hosts/builtin/hcs-v2.json
golden/hosts/builtin/process.json
golden/hosts/builtin/warnings.txt
golden/hosts/sibling/config.json
golden/hosts/sibling/hcs-v1.json
golden/hosts/sibling/hcs-v2.json
golden/hosts/sibling/process.json
golden/hosts/sibling/warnings.txt
golden/hosts/strict-file/diagnostics.txt
golden/hosts/strict-file/exit-code
golden/json/plain/config.json
golden/json/plain/hcs-v1.json
golden/json/plain/hcs-v2.json
golden/json/plain/process.json
golden/json/plain/warnings.txt
golden/oci/app/hcs-v1.json
golden/oci/app/hcs-v2.json
golden/oci/app/process.json
golden/pass/bad/diagnostics.txt
golden/pass/bad/exit-code
golden/pass/basic/config.json
golden/pass/basic/hcs-v1.json
golden/pass/basic/hcs-v2.json
golden/pass/basic/process.json
golden/pass/warn/config.json
golden/pass/warn/hcs-v1.json
golden/pass/warn/hcs-v2.json
golden/pass/warn/process.json
golden/pass/warn/warnings.txt'

tree() { (cd "$W" && find "$1" -type f | LC_ALL=C sort); }

# ---- 1. no golden files yet: every expected file is missing ----
hcsc check corpus golden
expect "bootstrap: exit" 3 "$RC"
expect "bootstrap: summary" "0 passed, 8 failed" "$(last_line "$W/out")"
expect "bootstrap: FAIL lines" "$CASES" "$(sed -n 's/^FAIL \([^:]*\):.*/\1/p' "$W/out")"
expect "bootstrap: missing lines" 31 "$(grep -c '^missing golden file golden/' "$W/out")"
expect "bootstrap: nothing written" "" "$(tree golden 2>/dev/null)"

# ---- 2. --update creates them, and lists every case ----
hcsc check corpus golden --update
expect "update: exit" 0 "$RC"
expect "update: listed" "$CASES" "$(sed -n 's/^updated \([^:]*\):.*/\1/p' "$W/out")"
expect "update: summary" "0 passed, 8 updated" "$(last_line "$W/out")"
expect "update: golden tree" "$TREE" "$(tree golden)"
expect "update: no temporary files" "" "$(cd "$W" && find golden -name '*.tmp*')"

# ---- 3. the goldens are exactly what `hcsc compile` prints ----
C=$W/compiled
mkdir -p "$C"
# compile_case CASE ARGS...: documents into $C/CASE, stderr, exit code.
# Golden diagnostics hold compile's one-line form (--diagnostics-format
# short); the default text form adds source lines and carets.
compile_case() {
	local name=$1
	shift
	mkdir -p "$C/$name"
	(cd "$W/corpus" &&
		"$HCSC" compile "$@" --diagnostics-format short -o "$C/$name") \
		2>"$C/$name/stderr"
	echo "$?" >"$C/$name/rc"
}
compile_case pass/basic pass/basic.yaml
compile_case pass/warn pass/warn.yaml
compile_case pass/bad pass/bad.yaml
compile_case json/plain json/plain.json
compile_case hosts/sibling hosts/sibling.yaml --host hosts/host.yaml
compile_case hosts/builtin hosts/builtin.yaml --host ltsc2016
compile_case hosts/strict-file hosts/strict-file.yaml \
	--host _profiles/rs4.yaml --strict
compile_case oci/app --from-oci oci/app.oci.json \
	--runtime oci/app.runtime.yaml
for c in pass/basic pass/warn json/plain hosts/sibling hosts/builtin oci/app; do
	expect "compile $c: exit" 0 "$(cat "$C/$c/rc")"
	for f in config.json hcs-v1.json hcs-v2.json process.json; do
		[ "$c" = oci/app ] && [ $f = config.json ] && continue
		expect_file "golden $c/$f = compile's" "$C/$c/$f" "$W/golden/$c/$f"
	done
	if [ -s "$C/$c/stderr" ]; then
		expect_file "golden $c/warnings.txt = compile's stderr" \
			"$C/$c/stderr" "$W/golden/$c/warnings.txt"
	fi
done
for c in pass/bad hosts/strict-file; do
	expect "compile $c: exit" 1 "$(cat "$C/$c/rc")"
	expect_file "golden $c/diagnostics.txt = compile's stderr" \
		"$C/$c/stderr" "$W/golden/$c/diagnostics.txt"
	expect "golden $c/exit-code" "1" "$(cat "$W/golden/$c/exit-code")"
done
expect "basic has no warnings.txt" no \
	"$([ -e "$W/golden/pass/basic/warnings.txt" ] && echo yes || echo no)"
expect "host file shown relative to the corpus" \
	"_profiles/rs4.yaml:2:10: error:" \
	"$(cut -d' ' -f1-2 "$W/golden/hosts/strict-file/diagnostics.txt")"
expect "sibling host.yaml used (clamp to 2 CPUs)" 1 \
	"$(grep -c 'CPUCount of 8 to current number of processors, 2' "$W/golden/hosts/sibling/warnings.txt")"
expect "# host: builtin wins over the sibling" 1 \
	"$(grep -c '^<builtin:ltsc2016>:1:1: warning: moby requires' "$W/golden/hosts/builtin/warnings.txt")"

cp -R "$W/golden" "$W/orig"

# ---- 4. everything passes: one line on stdout, nothing on stderr ----
hcsc check corpus golden
expect "clean: exit" 0 "$RC"
expect "clean: stdout" "8 passed, 0 failed" "$(cat "$W/out")"
expect "clean: no progress when stderr is no terminal" "" "$(cat "$W/err")"
hcsc check corpus golden -j 4 --report clean.xml
expect "clean -j 4: exit" 0 "$RC"
xmllint --noout "$W/clean.xml" && ok || bad "clean report: xmllint"

# ---- 5. known changes, exact output ----
G=$W/golden
sed -i '3s/^/X/' "$G/pass/basic/hcs-v2.json"                 # changed output
rm "$G/pass/warn/hcs-v1.json"                                 # missing file
echo note >"$G/json/plain/notes.txt"                          # extra file
rm "$G"/hosts/sibling/*                                       # must fail, does not
printf 'hosts/sibling.yaml:1:1: error: old\n' >"$G/hosts/sibling/diagnostics.txt"
printf '1\n' >"$G/hosts/sibling/exit-code"
printf "pass/bad.yaml:6:3: error: unknown key 'Memroy' in 'HostConfig'\n" \
	>"$G/pass/bad/diagnostics.txt"                            # other message
printf 'x \001 \033[31m \377\376 y\n' \
	>"$G/hosts/strict-file/diagnostics.txt"                   # needs sanitizing
mkdir -p "$G/removed/case"
echo '{}' >"$G/removed/case/config.json"                      # stale folder

# gnu_diff CASE FILE: GNU diff of the golden file against the original.
gnu_diff() {
	(cd "$W" && diff -u --label "golden/$1/$2" --label "actual/$1/$2" \
		"golden/$1/$2" "orig/$1/$2")
}
{
	echo "FAIL hosts/sibling: config.json missing, hcs-v1.json missing, hcs-v2.json missing, process.json missing, warnings.txt missing, diagnostics.txt extra, exit-code extra"
	echo "the case compiles now; its diagnostics:"
	cat "$W/orig/hosts/sibling/warnings.txt"
	for f in config.json hcs-v1.json hcs-v2.json process.json warnings.txt; do
		echo "missing golden file golden/hosts/sibling/$f"
	done
	echo "extra golden file golden/hosts/sibling/diagnostics.txt"
	echo "extra golden file golden/hosts/sibling/exit-code"
	echo "FAIL hosts/strict-file: diagnostics.txt differs"
	gnu_diff hosts/strict-file diagnostics.txt
	echo "FAIL json/plain: notes.txt extra"
	echo "extra golden file golden/json/plain/notes.txt"
	echo "FAIL pass/bad: diagnostics.txt differs"
	gnu_diff pass/bad diagnostics.txt
	echo "FAIL pass/basic: hcs-v2.json differs"
	gnu_diff pass/basic hcs-v2.json
	echo "FAIL pass/warn: hcs-v1.json missing"
	echo "missing golden file golden/pass/warn/hcs-v1.json"
	echo "FAIL removed/case: golden folder golden/removed/case has no case"
	echo "to accept the actual outputs: hcsc check corpus golden --update"
	echo "2 passed, 7 failed"
} >"$W/expected"
hcsc check corpus golden --report r.xml
expect "changed: exit" 3 "$RC"
expect_file "changed: stdout" "$W/expected" "$W/out"
expect "changed: summary alone on the last line" "2 passed, 7 failed" \
	"$(last_line "$W/out")"
expect "changed: one line changed in hcs-v2.json" 1 \
	"$(gnu_diff pass/basic hcs-v2.json | grep -c '^-X')"
cp "$W/out" "$W/out.default"

# ---- 6. the JUnit report ----
R=$W/r.xml
xmllint --noout "$R" && ok || bad "report: xmllint --noout"
xp() { xmllint --xpath "$1" "$R" 2>/dev/null; }
expect "report: tests" 9 "$(xp 'string(/testsuites/@tests)')"
expect "report: failures" 7 "$(xp 'string(/testsuites/@failures)')"
expect "report: errors" 0 "$(xp 'string(/testsuites/@errors)')"
expect "report: skipped attribute" 0 "$(xp 'string(/testsuites/testsuite/@skipped)')"
expect "report: testcases" 9 "$(xp 'count(/testsuites/testsuite/testcase)')"
expect "report: failure elements" 7 "$(xp 'count(//failure)')"
expect "report: no skipped elements" 0 "$(xp 'count(//skipped)')"
expect "report: no timestamp/hostname" 0 "$(xp 'count(//@timestamp|//@hostname)')"
expect "report: failure message" "hcs-v2.json differs" \
	"$(xp 'string(//testcase[@name="pass/basic"]/failure/@message)')"
expect "report: failure text is the diff" "--- golden/pass/basic/hcs-v2.json" \
	"$(xp 'string(//testcase[@name="pass/basic"]/failure)' | head -n 1)"
expect "report: outcome changed: the case file" "corpus/hosts/sibling.yaml" \
	"$(xp 'string(//testcase[@name="hosts/sibling"]/failure/@file)')"
expect "report: outcome changed: the diagnostics first" "the case compiles now; its diagnostics:" \
	"$(xp 'string(//testcase[@name="hosts/sibling"]/failure)' | head -n 1)"
expect "report: no file attribute when the outcome stayed" 1 \
	"$(xp 'count(//failure[@file])')"
expect "report: classname" "hcsc.check.pass" \
	"$(xp 'string(//testcase[@name="pass/basic"]/@classname)')"
expect "report: time attributes" 11 "$(grep -Eo 'time="[0-9]+\.[0-9]{3}"' "$R" | wc -l | tr -d ' ')"
expect "report: control characters shown as pictures" 1 \
	"$(grep -c $'\xe2\x90\x81 \xe2\x90\x9b\[31m \xef\xbf\xbd\xef\xbf\xbd y' "$R")"
expect "report: no raw control bytes" 0 "$(LC_ALL=C grep -c $'[\x01\x1b]' "$R")"

# ---- 7. -j 1, -j 4 and -j 3 give the same bytes ----
mask() { sed -E 's/time="[0-9.]+"/time="T"/g' "$1"; }
for j in 1 4 3; do
	hcsc check corpus golden -j "$j" --report "r$j.xml"
	expect "-j $j: exit" 3 "$RC"
	expect_file "-j $j: stdout as the default run" "$W/out.default" "$W/out"
	mask "$W/r$j.xml" >"$W/r$j.masked"
done
expect_file "-j 1 and -j 4 reports" "$W/r1.masked" "$W/r4.masked"
expect_file "-j 1 and -j 3 reports" "$W/r1.masked" "$W/r3.masked"
mask "$R" >"$W/r.masked"
expect_file "-j 1 and default reports" "$W/r1.masked" "$W/r.masked"
hcsc check corpus/ golden/ -j 2
grep -av '^to accept' "$W/out.default" >"$W/out.a"
grep -av '^to accept' "$W/out" >"$W/out.b"
expect_file "trailing separators: same labels" "$W/out.a" "$W/out.b"

# ---- 8. --filter ----
hcsc check corpus golden --filter 'pass/*'
expect "filter pass/*: exit" 3 "$RC"
expect "filter pass/*: summary" "0 passed, 3 failed" "$(last_line "$W/out")"
expect "filter pass/*: hint keeps the filter" \
	"to accept the actual outputs: hcsc check corpus golden --update --filter 'pass/*'" \
	"$(tail -n 2 "$W/out" | head -n 1)"
hcsc check corpus golden --filter 'hosts/[bu]*'
expect "filter hosts/[bu]*" "1 passed, 0 failed" "$(cat "$W/out")"
expect "filter hosts/[bu]*: exit" 0 "$RC"
hcsc check corpus golden --filter '*'
expect "filter * does not cross /" 2 "$RC"
expect "filter * does not cross /: message and hint" "hcsc: no case matches --filter '*'
hint: '*' does not match '/' in case paths; '**' would match 8 cases" "$(cat "$W/err")"
hcsc check corpus golden --filter '**'
expect "filter **: same as no filter" "2 passed, 7 failed" "$(last_line "$W/out")"
hcsc check corpus golden --filter 'nomatch'
expect "filter matching nothing: exit" 2 "$RC"
expect "filter matching nothing: message" "hcsc: no case matches --filter 'nomatch'" "$(cat "$W/err")"

# ---- 9. --update after the changes touches only what changed ----
# (notes.txt is not a file hcsc writes: --update would leave json/plain
# as it is, see 9a; it goes by hand)
rm "$G/json/plain/notes.txt"
find "$G" -type f -exec touch -d '2001-01-01 00:00:00' {} +
touch -d '2002-01-01 00:00:00' "$W/marker"
hcsc check corpus golden --update -j 4
expect "update: exit" 0 "$RC"
expect "update: exit" 0 "$RC"
expect "update: lists the changed cases" "updated hosts/sibling
updated hosts/strict-file
updated pass/bad
updated pass/basic
updated pass/warn
removed removed/case" "$(sed 's/:.*//' "$W/out" | head -n -1)"
expect "update: summary" "3 passed, 6 updated" "$(last_line "$W/out")"
expect "update: rewrote only the differing files" "golden/hosts/sibling/config.json
golden/hosts/sibling/hcs-v1.json
golden/hosts/sibling/hcs-v2.json
golden/hosts/sibling/process.json
golden/hosts/sibling/warnings.txt
golden/hosts/strict-file/diagnostics.txt
golden/pass/bad/diagnostics.txt
golden/pass/basic/hcs-v2.json
golden/pass/warn/hcs-v1.json" "$(cd "$W" && find golden -type f -newer marker | LC_ALL=C sort)"
expect "update: golden tree back to the bootstrap one" "$TREE" "$(tree golden)"
expect "update: stale folder removed with its parent" no \
	"$([ -e "$G/removed" ] && echo yes || echo no)"
(cd "$W" && diff -r orig golden >/dev/null) && ok || bad "update: goldens equal the originals"
hcsc check corpus golden
expect "after update: passes" "8 passed, 0 failed" "$(cat "$W/out")"
expect "after update: exit" 0 "$RC"
hcsc check corpus golden --update
expect "update with nothing to do" "8 passed, 0 updated" "$(cat "$W/out")"

# ---- 9a. a folder holding a file hcsc never writes is left as it is ----
# (a README in a golden folder; a source tree given as GOLDEN by mistake)
echo notes >"$G/pass/basic/README"
sed -i '3s/^/X/' "$G/pass/basic/hcs-v2.json"
mkdir -p "$G/removed/src"
echo 'int main(void) { return 0; }' >"$G/removed/src/main.c"
echo '{}' >"$G/removed/src/config.json"
cp -a "$G" "$W/golden.before"
hcsc check corpus golden --update
expect "foreign file: exit" 3 "$RC"
expect "foreign file: headline" "FAIL pass/basic: hcs-v2.json differs, README extra; --update leaves the folder: README is not a golden file" \
	"$(head -n 1 "$W/out")"
expect "foreign file: detail" "--update leaves golden/pass/basic as it is: hcsc does not write README (move it out, or give it a name that starts with '.')" \
	"$(grep '^--update leaves' "$W/out")"
expect "foreign file: stale folder kept" "FAIL removed/src: golden folder golden/removed/src has no case; --update leaves it: hcsc does not write main.c (move it out, or give it a name that starts with '.')" \
	"$(grep '^FAIL removed/src' "$W/out")"
expect "foreign file: summary" "7 passed, 0 updated, 2 failed" "$(last_line "$W/out")"
(cd "$W" && diff -r golden.before golden >/dev/null) && ok || bad "foreign file: golden tree untouched"
rm "$G/pass/basic/README"
mv "$G/removed/src/main.c" "$G/removed/src/.main.c"
hcsc check corpus golden --update
expect "foreign file moved: exit" 0 "$RC"
expect "foreign file moved: summary" "7 passed, 2 updated" "$(last_line "$W/out")"
expect "foreign file moved: a dot name is not removed" yes \
	"$([ -e "$G/removed/src/.main.c" ] && [ ! -e "$G/removed/src/config.json" ] && echo yes || echo no)"
rm -rf "$G/removed" "$W/golden.before"

# ---- 9b. a compiling case now fails: why, before the file list ----
cp "$W/corpus/pass/basic.yaml" "$W/basic.keep"
sed -i 's/^  Isolation: process/  Isolation: process\n  Memroy: 1/' "$W/corpus/pass/basic.yaml"
for i in $(seq 1 22); do printf '  Bogus%s: 1\n' "$i"; done >>"$W/corpus/pass/basic.yaml"
hcsc check corpus golden --filter pass/basic --report why.xml
expect "now fails: exit" 3 "$RC"
expect "now fails: headline" \
	"FAIL pass/basic: diagnostics.txt missing, exit-code missing, config.json extra, hcs-v1.json extra, hcs-v2.json extra, process.json extra" \
	"$(head -n 1 "$W/out")"
expect "now fails: the why line" "the case no longer compiles; its diagnostics:" \
	"$(sed -n 2p "$W/out")"
expect "now fails: first diagnostic" \
	"pass/basic.yaml:8:3: error: unknown key 'Memroy' in 'HostConfig' (did you mean 'Memory'?)" \
	"$(sed -n 3p "$W/out")"
expect "now fails: at most 20 lines" "pass/basic.yaml:37:3" "$(sed -n 22p "$W/out" | cut -d: -f1-3)"
expect "now fails: then the file list" "missing golden file golden/pass/basic/diagnostics.txt" \
	"$(sed -n 23p "$W/out")"
R=$W/why.xml
expect "now fails: JUnit file attribute" "corpus/pass/basic.yaml" \
	"$(xp 'string(//failure/@file)')"
expect "now fails: JUnit text starts with the why" "the case no longer compiles; its diagnostics:" \
	"$(xp 'string(//failure)' | head -n 1)"
hcsc check corpus golden --filter pass/warn
expect "outcome unchanged: no why line" 0 "$(grep -c 'its diagnostics' "$W/out")"
cp "$W/basic.keep" "$W/corpus/pass/basic.yaml"

# ---- 10. a case that cannot run: JUnit error, exit 5 ----
mkdir -p "$W/corpus/broken"
printf '# host: missing-host.yaml\nName: nohost\n' >"$W/corpus/broken/nohost.yaml"
hcsc check corpus golden --report e.xml
expect "broken: exit (I/O, 5 > 3)" 5 "$RC"
expect "broken: ERROR line" \
	"ERROR broken/nohost: cannot read 'broken/missing-host.yaml': No such file or directory" \
	"$(head -n 1 "$W/out")"
expect "broken: summary" "8 passed, 1 failed" "$(last_line "$W/out")"
xmllint --noout "$W/e.xml" && ok || bad "broken: xmllint"
R=$W/e.xml
expect "broken: error element" 1 "$(xp 'count(//testcase[@name="broken/nohost"]/error)')"
expect "broken: errors attribute" 1 "$(xp 'string(/testsuites/@errors)')"
hcsc check corpus golden --update
expect "broken: --update cannot fix it" 5 "$RC"
expect "broken: --update summary" "8 passed, 0 updated, 1 failed" "$(last_line "$W/out")"
expect "broken: nothing written for it" no \
	"$([ -e "$G/broken" ] && echo yes || echo no)"
rm -r "$W/corpus/broken"

# ---- 11. usage, corpus and I/O errors ----
hcsc check
expect "no arguments: usage" 2 "$RC"
hcsc check corpus
expect "one argument: usage" 2 "$RC"
hcsc check corpus golden -j 0
expect "-j 0: usage" 2 "$RC"
hcsc check corpus golden -j x4
expect "-j x4: usage" 2 "$RC"
hcsc check corpus golden --bogus
expect "unknown option: usage" 2 "$RC"
hcsc check nosuch golden -j 0
expect "usage wins over I/O (2 > 5)" 2 "$RC"
hcsc check nosuch golden
expect "missing corpus: exit" 5 "$RC"
expect "missing corpus: message" \
	"hcsc: cannot read corpus folder 'nosuch': No such file or directory" "$(cat "$W/err")"
echo x >"$W/afile"
hcsc check corpus afile
expect "golden is a file: exit" 5 "$RC"
hcsc check corpus golden --report nosuch-dir/r.xml
expect "report in a missing folder: exit" 5 "$RC"
expect "report in a missing folder: message" \
	"hcsc: cannot write 'nosuch-dir/r.xml': No such file or directory" "$(cat "$W/err")"
expect "report in a missing folder: nothing run" "" "$(cat "$W/out")"
mkdir -p "$W/dup"
echo 'Name: a' >"$W/dup/a.yaml"
echo '{"Name": "a"}' >"$W/dup/a.json"
hcsc check dup golden
expect "two files for one case: exit" 1 "$RC"
expect "two files for one case: message" \
	"hcsc: two files for case 'a': 'a.json' and 'a.yaml'" "$(cat "$W/err")"
rm "$W/dup/a.json"
echo 'OsBuild: 17763' >"$W/dup/host.yaml"
echo '{"OsBuild": 17763}' >"$W/dup/host.json"
hcsc check dup golden
expect "two host files: exit" 1 "$RC"
hcsc --help
expect "--help lists check's options" 4 \
	"$(grep -cE -- '--update|--report FILE|-j, --jobs N|--filter GLOB' "$W/out")"

# ---- 12. check ergonomics (issue 13 item 5) ----
# A broken case header is a corpus error (exit 1), never recorded.
mkdir -p "$W/corpus/hdr"
printf '# host:   nosuch-host\nName: unknown\n' >"$W/corpus/hdr/unknown.yaml"
hcsc check corpus golden
expect "unknown # host: exit 1" 1 "$RC"
expect "unknown # host: ERROR line" \
	"ERROR hdr/unknown: broken case header (a corpus error; fix the case file, it is never recorded)" \
	"$(head -n 1 "$W/out")"
expect "unknown # host: the diagnostic, at the name" \
	"hdr/unknown.yaml:1:11: error: unknown built-in host profile 'nosuch-host' (known: ltsc2016," \
	"$(sed -n 2p "$W/out" | cut -d' ' -f1-9)"
expect "unknown # host: summary" "8 passed, 1 failed" "$(last_line "$W/out")"
hcsc check corpus golden --update
expect "unknown # host: --update exit 1" 1 "$RC"
expect "unknown # host: --update records nothing" no \
	"$([ -e "$G/hdr" ] && echo yes || echo no)"
expect "unknown # host: --update summary" "8 passed, 0 updated, 1 failed" "$(last_line "$W/out")"
printf '# hcsc: --target nosuch\nName: t\n' >"$W/corpus/hdr/unknown.yaml"
hcsc check corpus golden --filter 'hdr/**'
expect "unknown target: exit 1" 1 "$RC"
expect "unknown target: diagnostic" "hdr/unknown.yaml:1:18: error: unknown target 'nosuch';" \
	"$(sed -n 2p "$W/out" | cut -d' ' -f1-5)"
hcsc check corpus golden --list --filter 'hdr/**'
expect "--list: a broken header exits 1" 1 "$RC"
rm -r "$W/corpus/hdr"

# --list: CASE HOST TARGET FLAGS, nothing compiled.
printf 'hosts/builtin\tltsc2016\t-\t-
hosts/sibling\thosts/host.yaml\t-\t-
hosts/strict-file\t_profiles/rs4.yaml\t-\t--strict
json/plain\tltsc2022\t-\t-
oci/app\tltsc2022\t-\t--from-oci --runtime oci/app.runtime.yaml
pass/bad\tltsc2022\t-\t-
pass/basic\tltsc2022\t-\t-
pass/warn\tltsc2022\t-\t-\n' >"$W/expected"
hcsc check corpus golden --list -j 3
expect "--list: exit" 0 "$RC"
expect_file "--list: output" "$W/expected" "$W/out"
hcsc check corpus golden --list --update
expect "--list --update: usage" 2 "$RC"
expect "--list --update: message" "hcsc check: --list compiles nothing: it takes no --update or --report" "$(cat "$W/err")"

# Repeated --filter is a union; --exclude leaves cases out.
hcsc check corpus golden --filter 'pass/*' --filter 'json/*' --exclude '*/bad'
expect "filter union and exclude" "3 passed, 0 failed" "$(cat "$W/out")"
hcsc check corpus golden --filter 'nomatch' --filter 'no*'
expect "two filters matching nothing" "hcsc: no case matches --filter 'nomatch' or --filter 'no*'" "$(cat "$W/err")"

# Differences, a screenful at a time: --max-diff-lines, --fail-fast.
sed -i 's/"/~/g' "$G/pass/basic/process.json" "$G/pass/warn/process.json"
hcsc check corpus golden --max-diff-lines 2
expect "max-diff-lines: exit" 3 "$RC"
expect "max-diff-lines: the cut" "--- golden/pass/basic/process.json
+++ actual/pass/basic/process.json
@@ -1,${NL:-}" "$(sed -n '2,4p' "$W/out" | sed 's/@@ -1,.*/@@ -1,/')"
expect "max-diff-lines: what was left out" 1 \
	"$(grep -c '^\.\.\. [0-9]* more lines of this diff (--max-diff-lines 0 shows all)$' <(sed -n '5,7p' "$W/out"))"
expect "max-diff-lines: closing list" "failed cases:
  pass/basic
  pass/warn
to accept the actual outputs: hcsc check corpus golden --update
6 passed, 2 failed" "$(tail -n 5 "$W/out")"
hcsc check corpus golden -j 2 --fail-fast
expect "fail-fast: exit" 3 "$RC"
expect "fail-fast: stops after the first" "stopped at the first failure (--fail-fast); 1 case not run
to accept the actual outputs: hcsc check corpus golden --update
6 passed, 1 failed" "$(tail -n 3 "$W/out")"
expect "fail-fast: one FAIL" 1 "$(grep -c '^FAIL' "$W/out")"
hcsc check corpus golden --color=always --filter pass/basic
expect "color=always: red headline" 1 "$(grep -c $'^\033\\[1m\033\\[31mFAIL pass/basic' "$W/out")"
expect "color=always: green added lines" 1 "$(grep -c $'^\033\\[32m+++ \\|^\033\\[32m+ ' "$W/out" | grep -c '[1-9]')"
NO_COLOR=1 hcsc check corpus golden --filter pass/basic
expect "NO_COLOR / no terminal: no escapes" 0 "$(grep -c $'\033' "$W/out")"
hcsc check corpus golden --color=sometimes
expect "--color value: usage" 2 "$RC"
expect "--color value: message" "hcsc check: --color takes auto, always or never, not 'sometimes'" "$(cat "$W/err")"
hcsc check corpus golden --max-diff-lines many
expect "--max-diff-lines value: usage" 2 "$RC"
expect "--max-diff-lines value: message" "hcsc check: --max-diff-lines takes a number of lines (0 for all), not 'many'" "$(cat "$W/err")"

# A golden file that differs only by CRLF says so instead of a diff.
cp "$W/orig/pass/basic/process.json" "$G/pass/basic/process.json"
sed -i 's/$/\r/' "$G/pass/basic/process.json"
hcsc check corpus golden --filter pass/basic
expect "CRLF: message" "FAIL pass/basic: process.json differs
golden/pass/basic/process.json: golden file has CRLF line endings; see README for .gitattributes
to accept the actual outputs: hcsc check corpus golden --update --filter 'pass/basic'
0 passed, 1 failed" "$(cat "$W/out")"
hcsc check corpus golden --update
expect "update after ergonomics: exit" 0 "$RC"

# ---- 13. negative control: the assertions can fail ----
before=$FAILED
hcsc check corpus golden
expect "negative control (must fail)" "9 passed, 1 failed" "$(cat "$W/out")" 2>/dev/null
if [ "$FAILED" -eq $((before + 1)) ]; then
	FAILED=$before
	ok
else
	FAILED=$((before + 1))
	echo "run.sh: FAILED: negative control did not fail" >&2
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
