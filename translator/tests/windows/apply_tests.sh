#!/usr/bin/env bash
# apply_tests.sh: the cases of the Windows suite (README "Windows and --apply",
# rules: hcsc.apply.name-to-guid, hcsc.io.binary-mode, hcsc.apply.lifecycle, hcsc.apply.output, hcsc.apply.schema-by-host-build, hcsc.tests.go-oracle). translator/tests/windows/CMakeLists.txt registers
# one CTest test per case (`--list` names them); `setup` prepares the Wine
# prefix first. Each case runs hcsc.exe under Wine ($HCSC_EMU) in a
# folder of its own, next to the fake computecore.dll / vmcompute.dll
# (tools/fake-hcs), and compares what the fakes received and logged, and
# what hcsc.exe printed, with the Linux hcsc ($HCSC_NATIVE) and with the
# call sequences in expect/*.log.
#
# usage: apply_tests.sh --list | setup | CASE
# environment: HCSC_EXE HCSC_DLLS HCSC_BCRYPT HCSC_NATIVE HCSC_EMU HCSC_SRC
#              HCSC_OBJDUMP (set by CTest), WINEPREFIX (scripts/windows-test.sh)
#
# Wine reports the Windows version the prefix gives an executable's name:
# hcsc.exe is set to win10 (a build from 17763: computecore.dll and
# hcs-v2.json), hcsc-oldhost.exe to win81 (build 9600: vmcompute.dll and
# hcs-v1.json), so both paths run (rule: hcsc.apply.schema-by-host-build).
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$HERE/data
EXPECT=$HERE/expect

CASES=(
	imports host_builds bytes_stdout bytes_files corpus
	v2_create v2_start v2_timeout_option v1_create v1_start
	v2_fail_create_operation v2_fail_create_sync v2_fail_create_async
	v2_fail_create_wait v2_fail_start_sync v2_fail_start_async
	v2_fail_process_sync v2_fail_process_async v2_fail_process_wait
	v2_fail_process_callback v2_fail_unknown_code v2_fail_timeout
	v1_fail_create_sync v1_fail_create_async v1_fail_start_async
	v1_fail_process v1_fail_properties v1_fail_timeout
	no_hcs_missing no_hcs_disabled no_hcs_v1
	dry_run hyperv_refused hyperv_v1 profile_mismatch strict_mismatch
	nametoguid_v2 nametoguid_v1 nametoguid_fail stdin_description
	relay_binary relay_stdin ctrl_c winpath_oracle
	docker_create docker_start docker_hyperv docker_fail_create_sync
	docker_fail_create_async docker_fail_start_async docker_fail_process
	docker_fail_properties docker_fail_timeout
)

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "apply_tests: FAIL: $*" >&2
}
finish() {
	if [ "$fail" -gt 0 ] && [ -n "${T:-}" ]; then
		for f in out err log; do
			[ -f "$T/$f" ] && { echo "--- $f" >&2; head -c 3000 "$T/$f" >&2; }
		done
	fi
	echo "apply_tests: $pass passed, $fail failed"
	[ -n "${T:-}" ] && rm -rf "$T"
	[ "$fail" -eq 0 ]
	exit $?
}

EMU=${HCSC_EMU:-wine}
NATIVE=${HCSC_NATIVE:-}
SRC=${HCSC_SRC:-$(cd "$HERE/../../.." && pwd)}
T=

# ---- running ---------------------------------------------------------------

# prep [oldhost] [nodlls]: a folder with hcsc.exe (or hcsc-oldhost.exe)
# and, unless nodlls, the fake DLLs beside it.
prep() {
	local name=hcsc.exe a
	T=$(mktemp -d)
	for a in "$@"; do
		[ "$a" = oldhost ] && name=hcsc-oldhost.exe
	done
	cp "$HCSC_EXE" "$T/$name"
	EXE=$T/$name
	case " $* " in
	*" nodlls "*) ;;
	*) cp "$HCSC_DLLS/computecore.dll" "$HCSC_DLLS/vmcompute.dll" "$T/" ;;
	esac
}

# hx ARGS...: run the exe under Wine with the fakes' files in $T; sets RC.
# STDIN (a file) and XENV (extra NAME=VALUE words) are optional.
hx() {
	# shellcheck disable=SC2086
	(cd "$T" && env FAKE_HCS_LOG="$T/log" FAKE_HCS_CONFIG_OUT="$T/config.json" \
		FAKE_HCS_PROCESS_OUT="$T/process.json" \
		WINEDLLOVERRIDES="computecore,vmcompute=n${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}" \
		${XENV:-} timeout 100 $EMU "$EXE" "$@" <"${STDIN:-/dev/null}" >"$T/out" 2>"$T/err")
	RC=$?
}

