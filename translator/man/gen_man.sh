#!/usr/bin/env bash
# gen_man.sh HCSC OUT: write the man page hcsc(1) from `HCSC --help`, so
# every command and option of the option table (cli/options.c) is in it
# with the text --help gives. Run at build time (install.cmake).
set -euo pipefail
hcsc=$1 out=$2
help=$("$hcsc" --help)
version=$("$hcsc" --version | awk 'NR == 1 {print $2}')
# roff: a backslash is \e, a minus sign \-, a line may not start with . or '
esc() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
{
	printf '.TH HCSC 1 "" "hcsc %s" "User Commands"\n' "$version"
	printf '.SH NAME\nhcsc \\- compile Windows container descriptions into OCI and HCS documents\n'
	printf '.SH SYNOPSIS\n'
	printf '%s\n' "$help" | awk '/^  hcsc / {sub(/^  /, ""); print}' | esc | sed 's/^/.B /; s/$/\n.br/'
	printf '.SH DESCRIPTION\n'
	printf '%s\n' "$help" | awk 'NR <= 2' | esc
	printf '.PP\nThe description format and host profiles are described in\n.BR hcsc\\-description (5).\n'
	printf '.SH COMMANDS AND OPTIONS\n'
	# "  hcsc CMD ..." a command; "      text" its help; "    -x, --opt ARG  help"
	printf '%s\n' "$help" | awk '
		function esc(s) {
			gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s)
			if (s ~ /^[.'"'"']/) s = "\\&" s
			return s
		}
		/^usage:/ { on = 1; next }
		!on { next }
		/^$/ { exit }
		/^  hcsc / { sub(/^  /, ""); print ".SS \"" esc($0) "\""; next }
		/^      / { sub(/^ +/, ""); print ".PP"; print esc($0); next }
		/^    -/ {
			line = substr($0, 5)
			i = index(line, "  ")
			if (i == 0) { print ".TP"; print ".B " esc(line); next }
			head = substr(line, 1, i - 1); text = substr(line, i)
			sub(/^ +/, "", text)
			print ".TP"; print ".B " esc(head); print esc(text); next
		}
		/^ +/ { sub(/^ +/, ""); print esc($0) }'
	printf '.SH EXIT STATUS\n'
	printf '%s\n' "$help" | awk '/^exit codes:/ {on = 1} on' | esc
	printf '.SH ENVIRONMENT\n.TP\n.B NO_COLOR\nWhen set and not empty, no colour is used.\n'
	printf '.SH SEE ALSO\n.BR hcsc\\-description (5),\n.BR pkg\\-config (1)\n'
} >"$out.tmp"
mv "$out.tmp" "$out"
