// route_eval_bench eval FILE [FILE...] [--dir DIR]
//   How questions::RouteQuestion ranks the labelled expert of each pair of the
//   suggestion evaluation sets (bench/matching/suggest_eval/FILE, ranked
//   against FILE's profiles plus pairs.json and pool.json, as
//   `suggest_eval_bench eval --pairs FILE`): the query member's challenges are
//   the question, every other profile a candidate; hit@1, hit@5 and MRR
//   (depth 50; ties: lower id first, not tie-aware).
// route_eval_bench speed N [--dir DIR]
//   Wall time of routing one question to N candidates (the sets' profiles,
//   repeated), three runs, after the thesaurus is loaded.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench/matching/eval_sets.h"
#include "matching/suggest_eval.h"
#include "questions/routing.h"

namespace {

using namespace verbinder;

questions::RoutingCandidate Candidate(int64_t id, const matching::SuggestAttendee& a) {
  questions::RoutingCandidate c;
  c.id = id;
  c.sector = a.sector;
  c.expertise_tags = a.expertise_tags;
  c.expertise_text = a.expertise_text;
  return c;
}

int Eval(const std::string& dir, const std::vector<std::string>& files) {
  matching::TextAnalyzer analyzer;
  for (const std::string& file : files) {
    const matching::SuggestEvalSet set = bench::LoadEvalSet(dir, file);
    const auto& people = set.input.attendees;
    double hit1 = 0, hit5 = 0, mrr = 0;
    for (const matching::SuggestEvalPair& p : set.pairs) {
      std::string text;
      for (const std::string& c : people[p.query].challenges) text += c + "\n";
      std::vector<questions::RoutingCandidate> candidates;
      for (size_t j = 0; j < people.size(); ++j)
        if (static_cast<int>(j) != p.query) candidates.push_back(Candidate(static_cast<int64_t>(j), people[j]));
      auto routed = questions::RouteQuestion({"", text, {}, people[p.query].sector}, candidates, 50, analyzer, {});
      if (!routed.ok()) {
        std::fprintf(stderr, "%s: %s\n", file.c_str(), routed.status().ToString().c_str());
        return 1;
      }
      int rank = 0;
      for (size_t r = 0; r < routed->size() && rank == 0; ++r)
        if ((*routed)[r].id == p.target) rank = static_cast<int>(r) + 1;
      hit1 += rank == 1 ? 1 : 0;
      hit5 += rank >= 1 && rank <= 5 ? 1 : 0;
      mrr += rank > 0 ? 1.0 / rank : 0;
    }
    const double n = static_cast<double>(set.pairs.size());
    std::printf("route_eval %s queries=%zu profiles=%zu hit@1=%.3f hit@5=%.3f MRR=%.3f\n", file.c_str(),
                set.pairs.size(), people.size(), hit1 / n, hit5 / n, mrr / n);
  }
  return 0;
}

int Speed(const std::string& dir, int n) {
  const matching::SuggestEvalSet set = bench::LoadEvalSet(dir);
  std::vector<questions::RoutingCandidate> candidates;
  for (int i = 0; i < n; ++i)
    candidates.push_back(Candidate(i + 1, set.input.attendees[static_cast<size_t>(i) % set.input.attendees.size()]));
  matching::TextAnalyzer analyzer;
  matching::PrepareSuggest();
  for (int run = 0; run < 3; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    auto routed = questions::RouteQuestion(
        {"Onze wachtlijsten groeien", "Hoe krijgen we de doorstroom beter?", {}, "care"}, candidates, 5, analyzer, {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!routed.ok()) return 1;
    std::printf("route_speed candidates=%d seconds=%.3f routed=%zu\n", n, seconds, routed->size());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "bench/matching/suggest_eval";
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
      dir = argv[++i];
    } else {
      args.emplace_back(argv[i]);
    }
  }
  if (args.size() >= 2 && args[0] == "eval") return Eval(dir, {args.begin() + 1, args.end()});
  if (args.size() == 2 && args[0] == "speed") return Speed(dir, std::stoi(args[1]));
  std::fprintf(stderr,
               "usage: route_eval_bench eval FILE [FILE...] [--dir DIR]\n"
               "       route_eval_bench speed N [--dir DIR]\n");
  return 2;
}
