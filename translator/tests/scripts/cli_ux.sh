#!/usr/bin/env bash
# cli_ux.sh HCSC CORPUS_DIR
# Help, names and suggestions (issue 13): `hcsc help [COMMAND]`, `COMMAND
# --help`/`-h`, `-V`, --version's libraries and baselines, did-you-mean
# for commands, options and host names, --host by build number, `hcsc
# hosts NAME` (a profile file that compiles to the same bytes) and `hosts
# --format json`. Messages are compared whole.
set -u
hcsc=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
good=$corpus/examples/web.yaml

# exact NAME WANT_EXIT WANT_STDERR -- ARGS...: stderr is exactly WANT_STDERR
exact() {
	local name=$1 want=$2 msg=$3; shift 4
	"$hcsc" "$@" >"$work/out" 2>"$work/err"
	local got=$?
	if [ "$got" != "$want" ]; then bad "$name: exit $got, want $want"; sed 's/^/    /' "$work/err"; return; fi
	if [ "$(cat "$work/err")" != "$msg" ]; then
		bad "$name: stderr"; echo "    got:  $(cat "$work/err")"; echo "    want: $msg"; return
	fi
	ok
}
known="ltsc2016, win10-1607, win10-1703, sac1709, win10-1709, sac1803, win10-1803, ltsc2019, win10-1809, sac1903, win10-1903, sac1909, win10-1909, sac2004, win10-2004, sac20h2, win10-20h2, win10-21h1, win10-21h2, win10-22h2, ltsc2022, win11-21h2, win11-22h2, sac23h2, ltsc2025, win11-24h2"

# did you mean
exact cmd-typo 2 "hcsc: unknown command 'comple'; did you mean 'compile'? (see 'hcsc --help')" -- comple x
exact cmd-far 2 "hcsc: unknown command 'frobnicate' (see 'hcsc --help')" -- frobnicate
exact opt-typo 2 "hcsc check: unknown option '--fitler'; did you mean '--filter'? (see 'hcsc check --help')" -- check a b --fitler x
exact opt-typo-eq 2 "hcsc compile: unknown option '--tagret=docker'; did you mean '--target'? (see 'hcsc compile --help')" -- compile "$good" --tagret=docker
exact opt-far 2 "hcsc compile: unknown option '--frobnicate' (see 'hcsc --help')" -- compile "$good" --frobnicate
exact host-typo 2 "hcsc: unknown built-in host profile 'ltsc2020'; did you mean 'ltsc2022'? (known: $known)" -- compile "$good" --host ltsc2020
exact host-alias-typo 2 "hcsc: unknown built-in host profile 'rs55'; did you mean 'ltsc2019'? (known: $known)" -- compile "$good" --host rs55
exact host-far 2 "hcsc: unknown built-in host profile 'nosuch' (known: $known)" -- compile "$good" --host nosuch
exact host-build-unknown 2 "hcsc: unknown built-in host profile '12345' (known: $known)" -- compile "$good" --host 12345
exact target-typo 2 "hcsc: unknown target 'dockr'; did you mean 'docker'? (known: hcsshim-0.8.6, docker, docker-containerd, docker-19.03, docker-1.12)" -- compile "$good" --target dockr

# a short option's value may be attached, as getopt allows; a flag may not
exact short-attached-bad 2 "hcsc check: -j takes a number from 1 to 4096, not 'x'" -- check a b -jx
exact short-flag-attached 2 "hcsc compile: unknown option '-qx' (see 'hcsc --help')" -- compile "$good" -qx
"$hcsc" compile "$good" -o"$work/attached" 2>/dev/null
if [ -f "$work/attached/config.json" ]; then ok; else bad "short-attached: -oDIR wrote nothing"; fi

# --host by build number: the same bytes as the profile of that build
"$hcsc" compile "$good" --host ltsc2019 -o "$work/by-name" 2>/dev/null
for b in 17763 10.0.17763 10.0.17763.1234; do
	rm -rf "$work/by-build"
	if "$hcsc" compile "$good" --host "$b" -o "$work/by-build" 2>/dev/null && diff -r "$work/by-name" "$work/by-build" >/dev/null; then ok; else bad "--host $b"; fi
done
# a build two profiles share: the server one
if "$hcsc" hosts 26100 | grep -qx 'Base: ltsc2025'; then ok; else bad "hosts 26100"; fi

# help
for args in "help" "--help" "-h"; do
	# shellcheck disable=SC2086
	if "$hcsc" $args >"$work/h" 2>&1 && cmp -s "$work/h" <("$hcsc" --help); then ok; else bad "hcsc $args"; fi
done
cat >"$work/want" <<'T'
usage: hcsc hosts [NAME] [--format json]
    list the built-in host profiles: NAME BUILD SKU CPUS ALIASES; with a NAME (or a build number), print that profile as a host-profile file
    --format FORMAT        text (the default) or json

exit codes: 0 ok, 1 invalid input, 2 usage, 3 check differences,
4 apply failed, 5 I/O or internal error; all commands: hcsc --help
T
for args in "help hosts" "hosts --help" "hosts -h" "hosts x --format y -h"; do
	# shellcheck disable=SC2086
	if "$hcsc" $args >"$work/h" 2>&1 && cmp -s "$work/h" "$work/want"; then ok; else bad "hcsc $args"; cat "$work/h"; fi
