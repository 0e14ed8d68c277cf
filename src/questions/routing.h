// Routing a question to the members best placed to answer it: pure, no
// storage. The question (title, text and tags as one challenge) is ranked
// against every candidate's expertise (tags and text) by the matching engine
// itself (matching::Suggest with only_for the asker), so a question finds
// the same people a member with that challenge would be suggested:
// thesaurus concepts across Dutch and English, broader, narrower and related
// ones, idf over the candidates' expertise, plain shared words, and the links
// the network's useful meetings taught (NetworkLearning; the leader's
// switched-off ones left out). A candidate in another sector than the
// question's gets the engine's cross-sector bonus, so with equal expertise
// the other sector wins, while a much better same-sector expert still can.
// A candidate whose expertise meets nothing in the question is never routed.
// Ties: lower id first (stable, testable). Every routed member gets a
// plain-words reason in Dutch and English, written so that both the asker
// and the routed member can read it.
//
// (Round 11 of #20 measured the switch on the seven opened labelled
// suggestion sets, each pair's challenge as the question: MRR rose on every
// set, by 0.06-0.19, e.g. 0.612 -> 0.775 on heldout_pairs.json;
// bench/questions/route_eval_bench, docs/performance-matching.md.)
//
//   matching::TextAnalyzer analyzer;
//   auto routed = RouteQuestion({.title = "Hoe korten we de wachtlijst in?", .sector = "zorg"},
//                               candidates, 5, analyzer, sector_labels).value();
//   routed[0].reason_nl;  // "Expertise die past bij de vraag: doorlooptijd. Werkt in Industrie — een andere sector
//   ..."
//
// Callers filter candidates first (consent to matchmaking, visibility both
// ways, not the asker). Thread-safety: reentrant with one analyzer per thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "matching/suggest.h"
#include "matching/text.h"
#include "util/status.h"

namespace verbinder::questions {

struct RoutingQuestion {
  std::string title;
  std::string text;
  std::vector<std::string> tags;
  std::string sector;  // the asker's sector key, may be empty
};

struct RoutingCandidate {
  int64_t id = 0;
  std::string sector;
  std::vector<std::string> expertise_tags;
  std::string expertise_text;
};

struct SectorLabel {
  std::string en, nl;
};

struct RoutedMember {
  int64_t id = 0;
  double score = 0;
  bool other_sector = false;
  std::vector<std::string> matched_en, matched_nl;  // what matched, in words
  std::string reason_en, reason_nl;
};

inline constexpr int kDefaultRouteCount = 5;

// At most k members (k < 0: every one that fits), best first. `analyzer`
// turns matched word stems back into the question's own words; `network` is
// what the network's useful meetings taught (events::LoadNetworkLearning).
// Errors only
// for input the engine refuses (a duplicate candidate id, an unknown concept
// in network.switched_off), naming the field.
Result<std::vector<RoutedMember>> RouteQuestion(const RoutingQuestion& question,
                                                const std::vector<RoutingCandidate>& candidates, int k,
                                                const matching::TextAnalyzer& analyzer,
                                                const std::map<std::string, SectorLabel>& sector_labels,
                                                matching::NetworkLearning network = {});

}  // namespace verbinder::questions
