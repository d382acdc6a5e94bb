#!/usr/bin/python3
"""explain_coverage.py HCSC CORPUS RULES_MD [GENCORPUS]

`hcsc explain` (rule: hcsc.explain) over every corpus case that compiles:
every value of every document it prints has a provenance record (a rule
that is in the catalogue, with its upstream source), values read from an
earlier document name one, and the values explain lists are exactly the
documents `hcsc compile` writes (the same leaves, the same bytes).

Cases are what `hcsc check` runs: `*.yaml`, `*.yml`, `*.json` and
`*.oci.json` (with its `*.runtime.yaml`), no name starting with `_` or `.`
on the path, not `host.*`; a case's `# host:` and `# hcsc:` header lines
and its folder's `host.yaml` apply as in check. With GENCORPUS
(tools/bench/gencorpus.py), 250 generated descriptions are checked too,
each under one of the targets in turn, to reach shapes the corpus lacks.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def header(path):
    host = opts = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s and not s.startswith("#"):
                break
            m = re.match(r"#\s*host:\s*(\S+)", s)
            if m:
                host = m.group(1)
            m = re.match(r"#\s*hcsc:\s*(.*)", s)
            if m:
                opts = m.group(1).split()
    return host, opts or []


def cases(corpus):
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
        for name in sorted(files):
            if name.startswith(("_", ".", "host.")):
                continue
            if name.endswith(".runtime.yaml"):
                continue
            if name.endswith((".yaml", ".yml", ".json")):
                yield os.path.join(root, name)


def command(hcsc, path):
    folder = os.path.dirname(path)
    if path.endswith(".oci.json"):
        cmd = [hcsc, "explain", "--from-oci", path]
        rt = path[:-len(".oci.json")] + ".runtime.yaml"
        if os.path.exists(rt):
            cmd += ["--runtime", rt]
        host, opts = None, []
    else:
        cmd = [hcsc, "explain", path]
        host, opts = header(path)
    if host and (host.endswith((".yaml", ".yml", ".json")) or "/" in host):
        host = os.path.join(folder, host)
    elif not host and os.path.exists(os.path.join(folder, "host.yaml")):
        host = os.path.join(folder, "host.yaml")
    if host:
        cmd += ["--host", host]
    return cmd + opts + ["--format", "json", "-q"]


def leaves_of(doc, ptr=""):
    """The leaves of a JSON document as (pointer, compact JSON text)."""
    if isinstance(doc, dict) and doc:
        for k, v in doc.items():
            k = k.replace("~", "~0").replace("/", "~1")
            yield from leaves_of(v, ptr + "/" + k)
    elif isinstance(doc, list) and doc:
        for i, v in enumerate(doc):
            yield from leaves_of(v, "%s/%d" % (ptr, i))
    else:
        yield ptr, doc


def compiled(hcsc, cmd):
    """The documents `hcsc compile` writes for the same case."""
    args = ["compile"] + [a for a in cmd[2:] if a not in ("--format", "json")]
    with tempfile.TemporaryDirectory() as out:
        r = subprocess.run([hcsc] + args + ["-o", out], capture_output=True)
        if r.returncode != 0:
            return None
        docs = {}
        for name in sorted(os.listdir(out)):
            with open(os.path.join(out, name), encoding="utf-8") as f:
                docs[name] = json.load(f)
        return docs


TARGETS = ["hcsshim-0.8.6", "docker", "docker-containerd", "docker-19.03",
           "docker-1.12"]


def generated(gencorpus, tmp, n=250):
    subprocess.run([sys.executable, gencorpus, tmp, str(n)], check=True,
                   capture_output=True)
    for i, path in enumerate(cases(tmp)):
        yield path, ["--target", TARGETS[i % len(TARGETS)]]


def check_case(hcsc, path, rules, extra=()):
    cmd = command(hcsc, path) + list(extra)
    docs = compiled(hcsc, cmd)
    if docs is None:
        return None  # the case does not compile
    r = subprocess.run(cmd, capture_output=True)
    if r.returncode != 0:
        return ["explain failed (exit %d) where compile succeeds: %s"
                % (r.returncode, r.stderr.decode(errors="replace")[-300:])]
    problems = []
    got = {}
    for leaf in json.loads(r.stdout):
        where = "%s#%s" % (leaf["document"], leaf["pointer"])
        got[where] = json.loads(leaf["value"])
        if not leaf["rule"] or leaf["rule"] not in rules:
            problems.append("%s: no rule from the catalogue (%r)" % (where, leaf["rule"]))
        elif not leaf.get("upstream"):
            problems.append("%s: rule %s has no upstream" % (where, leaf["rule"]))
        if not leaf["zero"] and not leaf["sources"]:
            problems.append("%s: no source" % where)
    want = {}
    for name, doc in docs.items():
        for ptr, v in leaves_of(doc):
            want["%s#%s" % (name, ptr)] = v
    if want != got:
        extra = sorted(set(got) - set(want))[:3]
        missing = sorted(set(want) - set(got))[:3]
        problems.append("leaves differ from the compiled documents: extra %s, "
                        "missing %s" % (extra, missing))
    return problems


def main():
    hcsc, corpus, rules_md = sys.argv[1:4]
    gencorpus = sys.argv[4] if len(sys.argv) > 4 else None
    with open(rules_md, encoding="utf-8") as f:
        rules = set(re.findall(r"^### `([^`]+)`", f.read(), re.M))
    checked = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        todo = [(path, []) for path in cases(corpus)]
        if gencorpus:
            todo += list(generated(gencorpus, tmp))
        for path, extra in todo:
            problems = check_case(hcsc, path, rules, extra)
            if problems is None:
                continue
            checked += 1
            if problems:
                failed += 1
                print("%s %s:" % (path, " ".join(extra)))
                for p in problems[:5]:
                    print("  " + p)
    print("explain coverage: %d cases, %d with problems" % (checked, failed))
    if checked < 100:
        print("too few cases compiled: is the corpus there?")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
