#!/usr/bin/python3
"""schema_corpus.py HCSC CORPUS GOLDEN

`hcsc schema` (rule: hcsc.cli.keys) against the corpus: the schema is a
valid draft 2020-12 schema, every corpus description that compiles
validates against it, and the schema rejects what the decoder rejects
(negative controls: an unknown key, a boolean where a string is
required, a value out of a Go type's range, a case-insensitive key is
accepted).

Descriptions are the check cases (`*.yaml`, `*.yml`, `*.json`, no name
starting with `_` or `.` on the path, not `host.*`, `*.runtime.yaml` or
`*.oci.json`) whose golden folder has no exit-code (they compile), minus
`docker inspect` output (a list, or a mapping with `State`), which hcsc
reads leniently and which is not the description format. YAML is read
with the YAML 1.2 core schema, as hcsc reads it.
"""
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's implicit types."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=CoreLoader)


def cases(corpus, golden):
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
        for name in sorted(files):
            if name.startswith(("_", ".")) or name.startswith("host."):
                continue
            if not name.endswith((".yaml", ".yml", ".json")):
                continue
            if name.endswith((".runtime.yaml", ".oci.json")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, corpus)
            case = os.path.splitext(rel)[0]
            if os.path.exists(os.path.join(golden, case, "exit-code")):
                continue
            yield path, rel


def main():
    hcsc, corpus, golden = sys.argv[1:4]
    schema = json.loads(subprocess.run([hcsc, "schema"], check=True,
                                       capture_output=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    checked = failed = skipped = 0
    for path, rel in cases(corpus, golden):
        doc = load(path)
        if isinstance(doc, list) or (isinstance(doc, dict) and any(
                k.lower() == "state" for k in doc)):
            skipped += 1
            continue
        checked += 1
        errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:3]:
            failed += 1
            print("FAIL %s: %s at /%s" % (rel, e.message,
                  "/".join(str(p) for p in e.path)))
    controls = [
        ({"HostConfig": {"Frob": 1}}, False),
        ({"Config": {"Hostname": True}}, False),
        ({"HostConfig": {"BlkioWeight": 70000}}, False),
        ({"hostconfig": {"memory": 1048576}, "OWNER": "x"}, True),
        ({"Config": {"Cmd": "cmd", "Env": ["A=1", 3]}}, True),
        ({"HostConfig": {"Mounts": [{"Type": "bind", "Nope": 1}]}}, False),
        (None, True),
    ]
    for doc, want in controls:
        if v.is_valid(doc) != want:
            failed += 1
            print("FAIL control %r: valid=%s, want %s" % (doc, not want, want))
    if checked < 200:
        failed += 1
        print("FAIL only %d descriptions found" % checked)
    print("schema_corpus: %d descriptions valid, %d inspect outputs "
          "skipped, %d controls, %d failures" % (checked, skipped,
                                                 len(controls), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
