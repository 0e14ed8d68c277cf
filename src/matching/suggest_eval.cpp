// The labelled evaluation of Suggest: see suggest_eval.h.
#include "matching/suggest_eval.h"

#include <cmath>
#include <unordered_map>

#include "matching/suggest_json.h"
#include "matching/thesaurus.h"

namespace verbinder::matching {
namespace {

constexpr double kTie = 1e-9;

bool PrefersDutch(const SuggestAttendee& a) {
  return !a.languages.empty() && (a.languages[0] == "nl" || a.languages[0] == "nl-NL" || a.languages[0] == "nl-BE");
}

void Add(SuggestEvalMetrics& m, const SuggestEvalOutcome& o) {
  ++m.queries;
  m.hit_at_1 += o.hit_at_1;
  m.hit_at_5 += o.hit_at_5;
  m.mrr += o.reciprocal_rank;
  if (o.rank >= 1 && o.rank <= 5) {
    ++m.hits_at_5;
    if (o.names_concept) ++m.explained;
  }
}

void Finish(SuggestEvalMetrics& m) {
  if (m.queries == 0) return;
  m.hit_at_1 /= m.queries;
  m.hit_at_5 /= m.queries;
  m.mrr /= m.queries;
}

}  // namespace

Result<SuggestEvalSet> LoadSuggestEvalSet(const json_io::Json& pairs_doc, const json_io::Json& pool_doc) {
  using namespace json_io;
  VB_ASSIGN_OR_RETURN(const Json* own, GetArray(pairs_doc, "attendees", "", true));
  VB_ASSIGN_OR_RETURN(const Json* pool, GetArray(pool_doc, "attendees", "pool", true));
  Json all = Json::object();
  all["attendees"] = *own;
  for (const Json& a : *pool) all["attendees"].push_back(a);
  SuggestEvalSet set;
  VB_ASSIGN_OR_RETURN(set.input, ParseSuggestInput(all));
  std::unordered_map<std::string, int> index;
  for (size_t i = 0; i < set.input.attendees.size(); ++i) index[set.input.attendees[i].id] = static_cast<int>(i);
  VB_ASSIGN_OR_RETURN(const Json* pairs, GetArray(pairs_doc, "pairs", "", true));
  for (size_t k = 0; k < pairs->size(); ++k) {
    const Json& p = (*pairs)[k];
    std::string where = Index("pairs", k);
    VB_RETURN_IF_ERROR(ExpectObject(p, where));
    SuggestEvalPair pair;
    VB_ASSIGN_OR_RETURN(pair.id, GetInt(p, "id", where, true));
    VB_ASSIGN_OR_RETURN(pair.kind, GetString(p, "kind", where, false));
    for (auto [key, out] : {std::pair{"query", &pair.query}, std::pair{"target", &pair.target}}) {
      VB_ASSIGN_OR_RETURN(std::string id, GetString(p, key, where, true));
      auto it = index.find(id);
      if (it == index.end()) return InvalidArgument("unknown attendee id \"" + id + "\"", Path(where, key));
      *out = it->second;
    }
    set.pairs.push_back(pair);
  }
  return set;
}

Result<SuggestEvalReport> EvaluateSuggest(const SuggestEvalSet& set, SuggestOptions options, int depth) {
  options.top_k = depth;
  VB_ASSIGN_OR_RETURN(SuggestResult result, Suggest(set.input, options));
  const auto& concepts = Thesaurus::Default().concepts();
  SuggestEvalReport report;
  for (const SuggestEvalPair& pair : set.pairs) {
    SuggestEvalOutcome o;
    o.pair_id = pair.id;
    const std::vector<Suggestion>& list = result.suggestions[pair.query];
    for (size_t r = 0; r < list.size() && r < 5; ++r) o.top.push_back(list[r].other);
    if (!list.empty()) o.first_concepts = list[0].matched_concepts;
    for (size_t r = 0; r < list.size(); ++r) {
      if (list[r].other != pair.target) continue;
      o.rank = static_cast<int>(r) + 1;
      // Candidates with the same score are listed by id; count the target
      // as equally likely at any of the tied places (the ids of this set
      // would otherwise decide: "t01" sorts after "d001" and "q01").
      int better = 0, tied = 0;
      for (size_t x = 0; x < list.size(); ++x) {
        if (list[x].score > list[r].score + kTie) ++better;
        if (std::abs(list[x].score - list[r].score) <= kTie) ++tied;
      }
      for (int place = better + 1; place <= better + tied; ++place) {
        o.hit_at_1 += place == 1 ? 1.0 / tied : 0;
        o.hit_at_5 += place <= 5 ? 1.0 / tied : 0;
        o.reciprocal_rank += 1.0 / place / tied;
      }
      o.explanation = list[r].explanation;
      o.target_concepts = list[r].matched_concepts;
      bool nl = PrefersDutch(set.input.attendees[pair.query]);
      for (int c : list[r].matched_concepts) {
        const std::string& label = nl ? concepts[c].label_nl : concepts[c].label_en;
        if (o.explanation.find(label) != std::string::npos) o.names_concept = true;
      }
      // A match through the lexicon only names the two words it links.
      const std::vector<std::string>& words = list[r].matched_words;
      for (size_t w = 0; w + 1 < words.size(); w += 2) {
        if (o.explanation.find("‘" + words[w] + "’") != std::string::npos &&
            o.explanation.find("‘" + words[w + 1] + "’") != std::string::npos)
          o.names_concept = true;
      }
      break;
    }
    Add(report.all, o);
    Add(pair.id % 2 == 0 ? report.even : report.odd, o);
    report.outcomes.push_back(std::move(o));
  }
  Finish(report.all);
  Finish(report.even);
  Finish(report.odd);
  return report;
}

}  // namespace verbinder::matching
