// Links learned from meetings the network confirmed as useful
// (SuggestInput::confirmed_meetings): a need and an expertise the thesaurus
// does not link meet after such a meeting, below a curated link, with an
// explanation that says where the link comes from; meetings that already met
// through the thesaurus, hubs and groups of people teach nothing; the learned
// links keep the link table consistent, and the pre-filter still gives the
// exhaustive result.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "matching/suggest.h"
#include "matching/suggest_eval.h"
#include "matching/suggest_json.h"
#include "matching/suggest_scoring.h"
#include "matching/text.h"
#include "matching/thesaurus.h"

namespace verbinder::matching {
namespace {

SuggestAttendee Person(std::string id, std::string sector, std::string expertise, std::string challenge,
                       std::string language = "en") {
  SuggestAttendee a;
  a.id = std::move(id);
  a.sector = std::move(sector);
  a.languages = {std::move(language)};
  a.expertise_text = std::move(expertise);
  if (!challenge.empty()) a.challenges.push_back(std::move(challenge));
  return a;
}

// A term of concept c that, read alone in English, finds c and nothing else ("" if none).
std::string OnlyTerm(int c) {
  static TextAnalyzer analyzer;
  for (const std::string& term : Thesaurus::Default().concepts()[c].terms) {
    if (analyzer.Analyze(term, Language::kEnglish).concepts == std::vector<int>{c}) return term;
  }
  return "";
}

// Three specific concepts from the shipped thesaurus: a need, a concept the
// thesaurus relates to it, and one it does not link at all (not even in two
// steps), each with a term that finds only itself.
struct Triple {
  int need = -1, related = -1, unlinked = -1;
};

Triple FindTriple() {
  const Thesaurus& t = Thesaurus::Default();
  const auto& links = scoring::ConceptLinks();
  const int n = static_cast<int>(t.concepts().size());
  for (int c = 0; c < n; ++c) {
    if (!scoring::Specific(t.concepts()[c]) || OnlyTerm(c).empty()) continue;
    Triple x{c, -1, -1};
    for (const scoring::Link& l : links[c]) {
      if (l.relation == ConceptRelation::kRelated && scoring::Specific(t.concepts()[l.other]) &&
          !OnlyTerm(l.other).empty()) {
        x.related = l.other;
        break;
      }
    }
    if (x.related < 0) continue;
    for (int e = n - 1; e >= 0 && x.unlinked < 0; --e) {
      if (e == c || !scoring::Specific(t.concepts()[e]) || OnlyTerm(e).empty()) continue;
      bool linked = false;
      for (const scoring::Link& l : links[c]) linked = linked || l.other == e;
      if (!linked) x.unlinked = e;
    }
    if (x.unlinked >= 0) return x;
  }
  return {};
}

TEST(LearnedLinks, ConfirmedMeetingLinksConceptsTheThesaurusDoesNot) {
  const Thesaurus& t = Thesaurus::Default();
  const Triple x = FindTriple();
  ASSERT_GE(x.unlinked, 0);
  SuggestInput in;
  in.attendees = {
      Person("q", "care", "", OnlyTerm(x.need)),
      Person("a_learned", "industry", OnlyTerm(x.unlinked), ""),
      Person("z_related", "finance", OnlyTerm(x.related), ""),
  };
  SuggestOptions options;
  options.top_k = 2;
  // Without a confirmed meeting the unlinked expert is not suggested at all.
  SuggestResult before = Suggest(in, options).value();
  ASSERT_EQ(before.suggestions[0].size(), 1u) << t.concepts()[x.need].id << " / " << t.concepts()[x.unlinked].id;
  EXPECT_EQ(before.suggestions[0][0].other, 2);

  // Another member with the same need met someone with that expertise and found it useful.
  in.confirmed_meetings = {{OnlyTerm(x.need), OnlyTerm(x.unlinked)}};
  SuggestResult after = Suggest(in, options).value();
  ASSERT_EQ(after.suggestions[0].size(), 2u);
  // A curated related link still counts more than one learned from a meeting (same idf here).
  EXPECT_EQ(after.suggestions[0][0].other, 2);
  const Suggestion& learned = after.suggestions[0][1];
  EXPECT_EQ(learned.other, 1);
  EXPECT_GT(learned.score, 0);
  EXPECT_LT(learned.score, after.suggestions[0][0].score);
  ASSERT_EQ(learned.matched_concepts, std::vector<int>{x.unlinked});
  EXPECT_NE(learned.explanation.find("members with such a challenge had useful meetings with people who know " +
                                     t.concepts()[x.unlinked].label_en),
            std::string::npos)
      << learned.explanation;
  // The same in Dutch for a Dutch reader.
  options.language = "nl";
  SuggestResult nl = Suggest(in, options).value();
  ASSERT_EQ(nl.suggestions[0].size(), 2u);
  EXPECT_NE(
      nl.suggestions[0][1].explanation.find("leden met zo'n vraag hadden eerder nuttige gesprekken met mensen die " +
                                            t.concepts()[x.unlinked].label_nl),
      std::string::npos)
      << nl.suggestions[0][1].explanation;
  // Without the thesaurus (the word baseline) nothing is learned.
  options.use_thesaurus = false;
  options.language.clear();
  SuggestResult words = Suggest(in, options).value();
  for (const Suggestion& s : words.suggestions[0]) EXPECT_NE(s.other, 1);
}

// What the leader sees (LearnedLinks) is what Suggest learns: each pair with
// the number of meetings that taught it; a link the leader switched off is not
// learned in either order, and an unknown concept in the list is an error.
TEST(LearnedLinks, TheLeadersListCountsMeetingsAndSwitchedOffLinksAreNotLearned) {
  const Thesaurus& t = Thesaurus::Default();
  const Triple x = FindTriple();
  ASSERT_GE(x.unlinked, 0);
  const std::string need = t.concepts()[x.need].id, unlinked = t.concepts()[x.unlinked].id;
  const ConfirmedMeeting taught{OnlyTerm(x.need), OnlyTerm(x.unlinked)};
  const ConfirmedMeeting met{OnlyTerm(x.need), OnlyTerm(x.related)};  // already linked: teaches nothing
  EXPECT_TRUE(LearnedLinks({met}).empty());
  std::vector<LearnedLink> listed = LearnedLinks({taught, met, taught});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].challenge_concept, need);
  EXPECT_EQ(listed[0].expertise_concept, unlinked);
  EXPECT_EQ(listed[0].meetings, 2);

