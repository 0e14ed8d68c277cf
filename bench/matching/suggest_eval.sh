#!/bin/sh
# Prints the suggestion quality and speed figures of docs/performance-matching.md
# ("Suggestions: quality and speed").
# Usage: bench/matching/suggest_eval.sh [BUILD_DIR]   (default: build)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
cmake --build "$BUILD" -j2 --target suggest_eval_bench matching_bench >/dev/null
BIN="$BUILD/bench/matching/suggest_eval_bench"
cd "$ROOT"
echo "# machine: $(nproc) cores, $(uname -sr), load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" eval bench/matching/suggest_eval
"$BIN" eval bench/matching/suggest_eval --words-only
"$BIN" eval bench/matching/suggest_eval --pairs heldout_pairs.json
"$BIN" eval bench/matching/suggest_eval --pairs heldout_pairs.json --words-only
"$BIN" eval bench/matching/suggest_eval --lexicon
"$BIN" eval bench/matching/suggest_eval --pairs heldout_pairs.json --lexicon
# Development sets since rounds 6 and 7 (blind5 since round 8) (their writers never saw the engine; their pairs have
# been read since): blind3_pairs.json, blind4_pairs.json.
"$BIN" eval bench/matching/suggest_eval --pairs blind3_pairs.json
"$BIN" eval bench/matching/suggest_eval --pairs blind3_pairs.json --lexicon
"$BIN" eval bench/matching/suggest_eval --pairs blind4_pairs.json
# blind5_pairs.json: the blind result of round 7 (run once at its end; docs/performance-matching.md).
"$BIN" eval bench/matching/suggest_eval --pairs blind5_pairs.json
# blind6_pairs.json: the blind result of round 8 (run once at its end; it repeats topics of blind5).
"$BIN" eval bench/matching/suggest_eval --pairs blind6_pairs.json
# Round 9: the network learns from its useful meetings. Each development set with the pairs of
# the five others as meetings confirmed before (leave one set out).
ALL="pairs.json heldout_pairs.json blind3_pairs.json blind4_pairs.json blind5_pairs.json blind6_pairs.json"
for s in $ALL; do
  others=$(for o in $ALL; do [ "$o" != "$s" ] && printf "%s," "$o"; done)
  echo "# $s, learning from ${others%,}"
  if [ "$s" = pairs.json ]; then "$BIN" eval bench/matching/suggest_eval --learn-from "${others%,}"
  else "$BIN" eval bench/matching/suggest_eval --pairs "$s" --learn-from "${others%,}"; fi
done
# blind7_pairs.json: the blind result of round 9 (run once at its end, with and without learning from the six sets).
"$BIN" eval bench/matching/suggest_eval --pairs blind7_pairs.json
"$BIN" eval bench/matching/suggest_eval --pairs blind7_pairs.json --learn-from "$(echo $ALL | tr ' ' ',')"
# blind8_pairs.json is NOT run here: it is reserved, unopened, for the end of the next round.
"$BIN" speed 5000 bench/matching/suggest_eval --top 5
"$BIN" speed 5000 bench/matching/suggest_eval --top 5 --learn-from heldout_pairs.json,blind3_pairs.json,blind4_pairs.json,blind5_pairs.json,blind6_pairs.json
"$BIN" speed 5000 bench/matching/suggest_eval --top 5 --lexicon
"$BIN" speed 5000 bench/matching/suggest_eval --top 50
"$BUILD/bench/matching/matching_bench" suggest 5000
