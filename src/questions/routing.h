// Routing a question to the members best placed to answer it: pure, no
// storage. The question's title, text and tags are analysed with the matching
// engine's bilingual text tools (matching/text.h: Dutch and English Snowball
// stems, stop words, the concept thesaurus) and compared with each
// candidate's expertise (tags and text):
//   shared concept            3 points each ("wachtlijst" and "waiting list" meet)
//   related concept           1 point each (waiting list ↔ lead time)
//   shared word (stem)        1.5 points each, for words no concept covers
//   exact expertise tag       2 points each (a question tag equal to an expertise tag)
// A candidate with 0 points is never routed. A candidate from another sector
// than the question's gets ×1.5 (the network's point: cross-sector help),
// so with equal expertise the other sector wins, while a much better
// same-sector expert still can. Ties: lower id first (stable, testable).
// Every routed member gets a plain-words reason in Dutch and English.
//
//   matching::TextAnalyzer analyzer;
//   auto routed = RouteQuestion({.title = "Hoe korten we de wachtlijst in?", .sector = "zorg"},
//                               candidates, 5, analyzer, sector_labels);
//   routed[0].reason_nl;  // "Expertise die past bij je vraag: wachtlijsten. Werkt in Industrie — een andere sector."
//
// Callers filter candidates first (consent to matchmaking, visibility both
// ways, not the asker). Thread-safety: reentrant with one analyzer per thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "matching/text.h"

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

std::vector<RoutedMember> RouteQuestion(const RoutingQuestion& question,
                                        const std::vector<RoutingCandidate>& candidates, int k,
                                        const matching::TextAnalyzer& analyzer,
                                        const std::map<std::string, SectorLabel>& sector_labels);

}  // namespace verbinder::questions
