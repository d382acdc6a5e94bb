#!/usr/bin/python3
"""rules_check.py ROOT: the rule catalogue (docs/rules.md) against the tree.

Fails when:
- a `rule: ID` / `rules: ID, ID` citation (code, scripts, tests, corpus)
  names an ID that is not in the catalogue, or an ID is catalogued twice;
- a catalogue rule is cited by no code (translator/, tools/, scripts/);
- a catalogue rule lists no case, or lists a case that does not exist
  (a corpus case path, or `ctest:NAME` for a registered CTest test);
- a corpus case cites a rule whose entry does not list that case;
- a corpus case header's `Expect:` line is not the checkable form, or
  disagrees with the case's golden files (see docs/rules.md).
Negative controls run first: each check must fail on a broken input.
"""
import glob
import json
import os
import re
import sys

ID = r"[a-z0-9-]+(?:\.[a-z0-9-]+)+"
CITE = re.compile(r"\b[Rr]ules?(?: \(docs/rules\.md\))?: (" + ID +
                  r"(?:,\s*(?:(?:\*|#|//)\s*)?" + ID + r")*)")
CODE_DIRS = ("translator", "tools", "scripts")
SKIP = ("translator/tests/schemas",)


def cited_ids(text):
    out = []
    for m in CITE.finditer(text):
        out += re.findall(ID, m.group(1))
    return out


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def parse_catalogue(text):
    rules, errors, cur = {}, [], None
    for line in text.split("\n"):
        m = re.match(r"^### `(" + ID + r")`\s*$", line)
        if m:
            cur = m.group(1)
            if cur in rules:
                errors.append("docs/rules.md: %s is catalogued twice" % cur)
            rules[cur] = None
            continue
        m = re.match(r"^- Cases: (.*)$", line)
        if m and cur:
            rules[cur] = [c.strip() for c in m.group(1).split(",") if c.strip()]
    return rules, errors


def corpus_cases(root):
    """case path -> the files holding its header (the case, or the sidecar)."""
    cases = {}
    base = os.path.join(root, "corpus")
    for d, _, files in os.walk(base):
        for f in files:
            p = os.path.join(d, f)
            rel = os.path.relpath(p, base).replace(os.sep, "/")
            if f.startswith(("_", ".", "host.")) or f.endswith((".runtime.yaml", ".md")):
                continue
            if f.endswith(".oci.json"):
                side = p[:-len(".oci.json")] + ".runtime.yaml"
                cases[rel[:-len(".oci.json")]] = [side] if os.path.exists(side) else []
            elif f.endswith((".yaml", ".yml", ".json")):
                cases[rel.rsplit(".", 1)[0]] = [p]
    return cases


def ctest_names(root):
    names = set()
    for cm in glob.glob(os.path.join(root, "translator", "**", "CMakeLists.txt"), recursive=True):
        names |= set(re.findall(r"add_test\(NAME ([\w.]+)", read(cm)))
    for t in glob.glob(os.path.join(root, "translator", "tests", "test_*.c")):
        names.add("unit." + os.path.basename(t)[:-2])
    return names


def code_citations(root):
    cites = {}
    for top in CODE_DIRS:
        for d, dirs, files in os.walk(os.path.join(root, top)):
            rel = os.path.relpath(d, root).replace(os.sep, "/")
            if rel.startswith(SKIP):
                dirs[:] = []
                continue
            for f in files:
                p = os.path.join(d, f)
                for i in cited_ids(read(p)):
                    cites.setdefault(i, set()).add(os.path.relpath(p, root))
    return cites


def golden_outcome(root, case):
    g = os.path.join(root, "golden", case)
    if os.path.exists(os.path.join(g, "diagnostics.txt")):
        return "fails", read(os.path.join(g, "diagnostics.txt"))
    if os.path.exists(os.path.join(g, "warnings.txt")):
        return "warns", read(os.path.join(g, "warnings.txt"))
    if os.path.isdir(g):
        return "compiles", ""
    return None, None


def header_expects(path):
    """(line number, outcome, texts) of the Expect lines of a case header."""
    text = read(path)
    out = []
    if path.endswith(".json"):
        for n, line in enumerate(text.split("\n"), 1):
            m = re.match(r'^\s*"(.*Expect.*)",?\s*$', line)
            if m:
                s = json.loads('"' + m.group(1) + '"')
                out.append((n, s, []))
        return out
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if "Expect" in line:
            more, k = [], n
            while k < len(lines) and lines[k].startswith("#   `"):
                more.append(lines[k][4:])
                k += 1
            out.append((n, line[1:].strip(), more))
    return out


EXPECT = re.compile(r"^Expect: (compiles|warns|fails)((?: `[^`]+`)*)$")


