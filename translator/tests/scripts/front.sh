#!/usr/bin/env bash
# front.sh HCSC CORPUS [--fix]: the `run` and `compose` front ends.
#
# Each corpus/run/NAME.yaml is the description `hcsc run` prints for the
# docker run line in its `# run:` header; each corpus/compose/PROJECT/
# SERVICE.yaml the description `hcsc compose` prints for the service of
# the Compose file in its `# compose:` header (FILE relative to
# corpus/compose, then the service and options). `hcsc check` compiles
# them like every case (golden/run, golden/compose); this script checks
# that the front ends still print exactly those bodies (the lines after
# the leading comment block), that a named run compiles to the same
# documents as its description file, and every error path of the front
# ends with its exact message and exit code. --fix rewrites the bodies.
set -u
HCSC=${1:?usage: front.sh HCSC CORPUS [--fix]}
CORPUS=${2:?usage: front.sh HCSC CORPUS [--fix]}
FIX=${3:-}
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); }
bad() { FAILED=$((FAILED + 1)); echo "front.sh: FAILED: $*" >&2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/hcsc-front.XXXXXX")
trap 'rm -rf "$W"' EXIT

header() { awk '/^#/ && !done { print; next } { done = 1 }' "$1"; }
body() { awk '/^#/ && !done { next } { done = 1; print }' "$1"; }

# compare CASE-FILE ACTUAL-BODY-FILE
compare() {
	if [ "$FIX" = --fix ]; then
		{ header "$1"; cat "$2"; } >"$W/new" && cp "$W/new" "$1"
		ok
	elif body "$1" | cmp -s - "$2"; then ok; else
		bad "$1: the front end now prints another description"
		body "$1" | diff -u - "$2" | head -30 >&2
	fi
}

for f in "$CORPUS"/run/[!_]*.yaml; do
	line=$(sed -n 's/^# run: //p' "$f" | head -n 1)
	[ -n "$line" ] || { bad "$f: no '# run:' line"; continue; }
	eval "set -- $line"
	(cd "$CORPUS/run" && "$HCSC" run --print-description "$@") >"$W/out" 2>"$W/err"
	[ $? -eq 0 ] || { bad "$f: hcsc run failed: $(cat "$W/err")"; continue; }
	compare "$f" "$W/out"
	if grep -q -- '--name' <<<"$line"; then
		(cd "$CORPUS/run" && "$HCSC" run --emit oci "$@") >"$W/a" 2>/dev/null
		(cd "$CORPUS/run" && "$HCSC" compile "$(basename "$f")" --target docker --emit oci $(sed -n 's/^# host: /--host /p' "$f")) >"$W/b" 2>/dev/null
		cmp -s "$W/a" "$W/b" && ok || bad "$f: run and compile of its description differ"
	fi
done

for f in "$CORPUS"/compose/*/*.yaml; do
	line=$(sed -n 's/^# compose: //p' "$f" | head -n 1)
	[ -n "$line" ] || { bad "$f: no '# compose:' line"; continue; }
	eval "set -- $line"
	(cd "$CORPUS/compose" && "$HCSC" compose --print-description "$@") >"$W/raw" 2>"$W/err"
	[ $? -eq 0 ] || { bad "$f: hcsc compose failed: $(cat "$W/err")"; continue; }
	grep -v '^# service ' "$W/raw" >"$W/out"
	compare "$f" "$W/out"
done

# ---- error paths: exact message and exit code ----
# expect NAME WANT-RC WANT-STDERR ARGS...
DIR=.
expect() {
	local name=$1 rc=$2 want=$3
	shift 3
	(cd "$CORPUS/$DIR" && "$HCSC" "$@") >"$W/o" 2>"$W/e"
	got=$?
	[ "$got" = "$rc" ] && ok || bad "$name: exit $got, want $rc"
	if grep -qxF -- "$want" "$W/e"; then ok; else
		bad "$name: stderr lacks [$want]"; sed 's/^/    /' "$W/e" >&2
	fi
}
I=mcr.microsoft.com/windows/nanoserver:ltsc2022
expect "too precise" 1 'argv[4] (--cpus 0.0000000001): error: invalid argument "0.0000000001" for "--cpus" flag: value is too precise' run -- --cpus 0.0000000001 $I
expect "not rational" 1 'argv[3] (--cpus=abc): error: invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number' run -- --cpus=abc $I
expect "memory size" 1 'argv[4] (-m 2x): error: invalid argument "2x" for "-m, --memory" flag: invalid suffix: '"'"'x'"'"'' run -- -m 2x $I
expect "memory negative" 1 "argv[3] (-m-1): error: invalid argument \"-1\" for \"-m, --memory\" flag: invalid size: '-1'" run -- -m-1 $I
expect "int flag" 1 'argv[4] (--cpu-count two): error: invalid argument "two" for "--cpu-count" flag: strconv.ParseInt: parsing "two": invalid syntax' run -- --cpu-count two $I
expect "uint flag" 1 'argv[4] (--io-maxiops -1): error: invalid argument "-1" for "--io-maxiops" flag: strconv.ParseUint: parsing "-1": invalid syntax' run -- --io-maxiops -1 $I
expect "bool flag" 1 'argv[3] (--rm=maybe): error: invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax' run -- --rm=maybe $I
expect "duration" 1 'argv[4] (--health-interval 5): error: invalid argument "5" for "--health-interval" flag: time: missing unit in duration "5"' run -- --health-interval 5 $I
expect "unknown flag" 1 'argv[3] (--bogus): error: unknown flag: --bogus' run -- --bogus $I
expect "unknown shorthand" 1 "argv[3] (-tZ): error: unknown shorthand flag: 'Z' in -Z" run -- -tZ $I
expect "needs an argument" 1 'argv[3] (--cpus): error: flag needs an argument: --cpus' run -- --cpus
expect "bad flag syntax" 1 'argv[3] (---x): error: bad flag syntax: ---x' run -- ---x $I
expect "no image" 1 'docker run: error: "docker run" requires at least 1 argument.' run -- -t
expect "env name" 1 'argv[4] (-e =x): error: invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x' run -- -e =x $I
expect "label" 1 "argv[4] (-l a b=c): error: invalid argument \"a b=c\" for \"-l, --label\" flag: label 'a b' contains whitespaces" run -- -l 'a b=c' $I
expect "dns-search" 1 'argv[4] (--dns-search 123): error: invalid argument "123" for "--dns-search" flag: 123 is not a valid domain' run -- --dns-search 123 $I
expect "dns" 1 'argv[4] (--dns 1.2.3): error: invalid argument "1.2.3" for "--dns" flag: IP address is not correctly formatted: 1.2.3' run -- --dns 1.2.3 $I
expect "attach" 1 'argv[4] (-a stdbad): error: invalid argument "stdbad" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR' run -- -a stdbad $I
expect "mount" 1 "argv[4] (--mount type=bind,bogus=1): error: invalid argument \"type=bind,bogus=1\" for \"--mount\" flag: unknown option 'bogus' in 'bogus=1'" run -- --mount type=bind,bogus=1 $I
expect "mount csv" 1 'argv[4] (--mount type=bind,src=a"b): error: invalid argument "type=bind,src=a\"b" for "--mount" flag: parse error on line 1, column 16: bare " in non-quoted field' run -- --mount 'type=bind,src=a"b' $I
expect "network long" 1 'argv[4] (--network alias=x): error: invalid argument "alias=x" for "--network" flag: network name/id is not specified' run -- --network alias=x $I
expect "volume colons" 1 'argv[4] (-v C:\a:C:\b:ro:x): error: invalid spec: C:\a:C:\b:ro:x: too many colons' run -- -v 'C:\a:C:\b:ro:x' $I
expect "volume empty section" 1 'argv[4] (-v :C:\x): error: invalid spec: :C:\x: empty section between colons' run -- -v ':C:\x' $I
expect "relative bind" 1 "argv[4] (-v .\\data:C:\\data): error: the relative source '.\\data' is made absolute against the client's current directory, which hcsc does not read: give it with --client-cwd WINPATH (-v)" run -- -v '.\data:C:\data' $I
expect "security-opt" 1 'argv[4] (--security-opt credentialspec): error: invalid --security-opt: "credentialspec"' run -- --security-opt credentialspec $I
expect "storage-opt" 1 'argv[4] (--storage-opt size): error: invalid storage option' run -- --storage-opt size $I
expect "restart count" 1 'argv[4] (--restart on-failure:x): error: invalid restart policy format: maximum retry count must be an integer' run -- --restart on-failure:x $I
expect "restart colon" 1 'argv[4] (--restart :3): error: invalid restart policy format: no policy provided before colon' run -- --restart :3 $I
expect "rm and restart" 1 'argv[5] (--rm): error: conflicting options: cannot specify both --restart and --rm' run -- --restart always --rm $I
expect "attach and detach" 1 'argv[5] (-a stdout): error: conflicting options: cannot specify both --attach and --detach' run -- -d -a stdout $I
expect "log opts" 1 'argv[6] (--log-opt a=b): error: invalid logging opts for driver none' run -- --log-driver none --log-opt a=b $I
expect "pull" 1 "argv[4] (--pull sometimes): error: invalid pull option: 'sometimes': must be one of \"always\", \"missing\" or \"never\"" run -- --pull sometimes $I
expect "detach keys" 1 "argv[4] (--detach-keys ctrl-1): error: invalid detach keys (ctrl-1): Unknown character: 'ctrl-1'" run -- --detach-keys ctrl-1 $I
expect "swappiness" 1 'argv[4] (--memory-swappiness 200): error: invalid value: 200. Valid memory swappiness range is 0-100' run -- --memory-swappiness 200 $I
expect "health conflict" 1 'argv[5] (--no-healthcheck): error: --no-healthcheck conflicts with --health-* options' run -- --health-cmd x --no-healthcheck $I
expect "health negative" 1 'argv[4] (--health-retries -1): error: --health-retries cannot be negative' run -- --health-retries -1 $I
expect "expose" 1 "argv[4] (--expose x): error: invalid range format for --expose: invalid start port 'x': invalid syntax" run -- --expose x $I
expect "publish" 1 'argv[4] (-p 80:x): error: invalid containerPort: x' run -- -p 80:x $I
expect "env file line" 1 "argv[4] (--env-file run/_bad.env): error: --env-file: invalid env file (run/_bad.env): variable 'BAD KEY' contains whitespaces" run -- --env-file run/_bad.env $I
expect "env file missing" 5 "hcsc: error: cannot read 'run/_none.env': No such file or directory" run -- --env-file run/_none.env $I
expect "daemon refusal at the flag" 1 'argv[4] (--cpu-percent 101): error: range of CPUPercent is from 1 to 100' run -- --cpu-percent 101 $I cmd
expect "no command" 1 'argv[5] (mcr.microsoft.com/windows/nanoserver:ltsc2022): warning: the image'"'"'s own config is unknown (its Cmd, Entrypoint, Env, WorkingDir, User and Volumes are not merged): give '"'"'docker image inspect mcr.microsoft.com/windows/nanoserver:ltsc2022'"'"' output with --image-inspect FILE' run --diagnostics-format short -- $I
expect "no command: error" 1 'docker run: error: no command specified' run -- $I
expect "image os" 1 'run/_linux-image.json:3:9: error: image operating system "linux" cannot be used on this platform' run --image-inspect run/_linux-image.json -- $I
expect "run without --" 2 'hcsc: run: put the docker run flags after -- (hcsc run [options] -- [docker run flags] IMAGE [COMMAND])' run $I
expect "run word before --" 2 "hcsc: run: '$I' goes after -- (the docker run words)" run $I -- $I
expect "client-env form" 2 "hcsc: --client-env takes KEY=VALUE, not 'X'" run --client-env X -- $I
expect "unknown option" 2 "hcsc run: unknown option '--bogus' (see 'hcsc --help')" run --bogus -- $I
C=compose/_shop/docker-compose.yml
expect "compose unknown key" 1 "compose/_errors/unknown-key.yml:4:5: error: services.web additional properties 'imagee' not allowed (did you mean 'image'?)" compose compose/_errors/unknown-key.yml
expect "compose unknown top key" 1 "compose/_errors/unknown-top.yml:1:1: error: (root) additional properties 'servics' not allowed (did you mean 'services'?)" compose compose/_errors/unknown-top.yml
expect "compose required var" 1 "compose/_errors/required.yml:4:12: error: error while interpolating services.web.image: required variable IMAGE is missing a value: set IMAGE" compose compose/_errors/required.yml
expect "compose invalid template" 1 'compose/_errors/template.yml:4:12: error: error while interpolating services.web.image: Invalid template: "${}"' compose compose/_errors/template.yml
expect "compose --env wins" 0 "compose/_errors/required.yml:4:5: warning: service web: the image's own config is unknown (its Cmd, Entrypoint, Env, WorkingDir, User and Volumes are not merged): give 'docker image inspect x' output with --image-inspect web=FILE" compose compose/_errors/required.yml --env IMAGE=x --print-description --diagnostics-format short
expect "compose no image" 1 'compose/_errors/no-image.yml:4:5: error: service "web" has neither an image nor a build context specified: invalid compose project' compose compose/_errors/no-image.yml
expect "compose undefined volume" 1 'compose/_errors/volume.yml:5:15: error: service "web" refers to undefined volume data: invalid compose project' compose compose/_errors/volume.yml
expect "compose undefined network" 1 'compose/_errors/network.yml:5:16: error: service "web" refers to undefined network front: invalid compose project' compose compose/_errors/network.yml
expect "compose mode and networks" 1 'compose/_errors/mode-networks.yml:6:15: error: service web declares mutually exclusive `network_mode` and `networks`: invalid compose project' compose compose/_errors/mode-networks.yml
expect "compose shellwords" 1 'compose/_errors/paren.yml:5:14: error: invalid command line string' compose compose/_errors/paren.yml
expect "compose memory string" 1 'compose/_errors/deploy-memory.yml:8:19: error: services.web.deploy.resources.limits.memory must be a string' compose compose/_errors/deploy-memory.yml
expect "compose relative bind" 1 "compose/_errors/relative.yml:5:15: error: the relative bind source './data' is resolved against the project directory on the client: give it with --project-directory WINPATH" compose compose/_errors/relative.yml
DIR=compose
expect "compose project name" 1 '_errors-noname.yml:1:1: error: the project name is unknown: set '"'"'name:'"'"' in the file or give --project-directory WINPATH' compose _errors-noname.yml
DIR=.
expect "compose no such service" 2 'hcsc: no such service: nope' compose $C nope
expect "compose many to stdout" 2 'hcsc: compose: 3 services and no -o DIR; name one SERVICE or write each to DIR/<service>/ with -o' compose $C
expect "compose no file" 2 'hcsc: compose takes a Compose file (hcsc compose FILE [SERVICE...])' compose
expect "compose --env form" 2 "hcsc: --env takes KEY=VALUE, not 'X'" compose $C --env X
expect "compose cpu_percent x100" 1 'compose/_errors/cpu-percent.yml:6:18: warning: services.api.cpu_percent 50 is sent as CpuPercent 5000: docker compose multiplies cpu_percent by 100' compose compose/_errors/cpu-percent.yml --diagnostics-format short
expect "compose cpu_percent refused" 1 'compose/_errors/cpu-percent.yml:6:18: error: range of CPUPercent is from 1 to 100' compose compose/_errors/cpu-percent.yml
expect "compose no command" 1 'compose/_errors/no-command.yml:4:5: error: no command specified' compose compose/_errors/no-command.yml
expect "compose credential_spec kinds" 1 'compose/_errors/credential-spec.yml:6:22: error: services.web.credential_spec must have exactly one of file, registry or config' compose compose/_errors/credential-spec.yml
expect "compose long volume target" 1 'compose/_errors/long-volume.yml:7:9: error: services.web.volumes.target must be a string' compose compose/_errors/long-volume.yml
expect "compose top not a mapping" 1 'compose/_errors/top-list.yml:1:1: error: Top-level object must be a mapping' compose compose/_errors/top-list.yml
expect "compose unset variable" 0 'compose/_errors/unset.yml:4:12: warning: The "NOPE" variable is not set. Defaulting to a blank string.' compose compose/_errors/unset.yml --print-description --diagnostics-format short
(cd "$CORPUS" && "$HCSC" compose compose/_errors/credential-spec.yml -o "$W/failed") >/dev/null 2>&1
[ $? -eq 1 ] && [ ! -e "$W/failed" ] && ok || bad "compose -o: a failing service leaves no output folder"
(cd "$CORPUS" && "$HCSC" compose $C -o "$W/three") >/dev/null 2>&1 && ok || bad "compose -o: three services compile"
for s in web api db; do
	[ -f "$W/three/$s/config.json" ] && [ -f "$W/three/$s/hcs-v1.json" ] && [ -f "$W/three/$s/process.json" ] && ok || bad "compose -o: $s/ written"
done
# -o DIR: a service name that is no single folder name would write outside
# DIR/<service>/ (over DIR's own documents or a sibling's): refused before
# anything is written (rule: hcsc.cli.output)
for name in .. ../up . 'a/b' 'a\b' ''; do
	rm -rf "$W/esc" && mkdir -p "$W/esc/out"
	echo precious >"$W/esc/config.json"
	echo precious >"$W/esc/out/config.json"
	printf "name: p\nservices:\n  web:\n    image: i\n    command: cmd\n  '%s':\n    image: i\n    command: cmd\n" "$name" >"$W/esc/c.yml"
	"$HCSC" compose "$W/esc/c.yml" -o "$W/esc/out/sub" >/dev/null 2>"$W/e"
	got=$?
	want="hcsc: compose -o: service '$name' is not a folder name (it would be written outside '$W/esc/out/sub/<service>/'); rename it, or name the other services"
	if [ "$got" = 2 ] && grep -qxF -- "$want" "$W/e"; then ok; else
		bad "compose -o, service '$name': exit $got, want 2 and [$want]"; sed 's/^/    /' "$W/e" >&2; fi
	if [ "$(cat "$W/esc/config.json" "$W/esc/out/config.json")" = "precious
precious" ] && [ "$(find "$W/esc" | wc -l)" = 5 ]; then ok; else
		bad "compose -o, service '$name': files written"; find "$W/esc" >&2; fi
done
# -o never replaces a file the command reads (rule: hcsc.cli.output):
# --image-inspect SERVICE=FILE, a bare --image-inspect FILE, an env_file
# of the Compose file, the Compose file itself, run's --env-file; every
# value, not only the last; refused (exit 2) before any service is written
printf 'A=1\n' >"$W/a.env"
inputs_refused() { # NAME, then the command: in $W/in, out/web/config.json holds $SRC
	local name=$1; shift
	rm -rf "$W/in" && mkdir -p "$W/in/out/web" "$W/in/out/db"
	printf "name: p\nservices:\n  db:\n    image: i\n    command: cmd\n  web:\n    image: i\n    command: cmd\n    env_file: %s\n" "${ENVF:-../a.env}" >"$W/in/c.yml"
	cp "${SRC:-$W/in/c.yml}" "$W/in/out/web/config.json"; cp "$W/in/out/web/config.json" "$W/in/keep"
	(cd "$W/in" && "$HCSC" "$@") >/dev/null 2>"$W/e"
	got=$?
	want="hcsc: -o 'out/web': 'out/web/config.json' is the input '${WANT:-out/web/config.json}' (hcsc would replace it); give another folder"
	if [ "$got" = 2 ] && grep -qxF -- "$want" "$W/e" && cmp -s "$W/in/keep" "$W/in/out/web/config.json" \
		&& [ "$(cd "$W/in/out" && find . | sort | tr '\n' ' ')" = ". ./db ./web ./web/config.json " ]; then ok; else
		bad "$name: exit $got, or files changed (want 2 and [$want])"; sed 's/^/    /' "$W/e" >&2; find "$W/in/out" >&2; fi
}
SRC=$CORPUS/run/_image.json inputs_refused "compose --image-inspect SERVICE=FILE at -o" compose c.yml -o out --image-inspect web=out/web/config.json
SRC=$CORPUS/run/_image.json inputs_refused "compose --image-inspect FILE at -o" compose c.yml -o out --image-inspect out/web/config.json --image-inspect "$CORPUS/run/_image.json"
SRC=$W/a.env ENVF=out/web/config.json inputs_refused "compose env_file at -o" compose c.yml -o out
ENVF=../../../a.env WANT=out/web/../web/config.json inputs_refused "compose file at -o" compose out/web/../web/config.json -o out
SRC=$W/a.env inputs_refused "run --env-file at -o" run -o out/web -- --env-file out/web/config.json "$I" cmd
# an absolute env_file is read where it is, not under the Compose file's folder
mkdir -p "$W/abs/proj" && printf 'ABS=1\n' >"$W/abs/a.env"
printf 'name: p\nservices:\n  web:\n    image: i\n    command: cmd\n    env_file: %s\n' "$W/abs/a.env" >"$W/abs/proj/c.yml"
(cd "$W/abs" && "$HCSC" compose proj/c.yml --emit oci >"$W/abs/out" 2>"$W/e")
if grep -q '"ABS=1"' "$W/abs/out"; then ok; else bad "compose: an absolute env_file"; cat "$W/e" >&2; fi
"$HCSC" compose "$CORPUS/$C" api --target docker-containerd --emit hcs-v2 >"$W/v2" 2>/dev/null && grep -q '"SchemaVersion"' "$W/v2" && ok || bad "compose --target docker-containerd builds hcs-v2"

# negative control: a changed body must be noticed
f=$(ls "$CORPUS"/run/[!_]*.yaml | head -n 1)
cp "$f" "$W/neg.yaml"; echo 'Extra: 1' >>"$W/neg.yaml"
body "$W/neg.yaml" | cmp -s - <(body "$f") && bad "negative control did not fail" || ok

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