native() { "$NATIVE" "$@" 2>/dev/null; }

# ---- assertions --------------------------------------------------------------

expect_rc() {
	if [ "$RC" = "$1" ]; then ok; else bad "exit status $RC, want $1"; fi
}
err_has() {
	if grep -qE -- "$1" "$T/err"; then ok; else bad "stderr lacks /$1/"; fi
}
out_has() {
	if grep -qE -- "$1" "$T/out"; then ok; else bad "stdout lacks /$1/"; fi
}
same() { # FILE1 FILE2 WHAT
	if cmp -s "$1" "$2"; then ok; else bad "$3: bytes differ ($(cmp "$1" "$2" 2>&1 | head -n 1))"; fi
}
norm_log() {
	sed -E 's/id=[0-9a-f]{64}/id=ID/; s/(config|params)_bytes=[0-9]+/\1_bytes=N/' "$T/log"
}
expect_log() { # NAME: the normalized log equals expect/NAME.log
	if [ ! -f "$T/log" ]; then
		bad "no call log"
	elif norm_log | cmp -s - "$EXPECT/$1.log"; then
		ok
	else
		bad "call log differs from expect/$1.log:"
		norm_log | diff "$EXPECT/$1.log" - | head -n 20 >&2
	fi
}
log_has() {
	if [ -f "$T/log" ] && grep -qE -- "$1" "$T/log"; then ok; else bad "log lacks /$1/"; fi
}
log_lacks() {
	if [ -f "$T/log" ] && grep -qE -- "$1" "$T/log"; then bad "log has /$1/"; else ok; fi
}
no_log() {
	if [ -e "$T/log" ]; then bad "HCS was called"; else ok; fi
}
# Every handle the fakes saw was live (no NULL, stale or foreign handle).
handles_ok() {
	if [ -f "$T/log" ] && grep -qE '=(INVALID|NULL)|CLOSED\(' "$T/log"; then
		bad "a bad handle reached HCS: $(grep -E '=(INVALID|NULL)|CLOSED\(' "$T/log" | head -n 1)"
	else
		ok
	fi
}
# The system was terminated and closed, and closed last (nothing left).
left_nothing() {
	log_has '^HcsTerminateComputeSystem system=1'
	if [ "$(tail -n 1 "$T/log" 2>/dev/null)" = "HcsCloseComputeSystem system=1" ]; then
		ok
	else
		bad "the last call is not HcsCloseComputeSystem system=1"
	fi
	err_has "(terminated and closed compute system|closed compute system '[0-9a-f]+' anyway)"
}

# ---- cases: the binary ----------------------------------------------------------

# The exe and the fakes import only system DLLs (objdump -p).
system_dlls_only() { # DLL names on stdin; false at the first other one
	local dll
	while read -r dll; do
		case $(echo "$dll" | tr 'A-Z' 'a-z') in
		kernel32.dll | msvcrt.dll | advapi32.dll | ole32.dll | ws2_32.dll | user32.dll | bcrypt.dll) ;;
		*) echo "apply_tests: imports $dll" >&2; return 1 ;;
		esac
	done
}
imports_of() { "$HCSC_OBJDUMP" -p "$1" | sed -n 's/^[[:space:]]*DLL Name: //p'; }
case_imports() {
	local f
	for f in "$HCSC_EXE" "$HCSC_DLLS/computecore.dll" "$HCSC_DLLS/vmcompute.dll" "$HCSC_BCRYPT"; do
		if imports_of "$f" | system_dlls_only; then ok; else bad "$f imports a non-system DLL"; fi
	done
	if imports_of "$HCSC_EXE" | grep -qx 'KERNEL32.dll'; then ok; else bad "objdump shows no imports"; fi
	# negative control: what a pthread-using libxml2 or a shared libgcc adds
	if printf 'KERNEL32.dll\nlibwinpthread-1.dll\n' | system_dlls_only 2>/dev/null ||
		printf 'libgcc_s_seh-1.dll\n' | system_dlls_only 2>/dev/null; then
		bad "negative control: a mingw runtime DLL was accepted"
	else
		ok
	fi
}

