#!/usr/bin/env bash
# cli.sh HCSC CORPUS_DIR
# The command line's contract (README "Command line"; rules: hcsc.cli.exit-codes, hcsc.cli.output, hcsc.cli.compact,
# 45, 56): exit codes, messages, stdout vs -o, atomic output (a failing
# compile creates and changes no file), stdin, compact bytes.
set -u
hcsc=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# expect NAME WANT_EXIT STDERR_REGEX -- ARGS...
expect() {
	local name=$1 want=$2 re=$3; shift 4
	"$hcsc" "$@" >"$work/out" 2>"$work/err"
	local got=$?
	if [ "$got" != "$want" ]; then
		bad "$name: exit $got, want $want"; sed 's/^/    /' "$work/err"; return
	fi
	if [ -n "$re" ] && ! grep -Eq -- "$re" "$work/err"; then
		bad "$name: stderr does not match /$re/:"; sed 's/^/    /' "$work/err"; return
	fi
	ok
}

good=$corpus/examples/web.yaml
printf 'Config: {Cmd: [x]}\nHostConfig: {CpuShares: 20000}\n' >"$work/bad.yaml"
printf 'Base: nosuch\n' >"$work/badhost.yaml"
printf 'Config: {Cmd: [x]}\n' >"$work/min.yaml"

expect no-command 2 "no command given" -- 
expect unknown-command 2 "unknown command 'frobnicate'" -- frobnicate
expect compile-no-desc 2 "compile takes one description" -- compile
expect unknown-option 2 "unknown option '--frob'" -- compile "$good" --frob
expect missing-value 2 "missing value for '--host'" -- compile "$good" --host
expect flag-with-value 2 "option takes no value '--compact=1'" -- compile "$good" --compact=1
expect emit-unknown 2 "unknown document 'foo' in --emit" -- compile "$good" --emit foo
expect emit-two-stdout 2 "only one document can go to standard output" -- compile "$good" --emit oci,hcs-v1
expect host-unknown 2 "unknown built-in host profile 'nosuch' \\(known: ltsc2016, " -- compile "$good" --host nosuch
expect host-file-unknown-base 1 "badhost.yaml:1:7: error: unknown built-in host profile 'nosuch'" -- compile "$good" --host "$work/badhost.yaml"
expect host-file-missing 5 "hcsc: error: cannot read" -- compile "$good" --host "$work/nope.yaml"
expect desc-missing 5 "hcsc: error: cannot read" -- compile "$work/nope.yaml"
expect apply-off-windows 2 "--apply needs a Windows host" -- compile "$good" --apply
expect input-error 1 "bad.yaml:2:25: error: range of CPUShares is from 1 to 10000" -- compile "$work/bad.yaml"
expect strict-placeholder 1 "error: 'Runtime.LayerFolders' is not set" -- compile "$work/min.yaml" --strict
expect hosts-args 2 "hosts takes at most one profile name" -- hosts x y
"$hcsc" compile "$good" -o "$work/oci" 2>/dev/null
expect from-oci-emit-oci 2 "--emit oci with --from-oci: the OCI spec is the input" -- compile --from-oci "$work/oci/config.json" --emit oci
expect from-oci-and-desc 2 "--from-oci takes the spec as its value; no description as well" -- compile "$good" --from-oci "$work/oci/config.json"
expect id-without-from-oci 2 "--id, --owner and --runtime go with --from-oci" -- compile "$good" --id x
expect runtime-without-from-oci 2 "--id, --owner and --runtime go with --from-oci" -- compile "$good" --runtime "$work/oci/config.json"
expect from-oci-missing 5 "hcsc: error: cannot read" -- compile --from-oci "$work/none.json"
expect from-oci-default-hcs-v2 0 "" -- compile --from-oci "$work/oci/config.json"
if grep -q '"ShouldTerminateOnLastHandleClosed": true' "$work/out"; then ok; else bad "--from-oci default is not hcs-v2"; fi
expect version 0 "" -- --version
expect help 0 "" -- --help
expect alias-host 0 "" -- compile "$good" --host RS5

# hosts: the exact table shape (rule: hcsc.host.builtin-profiles)
"$hcsc" hosts >"$work/hosts"
if [ "$(wc -l <"$work/hosts")" = 26 ] && head -1 "$work/hosts" | grep -qx 'ltsc2016 14393 server 4 rs1,v1607' \
	&& grep -qx 'win11-24h2 26100 client 4 -' "$work/hosts"; then ok; else bad "hosts output"; cat "$work/hosts"; fi

