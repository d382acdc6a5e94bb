#!/usr/bin/env bash
# diag_ux.sh HCSC CORPUS_DIR
# Diagnostics (issue 13): `hcsc keys`, the unknown-key hint, `hcsc
# schema`, source lines and carets, colour, the count line, --max-errors,
# -w CATEGORY, --diagnostics-format, input files that are no files, YAML
# booleans where strings are required. Messages are compared whole.
set -u
hcsc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# exact NAME WANT_EXIT WANT_STDERR -- ARGS...: stderr is exactly WANT_STDERR
exact() {
	local name=$1 want=$2 msg=$3; shift 4
	"$hcsc" "$@" >"$work/out" 2>"$work/err"
	local got=$?
	if [ "$got" != "$want" ]; then bad "$name: exit $got, want $want"; sed 's/^/    /' "$work/err"; return; fi
	if [ "$(cat "$work/err")" != "$msg" ]; then
		bad "$name: stderr"; echo "    got:"; sed 's/^/      /' "$work/err"; echo "    want:"; printf '%s\n' "$msg" | sed 's/^/      /'; return
	fi
	ok
}
# out NAME WANT_STDOUT: the last command's stdout is exactly WANT_STDOUT
out() {
	if [ "$(cat "$work/out")" != "$2" ]; then
		bad "$1: stdout"; echo "    got:"; sed 's/^/      /' "$work/out"; echo "    want:"; printf '%s\n' "$2" | sed 's/^/      /'; return
	fi
	ok
}

# ---- hcsc keys ----
exact keys-restart 0 "" -- keys HostConfig.RestartPolicy
out keys-restart "KEY                TYPE    HCSC
Name               string  validated
MaximumRetryCount  int64   validated"
exact keys-index-case 0 "" -- keys "hostconfig.mounts[3].bindoptions"
out keys-index-case "KEY                     TYPE    HCSC
Propagation             string  validated
NonRecursive            bool    ignored
CreateMountpoint        bool    ignored
ReadOnlyNonRecursive    bool    ignored
ReadOnlyForceRecursive  bool    ignored"
exact keys-top 0 "" -- keys
out keys-top "KEY         TYPE                     HCSC
Name        string                   modelled
Owner       string                   modelled
Id          string                   modelled
Image       Image (keys below)       modelled
Config      Config (keys below)      modelled
HostConfig  HostConfig (keys below)  modelled
Runtime     Runtime (keys below)     modelled"
exact keys-typo 2 "hcsc: no key 'Memroy' in 'HostConfig'; did you mean 'Memory'? (see 'hcsc keys HostConfig')" -- keys HostConfig.Memroy
exact keys-unknown-top 2 "hcsc: no key 'Foo' at the top level (see 'hcsc keys')" -- keys Foo
exact keys-scalar 2 "hcsc: 'HostConfig.Memory' has type int64: no keys below it" -- keys HostConfig.Memory
exact keys-two 2 "hcsc: keys takes at most one PATH" -- keys a b
exact keys-empty-step 2 "hcsc: 'HostConfig..Mounts' has an empty key; a path is keys joined by '.' (HostConfig.Mounts, [N] allowed after a key)" -- keys HostConfig..Mounts
exact keys-dot 2 "hcsc: '.' has an empty key; a path is keys joined by '.' (HostConfig.Mounts, [N] allowed after a key)" -- keys .
exact schema-args 2 "hcsc: schema takes no arguments" -- schema x
"$hcsc" schema >"$work/schema.json" 2>"$work/err"
if [ "$?" = 0 ] && head -2 "$work/schema.json" | grep -q '"\$schema": "https://json-schema.org/draft/2020-12/schema"'; then ok; else bad "schema: draft 2020-12"; fi

# ---- unknown keys: the 5 nearest and the command that lists all ----
printf 'Config:\n  MacAddress: x\n' >"$work/mac.yaml"
exact unknown-nearest 1 "$work/mac.yaml:2:3: error: unknown key 'MacAddress' in 'Config' (nearest: Labels, Cmd, Image, Volumes, Hostname; 'hcsc keys Config' lists all 24)" -- compile "$work/mac.yaml" --diagnostics-format short
printf 'HostConfig:\n  Mounts:\n    - Type: bind\n      BindOptions:\n        Frob: 1\n' >"$work/bo.yaml"
exact unknown-nested-path 1 "$work/bo.yaml:5:9: error: unknown key 'Frob' in 'HostConfig.Mounts[0].BindOptions' (allowed: Propagation, NonRecursive, CreateMountpoint, ReadOnlyNonRecursive, ReadOnlyForceRecursive)" -- compile "$work/bo.yaml" --diagnostics-format short
printf 'HostConfig:\n  Mounts:\n    - Type: bind\n      Frobnicate: 1\n' >"$work/mnt.yaml"
exact unknown-list-path 1 "$work/mnt.yaml:4:7: error: unknown key 'Frobnicate' in 'HostConfig.Mounts[0]' (nearest: Source, Type, Target, ReadOnly, Consistency; 'hcsc keys HostConfig.Mounts' lists all 10)" -- compile "$work/mnt.yaml" --diagnostics-format short