# Wine reports the versions the prefix sets (see `setup`).
case_host_builds() {
	prep nodlls
	hx compile "$DATA/unicode.yaml" --apply --dry-run
	expect_rc 0
	local b
	b=$(sed -n 's/^# host build \([0-9]*\) (RtlGetVersion).*/\1/p' "$T/out")
	if [ -n "$b" ] && [ "$b" -ge 17763 ]; then ok; else bad "hcsc.exe sees build '$b', want >= 17763"; fi
	cp "$EXE" "$T/hcsc-oldhost.exe"
	EXE=$T/hcsc-oldhost.exe
	hx compile "$DATA/unicode.yaml" --apply --dry-run
	b=$(sed -n 's/^# host build \([0-9]*\) (RtlGetVersion).*/\1/p' "$T/out")
	if [ -n "$b" ] && [ "$b" -lt 17763 ]; then ok; else bad "hcsc-oldhost.exe sees build '$b', want < 17763"; fi
	no_log
}

# Standard output is binary (rule: hcsc.io.binary-mode): every document, pretty and
# compact, byte for byte the Linux build's, non-ASCII text included.
case_bytes_stdout() {
	prep nodlls
	local e style
	for e in oci hcs-v1 hcs-v2 process; do
		for style in "" --compact; do
			# shellcheck disable=SC2086
			hx compile "$DATA/unicode.yaml" --host ltsc2019 --emit "$e" $style
			expect_rc 0
			# shellcheck disable=SC2086
			native compile "$DATA/unicode.yaml" --host ltsc2019 --emit "$e" $style >"$T/want"
			same "$T/want" "$T/out" "stdout of --emit $e $style"
		done
	done
	if grep -q $'\r' "$T/out"; then bad "a CR in standard output"; else ok; fi
	# negative control: a CRLF copy is noticed
	sed 's/$/\r/' "$T/want" >"$T/crlf"
	if cmp -s "$T/want" "$T/crlf"; then bad "negative control: CRLF unnoticed"; else ok; fi
}

# Files are binary (rule: hcsc.io.binary-mode): -o DIR, the four documents.
case_bytes_files() {
	prep nodlls
	hx compile "$DATA/unicode.yaml" -o "$T/win"
	expect_rc 0
	native compile "$DATA/unicode.yaml" -o "$T/lin" >/dev/null
	local f
	for f in config.json hcs-v1.json hcs-v2.json process.json; do
		same "$T/lin/$f" "$T/win/$f" "-o $f"
	done
	hx compile "$DATA/unicode.yaml" --compact -o "$T/winc"
	native compile "$DATA/unicode.yaml" --compact -o "$T/linc" >/dev/null
	for f in config.json hcs-v1.json hcs-v2.json process.json; do
		same "$T/linc/$f" "$T/winc/$f" "--compact -o $f"
	done
}

# The whole corpus: the Linux build writes a golden set, `hcsc.exe check`
# must find it identical. Without `check` (older trees): case by case.
case_corpus() {
	prep nodlls
	if "$NATIVE" check "$SRC/corpus" "$T/golden" --update >"$T/update.out" 2>&1; then
		ok
		hx check "$SRC/corpus" "$T/golden"
		expect_rc 0
		# negative control: one changed golden byte is a difference (exit 3)
		local g
		g=$(find "$T/golden" -name hcs-v2.json | sort | head -n 1)
		printf ' ' >>"$g"
		hx check "$SRC/corpus" "$T/golden"
		expect_rc 3
	else
		echo "apply_tests: no usable 'hcsc check'; comparing compile -o case by case" >&2
		corpus_by_case
	fi
}
corpus_by_case() {
	local f n=0
	while IFS= read -r f; do
		n=$((n + 1))
		rm -rf "$T/w" "$T/l"
		hx compile "$f" -o "$T/w"
		"$NATIVE" compile "$f" -o "$T/l" >/dev/null 2>"$T/lerr"
		local lrc=$?
		if [ "$RC" != "$lrc" ] || ! cmp -s "$T/err" "$T/lerr" ||
			! diff -r "$T/w" "$T/l" >/dev/null 2>&1; then
			bad "corpus case $f differs"
		fi
	done < <(find "$SRC/corpus" -type f \( -name '*.yaml' -o -name '*.json' \) \
		! -name 'host.*' ! -name '_*' ! -name '*.runtime.yaml' | sort)
	[ "$n" -gt 0 ] && ok
}

# ---- cases: --apply through computecore.dll (v2) -------------------------------

case_v2_create() {
	prep
	hx compile "$DATA/unicode.yaml" --host ltsc2022 --apply
	expect_rc 0
	native compile "$DATA/unicode.yaml" --host ltsc2022 --compact --emit hcs-v2 >"$T/want"
	same "$T/want" "$T/config.json" "the document HCS received"
	expect_log v2-create
	handles_ok
	err_has "warning: the host profile says build 20348 but this host is build [0-9]+"
	err_has "HCS created compute system '[0-9a-f]{64}' from hcs-v2.json"
	if [ -s "$T/out" ]; then bad "stdout not empty: HCS gave no result document"; else ok; fi
}

