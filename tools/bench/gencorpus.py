#!/usr/bin/env python3
# gencorpus.py DIR [N]: writes a generated corpus of N cases (default
# 10000) into DIR, for `hcsc check` throughput (tools/bench, issue 14).
# Oracle-free: the cases are varied descriptions built from a fixed seed
# (isolation, binds, mounts, volumes, env, ports, resources, networks,
# layers; about one in eight is invalid on purpose, so diagnostics are
# exercised too), 100 per folder; their golden files come from hcsc
# itself (`hcsc check DIR GOLDEN --update`). The same N gives the same
# bytes on every run. Commit this generator, never its output.
import os
import random
import sys


def case(r, i):
    iso = r.choice(["process", "process", "hyperv"])
    lines = [f"# generated case {i}", f"Name: gen{i}"]
    lines.append("Image:\n  Config:\n    Env: ['PATH=C:\\Windows', 'IMG%d=1']" % i)
    lines.append("    Cmd: [cmd, /c, echo, '%d']" % i)
    lines.append("Config:")
    lines.append("  Env: [%s]" % ", ".join("'K%d=v%d'" % (k, i) for k in range(r.randint(0, 6))))
    if r.random() < 0.3:
        lines.append("  Volumes: {'C:\\data%d': {}}" % i)
    if r.random() < 0.3:
        lines.append("  ExposedPorts: {%d/tcp: {}}" % (80 + i % 100))
    lines.append("HostConfig:")
    lines.append(f"  Isolation: {iso}")
    if r.random() < 0.5:
        lines.append("  CpuCount: %d" % r.randint(1, 8))
    if r.random() < 0.5:
        lines.append("  Memory: %d" % (r.randint(1, 8) * 268435456))
    binds = ["'C:\\src%d\\b%d:C:\\dst\\b%d%s'" % (i, b, b, r.choice(["", ":ro"]))
             for b in range(r.randint(0, 4))]
    if binds:
        lines.append("  Binds: [%s]" % ", ".join(binds))
    if r.random() < 0.3:
        lines.append("  Mounts:\n    - {Type: volume, Source: vol%d, Target: 'C:\\vol'}" % i)
    if r.random() < 0.125:  # invalid on purpose
        lines.append(r.choice(["  CpuShares: 20000", "  Memroy: 1",
                               "  Binds: ['C:\\a:C:\\a', 'C:\\b:C:\\a']",
                               "  Isolation: hyperv\n  Isolation: process"]))
    lines.append("Runtime:")
    layers = r.randint(1, 3)
    lines.append("  LayerFolders:")
    for l in range(layers):
        lines.append("    - {Path: 'C:\\ProgramData\\docker\\windowsfilter\\%064x', Id: %08x-0000-5000-8000-%012x}"
                     % (r.getrandbits(256), i, l))
    if iso == "process":
        lines.append("  VolumePath: '\\\\?\\Volume{%08x-0000-4000-8000-000000000000}\\'" % i)
    lines.append("  Networks: [{Name: nat, HnsEndpointId: %08x-1111-4000-8000-000000000000}]" % i)
    lines.append("  NetworkNamespace: %08x-2222-4000-8000-000000000000" % i)
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    r = random.Random(14)
    for i in range(n):
        folder = os.path.join(out, "g%03d" % (i // 100))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "c%05d.yaml" % i), "w") as f:
            f.write(case(r, i))


main()
