// Relevance: whom should each attendee meet, and why. Scores ordered pairs
// (i, j) by how well i's challenges meet j's expertise (and, less, the other way
// round) in Dutch and English — Snowball stems, stop words, Dutch compound
// splitting and the shipped concept thesaurus with its broader/narrower and
// related concepts, each need of a challenge counted once by its best cover,
// a concept named in an expertise tag counting more and a generic hub concept
// ("operations") less, an expert in a narrower concept of the need (a
// specialist in a part of it) more than one in the broader field —
// plus bonuses for crossing sectors and for turning an
// online-only tie into a real meeting, penalties for colleagues and for pairs
// who already met, and the most weight for explicit requests. Every suggestion
// carries a plain-language explanation naming the linking concept in the
// reader's language (SuggestOptions::language, else the attendee's first).
// Only pairs that share a concept, related concept or word, or have a request,
// are scored (an inverted index), best upper bound first until the top k is
// settled; the result equals scoring every pair (SuggestOptions::prefilter).
//
//   SuggestInput in;
//   in.attendees = {{.id = "anja", .sector = "care", .languages = {"nl"},
//                    .challenges = {"Onze wachtlijsten groeien"}},
//                   {.id = "pieter", .sector = "industry", .expertise_tags = {"lean"},
//                    .expertise_text = "I shorten lead times"}};
//   in.sector_labels = {{"care", {"Zorg", "Care"}}, {"industry", {"Industrie", "Industry"}}};
//   SuggestResult out = Suggest(in, SuggestOptions{.top_k = 5}).value();
//   out.suggestions[0][0].explanation;   // Dutch, names "wachtlijsten" and pieter's linked concept
//
// Thread-safety: Suggest() is reentrant (it builds its own analyzers); it runs
// on up to SuggestOptions::threads threads of its own and joins them before it
// returns.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace verbinder::matching {

struct SuggestAttendee {
  std::string id;
  std::string sector;
  std::string organization;
  std::vector<std::string> languages;       // first one picks the explanation language ("nl" or "en")
  std::vector<std::string> expertise_tags;  // "I can help with"
  std::string expertise_text;
  std::vector<std::string> challenges;  // "I'm running into"
};

struct SuggestTie {
  int a = 0;
  int b = 0;
  bool real = false;  // met face to face already
};

struct SuggestRequest {
  int from = 0;
  int to = 0;
};

// A sector's names as the network stores them ("Zorg" / "Care"), which the
// explanations use to name the other's sector. The engine has no sector list
// of its own: the caller passes the network's table (defaults and the sectors
// the leader added), `verbinder suggest` the file's "sectors" or
// model::DefaultSectors().
struct SectorLabel {
  std::string nl;
  std::string en;
};
using SectorLabels = std::map<std::string, SectorLabel>;  // sector key → names

// A meeting the network confirmed as useful: the challenge of the member who
// rated it, and the expertise (tags and text) of the member they met. The
// engine learns from it which concepts meet that the thesaurus does not link
// (scoring::CountLearnedConceptPairs); the texts are never shown to anyone.
struct ConfirmedMeeting {
  std::string challenge;
  std::string expertise;
};

// A link learned from confirmed meetings, as the network leader sees it and
// may switch it off: thesaurus concept ids (Thesaurus::FindConcept), and how
// many of the meetings taught it. A switched-off link is left out in either
// order (the engine uses a learned link both ways).
struct LearnedLink {
  std::string challenge_concept;
  std::string expertise_concept;
  int meetings = 0;
};

// What the network's useful meetings teach, as callers load it and pass it on
// (events::LoadNetworkLearning; questions routing): SuggestInput's
// confirmed_meetings and switched_off together.
struct NetworkLearning {
  std::vector<ConfirmedMeeting> meetings;
  std::vector<LearnedLink> switched_off;
};

// Every link `meetings` teach, as Suggest (default options) learns them,
// switched off or not: most meetings first, then by concept id.
std::vector<LearnedLink> LearnedLinks(const std::vector<ConfirmedMeeting>& meetings);

// The text the engine reads as someone's expertise: the free text, then each
// tag ("I can help with") as a sentence of its own.
std::string ExpertiseText(std::string_view text, const std::vector<std::string>& tags);

struct SuggestInput {
  std::vector<SuggestAttendee> attendees;
  std::vector<SuggestTie> ties;
  std::vector<SuggestRequest> requests;
  // Useful meetings of the network so far (any event): each links the
  // specific concepts of its challenge to those of its expertise when the
  // thesaurus does not already (a learned link counts as a related one).
  std::vector<ConfirmedMeeting> confirmed_meetings;
  // Learned links the leader switched off (meetings count stays 0 here): not
  // learned from any meeting, in either order. Concept ids must exist.
  std::vector<LearnedLink> switched_off;
  // Names the other's sector in "works in another sector (care)": a
  // capitalised label is written in lower case inside the sentence ("Zorg" →
  // "zorg"), an acronym as stored ("ICT"). A sector without an entry here, or
  // the catch-all "other", is left out of the sentence (never a raw key).
  SectorLabels sector_labels;
};

struct SuggestOptions {
  int top_k = 5;              // >= 1
  bool use_thesaurus = true;  // false: plain stemmed-word overlap (the evaluation baseline)
  // true (with use_thesaurus): words no thesaurus term covers also meet
  // through WordNet and FreeDict (lexicon.h), when installed. Off by default:
  // on the blind evaluation set it gained nothing (MRR 0.244 -> 0.241) for
  // +48 MB and +0.3 s at 5,000 attendees (docs/performance-matching.md).
  bool use_lexicon = false;
  // true: score only pairs that share a concept, a related concept or a word
  // (in either direction) or have a request, best upper bound first, and stop
  // once no unscored pair can enter the top k. Same result as false (every
  // ordered pair scored), which is kept as the reference for tests.
  bool prefilter = true;
  // The language of every explanation: "nl" or "en" (the reader's UI
  // language, passed from the API); empty: each attendee's first language.
  std::string language;
  // Threads to split the attendees over: 0 = one per core
  // (util::ResolveThreads); fewer below 256 attendees per thread. The result
  // is the same for any number.
  int threads = 0;
  // >= 0: only this attendee's list (the others stay empty): the experts for
  // one text, ranked against everyone's expertise (questions/routing.h).
  int only_for = -1;
};

struct Suggestion {
  int other = 0;
  double score = 0;
  std::string explanation;
  std::vector<int> matched_concepts;  // thesaurus concept indices behind the match
  // Words of the two profiles that met only through WordNet/FreeDict, as
  // written (challenge word, expertise word, ...), named in the explanation.
  std::vector<std::string> matched_words;
  // Stems of plain words (no concept covers them) in both the challenge and
  // the expertise, sorted ("doorlooptijd", "kanban").
  std::vector<std::string> matched_terms;
};

struct SuggestResult {
  // suggestions[i] = top-k for attendee i, best first (may be shorter than k).
  std::vector<std::vector<Suggestion>> suggestions;
};

Status ValidateSuggestInput(const SuggestInput& input);
// Loads what every Suggest call shares: the thesaurus and its concept links
// (about 0.3 s, once per process). The server calls it before its port
// opens, so no member's first request waits for it; Suggest loads them
// itself when nobody did.
void PrepareSuggest();
Result<SuggestResult> Suggest(const SuggestInput& input, const SuggestOptions& options);

}  // namespace verbinder::matching
