#!/usr/bin/env bash
# checksrc.sh [ROOT]: the project's source rules, for CI.
#  - banned calls: sprintf, vsprintf, strcpy, strcat, strtok, atoi, atol,
#    gets, and strtol/strtoul/strtoll/strtoull (the library parses numbers
#    itself, with range checks)
#  - <ctype.h> is not used (its answers depend on the locale: rule: hcsc.ascii-folding)
#  - every translator source starts with a comment saying what it owns
#  - no tabs-vs-spaces mix at line starts, no trailing whitespace
#  - shell scripts that set pipefail pipe nothing into head: head leaving
#    early kills the writer with SIGPIPE and pipefail ends the script
#    (exit 141), a race that depends on the output's size
#  - the tree is self-contained: no tracked file refers to the briefing
#    folder beside the repository (its docs, seeds or schemas); the tree's
#    own copies are docs/ and translator/tests/schemas/
# Prints one line per violation and a closing `N passed, M failed`.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
fail=0 pass=0
files=$(git ls-files 'translator/src/*.c' 'translator/src/*.h' 'translator/include/*.h' 2>/dev/null)
[ -n "$files" ] || files=$(find translator/src translator/include -name '*.[ch]' | sort)

banned='\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets|strtol|strtoul|strtoll|strtoull)[[:space:]]*\('
while IFS= read -r f; do
	bad=0
	if grep -nE "$banned" "$f" | grep -vE '^\s*[0-9]+:\s*(\*|/\*|//)' >/tmp/checksrc.$$; then
		sed "s|^|$f:|; s|$| (banned call)|" /tmp/checksrc.$$; bad=1
	fi
	if grep -n '#include <ctype.h>' "$f" >/tmp/checksrc.$$; then
		sed "s|^|$f:|; s|$| (ctype.h is locale-dependent; use ascii.h)|" /tmp/checksrc.$$; bad=1
	fi
	if ! head -1 "$f" | grep -q '^/\*'; then
		echo "$f:1: the file must start with a comment saying what it owns"; bad=1
	fi
	if grep -nE '[[:space:]]+$' "$f" >/tmp/checksrc.$$; then
		sed "s|^|$f:|; s|:[^:]*$|: trailing whitespace|" /tmp/checksrc.$$ | head -3; bad=1
	fi
	if grep -nP '^\t* +\t' "$f" >/tmp/checksrc.$$; then
		sed "s|^|$f:|; s|:[^:]*$|: space before tab in indentation|" /tmp/checksrc.$$ | head -3; bad=1
	fi
	if [ $bad = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done <<<"$files"
rm -f /tmp/checksrc.$$

# No `| head` under pipefail (comments aside).
early_exit='\|[[:space:]]*head\b'
scripts=$(git ls-files '*.sh' 2>/dev/null)
[ -n "$scripts" ] || scripts=$(find scripts translator tools -name '*.sh' | sort)
while IFS= read -r f; do
	grep -qE '^[[:space:]]*set .*pipefail' "$f" || continue
	if grep -nE "$early_exit" "$f" | grep -vE '^[0-9]+:[[:space:]]*#' >/tmp/checksrc.$$; then
		sed "s|^|$f:|; s|$| (a pipe into head under pipefail: SIGPIPE, exit 141)|" /tmp/checksrc.$$
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done <<<"$scripts"
if echo 'x=$(ls -t a b | head -1)' | grep -qE "$early_exit"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "negative control (pipe into head) failed"; fi

# Self-contained tree: no tracked file names the folder beside the
# repository. The pattern is assembled so that this file does not match it.
outside='\.\./'"shared"'|'"shared"'/(docs|seeds|schemas)'
tracked=$(git ls-files 2>/dev/null)
[ -n "$tracked" ] || tracked=$(find . -path ./.git -prune -o -path './build*' -prune -o -type f -print | sed 's|^\./||' | sort)
if grep -nE "$outside" $tracked >/tmp/checksrc.$$ 2>/dev/null; then
	sed 's|$| (refers to a folder outside the repository)|' /tmp/checksrc.$$
	fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
rm -f /tmp/checksrc.$$
if echo 'see ../'"shared"'/docs/DESIGN.md' | grep -qE "$outside"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "negative control (outside reference) failed"; fi

# Negative control: the ban pattern must catch a banned call.
if echo '	n = atoi(s);' | grep -qE "$banned"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "negative control failed"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