case_v2_start() {
	prep
	XENV="FAKE_HCS_EXIT_CODE=7" hx compile "$DATA/unicode.yaml" --apply --start
	expect_rc 7
	native compile "$DATA/unicode.yaml" --compact --emit hcs-v2 >"$T/want"
	same "$T/want" "$T/config.json" "the document HCS received"
	native compile "$DATA/unicode.yaml" --compact --emit process >"$T/want"
	same "$T/want" "$T/process.json" "the process document HCS received"
	expect_log v2-start
	handles_ok
	printf 'fake init process: stdout\n' >"$T/want"
	same "$T/want" "$T/out" "the init process's relayed stdout"
	err_has "^fake init process: stderr$"
	err_has "the init process exited with code 7"
}

case_v2_timeout_option() {
	prep
	hx compile "$DATA/unicode.yaml" --apply --start --timeout 5
	expect_rc 0
	log_has '^HcsWaitForOperationResult op=1 timeout=5000$'
	log_has '^HcsWaitForOperationResultAndProcessInfo op=3 timeout=5000$'
}

# ---- cases: --apply through vmcompute.dll (v1) ---------------------------------

case_v1_create() {
	prep oldhost
	hx compile "$DATA/unicode.yaml" --host ltsc2016 --apply
	expect_rc 0
	native compile "$DATA/unicode.yaml" --host ltsc2016 --compact --emit hcs-v1 >"$T/want"
	same "$T/want" "$T/config.json" "the v1 document HCS received"
	expect_log v1-create
	handles_ok
	err_has "from hcs-v1.json \(host build [0-9]+, vmcompute.dll\)"
}

case_v1_start() {
	prep oldhost
	XENV="FAKE_HCS_EXIT_CODE=5" hx compile "$DATA/unicode.yaml" --host ltsc2016 --apply --start
	expect_rc 5
	native compile "$DATA/unicode.yaml" --host ltsc2016 --compact --emit process >"$T/want"
	same "$T/want" "$T/process.json" "the process document HCS received"
	expect_log v1-start
	handles_ok
	printf 'fake init process: stdout\n' >"$T/want"
	same "$T/want" "$T/out" "the init process's relayed stdout"
}

# ---- cases: failures, one per step -----------------------------------------------

# fails EXE-KIND FAKE_HCS_FAIL NAME-REGEX CREATED(yes/no) [hcsc args...]
fails() {
	local kind=$1 spec=$2 want=$3 created=$4
	shift 4
	prep $kind
	XENV="FAKE_HCS_FAIL=$spec ${XENV:-}" hx compile "$DATA/unicode.yaml" --apply "$@"
	expect_rc 4
	err_has "$want"
	handles_ok
	if [ "$created" = yes ]; then
		left_nothing
	else
		log_lacks 'HcsTerminateComputeSystem|HcsCloseComputeSystem'
	fi
}