  SuggestInput in;
  in.attendees = {Person("q", "care", "", OnlyTerm(x.need)), Person("expert", "industry", OnlyTerm(x.unlinked), "")};
  in.confirmed_meetings = {taught};
  auto suggested = [&](const SuggestInput& input) {
    Result<SuggestResult> r = Suggest(input, SuggestOptions{});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() && !r->suggestions[0].empty() && r->suggestions[0][0].other == 1;
  };
  EXPECT_TRUE(suggested(in));
  in.switched_off = {{need, unlinked, 0}};
  EXPECT_FALSE(suggested(in)) << "switched off as listed";
  in.switched_off = {{unlinked, need, 0}};
  EXPECT_FALSE(suggested(in)) << "switched off the other way round";
  // Another pair switched off leaves this one learned.
  in.switched_off = {{need, t.concepts()[x.related].id, 0}};
  EXPECT_TRUE(suggested(in));
  in.switched_off = {{"no_such_concept", unlinked, 0}};
  Result<SuggestResult> bad = Suggest(in, SuggestOptions{});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "switched_off[0].challenge_concept");
}

TEST(LearnedLinks, MeetingsThatAlreadyMetOrNameOnlyHubsAndGroupsTeachNothing) {
  const Thesaurus& t = Thesaurus::Default();
  const Triple x = FindTriple();
  ASSERT_GE(x.unlinked, 0);
  TextAnalyzer a;
  auto analyze = [&](const std::string& s) { return a.Analyze(s, Language::kEnglish); };
  // The challenge meets the expertise through a related link: that meeting
  // teaches nothing, although it also holds an unlinked concept.
  EXPECT_EQ(scoring::CountLearnedConceptPairs({analyze(OnlyTerm(x.need))},
                                              {analyze(OnlyTerm(x.related) + ". " + OnlyTerm(x.unlinked))}),
            (std::vector<scoring::LearnedPair>{}));
  // Without a link: need x unlinked.
  EXPECT_EQ(scoring::CountLearnedConceptPairs({analyze(OnlyTerm(x.need))}, {analyze(OnlyTerm(x.unlinked))}),
            (std::vector<scoring::LearnedPair>{{x.need, x.unlinked, 1}}));
  // A hub or a group of people on either side is never learned.
  int hub = -1, group = -1;
  for (int c = 0; c < static_cast<int>(t.concepts().size()); ++c) {
    if (OnlyTerm(c).empty() || t.Relation(c, x.need) != ConceptRelation::kNone) continue;
    if (hub < 0 && static_cast<int>(t.concepts()[c].narrower.size()) >= scoring::kHubNarrower) hub = c;
    if (group < 0 && t.concepts()[c].context) group = c;
  }
  ASSERT_GE(hub, 0);
  ASSERT_GE(group, 0);
  EXPECT_EQ(scoring::CountLearnedConceptPairs({analyze(OnlyTerm(x.need))}, {analyze(OnlyTerm(hub))}),
            (std::vector<scoring::LearnedPair>{}))
      << t.concepts()[hub].id;
  EXPECT_EQ(scoring::CountLearnedConceptPairs({analyze(OnlyTerm(group))}, {analyze(OnlyTerm(x.unlinked))}),
            (std::vector<scoring::LearnedPair>{}))
      << t.concepts()[group].id;
}