# stdin, named <stdin> in diagnostics
if "$hcsc" compile - <"$work/bad.yaml" 2>&1 >/dev/null | grep -q '^<stdin>:2:25: error: range of CPUShares'; then ok; else bad "stdin diagnostics"; fi
if "$hcsc" compile - <"$good" | cmp -s - <("$hcsc" compile "$good"); then ok; else bad "stdin output differs from file output"; fi

# pretty ends with a newline; --compact has none and no indentation
"$hcsc" compile "$good" >"$work/p.json"; "$hcsc" compile "$good" --compact >"$work/c.json"
if [ "$(tail -c1 "$work/p.json" | od -An -c | tr -d ' ')" = '\n' ] && [ "$(tail -c1 "$work/c.json" | od -An -c | tr -d ' ')" = '}' ] \
	&& [ "$(wc -l <"$work/c.json")" = 0 ]; then ok; else bad "pretty/compact trailing bytes"; fi

# -o DIR: created with parents; all four documents by default
if "$hcsc" compile "$good" -o "$work/o/deep/dir" 2>/dev/null && \
	[ "$(ls "$work/o/deep/dir" | tr '\n' ' ')" = "config.json hcs-v1.json hcs-v2.json process.json " ]; then ok; else bad "-o all four"; ls -la "$work/o/deep/dir"; fi
if "$hcsc" compile "$good" -o "$work/o2" --emit hcs-v2 2>/dev/null && [ "$(ls "$work/o2")" = hcs-v2.json ]; then ok; else bad "-o --emit one"; fi
if cmp -s "$work/o/deep/dir/config.json" "$work/p.json"; then ok; else bad "-o config.json differs from stdout"; fi

# atomicity: a failing compile changes no file and leaves no temporary
mkdir -p "$work/keep"; echo old >"$work/keep/config.json"
"$hcsc" compile "$work/bad.yaml" -o "$work/keep" 2>/dev/null
if [ "$?" = 1 ] && [ "$(cat "$work/keep/config.json")" = old ] && [ "$(ls -A "$work/keep")" = config.json ]; then ok; else bad "failing compile touched -o"; ls -la "$work/keep"; fi
# an unwritable target: exit 5, nothing half-written
mkdir -p "$work/ro/config.json"   # a directory where a file must go
"$hcsc" compile "$good" -o "$work/ro" 2>"$work/err"
if [ "$?" = 5 ] && grep -q "cannot write" "$work/err" && [ "$(ls -A "$work/ro")" = config.json ]; then ok; else bad "unwritable -o"; cat "$work/err"; ls -la "$work/ro"; fi

# targets (issue 8): the list, -o per target, unknown names, diff (rules: hcsc.targets, hcsc.diff)
"$hcsc" targets >"$work/t" && [ "$(cut -d' ' -f1 "$work/t" | tr '\n' ' ')" = "hcsshim-0.8.6 docker docker-containerd docker-19.03 docker-1.12 " ] && ok || { bad "targets list"; cat "$work/t"; }
expect targets-extra 2 "targets takes no arguments" -- targets x
expect target-unknown 2 "unknown target 'containerd'; did you mean 'docker-containerd'\?" -- compile "$good" --target containerd
printf 'Target: dockr\n' >"$work/tgt-host.yaml"
expect target-unknown-profile 1 "tgt-host.yaml:1:9: error: 'Target': unknown target 'dockr'; did you mean 'docker'" -- compile "$good" --host "$work/tgt-host.yaml"
if "$hcsc" compile "$good" --target docker -o "$work/od" 2>/dev/null &&
	[ "$(ls "$work/od" | tr '\n' ' ')" = "config.json hcs-v1.json process.json " ]; then ok; else bad "-o under docker: three files"; ls "$work/od"; fi
expect emit-v2-docker 2 "--emit hcs-v2: target docker never builds hcs-v2.json" -- compile "$good" --target docker --emit hcs-v2
"$hcsc" diff "$good" --target docker --target docker-containerd >"$work/d" 2>/dev/null
if [ "$?" = 3 ] && grep -qx 'hcs-v2.json: only in docker-containerd' "$work/d" &&
	grep -qx 'config.json: identical' "$work/d" && grep -q '^--- docker/hcs-v1.json$' "$work/d" &&
	grep -q '^+++ docker-containerd/hcs-v1.json$' "$work/d" && grep -Eqx 'hcs-v1.json: [0-9]+ lines differ' "$work/d"; then ok; else bad "diff docker vs docker-containerd"; cat "$work/d"; fi