case_v2_fail_create_operation() {
	fails "" HcsCreateOperation=0x8007000e 'HcsCreateOperation failed: E_OUTOFMEMORY \(0x8007000e\)$' no
}
case_v2_fail_create_sync() {
	fails "" HcsCreateComputeSystem=0x8037010d \
		'HcsCreateComputeSystem failed: HCS_E_INVALID_JSON \(0x8037010d\): fake failure in HcsCreateComputeSystem$' no
	log_has '^HcsGetOperationResult op=1$'
	out_has '^\{"Error":-2143878899,"ErrorMessage":"fake failure in HcsCreateComputeSystem"\}$'
}
case_v2_fail_create_async() {
	fails "" async:HcsCreateComputeSystem=0x80370112 \
		'HcsCreateComputeSystem failed: HCS_E_INVALID_LAYER \(0x80370112\): fake failure in HcsCreateComputeSystem$' yes
	out_has 'fake failure in HcsCreateComputeSystem'
}
case_v2_fail_create_wait() {
	fails "" HcsWaitForOperationResult=0x80070005 \
		'HcsCreateComputeSystem failed: E_ACCESSDENIED \(0x80070005\)$' yes
}
case_v2_fail_start_sync() {
	fails "" HcsStartComputeSystem=0x80370100 \
		'HcsStartComputeSystem failed: HCS_E_TERMINATED_DURING_START \(0x80370100\)' yes --start
}
case_v2_fail_start_async() {
	fails "" async:HcsStartComputeSystem=0x8037011f \
		'HcsStartComputeSystem failed: HCS_E_PROCESS_ALREADY_STOPPED \(0x8037011f\): fake failure' yes --start
}
case_v2_fail_process_sync() {
	fails "" HcsCreateProcess=0x80070002 \
		'HcsCreateProcess failed: ERROR_FILE_NOT_FOUND \(0x80070002\)' yes --start
}
case_v2_fail_process_async() {
	fails "" async:HcsCreateProcess=0x80070057 \
		'HcsCreateProcess failed: E_INVALIDARG \(0x80070057\): fake failure' yes --start
	log_has '^HcsCloseProcess process=1$'
}
case_v2_fail_process_wait() {
	fails "" HcsWaitForOperationResultAndProcessInfo=0x80004005 \
		'HcsCreateProcess failed: E_FAIL \(0x80004005\)$' yes --start
}
case_v2_fail_process_callback() {
	fails "" HcsSetProcessCallback=0x80370119 \
		'HcsSetProcessCallback failed: HCS_E_OPERATION_SYSTEM_CALLBACK_ALREADY_SET \(0x80370119\)' yes --start
}
case_v2_fail_unknown_code() {
	fails "" async:HcsCreateComputeSystem=0x80371234 \
		'HcsCreateComputeSystem failed: HRESULT 0x80371234: fake failure' yes
}
case_v2_fail_timeout() {
	XENV="FAKE_HCS_HANG=HcsStartComputeSystem" fails "" none=0 \
		'HcsStartComputeSystem failed: HCS_E_OPERATION_TIMEOUT \(0x80370118\)' yes --start --timeout 1
	log_has '^HcsWaitForOperationResult op=2 timeout=1000$'
}

case_v1_fail_create_sync() {
	fails oldhost HcsCreateComputeSystem=0xc037010d \
		'HcsCreateComputeSystem failed: ERROR_VMCOMPUTE_INVALID_JSON \(0xc037010d\): fake failure in HcsCreateComputeSystem$' no
	log_lacks 'HcsRegisterComputeSystemCallback'
}
case_v1_fail_create_async() {
	fails oldhost async:HcsCreateComputeSystem=0xc0370101 \
		'HcsCreateComputeSystem failed: ERROR_VMCOMPUTE_IMAGE_MISMATCH \(0xc0370101\): fake failure' yes
	log_has '^HcsUnregisterComputeSystemCallback callback=1$'
}
case_v1_fail_start_async() {
	fails oldhost async:HcsStartComputeSystem=0xc0370100 \
		'HcsStartComputeSystem failed: ERROR_VMCOMPUTE_TERMINATED_DURING_START \(0xc0370100\)' yes --start
}
case_v1_fail_process() {
	fails oldhost HcsCreateProcess=0x80070002 \
		'HcsCreateProcess failed: ERROR_FILE_NOT_FOUND \(0x80070002\): fake failure' yes --start
}
case_v1_fail_properties() {
	fails oldhost HcsGetProcessProperties=0x8037011d \
		'HcsGetProcessProperties failed: HCS_E_PROCESS_INFO_NOT_AVAILABLE \(0x8037011d\)' yes --start
	log_has '^HcsCloseProcess process=1$'
}
case_v1_fail_timeout() {
	XENV="FAKE_HCS_HANG=HcsCreateComputeSystem" fails oldhost none=0 \
		'HcsCreateComputeSystem failed: ERROR_VMCOMPUTE_TIMEOUT \(0xc0370109\)' yes --timeout 1
}

# ---- cases: --target docker: hcs-v1.json through vmcompute.dll on every build -----

# On a build from 17763 (hcsc.exe is win10) moby's local runtime still
# hands its schema-1 document to vmcompute.dll, Hyper-V included.
case_docker_create() {
	prep
	hx compile "$DATA/unicode.yaml" --host ltsc2022 --target docker --apply
	expect_rc 0
	native compile "$DATA/unicode.yaml" --host ltsc2022 --target docker --compact --emit hcs-v1 >"$T/want"
	same "$T/want" "$T/config.json" "the v1 document HCS received"
	expect_log v1-create
	handles_ok
	err_has "from hcs-v1.json \(host build [0-9]+, vmcompute.dll\)"
}

case_docker_start() {
	prep
	XENV="FAKE_HCS_EXIT_CODE=3" hx compile "$DATA/unicode.yaml" --target docker --apply --start
	expect_rc 3
	native compile "$DATA/unicode.yaml" --target docker --compact --emit process >"$T/want"
	same "$T/want" "$T/process.json" "the ProcessConfig HCS received"
	expect_log v1-start
	handles_ok
}

