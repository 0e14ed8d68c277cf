// The labelled suggestion evaluation sets (bench/matching/suggest_eval/) as
// the benches read them: suggest_eval_bench (the suggestions) and
// bench/questions/route_eval_bench (questions routed by the same engine)
// rank the same pairs against the same people. Bench code: exits on an
// unreadable or invalid file instead of returning errors.
//
//   SuggestEvalSet set = bench::LoadEvalSet(dir, "heldout_pairs.json");
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "matching/json_common.h"
#include "matching/suggest_eval.h"

namespace verbinder::bench {

// The whole file; exits when it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A JSON file; exits when it cannot be read or parsed.
inline matching::json_io::Json LoadJson(const std::string& path) {
  auto doc = matching::json_io::ParseJsonText(ReadFile(path));
  if (!doc.ok()) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), doc.status().ToString().c_str());
    std::exit(2);
  }
  return *doc;
}

// DIR/pairs.json against DIR/pool.json; with `pairs_file` (a second labelled
// file, e.g. heldout_pairs.json, under DIR unless it names a directory) that
// file's pairs, ranked against its own profiles plus every profile of
// pairs.json and pool.json.
inline matching::SuggestEvalSet LoadEvalSet(const std::string& dir, const std::string& pairs_file = "") {
  matching::json_io::Json pool = LoadJson(dir + "/pool.json");
  matching::json_io::Json pairs = LoadJson(dir + "/pairs.json");
  if (!pairs_file.empty() && pairs_file != "pairs.json") {
    for (const matching::json_io::Json& a : pairs["attendees"]) pool["attendees"].push_back(a);
    pairs = LoadJson(pairs_file.find('/') == std::string::npos ? dir + "/" + pairs_file : pairs_file);
  }
  auto set = matching::LoadSuggestEvalSet(pairs, pool);
  if (!set.ok()) {
    std::fprintf(stderr, "%s\n", set.status().ToString().c_str());
    std::exit(2);
  }
  return *set;
}

}  // namespace verbinder::bench
