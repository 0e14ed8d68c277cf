#!/usr/bin/python3
"""Groups a `perf record` profile of `verbinder analyze` into the report's parts
(betweenness, introductions, Leiden, layout, JSON, CSV + graph build, kernel, ...)
and prints each part's share and CPU seconds. Issue #20's "where the time goes".

  perf record -F 499 -o perf.data verbinder analyze --members M --ties T --map map.json --out r.json
  bench/analysis/perf_parts.py perf.data CPU_SECONDS      # CPU_SECONDS: user + sys of that run
"""
import re
import subprocess
import sys

PARTS = [
    ("betweenness", r"Betweenness|PathSampler|VertexDiameter|SamplerGraph"),
    ("introductions", r"SuggestIntroductions"),
    # The layout's Refine is "(anonymous namespace)::Refine"; Leiden's is "Leiden::Refine".
    ("layout", r"QuadTree|LeafForces|Coarsen|ComputeLayout|ParallelRange|LayoutComponent|Prolong"
               r"|\(anonymous namespace\)::Refine\b"),
    ("leiden", r"Leiden|RunLeiden|MoveNodesFast|Refine|SplitDisconnected|LevelModularity|Modularity|Aggregate"),
    ("local_structure", r"LocalStructure"),
    ("json", r"nlohmann|WriteReportJson|WriteMapJson|InSlices|MapEdgeJson|MapNodeJson|MemberJson|grisu|dtoa|AppendJson"),
    ("csv+build", r"FastTies|ParseRecords|LoadNetworkFiles|TieInput|Hashtable|Assemble|PairRow|BuildGraph|IsValidUtf8"
                  r"|RowEmpty|ParseDay|Trim|from_chars|RequireId|ParseCsv|AssignSectors"),
    ("core/components", r"CoreNumbers|ConnectedComponents"),
    ("malloc/free", r"malloc|free|operator new|operator delete|_int_"),
    ("memcpy", r"memmove|memcpy|memset|memcmp|strlen"),
    ("kernel", r"\[k\]"),
]


def main():
    data, cpu = sys.argv[1], float(sys.argv[2])
    text = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,symbol", "--stdio"],
                          capture_output=True, text=True, check=True).stdout
    share = {}
    for line in text.splitlines():
        m = re.match(r"\s+([\d.]+)%\s+(.*)", line)
        if not m:
            continue
        name = next((p for p, rx in PARTS if re.search(rx, m.group(2))), "other")
        share[name] = share.get(name, 0) + float(m.group(1))
    for name, p in sorted(share.items(), key=lambda x: -x[1]):
        print(f"{name:18s} {p:5.1f}%  {p * cpu / 100:5.2f} s")


if __name__ == "__main__":
    main()