# ---- rendering (rule: hcsc.diag.render) ----
E=$'\e'
printf 'HostConfig:\n  Frob: 1\n  Memory: x\n  Cpu: 2\n' >"$work/m3.yaml"
# short: one line each, no count, no colour, the cap's line
exact plain-cap 1 "$work/m3.yaml:2:3: error: unknown key 'Frob' in 'HostConfig' (nearest: Dns, Cgroup, Init, Binds, CapDrop; 'hcsc keys HostConfig' lists all 69)
$work/m3.yaml:3:11: error: 'HostConfig.Memory' must be an integer, not a string
$work/m3.yaml:4:3: error: too many errors (1 more not shown)" -- compile "$work/m3.yaml" --max-errors 2 --diagnostics-format short
exact no-limit 1 "$work/m3.yaml:2:3: error: unknown key 'Frob' in 'HostConfig' (nearest: Dns, Cgroup, Init, Binds, CapDrop; 'hcsc keys HostConfig' lists all 69)
$work/m3.yaml:3:11: error: 'HostConfig.Memory' must be an integer, not a string
$work/m3.yaml:4:3: error: unknown key 'Cpu' in 'HostConfig' (nearest: Dns, CapAdd, Cgroup, Tmpfs, Init; 'hcsc keys HostConfig' lists all 69)" -- compile "$work/m3.yaml" --max-errors=0 --diagnostics-format short
# the default text form into a pipe: the source line, the caret, the count; no colour
exact rich-pipe 1 "$work/m3.yaml:2:3: error: unknown key 'Frob' in 'HostConfig' (nearest: Dns, Cgroup, Init, Binds, CapDrop; 'hcsc keys HostConfig' lists all 69)
    2 |   Frob: 1
      |   ^~~~
$work/m3.yaml:3:11: error: 'HostConfig.Memory' must be an integer, not a string
    3 |   Memory: x
      |           ^
$work/m3.yaml:4:3: error: too many errors (1 more not shown)
    4 |   Cpu: 2
      |   ^~~
3 errors and 0 warnings" -- compile "$work/m3.yaml" --max-errors 2
# standard input has its source lines too: they come from the bytes the
# compile read, never from the file again (rule: hcsc.diag.render)
"$hcsc" compile - --max-errors 2 <"$work/m3.yaml" >/dev/null 2>"$work/err"
want="<stdin>:2:3: error: unknown key 'Frob' in 'HostConfig' (nearest: Dns, Cgroup, Init, Binds, CapDrop; 'hcsc keys HostConfig' lists all 69)
    2 |   Frob: 1
      |   ^~~~
<stdin>:3:11: error: 'HostConfig.Memory' must be an integer, not a string
    3 |   Memory: x
      |           ^
<stdin>:4:3: error: too many errors (1 more not shown)
    4 |   Cpu: 2
      |   ^~~
3 errors and 0 warnings"
if [ "$(cat "$work/err")" = "$want" ]; then ok; else bad "rich-stdin"; cat "$work/err"; fi
# a Compose service's compile shows the Compose file's line
printf 'name: p\nservices:\n  web:\n    image: img\n    isolation: hcsv\n' >"$work/compose.yaml"
exact rich-compose 1 "$work/compose.yaml:5:16: error: invalid isolation (hcsv): Windows supports 'default', 'process', or 'hyperv'
    5 |     isolation: hcsv
      |                ^~~~
