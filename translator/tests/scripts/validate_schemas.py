#!/usr/bin/python3
"""validate_schemas.py GOLDEN_DIR SCHEMAS_DIR

Validates every golden config.json against the official OCI runtime-spec
schema (v1.3.0) and every golden hcs-v2.json against Microsoft's HCS
schema (SDK 1809 and Windows 11 21H2), as rule: hcsc.tests.schemas asks.

Where hcsc's output is Go-exact and the official schema disagrees, the
error must match an entry of ALLOWED (JSON pointer pattern, validator,
reason). Anything else fails. An ALLOWED entry that no document needs is
reported too, so the list cannot hide anything it no longer explains.
A negative control proves the validator can fail.
"""
import copy
import json
import os
import re
import sys

import jsonschema

ALLOWED = [
    # (pointer regex, failing validator, reason)
    (r"^/windows/credentialSpec$", "type",
     "moby stores the credential spec as a string (Go interface{}); the "
     "schema says object (runtime-spec schema vs. Go types, schemas/PROVENANCE.md)"),
    (r"^/windows/devices/\d+/idType$", "enum",
     "moby passes any IDType through (`IDType://ID`); the schema allows "
     "only `class`"),
]


def pointer(path):
    return "/" + "/".join(str(p) for p in path) if path else ""


def validator_for(schema_path, ref=None):
    base = "file://" + os.path.dirname(os.path.abspath(schema_path)) + "/"
    with open(schema_path, "rb") as f:
        doc = json.load(f)
    schema = {"$ref": os.path.basename(schema_path) + ref} if ref else doc
    resolver = jsonschema.RefResolver(base_uri=base, referrer=doc)
    cls = jsonschema.validators.validator_for(doc)
    return cls(schema, resolver=resolver)


def unexplained(validator, doc, used):
    bad = []
    for err in validator.iter_errors(doc):
        ptr = pointer(err.absolute_path)
        for i, (pat, kind, _) in enumerate(ALLOWED):
            if re.search(pat, ptr) and err.validator == kind:
                used.add(i)
                break
        else:
            bad.append("%s: %s" % (ptr or "/", err.message))
    return bad


def main():
    golden, schemas = sys.argv[1], sys.argv[2]
    oci = validator_for(os.path.join(schemas, "oci-runtime-spec", "config-schema.json"))
    hcs = {
        name: validator_for(os.path.join(schemas, "hcs", name), "#/definitions/ComputeSystem")
        for name in ("hcs-schema-win10-sdk-1809.json", "hcs-schema-win11-sdk-21H2.json")
    }
    used, passed, failed, seen = set(), 0, 0, {"config.json": 0, "hcs-v2.json": 0}
    for root, _, files in sorted(os.walk(golden)):
        for name in sorted(files):
            if name not in seen:
                continue
            # docker-1.12's config.json is moby's pre-OCI windowsoci spec
            # (ociVersion "0.3.0 (Windows)"), not a runtime-spec document;
            # the Go oracle checks its bytes instead.
            rel = os.path.relpath(root, golden).split(os.sep)
            if rel[:2] == ["targets", "docker-1.12"] and name == "config.json":
                continue
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                doc = json.load(f)
            seen[name] += 1
            checks = [("oci", oci)] if name == "config.json" else sorted(hcs.items())
            for label, v in checks:
                bad = unexplained(v, doc, used)
                if bad:
                    failed += 1
                    for b in bad:
                        print("FAIL %s (%s): %s" % (os.path.relpath(path, golden), label, b))
                else:
                    passed += 1
    for kind, n in seen.items():
        if n == 0:
            failed += 1
            print("FAIL no %s in %s to validate" % (kind, golden))
    for i, (pat, kind, reason) in enumerate(ALLOWED):
        if i not in used:
            failed += 1
            print("FAIL allow-list entry %s (%s) explains no error: remove it or add a case" % (pat, kind))
    # Negative control: a broken document must not pass.
    broken = {"ociVersion": 5, "process": {"user": {}}, "windows": {"layerFolders": []}}
    if not unexplained(oci, broken, set()):
        failed += 1
        print("FAIL negative control: a broken config.json validated")
    else:
        passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