TEST(LearnedLinks, LinkTableStaysConsistentAndCuratedLinksAreNotWeakened) {
  const Triple x = FindTriple();
  ASSERT_GE(x.unlinked, 0);
  // need-unlinked is new; need-related is a curated related link (0.5), stronger than a learned one.
  const auto links = scoring::LinksWithLearned({{x.need, x.unlinked}, {x.need, x.related}});
  auto find = [&](int c, int e) -> const scoring::Link* {
    for (const scoring::Link& l : links[c])
      if (l.other == e) return &l;
    return nullptr;
  };
  const scoring::Link* learned = find(x.need, x.unlinked);
  ASSERT_NE(learned, nullptr);
  EXPECT_EQ(learned->relation, ConceptRelation::kLearned);
  EXPECT_EQ(learned->factor, scoring::kLearnedFactor);
  ASSERT_NE(find(x.unlinked, x.need), nullptr);
  EXPECT_EQ(find(x.unlinked, x.need)->relation, ConceptRelation::kLearned);
  ASSERT_NE(find(x.need, x.related), nullptr);
  EXPECT_EQ(find(x.need, x.related)->relation, ConceptRelation::kRelated);
  EXPECT_EQ(find(x.need, x.related)->factor, scoring::kRelatedFactor);
  for (size_t c = 0; c < links.size(); ++c) {
    ASSERT_TRUE(std::is_sorted(links[c].begin(), links[c].end(),
                               [](const scoring::Link& a, const scoring::Link& b) { return a.other < b.other; }));
    for (const scoring::Link& l : links[c]) {
      const scoring::Link* back = find(l.other, static_cast<int>(c));
      ASSERT_NE(back, nullptr) << c << " -> " << l.other;
      EXPECT_EQ(back->factor, l.reverse_factor) << c << " -> " << l.other;
    }
  }
}

