#!/usr/bin/env bash
# demo.sh: the quick start's first command. Installs the build dependencies,
# builds hcsc, and compiles an example description on the embedded default
# host profile (ltsc2022), printing the OCI runtime spec.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release -j"$(nproc)" >/dev/null
exec build-release/translator/hcsc compile corpus/examples/web.yaml "$@"
