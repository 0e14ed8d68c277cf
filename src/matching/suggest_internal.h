// Internal to suggest.cpp / suggest_explain.cpp: the reasons behind one scored
// pair, from which the explanation is written.
#pragma once

#include <string>
#include <vector>

#include "matching/lexicon.h"
#include "matching/suggest.h"
#include "matching/thesaurus.h"

namespace verbinder::matching::internal {

// A concept of the other's expertise reached from a concept of my challenge
// through the thesaurus (broader, narrower, related or sibling).
struct ConceptLinkReason {
  int challenge_concept = 0;
  int expertise_concept = 0;
  ConceptRelation relation = ConceptRelation::kNone;
  double weight = 0;  // its share of the relevance
  int via = -1;       // kTwoSteps: the concept in between
};

// A word of my challenge that meets a word of the other's expertise only
// through the lexicon (WordNet senses, via FreeDict for Dutch words).
struct WordLinkReason {
  std::string challenge_word;  // as written ("toestemming")
  std::string expertise_word;  // as written ("omgevingsvergunning")
  // How the shared sense was reached from each word: both kSynonym = the
  // words mean the same; one kBroader side is the narrower word of the two;
  // both kBroader = siblings under one broader sense.
  SenseKind challenge_kind = SenseKind::kSynonym;
  SenseKind expertise_kind = SenseKind::kSynonym;
  double weight = 0;
  // Both kBroader: the first word of the broader sense they share, in
  // English (WordNet) and Dutch (its first FreeDict translation, else English).
  std::string shared_en, shared_nl;
};

// What besides relevance bears on a pair (i, j): the bonuses and penalties
// Suggest adds (and the bound pass reads), and the explanation names.
struct PairFacts {
  bool cross_sector = false;
  bool online_only_tie = false;
  bool met_before = false;
  bool colleagues = false;
  bool requested_by_me = false;
  bool requested_by_them = false;
};

struct PairReasons : PairFacts {
  std::vector<int> direct_concepts;      // in i's challenges and j's expertise
  std::vector<int> related_concepts;     // j's expertise concepts linked to i's challenge concepts
  std::vector<ConceptLinkReason> links;  // the same, with the link behind each, strongest first
  std::vector<int> reverse_concepts;     // i can help j with these
  std::vector<std::string> shared_terms;
  std::vector<WordLinkReason> word_links;  // strongest first
  std::string challenge;                   // i's challenge that matched best
};

// The sentence for a match through the lexicon only: names my word and
// theirs and how they relate ("... ‘toestemming’; X mentions ‘vergunning’,
// which means nearly the same"), in Dutch (nl) or English. `challenge` is
// the quoted snippet with a leading space, or empty. (suggest.cpp)
std::string WordLinkSentence(const WordLinkReason& link, const std::string& challenge, const std::string& them,
                             bool nl);

// Plain-language explanation in Dutch (nl = true) or English; `sectors` names
// the other's sector (SuggestInput::sector_labels).
std::string Explain(const SuggestAttendee& me, const SuggestAttendee& other, const PairReasons& reasons,
                    const SectorLabels& sectors, bool nl);

}  // namespace verbinder::matching::internal