"$hcsc" diff "$good" --target docker --target docker >"$work/d" 2>/dev/null
if [ "$?" = 0 ] && [ "$(grep -c ': identical$' "$work/d")" = 3 ]; then ok; else bad "diff identical"; cat "$work/d"; fi
printf 'CpuCount: 1\n' >"$work/one-cpu.yaml"
"$hcsc" diff "$good" --host ltsc2022 --host "$work/one-cpu.yaml" >"$work/d" 2>/dev/null
if [ "$?" = 3 ] && grep -q '^--- ltsc2022/hcs-v1.json$' "$work/d" && grep -qx 'config.json: identical' "$work/d"; then ok; else bad "diff hosts"; cat "$work/d"; fi
expect diff-one-side 2 "diff needs two sides" -- diff "$good" --target docker
# standard input: read once, both sides compile the same bytes (rule: hcsc.diff)
"$hcsc" diff "$good" --target docker --target docker-containerd >"$work/d" 2>/dev/null
if "$hcsc" diff - --target docker --target docker-containerd <"$good" 2>/dev/null | cmp -s - "$work/d"; then ok; else bad "diff - differs from diff FILE"; fi
expect diff-three 2 "at most twice each" -- diff "$good" --target docker --target docker --target docker
expect diff-fails 1 "range of CPUShares" -- diff "$work/bad.yaml" --target docker --target docker-containerd

# the error cap says what it drops (issue 9, class 15): 30 unknown keys
# (decode) and 25 duplicate keys (load) show 20 errors and a count
{ echo 'HostConfig:'; for i in $(seq 1 30); do echo "  Bogus$i: 1"; done; } >"$work/many.yaml"
expect cap-decode 1 "^$work/many.yaml:22:3: error: too many errors \\(10 more not shown\\)\$" -- compile "$work/many.yaml" --diagnostics-format short
if [ "$(grep -c ': error: ' "$work/err")" = 21 ] && [ "$(tail -n 1 "$work/err")" = "$work/many.yaml:22:3: error: too many errors (10 more not shown)" ]; then ok; else bad "cap-decode: 20 errors and the count last"; fi
{ printf '{"Name": "a"'; for i in $(seq 1 26); do printf ', "Name": "a"'; done; printf '}\n'; } >"$work/dups.json"
expect cap-load 1 "" -- compile "$work/dups.json" --diagnostics-format short
if [ "$(tail -n 1 "$work/err")" = "$work/dups.json:1:275: error: too many errors (6 more not shown)" ] && [ "$(wc -l <"$work/err")" = 21 ]; then ok; else bad "cap-load: 20 errors and the count"; tail -n 2 "$work/err"; fi

# terminal controls in user text are escaped in every message (issue 9,
# class 14): unknown keys, isolation values (YAML and JSON), file names
printf 'HostConfig:\n  "Bo\\egus": 1\n' >"$work/esc-key.yaml"
expect esc-unknown-key 1 "" -- compile "$work/esc-key.yaml"
if grep -q "^$work/esc-key.yaml:2:3: error: unknown key 'Bo\\\\x1bgus' in 'HostConfig' (nearest: " "$work/err"; then ok; else bad "esc-unknown-key: message"; cat -v "$work/err"; fi
printf 'HostConfig:\n  Isolation: "x\\e]0;pwn\\a\\u009b"\n' >"$work/esc-iso.yaml"
expect esc-isolation-yaml 1 "" -- compile "$work/esc-iso.yaml" --diagnostics-format short
if [ "$(cat "$work/err")" = "$work/esc-iso.yaml:2:14: error: invalid isolation (x\\x1b]0;pwn\\x07\\u009b): Windows supports 'default', 'process', or 'hyperv'" ]; then ok; else bad "esc-isolation-yaml: message"; cat -v "$work/err"; fi
printf '{"HostConfig": {"Isolation": "a\\u001b[31mred\\u0007"}}' >"$work/esc-iso.json"
expect esc-isolation-json 1 "" -- compile "$work/esc-iso.json" --diagnostics-format short
if [ "$(cat "$work/err")" = "$work/esc-iso.json:1:30: error: invalid isolation (a\\x1b[31mred\\x07): Windows supports 'default', 'process', or 'hyperv'" ]; then ok; else bad "esc-isolation-json: message"; cat -v "$work/err"; fi
# the default form adds the source line: it is escaped too (no raw ESC, BEL or C1)
printf 'Config:\n  Image: "a\033]0;pwn\007b\302\233"\n' >"$work/esc-raw.yaml"
"$hcsc" compile "$work/esc-raw.yaml" 2>"$work/err" >/dev/null
grep -q '^    2 |   Image: "a\\x1b\]0;pwn\\x07b' "$work/err" || bad "esc-rich: no escaped source line"
if LC_ALL=C grep -q "$(printf '[\033\007]')" "$work/err" || LC_ALL=C grep -q "$(printf '\302\233')" "$work/err"; then bad "esc-rich: a raw control character"; cat -v "$work/err"; else ok; fi
expect esc-file-name 5 "" -- compile "$work/no$(printf '\033')[31m.yaml"
if [ "$(cat "$work/err")" = "hcsc: error: cannot read '$work/no\\x1b[31m.yaml': No such file or directory" ]; then ok; else bad "esc-file-name: message"; cat -v "$work/err"; fi
if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$work/err"; then bad "raw control bytes on stderr"; else ok; fi

