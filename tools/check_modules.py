#!/usr/bin/env python3
"""Checks that the module graph the code uses is the one CMake declares and the
one docs/architecture.md shows (issue #18).

  tools/check_modules.py --build build [--src .] [--print-graph]

Reads the CMake File API's code model of the build tree (the root CMakeLists.txt
asks for it), then:
1. every `#include "X/..."` in src/F/ names a module X that F's CMake target
   (the one compiling that file; for a header, the target compiling the .cpp of
   the same name, else every library in F) depends on, directly or through
   PUBLIC links — so no undeclared include, and none into cli/ or api/ from below;
2. the module graph (libraries grouped by folder) has no cycle;
3. the block between <!-- module-graph:begin --> and <!-- module-graph:end --> in
   docs/architecture.md lists exactly the graph's direct edges (its transitive
   reduction), one line per module: `- events → domain, matching, notify`.
Exit 1 with one line per finding. --print-graph prints the block to paste.
"""
import argparse
import glob
import json
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+)/[^"]+"', re.M)


def load_codemodel(build):
    reply = os.path.join(build, ".cmake", "api", "v1", "reply")
    indexes = sorted(glob.glob(os.path.join(reply, "index-*.json")))
    if not indexes:
        sys.exit(f"check_modules: no CMake File API reply in {reply} (re-run cmake on {build})")
    index = json.load(open(indexes[-1]))
    cm = next(o for o in index["objects"] if o["kind"] == "codemodel")
    codemodel = json.load(open(os.path.join(reply, cm["jsonFile"])))
    config = codemodel["configurations"][0]
    targets = {}
    for t in config["targets"]:
        tj = json.load(open(os.path.join(reply, t["jsonFile"])))
        targets[tj["id"]] = tj
    by_id = {tid: t["name"] for tid, t in targets.items()}
    out = {}
    for tid, t in targets.items():
        sources = [s["path"] for s in t.get("sources", []) if s["path"].startswith("src/")]
        deps = {by_id[d["id"]] for d in t.get("dependencies", []) if d["id"] in by_id}
        out[t["name"]] = {"type": t["type"], "sources": sources, "deps": deps}
    return out


def folder_of(path):
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "src" else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--src", default=os.path.join(os.path.dirname(__file__), ".."))
    ap.add_argument("--print-graph", action="store_true")
    args = ap.parse_args()
    src_root = os.path.abspath(args.src)
    targets = load_codemodel(args.build)
    modules = sorted(d for d in os.listdir(os.path.join(src_root, "src"))
                     if os.path.isfile(os.path.join(src_root, "src", d, "CMakeLists.txt")))
    lib_folder = {}  # library target -> folder
    for name, t in targets.items():
        is_program = t["type"] == "EXECUTABLE" and not name.endswith(("test", "_bench"))
        if (t["type"] in ("STATIC_LIBRARY", "SHARED_LIBRARY", "OBJECT_LIBRARY") or is_program) and t["sources"]:
            folders = {folder_of(s) for s in t["sources"]} - {None}
            if len(folders) == 1:
                lib_folder[name] = folders.pop()
    findings = []

    def allowed_for(target):
        return {lib_folder[d] for d in targets[target]["deps"] if d in lib_folder} | (
            {lib_folder[target]} if target in lib_folder else set())

    compiled_by = {}  # source path -> targets compiling it
    for name, t in targets.items():
        for s in t["sources"]:
            compiled_by.setdefault(s, []).append(name)

    for folder in modules:
        libs = [n for n, f in lib_folder.items() if f == folder]
        for path in sorted(glob.glob(os.path.join(src_root, "src", folder, "*"))):
            if not path.endswith((".cpp", ".h")):
                continue
            rel = os.path.relpath(path, src_root)
            if path.endswith(".cpp"):
                owners = compiled_by.get(rel, [])
            else:
                # A header goes with its .cpp; a header without one (a test
                # fixture, say) with the targets whose sources include it.
                owners = compiled_by.get(rel[:-2] + ".cpp", []) or sorted({
                    o for s, os_ in compiled_by.items()
                    if s.startswith(f"src/{folder}/") and os.path.isfile(os.path.join(src_root, s))
                    and f'"{folder}/{os.path.basename(path)}"' in open(os.path.join(src_root, s), encoding="utf-8", errors="replace").read()
                    for o in os_}) or libs
            if not owners:
                continue  # a .cpp.in template or a file no target compiles
            allowed = set().union(*(allowed_for(o) for o in owners)) | {folder}
            text = open(path, encoding="utf-8", errors="replace").read()
            for m in INCLUDE.finditer(text):
                inc = m.group(1)
                if inc not in modules or inc in allowed:
                    continue
                line = text.count("\n", 0, m.start()) + 1
                findings.append(f"{rel}:{line}: includes {inc}/ but {', '.join(sorted(owners))} does not depend on "
                                f"a {inc} library (add it to target_link_libraries, or do not include it)")

    # The folder graph from the libraries' dependencies.
    graph = {f: set() for f in modules}
    for name, f in lib_folder.items():
        for d in targets[name]["deps"]:
            if d in lib_folder and lib_folder[d] != f:
                graph[f].add(lib_folder[d])
    # Cycle check (an upward dependency closes a cycle).
    state = {}

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                findings.append("module cycle: " + " → ".join(stack + [node, nxt]))
            elif not state.get(nxt):
                visit(nxt, stack + [node])
        state[node] = 2

    for f in modules:
        if not state.get(f):
            visit(f, [])

    def reachable(a):
        seen, todo = set(), [a]
        while todo:
            for n in graph[todo.pop()]:
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return seen

    direct = {f: {d for d in graph[f] if not any(d in reachable(o) for o in graph[f] if o != d)} for f in modules}
    block = "\n".join(f"- {f} → {', '.join(sorted(direct[f])) if direct[f] else '(nothing)'}" for f in modules)
    if args.print_graph:
        print(block)
        return 0
    doc_path = os.path.join(src_root, "docs", "architecture.md")
    doc = open(doc_path, encoding="utf-8").read()
    m = re.search(r"<!-- module-graph:begin -->\n(.*?)\n?<!-- module-graph:end -->", doc, re.S)
    if not m:
        findings.append("docs/architecture.md: no <!-- module-graph:begin --> ... <!-- module-graph:end --> block")
    else:
        shown = {l.strip() for l in m.group(1).strip().splitlines() if l.strip().startswith("- ")}
        want = set(block.splitlines())
        for l in sorted(want - shown):
            findings.append(f"docs/architecture.md: the module graph lacks `{l}`")
        for l in sorted(shown - want):
            findings.append(f"docs/architecture.md: the module graph shows `{l}`, which CMake does not declare")
    for f in findings:
        print(f)
    if findings:
        print(f"check_modules: {len(findings)} finding(s); `tools/check_modules.py --build {args.build} --print-graph` "
              "prints the graph CMake declares", file=sys.stderr)
        return 1
    print(f"check_modules: {len(modules)} modules, includes match CMake, no cycle, docs graph matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
