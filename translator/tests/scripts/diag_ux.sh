#!/usr/bin/env bash
# diag_ux.sh HCSC CORPUS_DIR
# Diagnostics (issue 13): `hcsc keys`, the unknown-key hint, `hcsc
# schema`, source lines and carets, colour, the count line, --max-errors,
# -w CATEGORY, --diagnostics-format, input files that are no files, YAML
# booleans where strings are required. Messages are compared whole.
set -u
hcsc=$1 corpus=$2
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

# ---- unknown keys: the 5 nearest and the command that lists all ----
printf 'Config:\n  MacAddress: x\n' >"$work/mac.yaml"
exact unknown-nearest 1 "$work/mac.yaml:2:3: error: unknown key 'MacAddress' in 'Config' (nearest: Labels, Cmd, Image, Volumes, Hostname; 'hcsc keys Config' lists all 24)" -- compile "$work/mac.yaml"
printf 'HostConfig:\n  Mounts:\n    - Type: bind\n      BindOptions:\n        Frob: 1\n' >"$work/bo.yaml"
exact unknown-nested-path 1 "$work/bo.yaml:5:9: error: unknown key 'Frob' in 'HostConfig.Mounts[0].BindOptions' (allowed: Propagation, NonRecursive, CreateMountpoint, ReadOnlyNonRecursive, ReadOnlyForceRecursive)" -- compile "$work/bo.yaml"
printf 'HostConfig:\n  Mounts:\n    - Type: bind\n      Frobnicate: 1\n' >"$work/mnt.yaml"
exact unknown-list-path 1 "$work/mnt.yaml:4:7: error: unknown key 'Frobnicate' in 'HostConfig.Mounts[0]' (nearest: Source, Type, Target, ReadOnly, Consistency; 'hcsc keys HostConfig.Mounts' lists all 10)" -- compile "$work/mnt.yaml"

echo "diag_ux: $pass passed, $fail failed"
[ "$fail" = 0 ]
