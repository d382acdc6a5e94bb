#!/bin/bash
# explain.sh HCSC EXPLAIN_DIR CORPUS: `hcsc explain` (rule: hcsc.explain)
# against its golden outputs (text and JSON), and its usage errors.
set -u
hcsc=$1 dir=$2 corpus=$3
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

golden() { # NAME COMMAND...: stdout of COMMAND (run in DIR) must be DIR/NAME
	local name=$1
	shift
	if ! (cd "$dir" && "$@") >"$tmp/$name" 2>"$tmp/$name.err"; then
		echo "FAIL $name: exit $? ($(head -3 "$tmp/$name.err"))"
		fail=1
	elif ! diff -u "$dir/$name" "$tmp/$name"; then
		echo "FAIL $name: output differs from $dir/$name"
		fail=1
	fi
}

usage_error() { # TEXT COMMAND...: exit 2 and TEXT on stderr
	local text=$1
	shift
	"$@" >/dev/null 2>"$tmp/err"
	local rc=$?
	if [ "$rc" != 2 ] || ! grep -qF -- "$text" "$tmp/err"; then
		echo "FAIL usage: $* -> exit $rc, wanted 2 and '$text'; got: $(cat "$tmp/err")"
		fail=1
	fi
}

golden hyperv-cpus.txt "$hcsc" explain hyperv-cpus.yaml --host host.yaml -q \
	'config.json#/windows/resources/cpu/maximum' 'hcs-v1.json#/ProcessorMaximum' \
	'hcs-v1.json#/Credentials' 'hcs-v1.json#/HostName' \
	'config.json#/mounts/0/destination'
golden hyperv-cpus.json "$hcsc" explain hyperv-cpus.yaml --host host.yaml -q \
	--format json 'hcs-v1.json#/ProcessorMaximum' 'config.json#/windows/resources/cpu'
golden web.txt "$hcsc" explain ../../../corpus/examples/web.yaml -q
golden clamp.txt "$hcsc" explain clamp.yaml -q --target docker-containerd \
	'hcs-v1.json#/ProcessorCount' 'hcs-v2.json#/Container/Processor/Count'
# The front ends: sources are argv words and Compose keys.
golden run-cpus.txt "$hcsc" run -q --host ltsc2019 \
	--explain 'hcs-v1.json#/ProcessorMaximum' --explain 'config.json#/mounts/0/destination' \
	-- --isolation=hyperv --cpus 1.5 -m 2g -v 'C:\data:C:\data:ro' \
	mcr.microsoft.com/windows/servercore:ltsc2022 cmd /c dir
golden compose-cpus.txt "$hcsc" compose ../../../corpus/compose/_shop/docker-compose.yml \
	web -q --explain 'config.json#/windows/resources/cpu'
usage_error "compose: --explain tells about one service" \
	"$hcsc" compose "$corpus/compose/_shop/docker-compose.yml" --explain all

usage_error "explain: no value at 'hcs-v1.json#/NoSuchKey'" \
	"$hcsc" explain "$corpus/examples/web.yaml" -q 'hcs-v1.json#/NoSuchKey'
usage_error "explain: no value at 'nodoc.json#/Name'" \
	"$hcsc" explain "$corpus/examples/web.yaml" -q 'nodoc.json#/Name'
usage_error "--format takes text or json, not 'xml'" \
	"$hcsc" explain "$corpus/examples/web.yaml" --format xml
usage_error "explain needs a description file" "$hcsc" explain

# A document name works for its file name; a prefix selects a subtree.
n=$("$hcsc" explain "$corpus/examples/web.yaml" -q 'hcs-v1#/Layers' | grep -c '^hcs-v1.json#/Layers/')
[ "$n" -ge 2 ] || { echo "FAIL: hcs-v1#/Layers selected $n values"; fail=1; }
# A description that does not compile: its diagnostics and exit 1.
printf 'HostConfig:\n  CpuShares: 20000\n' >"$tmp/bad.yaml"
"$hcsc" explain "$tmp/bad.yaml" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" != 1 ] || ! grep -q 'range of CPUShares' "$tmp/err"; then
	echo "FAIL: a failing description -> exit $rc: $(cat "$tmp/err")"
	fail=1
fi
[ "$fail" = 0 ] && echo "explain: ok"
exit $fail
