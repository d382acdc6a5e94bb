#!/usr/bin/python3
"""from_oci_roundtrip.py HCSC CORPUS_DIR GOLDEN_DIR

Issue 3's round trip: for every compiling golden case, feeding its
config.json back through `hcsc compile --from-oci` (with --id, --owner and a
--runtime sidecar holding the case's runtime facts) must give byte-identical
hcs-v1.json, hcs-v2.json and process.json. The sidecar's facts (layer IDs,
network namespace, OpenStdin, utility VM path) are read back from the golden
HCS documents, so the test needs no YAML parser; the host profile is the
case's own (its `# host:` comment, else a sibling host.yaml/host.json). A
negative control checks that a changed fact is noticed. The cases of the
other targets (golden/targets) are left out: their documents do not carry
every runtime fact back (a hosted container has no host layer paths).
"""
import json
import os
import subprocess
import sys
import tempfile

DOCS = ("hcs-v1.json", "hcs-v2.json", "process.json")


def sidecar(case_dir):
    with open(os.path.join(case_dir, "hcs-v1.json")) as f:
        v1 = json.load(f)
    with open(os.path.join(case_dir, "hcs-v2.json")) as f:
        v2 = json.load(f)
    with open(os.path.join(case_dir, "process.json")) as f:
        proc = json.load(f)
    rt = {"LayerFolders": [{"Path": l["Path"], "Id": l["ID"]} for l in (v1.get("Layers") or [])]}
    container = v2.get("Container") or (v2.get("HostedSystem") or {}).get("Container") or {}
    if "Networking" in container:
        rt["NetworkNamespace"] = container["Networking"].get("Namespace", "")
    if proc.get("CreateStdInPipe"):
        rt["OpenStdin"] = True
    image = (v1.get("HvRuntime") or {}).get("ImagePath")
    if image:
        rt["UtilityVMPath"] = image
    return v1["Name"], v1.get("Owner", ""), rt


def case_host(corpus, rel):
    """The --host of a corpus case (rule: hcsc.check.header), or None."""
    for ext in (".yaml", ".yml", ".json"):
        path = os.path.join(corpus, rel + ext)
        if os.path.exists(path):
            break
    else:
        return None
    folder = os.path.dirname(path)
    if ext != ".json":
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    break
                if line.startswith("# host:"):
                    value = line.split(":", 1)[1].strip()
                    if "/" in value or "\\" in value or value.endswith((".yaml", ".yml", ".json")):
                        return os.path.join(folder, value)
                    return value
    for name in ("host.yaml", "host.json"):
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def run(hcsc, case_dir, rt, ident, owner, host, out):
    side = os.path.join(out, "runtime.json")
    with open(side, "w") as f:
        json.dump(rt, f)
    cmd = [hcsc, "compile", "--from-oci", os.path.join(case_dir, "config.json"),
           "--id", ident, "--owner", owner, "--runtime", side, "-o", out]
    if host:
        cmd += ["--host", host]
    return subprocess.run(cmd, capture_output=True)


def same(case_dir, out):
    diffs = []
    for doc in DOCS:
        with open(os.path.join(case_dir, doc), "rb") as a, open(os.path.join(out, doc), "rb") as b:
            if a.read() != b.read():
                diffs.append(doc)
    return diffs


def main():
    hcsc, corpus, golden = sys.argv[1], sys.argv[2], sys.argv[3]
    passed = failed = 0
    control = None
    for root, _, files in sorted(os.walk(golden)):
        if "config.json" not in files:
            continue
        # other targets (run and compose cases compile under docker)
        if os.path.relpath(root, golden).split(os.sep)[0] in ("targets", "run", "compose"):
            continue
        ident, owner, rt = sidecar(root)
        host = case_host(corpus, os.path.relpath(root, golden))
        with tempfile.TemporaryDirectory() as out:
            p = run(hcsc, root, rt, ident, owner, host, out)
            if p.returncode != 0:
                failed += 1
                print("FAIL %s: exit %d\n%s" % (os.path.relpath(root, golden), p.returncode,
                                                 p.stderr.decode(errors="replace")))
                continue
            diffs = same(root, out)
            if diffs:
                failed += 1
                print("FAIL %s: %s differ" % (os.path.relpath(root, golden), ", ".join(diffs)))
            else:
                passed += 1
                if control is None and rt["LayerFolders"]:
                    control = (root, ident, owner, host, rt)
    if control is None:
        failed += 1
        print("FAIL no compiling golden case with layers to round-trip")
    else:
        root, ident, owner, host, rt = control
        rt = json.loads(json.dumps(rt))
        rt["LayerFolders"][0]["Id"] = "00000000-0000-0000-0000-00000000beef"
        with tempfile.TemporaryDirectory() as out:
            p = run(hcsc, root, rt, ident, owner, host, out)
            if p.returncode == 0 and same(root, out):
                passed += 1
            else:
                failed += 1
                print("FAIL negative control: a changed layer ID went unnoticed")
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