done
for c in compile check diff hosts targets help; do
	if "$hcsc" help "$c" | head -1 | grep -q "^usage: hcsc $c"; then ok; else bad "help $c"; fi
done
# after --, -h is an argument
exact help-after-dashdash 2 "hcsc: compile takes one description (a file, or - for standard input)" -- compile -- a -h
exact help-unknown 2 "hcsc: no command 'nope' (see 'hcsc --help')" -- help nope
exact help-two 2 "hcsc: help takes at most one command" -- help compile check
exact V-extra 2 "hcsc: -V takes no arguments" -- -V x

# --version: hcsc, the libraries at run time, the targets' baselines
"$hcsc" --version >"$work/v"
if [ "$(head -1 "$work/v")" = "hcsc 0.1.0" ] && cmp -s "$work/v" <("$hcsc" -V); then ok; else bad "--version first line / -V"; fi
if sed -n 2p "$work/v" | grep -Eq '^libyaml [0-9]+\.[0-9]+\.[0-9]+, json-c [0-9]+\.[0-9]+'; then ok; else bad "--version libraries"; cat "$work/v"; fi
if grep -Eq '^  docker-19\.03 +moby 85ad4b16c1 ' "$work/v" && grep -qx 'targets and the upstream releases they model:' "$work/v"; then ok; else bad "--version targets"; cat "$work/v"; fi

# hosts NAME: a profile file that compiles to the built-in's bytes
for n in ltsc2019 win10-1809 ltsc2025; do
	"$hcsc" hosts "$n" >"$work/$n.yaml"
	rm -rf "$work/a" "$work/b"
	"$hcsc" compile "$good" --host "$work/$n.yaml" -o "$work/a" 2>/dev/null
	"$hcsc" compile "$good" --host "$n" -o "$work/b" 2>/dev/null
	if [ -d "$work/a" ] && diff -r "$work/a" "$work/b" >/dev/null; then ok; else bad "hosts $n as a file"; fi
done
if [ "$(sed -n 3,5p "$work/ltsc2019.yaml")" = "Base: ltsc2019
OsBuild: 17763
CpuCount: 4" ]; then ok; else bad "hosts ltsc2019 text"; cat "$work/ltsc2019.yaml"; fi
exact hosts-unknown 2 "hcsc: unknown built-in host profile 'ltsc2020'; did you mean 'ltsc2022'? (known: $known)" -- hosts ltsc2020
exact hosts-two 2 "hcsc: hosts takes at most one profile name" -- hosts a b
exact hosts-format-bad 2 "hcsc: --format takes text or json, not 'xml'" -- hosts --format xml
exact hosts-format-name 2 "hcsc: --format lists the profiles; give no NAME" -- hosts ltsc2019 --format json

# hosts --format json: the text table's rows
if "$hcsc" hosts --format json | python3 -c '
import json, sys, subprocess
rows = json.load(sys.stdin)
text = [l.split() for l in subprocess.run([sys.argv[1], "hosts"], capture_output=True, text=True).stdout.splitlines()]
assert len(rows) == len(text) == 26
for r, t in zip(rows, text):
    assert [r["name"], str(r["build"]), r["sku"], str(r["cpus"]), ",".join(r["aliases"]) or "-"] == t, (r, t)
' "$hcsc"; then ok; else bad "hosts --format json"; fi

# small contract fixes: -o -, --emit twice
exact output-dash 2 "hcsc: -o takes a folder, not '-'; without -o the one document --emit names goes to standard output" -- compile "$good" -o -
exact output-dash-long 2 "hcsc: -o takes a folder, not '-'; without -o the one document --emit names goes to standard output" -- compile "$good" --output=-
exact emit-twice 2 "hcsc: --emit given 2 times; name every document in one list (--emit oci,hcs-v1)" -- compile "$good" --emit oci --emit hcs-v1 -o "$work/x"
if [ ! -e "$work/x" ] && [ ! -e ./- ]; then ok; else bad "a refused -o created something"; fi

# -q drops warnings, never errors; the documents are the same
printf 'Config: {Cmd: [x]}\n' >"$work/min.yaml" # placeholder warnings
"$hcsc" compile "$work/min.yaml" >"$work/loud" 2>"$work/loud.err"
"$hcsc" compile "$work/min.yaml" -q >"$work/quiet" 2>"$work/quiet.err"
if grep -q ': warning: ' "$work/loud.err" && [ ! -s "$work/quiet.err" ] && cmp -s "$work/loud" "$work/quiet"; then ok; else bad "-q"; fi
printf 'Config: {Cmd: [x]}\nHostConfig: {CpuShares: 20000}\n' >"$work/bad.yaml"
"$hcsc" compile "$work/bad.yaml" --quiet >/dev/null 2>"$work/q.err"
if [ $? = 1 ] && grep -q ': error: ' "$work/q.err"; then ok; else bad "-q keeps errors"; cat "$work/q.err"; fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