case_docker_hyperv() {
	prep
	hx compile "$DATA/hyperv.yaml" --target docker --apply
	expect_rc 0
	native compile "$DATA/hyperv.yaml" --target docker --compact --emit hcs-v1 >"$T/want"
	same "$T/want" "$T/config.json" "the Hyper-V schema-1 document"
	if grep -q '"HvPartition":true' "$T/config.json"; then ok; else bad "no HvPartition"; fi
}

case_docker_fail_create_sync() {
	fails "" HcsCreateComputeSystem=0xc037010d \
		'HcsCreateComputeSystem failed: ERROR_VMCOMPUTE_INVALID_JSON \(0xc037010d\): fake failure in HcsCreateComputeSystem$' no --target docker
	log_lacks 'HcsRegisterComputeSystemCallback'
}
case_docker_fail_create_async() {
	fails "" async:HcsCreateComputeSystem=0xc0370101 \
		'HcsCreateComputeSystem failed: ERROR_VMCOMPUTE_IMAGE_MISMATCH \(0xc0370101\): fake failure' yes --target docker
}
case_docker_fail_start_async() {
	fails "" async:HcsStartComputeSystem=0xc0370100 \
		'HcsStartComputeSystem failed: ERROR_VMCOMPUTE_TERMINATED_DURING_START \(0xc0370100\)' yes --target docker --start
}
case_docker_fail_process() {
	fails "" HcsCreateProcess=0x80070002 \
		'HcsCreateProcess failed: ERROR_FILE_NOT_FOUND \(0x80070002\): fake failure' yes --target docker --start
}
case_docker_fail_properties() {
	fails "" HcsGetProcessProperties=0x8037011d \
		'HcsGetProcessProperties failed: HCS_E_PROCESS_INFO_NOT_AVAILABLE \(0x8037011d\)' yes --target docker --start
}
case_docker_fail_timeout() {
	XENV="FAKE_HCS_HANG=HcsCreateComputeSystem" fails "" none=0 \
		'HcsCreateComputeSystem failed: ERROR_VMCOMPUTE_TIMEOUT \(0xc0370109\)' yes --target docker --timeout 1
}

# ---- cases: no HCS, dry run, refusals ----------------------------------------------

case_no_hcs_missing() {
	prep nodlls
	hx compile "$DATA/unicode.yaml" --apply
	expect_rc 4
	err_has '^hcsc: HCS is not available on this host \(computecore.dll: error 126\)$'
}
case_no_hcs_disabled() {
	prep
	WINEDLLOVERRIDES="computecore=" hx compile "$DATA/unicode.yaml" --apply
	expect_rc 4
	err_has '^hcsc: HCS is not available on this host \(computecore.dll: error 126\)$'
	no_log
}
case_no_hcs_v1() {
	prep oldhost
	WINEDLLOVERRIDES="vmcompute=" hx compile "$DATA/unicode.yaml" --apply
	expect_rc 4
	err_has '^hcsc: HCS is not available on this host \(vmcompute.dll: error 126\)$'
}

# --dry-run loads nothing: no DLLs beside the exe, and it still works.
case_dry_run() {
	prep nodlls
	hx compile "$DATA/unicode.yaml" --apply --start --dry-run
	expect_rc 0
	out_has '^LoadLibraryW\("computecore.dll"\)$'
	out_has '^HcsCreateProcess\(system, <process.json: [0-9]+ bytes>'
	native compile "$DATA/unicode.yaml" --compact --emit hcs-v2 >"$T/want"
	awk 'f { print; exit } /^# hcs-v2.json as submitted/ { f = 1 }' "$T/out" | head -c -1 >"$T/got"
	same "$T/want" "$T/got" "the document --dry-run shows"
	no_log
}

case_hyperv_refused() {
	prep
	hx compile "$DATA/hyperv.yaml" --apply
	expect_rc 2
	err_has 'Hyper-V isolated container on build [0-9]+ needs the utility VM document'
	no_log
}
case_hyperv_v1() {
	prep oldhost
	hx compile "$DATA/hyperv.yaml" --host ltsc2016 --apply
	expect_rc 0
	native compile "$DATA/hyperv.yaml" --host ltsc2016 --compact --emit hcs-v1 >"$T/want"
	same "$T/want" "$T/config.json" "the V1 Xenon document"
	if grep -q '"HvPartition":true' "$T/config.json"; then ok; else bad "no HvPartition"; fi
}