// Learning a pair of every kind of existing link (narrower, broader, related,
// sibling, two steps) keeps every link's reverse factor equal to its mirror's,
// replaces exactly the links weaker than a learned one, and keeps the others.
TEST(LearnedLinks, LearningOverEveryKindOfLinkKeepsTheTableSymmetric) {
  const auto& before = scoring::ConceptLinks();
  std::vector<std::pair<int, int>> every;
  for (size_t c = 0; c < before.size(); ++c)
    for (const scoring::Link& l : before[c]) every.push_back({static_cast<int>(c), l.other});
  const auto links = scoring::LinksWithLearned(every);
  int replaced = 0, kept = 0;
  for (size_t c = 0; c < links.size(); ++c) {
    ASSERT_EQ(links[c].size(), before[c].size()) << c;  // nothing new: every pair was linked
    for (size_t k = 0; k < links[c].size(); ++k) {
      const scoring::Link& l = links[c][k];
      const scoring::Link& old = before[c][k];
      ASSERT_EQ(l.other, old.other);
      if (old.factor < scoring::kLearnedFactor) {
        EXPECT_EQ(l.relation, ConceptRelation::kLearned) << c << " -> " << l.other;
        ++replaced;
      } else {
        EXPECT_EQ(l.relation, old.relation) << c << " -> " << l.other;
        EXPECT_EQ(l.factor, old.factor);
        ++kept;
      }
      const auto& back = links[l.other];
      auto it = std::lower_bound(back.begin(), back.end(), static_cast<int>(c),
                                 [](const scoring::Link& x, int o) { return x.other < o; });
      ASSERT_TRUE(it != back.end() && it->other == static_cast<int>(c)) << c << " -> " << l.other;
      EXPECT_EQ(it->factor, l.reverse_factor) << c << " -> " << l.other;
    }
  }
  EXPECT_GT(replaced, 0);
  EXPECT_GT(kept, 0);
}

json_io::Json LoadJson(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return json_io::Json::parse(ss.str());
}

// The pre-filter's bounds hold with learned links: the same top k as scoring
// every pair, on 300 attendees recombined from the evaluation profiles, with
// the 64 labelled pairs of pairs.json as the network's confirmed meetings.
TEST(LearnedLinks, PrefilteredTopKEqualsExhaustiveTopK) {
  const std::string dir = "../../bench/matching/suggest_eval/";
  Result<SuggestEvalSet> set = LoadSuggestEvalSet(LoadJson(dir + "pairs.json"), LoadJson(dir + "pool.json"));
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const std::vector<SuggestAttendee>& people = set->input.attendees;
  std::mt19937 rng(11);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const char* sectors[] = {"care", "industry", "government", "education", "finance"};
  SuggestInput in;
  const int n = 300;
  for (int i = 0; i < n; ++i) {
    const SuggestAttendee& a = people[pick(people.size())];
    const SuggestAttendee& b = people[pick(people.size())];
    SuggestAttendee p = Person("p" + std::to_string(i), sectors[pick(5)], a.expertise_text, "");
    p.expertise_tags = a.expertise_tags;
    if (!b.challenges.empty()) p.challenges.push_back(b.challenges[0]);
    in.attendees.push_back(std::move(p));
  }
  for (const SuggestEvalPair& pair : set->pairs) {
    const SuggestAttendee& q = people[pair.query];
    const SuggestAttendee& t = people[pair.target];
    in.confirmed_meetings.push_back({q.challenges[0], ExpertiseText(t.expertise_text, t.expertise_tags)});
  }
  SuggestOptions fast, exhaustive;
  fast.top_k = exhaustive.top_k = 5;
  exhaustive.prefilter = false;
  SuggestResult x = Suggest(in, fast).value();
  SuggestResult y = Suggest(in, exhaustive).value();
  SuggestInput plain = in;
  plain.confirmed_meetings.clear();
  SuggestResult z = Suggest(plain, fast).value();
  int learned_explanations = 0, differ = 0;
  for (int i = 0; i < n; ++i) {
    ASSERT_EQ(x.suggestions[i].size(), y.suggestions[i].size()) << "attendee " << i;
    for (size_t r = 0; r < x.suggestions[i].size(); ++r) {
      EXPECT_EQ(x.suggestions[i][r].other, y.suggestions[i][r].other) << "attendee " << i << " rank " << r;
      EXPECT_EQ(x.suggestions[i][r].score, y.suggestions[i][r].score) << "attendee " << i << " rank " << r;
      learned_explanations += x.suggestions[i][r].explanation.find("useful meetings") != std::string::npos ? 1 : 0;
    }
    differ += x.suggestions[i].size() != z.suggestions[i].size() ||
                      (!x.suggestions[i].empty() && x.suggestions[i][0].other != z.suggestions[i][0].other)
                  ? 1
                  : 0;
  }
  // The meetings do change suggestions (else this test would check nothing).
  EXPECT_GT(learned_explanations, 0);
  EXPECT_GT(differ, 0);
}

}  // namespace
}  // namespace verbinder::matching