# usage errors (issue 9, class 16): an empty -o, --version/--help with
# arguments (as `hosts x`); nothing is created
(cd "$work" && "$hcsc" compile "$good" -o '' >"$work/out" 2>"$work/err"; echo $? >"$work/rc")
if [ "$(cat "$work/rc")" = 2 ] && [ "$(cat "$work/err")" = "hcsc compile: empty file or folder name for '-o' (see 'hcsc --help')" ]; then ok; else bad "-o '': exit $(cat "$work/rc")"; cat "$work/err"; fi
expect output-eq-empty 2 "^hcsc compile: empty file or folder name for '--output=' " -- compile "$good" --output=
expect report-empty 2 "^hcsc check: empty file or folder name for '--report' " -- check "$corpus" "$work/g" --report ''
expect version-extra 2 "^hcsc: --version takes no arguments\$" -- --version extra
expect help-extra 2 "^hcsc: --help takes no arguments\$" -- --help extra
if [ -z "$(cat "$work/out")" ] && [ ! -e "$work/g" ]; then ok; else bad "usage errors wrote something"; fi

# a FIFO or device as an input is refused at once, - stays standard input
# (issue 9, class 13); nothing is written to -o
mkfifo "$work/fifo.yaml"
for input in "$work/fifo.yaml" /dev/zero; do
	timeout 10 "$hcsc" compile "$input" -o "$work/fifo-out" >"$work/out" 2>"$work/err"
	rc=$?
	if [ "$rc" = 5 ] && [ "$(cat "$work/err")" = "hcsc: error: cannot read '$input': not a regular file (a FIFO or device is refused; use - for standard input)" ] && [ ! -e "$work/fifo-out" ]; then ok; else bad "non-regular input $input: exit $rc"; cat "$work/err"; fi
done
expect fifo-host 5 "^hcsc: error: cannot read '$work/fifo.yaml': not a regular file " -- compile "$good" --host "$work/fifo.yaml"
expect fifo-runtime 5 "^hcsc: error: cannot read '$work/fifo.yaml': not a regular file " -- compile --from-oci "$work/oci/config.json" --runtime "$work/fifo.yaml"
expect dir-input 5 "^hcsc: error: cannot read '$work': Is a directory\$" -- compile "$work"
if "$hcsc" compile - <"$good" 2>/dev/null | cmp -s - "$work/p.json"; then ok; else bad "- is still standard input"; fi

# Usage messages quote the user's words with terminal controls escaped
# (no raw ESC or BEL reaches the terminal), like every other message.
esc=$(printf '\033')
bel=$(printf '\007')
expect esc-unknown-option 2 "unknown option '--bogus\\\\x1b\\]0;x\\\\x07'" -- compile "$good" "--bogus${esc}]0;x${bel}"
expect esc-emit 2 "unknown document '\\\\x1b\\[2J' in --emit" -- compile "$good" --emit "oci,${esc}[2J"
expect esc-color 2 "--color takes auto, always or never, not '\\\\x1b\\[31mx'" -- check --color="${esc}[31mx" a b
expect esc-jobs 2 "-j takes a number from 1 to [0-9]+, not '\\\\x1b'" -- check -j "$esc" a b
expect esc-client-env 2 "takes KEY=VALUE, not '\\\\x07'" -- run --client-env "$bel" -- img

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