1 error and 0 warnings" -- compose "$work/compose.yaml" -w image -w placeholder
# --color=always: colour, the source line, the caret and ~ under the key, the count
exact rich-color 1 "${E}[1m$work/m3.yaml:2:3: ${E}[1;31merror:${E}[0m unknown key 'Frob' in 'HostConfig' (nearest: Dns, Cgroup, Init, Binds, CapDrop; 'hcsc keys HostConfig' lists all 69)
    2 |   Frob: 1
      | ${E}[1;32m  ^~~~${E}[0m
${E}[1m$work/m3.yaml:3:11: ${E}[1;31merror:${E}[0m 'HostConfig.Memory' must be an integer, not a string
    3 |   Memory: x
      | ${E}[1;32m          ^${E}[0m
${E}[1m$work/m3.yaml:4:3: ${E}[1;31merror:${E}[0m too many errors (1 more not shown)
    4 |   Cpu: 2
      | ${E}[1;32m  ^~~${E}[0m
3 errors and 0 warnings" -- compile "$work/m3.yaml" --max-errors 2 --color=always
# NO_COLOR does not override an explicit --color=always
NO_COLOR=1 "$hcsc" compile "$work/m3.yaml" --color=always 2>"$work/err" >/dev/null
if grep -q "${E}\[1;31merror:" "$work/err"; then ok; else bad "no-color-always"; fi
# a tab stays a tab under the line, UTF-8 is one column, ~ spans the string
printf '{\n\t"HostConfig": {"Isolation": "h\xc3\xa9", "Memory": 1}\n}\n' >"$work/t.json"
"$hcsc" compile "$work/t.json" --color=always 2>&1 >/dev/null | sed "s/${E}\[[0-9;]*m//g" >"$work/err"
want=$(printf '%s\n' "$work/t.json:2:30: error: invalid isolation (h"$'\xc3\xa9'"): Windows supports 'default', 'process', or 'hyperv'" \
	$'    2 | \t"HostConfig": {"Isolation": "h\xc3\xa9", "Memory": 1}' \
	$'      | \t                            ^~~~' "1 error and 0 warnings")
if [ "$(cat "$work/err")" = "$want" ]; then ok; else bad "rich-tab-utf8"; cat -A "$work/err"; fi
# a built-in profile and command-line words have no source line; the
# category in brackets; -w drops one category
printf 'Name: web\nConfig:\n  Image: x\n  Cmd: ["cmd"]\nHostConfig:\n  Memory: 1000000\n' >"$work/w.yaml"
"$hcsc" compile "$work/w.yaml" --host ltsc2016 --color=always -w placeholder 2>&1 >/dev/null | sed "s/${E}\[[0-9;]*m//g" >"$work/err"
want="<builtin:ltsc2016>:1:1: warning: moby requires Windows build 17763 or later; documents for build 14393 follow moby master rules anyway [build]
$work/w.yaml:6:11: warning: memory limit 1000000 bytes is not a whole number of MiB: HCS gets 0 MB (hcsshim rounds down) [rounding]
    6 |   Memory: 1000000
      |           ^~~~~~~
0 errors and 2 warnings"
if [ "$(cat "$work/err")" = "$want" ]; then ok; else bad "rich-builtin"; cat "$work/err"; fi
"$hcsc" run --color=always -- --oom-kill-disable img 2>&1 >/dev/null | sed "s/${E}\[[0-9;]*m//g" >"$work/err"
want="argv[4] (--oom-kill-disable): warning: these flags do not shape the Windows documents (accepted as docker accepts them): --oom-kill-disable [ignored]
argv[5] (img): warning: the image's own config is unknown (its Cmd, Entrypoint, Env, WorkingDir, User and Volumes are not merged): give 'docker image inspect img' output with --image-inspect FILE [image]
argv[4] (--oom-kill-disable): error: invalid option: Windows does not support OomKillDisable
1 error and 2 warnings"
if [ "$(cat "$work/err")" = "$want" ]; then ok; else bad "rich-run-words"; cat "$work/err"; fi
exact no-warn 0 "$work/w.yaml:6:11: warning: memory limit 1000000 bytes is not a whole number of MiB: HCS gets 0 MB (hcsshim rounds down)" -- compile "$work/w.yaml" -w placeholder --no-warn=build --diagnostics-format short
exact no-warn-two 0 "" -- compile "$work/w.yaml" -w placeholder --no-warn rounding
exact quiet-run 1 "argv[6] (--oom-kill-disable): error: invalid option: Windows does not support OomKillDisable" -- run -q --diagnostics-format short -- --oom-kill-disable img

# ---- JSON lines and SARIF: the same positions and texts ----
exact json 1 "{\"file\":\"$work/m3.yaml\",\"line\":2,\"column\":3,\"endColumn\":7,\"severity\":\"error\",\"category\":null,\"message\":\"unknown key 'Frob' in 'HostConfig' (nearest: Dns, Cgroup, Init, Binds, CapDrop; 'hcsc keys HostConfig' lists all 69)\"}
{\"file\":\"$work/m3.yaml\",\"line\":3,\"column\":11,\"endColumn\":12,\"severity\":\"error\",\"category\":null,\"message\":\"'HostConfig.Memory' must be an integer, not a string\"}
{\"file\":\"$work/m3.yaml\",\"line\":4,\"column\":3,\"endColumn\":6,\"severity\":\"error\",\"category\":null,\"message\":\"too many errors (1 more not shown)\"}" -- compile "$work/m3.yaml" --max-errors 2 --diagnostics-format=json
exact json-warning 0 "{\"file\":\"$work/w.yaml\",\"line\":6,\"column\":11,\"endColumn\":18,\"severity\":\"warning\",\"category\":\"rounding\",\"message\":\"memory limit 1000000 bytes is not a whole number of MiB: HCS gets 0 MB (hcsshim rounds down)\"}" -- compile "$work/w.yaml" -w placeholder --diagnostics-format json
exact json-fail 5 "{\"file\":\"hcsc\",\"severity\":\"error\",\"category\":null,\"message\":\"cannot read '$work/nope.yaml': No such file or directory\"}" -- compile "$work/nope.yaml" --diagnostics-format json
(cd "$work" && "$hcsc" compile m3.yaml --diagnostics-format=sarif 2>sarif.json >/dev/null)
if python3 - "$work/sarif.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0", d
run = d["runs"][0]
assert run["tool"]["driver"]["name"] == "hcsc"
assert run["columnKind"] == "unicodeCodePoints"
r = run["results"]
assert len(r) == 3, r
assert r[0]["ruleId"] == "error" and r[0]["level"] == "error"
assert r[0]["message"]["text"].startswith("unknown key 'Frob' in 'HostConfig' (nearest: ")
loc = r[0]["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"] == "m3.yaml", loc
assert loc["region"] == {"startLine": 2, "startColumn": 3, "endColumn": 7}, loc
PY
then ok; else bad "sarif"; cat "$work/sarif.json"; fi
(cd "$work" && "$hcsc" compile w.yaml --diagnostics-format=sarif 2>sarif.json >/dev/null)
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]["results"]; assert [x["ruleId"] for x in r]==["placeholder","placeholder","rounding","placeholder","placeholder"], r; assert all(x["level"]=="warning" for x in r)' "$work/sarif.json"; then ok; else bad "sarif-warnings"; cat "$work/sarif.json"; fi
exact diff-json 3 "" -- diff "$work/w.yaml" --target docker --target docker-containerd -w placeholder -w rounding --diagnostics-format=json

# ---- inputs that are no files: error: with the path, exit 5 ----
exact missing-desc 5 "hcsc: error: cannot read '$work/nope.yaml': No such file or directory" -- compile "$work/nope.yaml"
exact dir-desc 5 "hcsc: error: cannot read '$work': Is a directory" -- compile "$work"
exact dir-host 5 "hcsc: error: cannot read '$work': Is a directory" -- compile "$work/w.yaml" --host "$work"
exact dir-compose 5 "hcsc: error: cannot read '$work': Is a directory" -- compose "$work"
exact dir-diff 5 "hcsc: error: cannot read '$work': Is a directory" -- diff "$work" --target docker --target hcsshim-0.8.6
exact dir-from-oci 5 "hcsc: error: cannot read '$work': Is a directory" -- compile --from-oci "$work"
exact dir-inspect 5 "hcsc: error: cannot read '$work': Is a directory" -- run --image-inspect "$work" -- img

# ---- a YAML boolean where a string is required (rule: hcsc.input.scalars) ----
printf 'Owner: true\nConfig:\n  Hostname: True\n  Domainname: 1234\n' >"$work/bool.yaml"
exact bool-string 1 "$work/bool.yaml:1:8: error: 'Owner' must be a string, not a boolean
$work/bool.yaml:3:13: error: 'Config.Hostname' must be a string, not a boolean" -- compile "$work/bool.yaml" --diagnostics-format short

# ---- bad values ----
exact bad-color 2 "hcsc: --color: unknown value 'sometimes' (known: auto, always, never)" -- compile "$work/w.yaml" --color=sometimes
exact bad-format 2 "hcsc: --diagnostics-format: unknown value 'jsn'; did you mean 'json'? (known: text, short, json, sarif)" -- compile "$work/w.yaml" --diagnostics-format jsn
exact bad-max 2 "hcsc: --max-errors takes a number from 0 (no limit) to 1000000, not '-1'" -- compile "$work/w.yaml" --max-errors=-1
exact bad-category 2 "hcsc: -w/--no-warn: unknown value 'placehlder'; did you mean 'placeholder'? (known: placeholder, build, era, owner, rounding, cpu, annotation, credspec, lcow, unknown-key, ports, volume, ignored, image, compose, interpolation)" -- compose "$work/w.yaml" -w placehlder

echo "diag_ux: $pass passed, $fail failed"
[ "$fail" = 0 ]