case_profile_mismatch() {
	prep
	hx compile "$DATA/unicode.yaml" --host ltsc2016 --apply
	expect_rc 0
	err_has '^hcsc: warning: the host profile says build 14393 but this host is build [0-9]+'
	# the real host decides: v2 through computecore even for a 14393 profile
	native compile "$DATA/unicode.yaml" --host ltsc2016 --compact --emit hcs-v2 >"$T/want"
	same "$T/want" "$T/config.json" "the document HCS received"
}
case_strict_mismatch() {
	prep
	hx compile "$DATA/unicode.yaml" --host ltsc2022 --strict --apply
	expect_rc 1
	err_has '^hcsc: the host profile says build 20348 but this host is build [0-9]+'
	no_log
}

# ---- cases: NameToGuid (rule: hcsc.apply.name-to-guid) ------------------------------------------------

nametoguid() { # KIND DOC HOST
	prep $1
	hx compile "$DATA/layers-missing.yaml" --host "$3" --apply -o "$T/compiled"
	expect_rc 0
	native compile "$DATA/layers-given.yaml" --host "$3" --compact --emit "$2" >"$T/want"
	same "$T/want" "$T/config.json" "the document with NameToGuid's IDs"
	native compile "$DATA/layers-missing.yaml" --host "$3" -o "$T/lin" >/dev/null
	same "$T/lin/$2.json" "$T/compiled/$2.json" "the compiled document (placeholders kept)"
	log_has '^NameToGuid name=4e3c0eecb91d8fc28eda07ff06c6910a592b0ce4539476fb943b48e6934e9976 -> cd22d128-903e-550a-9d8f-aa8134ca1c9b$'
	log_has '^NameToGuid name=e2a46135ff011a2ef9f193590ccddde95806850a0cdd7638b913e003c28e7fd0 -> 8f9dd02a-0f67-598e-921b-59884f08b5af$'
	err_has 'NameToGuid\("4e3c0eecb91d8fc28eda07ff06c6910a592b0ce4539476fb943b48e6934e9976"\) = cd22d128-903e-550a-9d8f-aa8134ca1c9b; the submitted document differs from the compiled one in this layer ID'
	err_has "warning: no layer ID given"
}
case_nametoguid_v2() { nametoguid "" hcs-v2 ltsc2022; }
case_nametoguid_v1() { nametoguid oldhost hcs-v1 ltsc2016; }
case_nametoguid_fail() {
	prep
	XENV="FAKE_HCS_FAIL=NameToGuid=0x80070005" hx compile "$DATA/layers-missing.yaml" --apply
	expect_rc 4
	err_has 'NameToGuid\("4e3c[0-9a-f]*"\) failed: E_ACCESSDENIED \(0x80070005\)$'
	log_lacks 'HcsCreate'
}

# A description on standard input is read once: the submitted documents
# come from the compile's kept HCS input, not from reading it again.
case_stdin_description() {
	prep
	STDIN=$DATA/layers-missing.yaml hx compile - --apply
	expect_rc 0
	native compile - --compact --emit hcs-v2 <"$DATA/layers-given.yaml" >"$T/want"
	same "$T/want" "$T/config.json" "the document from standard input"
}

# ---- cases: the init process's stdio ---------------------------------------------------

case_relay_binary() {
	prep
	printf 'a\r\nb\n\000\377\376 end' >"$T/bytes"
	XENV="FAKE_HCS_STDOUT_FILE=$T/bytes" hx compile "$DATA/unicode.yaml" --apply --start
	expect_rc 0
	same "$T/bytes" "$T/out" "the relayed binary stdout"
}
case_relay_stdin() {
	prep
	printf 'ping\r\n\001\377' >"$T/in"
	STDIN=$T/in hx compile "$DATA/stdin.yaml" --apply --start
	expect_rc 0
	{ printf 'fake init process: stdout\n'; cat "$T/in"; } >"$T/want"
	same "$T/want" "$T/out" "stdin relayed to the process and echoed back"
	if grep -q '"CreateStdInPipe":true' "$T/process.json"; then ok; else bad "no stdin pipe asked for"; fi
}