def check_expect(root, case, path, n, text, more):
    m = EXPECT.match(text)
    texts = []
    if m:
        texts = re.findall(r"`([^`]+)`", m.group(2))
        for extra in more:
            t = re.fullmatch(r"`([^`]+)`", extra.strip())
            if not t:
                return "%s:%d: not a checkable Expect continuation: %s" % (path, n, extra)
            texts.append(t.group(1))
    else:
        return "%s:%d: not a checkable Expect line: %s" % (path, n, text)
    outcome, body = golden_outcome(root, case)
    if outcome != m.group(1):
        return "%s:%d: Expect says %s, golden/%s says %s" % (path, n, m.group(1), case, outcome)
    if texts and outcome == "compiles":
        return "%s:%d: a case that compiles cleanly has no texts to expect" % (path, n)
    for t in texts:
        pieces = [p.strip() for p in t.split("...") if p.strip()]
        if not pieces or not all(p in body for p in pieces):
            return "%s:%d: `%s` is not in golden/%s" % (path, n, t, case)
    return None


def check(root, catalogue, cites, cases, ctests, case_texts, expects):
    """Every check; returns the list of failures (empty: all pass)."""
    rules, fails = parse_catalogue(catalogue)
    for i, where in sorted(cites.items()):
        if i not in rules:
            fails.append("%s cites %s, which is not in docs/rules.md" % (sorted(where)[0], i))
    for case, ids in sorted(case_texts.items()):
        for i in ids:
            if i not in rules:
                fails.append("corpus case %s cites %s, which is not in docs/rules.md" % (case, i))
            elif case not in (rules[i] or []):
                fails.append("corpus case %s cites %s, whose Cases do not list it" % (case, i))
    for i, listed in sorted(rules.items()):
        if i not in cites:
            fails.append("docs/rules.md: %s is cited by no code" % i)
        if not listed:
            fails.append("docs/rules.md: %s lists no case" % i)
        for c in listed or []:
            if c.startswith("ctest:"):
                if c[6:] not in ctests:
                    fails.append("docs/rules.md: %s: no CTest test %s" % (i, c[6:]))
            elif c not in cases:
                fails.append("docs/rules.md: %s: no corpus case %s" % (i, c))
    for case, path, n, text, more in expects:
        err = check_expect(root, case, path, n, text, more)
        if err:
            fails.append(err)
    return fails


def negative_controls(root, args):
    catalogue, cites, cases, ctests, case_texts, expects = args
    some = next(iter(sorted(cites)))
    broken = {
        "unknown citation": (catalogue, dict(cites, **{"no.such-rule": {"x.c"}}), case_texts, expects),
        "uncited rule": (catalogue, {k: v for k, v in cites.items() if k != some}, case_texts, expects),
        "rule without cases": (re.sub(r"(?m)^- Cases: .*$", "- Cases: ", catalogue, count=1), cites, case_texts, expects),
        "missing case": (re.sub(r"(?m)^- Cases: ", "- Cases: oci/no-such-case, ", catalogue, count=1), cites, case_texts, expects),
        "unlisted citing case": (catalogue, cites, dict(case_texts, **{"oci/no-such-case": [some]}), expects),
    }
    if expects:
        case, path, n, text, more = expects[0]
        flipped = text.replace("Expect: compiles", "Expect: fails") if "compiles" in text else \
            re.sub(r"^Expect: (warns|fails)", "Expect: compiles", text)
        broken["Expect disagreeing with golden"] = (catalogue, cites, case_texts, [(case, path, n, flipped, more)])
        broken["unverifiable Expect"] = (catalogue, cites, case_texts, [(case, path, n, "Expect: compiles; cpu {count 1}", [])])
    ok = True
    for name, (cat, ci, ct, ex) in broken.items():
        if not check(root, cat, ci, cases, ctests, ct, ex):
            print("negative control failed: %s was not detected" % name)
            ok = False
    return ok


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    catalogue = read(os.path.join(root, "docs", "rules.md"))
    cites = code_citations(root)
    cases = corpus_cases(root)
    ctests = ctest_names(root)
    case_texts, expects = {}, []
    for case, paths in sorted(cases.items()):
        for p in paths:
            ids = cited_ids(read(p))
            if ids:
                case_texts.setdefault(case, []).extend(ids)
            for n, text, more in header_expects(p):
                expects.append((case, os.path.relpath(p, root), n, text, more))
    # citations in corpus files that are not case headers (READMEs, host files)
    for d, _, files in os.walk(os.path.join(root, "corpus")):
        for f in files:
            p = os.path.join(d, f)
            if f.startswith(("_", "host.")):
                for i in cited_ids(read(p)):
                    if i not in cites:
                        cites.setdefault("corpus:" + i, set()).add(os.path.relpath(p, root))
    # a cited-only-in-corpus ID still has to exist: fold those in for the unknown check
    corpus_only = {k[7:]: v for k, v in cites.items() if k.startswith("corpus:")}
    cites = {k: v for k, v in cites.items() if not k.startswith("corpus:")}
    args = (catalogue, cites, cases, ctests, case_texts, expects)
    if not negative_controls(root, args):
        return 1
    fails = check(root, catalogue, cites, cases, ctests, case_texts, expects)
    rules, _ = parse_catalogue(catalogue)
    for i, where in sorted(corpus_only.items()):
        if i not in rules:
            fails.append("%s cites %s, which is not in docs/rules.md" % (sorted(where)[0], i))
    for f in fails:
        print(f)
    print("%d rules, %d cited IDs, %d Expect lines checked; %d failed"
          % (len(rules), len(cites), len(expects), len(fails)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
