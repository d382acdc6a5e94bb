#!/usr/bin/env bash
# test.sh: the project's test command (README, .ci/run). Installs what the
# tests need, builds with warnings as errors and ASan+UBSan with gcc and
# again with clang (each catches undefined behaviour the other misses), and
# runs every test through CTest in both builds, a short fuzz smoke of every
# libFuzzer harness, then the Windows suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each stage is announced, and a failing command is named with its exit
# status, so a CI log cut to its tail still says where the run stopped.
trap 'echo "test.sh: exit $? from: $BASH_COMMAND" >&2' ERR
stage() { echo "== test.sh: $*"; }
stage "bootstrap (apt-get what is missing)"
scripts/bootstrap.sh --test
stage "gcc: ASan+UBSan build and CTest"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHCSC_WERROR=ON -DHCSC_SANITIZE=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure --timeout 600 -j"$(nproc)"
stage "clang: ASan+UBSan build and CTest"
CC=clang cmake -S . -B build-clang -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHCSC_WERROR=ON -DHCSC_SANITIZE=ON >/dev/null
cmake --build build-clang -j"$(nproc)"
ctest --test-dir build-clang --output-on-failure --timeout 600 -j"$(nproc)"
# A fuzz smoke: each libFuzzer harness of tools/fuzz (compile, from_oci,
# check) for 30 s, seeded from corpus/ (corpus/fuzz/ included) and the
# golden files; any crash, leak or timeout fails the run. Long runs:
# scripts/fuzz.sh -t SECONDS.
stage "fuzz smoke"
scripts/fuzz.sh -t 30 -B build-fuzz
# The Windows suite: the cross-built hcsc.exe under Wine against the fake
# HCS DLLs, compared with the Linux build above (scripts/windows-test.sh).
stage "Windows suite (mingw-w64 + Wine)"
HCSC_NATIVE_BUILD=build scripts/windows-test.sh --no-bootstrap