# Ctrl-C while the init process runs terminates the system (rule: hcsc.apply.lifecycle).
# Wine turns SIGINT into a console CTRL_C_EVENT only for a process with a
# console; when it does not, the case says so and checks nothing else.
case_ctrl_c() {
	prep
	printf 'x' >"$T/in"
	mkfifo "$T/fifo"
	(cd "$T" && exec env FAKE_HCS_LOG="$T/log" WINEDLLOVERRIDES="computecore,vmcompute=n${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}" \
		timeout 60 $EMU "$EXE" compile "$DATA/stdin.yaml" --apply --start <"$T/fifo" >"$T/out" 2>"$T/err") &
	local pid=$! i
	exec 9>"$T/fifo" # keep stdin open: the fake process waits for its end
	for i in $(seq 1 100); do
		grep -q 'started the init process' "$T/err" 2>/dev/null && break
		sleep 0.1
	done
	kill -INT "$pid" 2>/dev/null # timeout passes SIGINT on to Wine
	for i in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	exec 9>&-
	wait "$pid"
	RC=$?
	if grep -q 'interrupted: terminating compute system' "$T/err"; then
		expect_rc 4
		left_nothing
	else
		echo "apply_tests: Wine delivered no CTRL_C_EVENT (rc $RC); Ctrl-C is checked on Windows only" >&2
		ok
	fi
}

# ---- case: the Windows path oracle (rule: hcsc.tests.go-oracle) -------------------------------------

case_winpath_oracle() {
	T=$(mktemp -d)
	local go=${GO:-/usr/lib/go-1.23/bin/go} src=$SRC/translator/src
	if [ ! -x "$go" ]; then
		bad "$go not found (scripts/install-go.sh)"
		return
	fi
	# Go needs a build cache; CI's environment may have no HOME.
	(cd "$SRC/tools/goref" && GOCACHE="${GOCACHE:-$T/gocache}" \
		GOPATH="${GOPATH:-$T/gopath}" GOTOOLCHAIN=local GOPROXY=off \
		GOFLAGS=-mod=mod CGO_ENABLED=0 GOOS=windows GOARCH=amd64 \
		"$go" build -o "$T/winpath.exe" ./winpath) ||
		{ bad "go build winpath.exe"; return; }
	cc -std=c11 -O1 -I"$src" -I"$src/common" -I"$SRC/translator/include" \
		"$SRC/tools/goref/winpath_driver.c" "$src/common/winpath.c" \
		"$src/common/arena.c" "$src/common/strbuf.c" "$src/common/ascii.c" \
		-o "$T/winpath-driver" 2>"$T/cc.err" || { cat "$T/cc.err" >&2; bad "cc winpath-driver"; return; }
	local n seed
	for seed in 1 2 3; do
		n=4000
		WINEDLLOVERRIDES="bcryptprimitives=n${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}" \
			timeout 100 $EMU "$T/winpath.exe" gen "$n" "$seed" >"$T/in" 2>"$T/err" ||
			{ bad "winpath.exe gen under Wine"; return; }
		WINEDLLOVERRIDES="bcryptprimitives=n${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}" \
			timeout 100 $EMU "$T/winpath.exe" <"$T/in" >"$T/go.out" 2>"$T/err" ||
			{ bad "winpath.exe under Wine"; return; }
		"$T/winpath-driver" <"$T/in" >"$T/c.out"
		if [ "$(wc -l <"$T/go.out")" -eq "$n" ]; then ok; else bad "winpath.exe answered $(wc -l <"$T/go.out") of $n"; fi
		if cmp -s "$T/go.out" "$T/c.out"; then
			ok
		else
			bad "winpath_* differ from Go's path/filepath on Windows (seed $seed):"
			diff "$T/go.out" "$T/c.out" | head -n 6 >&2
		fi
	done
	# negative control: a changed answer is noticed
	sed '1s/true/false/; 1s/false/true/' "$T/c.out" >"$T/bad"
	if cmp -s "$T/go.out" "$T/bad"; then bad "negative control: a changed answer unnoticed"; else ok; fi
}

# ---- setup ----------------------------------------------------------------------------

do_setup() {
	local k
	for k in 'hcsc.exe win10' 'hcsc-oldhost.exe win81'; do
		set -- $k
		timeout 100 $EMU reg add "HKCU\\Software\\Wine\\AppDefaults\\$1" /v Version /d "$2" /f \
			>/dev/null 2>&1 || { bad "reg add $1"; return; }
		ok
	done
	local sys32
	sys32=$(timeout 100 $EMU winepath -u 'C:\windows\system32' 2>/dev/null | tr -d '\r')
	if [ -n "$sys32" ] && [ -d "$sys32" ] && cp "$HCSC_BCRYPT" "$sys32/bcryptprimitives.dll"; then
		ok
	else
		bad "cannot copy bcryptprimitives.dll into the prefix's system32 ('$sys32')"
	fi
}

case "${1:-}" in
--list) printf '%s\n' "${CASES[@]}" ;;
setup)
	do_setup
	finish
	;;
*)
	if ! declare -F "case_$1" >/dev/null; then
		echo "apply_tests: unknown case '$1'" >&2
		exit 2
	fi
	"case_$1"
	finish
	;;
esac
