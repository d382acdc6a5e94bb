#!/usr/bin/python3
"""upstream_texts.py GOLDEN_DIR TEXTS...

rule: hcsc.tests.upstream-texts: every upstream error and warning text the baseline
can produce (listed in TEXTS, one per line; Go verbs such as %s %d %q %v are
wildcards; `#` lines are comments) must be exercised by some golden
diagnostics.txt or warnings.txt. Fails naming each text no golden file
shows. A made-up text serves as the negative control.
"""
import os
import re
import sys


def pattern(text):
    parts = re.split(r"(%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[sdqvwxXtT])", text)
    out = []
    for p in parts:
        out.append(".*?" if re.fullmatch(r"%.*", p or "x") and p else re.escape(p))
    return re.compile("".join(out))


def main():
    golden, texts_paths = sys.argv[1], sys.argv[2:]
    corpus = []
    for root, _, files in os.walk(golden):
        for name in files:
            if name in ("diagnostics.txt", "warnings.txt"):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    corpus.append(f.read())
    blob = "\n".join(corpus)
    passed = failed = 0
    for texts_path in texts_paths:
        with open(texts_path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                text = line.rstrip("\n")
                if not text.strip() or text.lstrip().startswith("#"):
                    continue
                if pattern(text).search(blob):
                    passed += 1
                else:
                    failed += 1
                    print("FAIL %s:%d: no golden file shows: %s"
                          % (os.path.basename(texts_path), n, text))
    if pattern("no such upstream text %s exists in moby").search(blob):
        failed += 1
        print("FAIL negative control matched")
    else:
        passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
