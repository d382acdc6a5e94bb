#!/bin/bash
# install-go.sh: install Debian's Go 1.23 (golang-1.23-go from bookworm-backports)
# for the Go oracle tools/goref (rule: hcsc.tests.go-oracle). Adds the backports
# suite to apt's sources in deb822 form, using the URIs, components and key
# of the Debian archive stanza already configured in debian.sources.
# Idempotent; needs root. Prints the path of the go binary on success.
set -eu

GO=/usr/lib/go-1.23/bin/go
SRC=/etc/apt/sources.list.d/debian.sources
DST=/etc/apt/sources.list.d/hcsc-bookworm-backports.sources

if [ -x "$GO" ]; then
	echo "$GO"
	exit 0
fi
if [ "$(id -u)" != 0 ]; then
	echo "install-go.sh: must run as root" >&2
	exit 1
fi

if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	[ -r "$SRC" ] || { echo "install-go.sh: $SRC not found" >&2; exit 1; }
	# The stanza whose Suites list holds plain `bookworm` (not -security).
	awk -v RS= '
		/(^|\n)Suites:[^\n]*[ \t]bookworm([ \t]|\n|$)/ && !done {
			n = split($0, line, "\n")
			for (i = 1; i <= n; i++) {
				if (line[i] ~ /^(URIs|Components|Signed-By):/)
					keep = keep line[i] "\n"
			}
			done = 1
		}
		END {
			if (!done) exit 1
			printf "Types: deb\n%sSuites: bookworm-backports\n", keep
		}' "$SRC" > "$DST.tmp" || {
		rm -f "$DST.tmp"
		echo "install-go.sh: no bookworm stanza in $SRC" >&2
		exit 1
	}
	mv "$DST.tmp" "$DST"
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q -t bookworm-backports golang-1.23-go >/dev/null
"$GO" version >&2
echo "$GO"
