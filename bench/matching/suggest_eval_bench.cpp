// suggest_eval_bench eval [DIR] [--pairs FILE] [--words-only] [--verbose]
//   Quality of `Suggest` on the labelled set DIR/pairs.json + DIR/pool.json
//   (default bench/matching/suggest_eval): hit@1, hit@5, MRR for the tuning
//   half (even pair ids), the held-out half (odd ids) and all pairs, per
//   language kind, and how many top-5 explanations name a linking concept.
//   --pairs FILE (in DIR unless it has a '/'): the pairs of FILE instead,
//   ranked against FILE's profiles plus pairs.json and pool.json.
//   --learn-from FILE,FILE: the pairs of those files as meetings the network
//   confirmed as useful before (SuggestInput::confirmed_meetings).
// suggest_eval_bench speed N [DIR] [--top K] [--seed S] [--threads T] [--learn-from FILE,FILE]
//   Wall time of one Suggest call for N attendees recombined from the set's
//   profiles (expertise of one member, challenges of one or two others, random
//   sector and organization, N ties and N/20 requests), and peak RSS;
//   prepare_seconds: loading the thesaurus and its links before the call
//   (PrepareSuggest, once per process, before the server's port opens);
//   cpu_seconds: of the call, all threads; --threads T: SuggestOptions::threads
//   (0, the default: one per core).
// suggest_eval_bench learned [DIR] --learn-from FILE,FILE [--top K]
//   What the leader's "Learned from meetings" page would list after the pairs
//   of those files were meetings rated useful (matching::LearnedLinks): how
//   many links, how many meetings taught none, the K links most meetings
//   teach (labels in English), and the wall time of computing the list.
// suggest_eval_bench concepts TEXT [--lang nl|en]
//   What the thesaurus finds in TEXT: each concept (id and labels) and
//   the content words no concept covers; for writing
//   and checking the thesaurus files (src/matching/data/thesaurus*.tsv).
// suggest_eval_bench meet CHALLENGE EXPERTISE [--lang nl|en]
//   Whether an attendee with CHALLENGE would be suggested one with EXPERTISE
//   (two attendees, two sectors): the score, the concepts behind it and the
//   explanation in the reader's language (--lang, default nl); exit 1 when they
//   do not meet.
//   --data DIR (every command): the thesaurus from DIR/thesaurus.tsv and
//   DIR/thesaurus_*.tsv as they are now, instead of the compiled-in copy, so an
//   edited data file is checked without a rebuild.
//   --lexicon (eval and speed): with WordNet/FreeDict (off by default, as in the engine);
//   --wordnet-only: WordNet without the FreeDict translations.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "bench/matching/eval_sets.h"
#include "matching/suggest.h"
#include "matching/suggest_eval.h"
#include "matching/text.h"
#include "matching/thesaurus.h"
#include "util/parallel.h"
#include "util/strings.h"

using namespace verbinder::matching;

namespace {

using verbinder::bench::ReadFile;
json_io::Json Load(const std::string& path) {
  return verbinder::bench::LoadJson(path);
}
SuggestEvalSet LoadSet(const std::string& dir, const std::string& pairs_file = "") {
  return verbinder::bench::LoadEvalSet(dir, pairs_file);
}

bool Flag(int argc, char** argv, const char* flag) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], flag) == 0) return true;
  }
  return false;
}

std::string StringOption(int argc, char** argv, const char* name) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  }
  return "";
}

long Option(int argc, char** argv, const char* name, long fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::atol(argv[i + 1]);
  }
  return fallback;
}

std::string Dir(int argc, char** argv, int position) {
  if (argc > position && argv[position][0] != '-') return argv[position];
  return "bench/matching/suggest_eval";
}

void Print(const char* name, const SuggestEvalMetrics& m) {
  std::printf("%-22s queries=%2d hit@1=%.3f hit@5=%.3f MRR=%.3f explanations_naming_concept=%d/%d\n", name, m.queries,
              m.hit_at_1, m.hit_at_5, m.mrr, m.explained, m.hits_at_5);
}

// The pairs of each labelled file in `files` (comma-separated, in DIR unless
// with a '/') as meetings the network confirmed as useful: the query's first
// challenge and the target's expertise (text and tags). Simulates a network
// that has held those meetings before the evaluated one.
std::vector<ConfirmedMeeting> ConfirmedFrom(const std::string& dir, const std::string& files,
                                            const std::string& evaluated) {
  std::map<std::string, json_io::Json> people;
  for (const char* base : {"pool.json", "pairs.json"}) {
    for (const json_io::Json& a : Load(dir + "/" + base)["attendees"]) people[a["id"].get<std::string>()] = a;
  }
  std::vector<ConfirmedMeeting> out;
  for (const std::string& name : verbinder::Split(files, ',')) {
    if (name.empty()) continue;
    if (name == evaluated || (evaluated.empty() && name == "pairs.json")) {
      std::fprintf(stderr, "--learn-from %s: the evaluated pairs themselves; learn from other files\n", name.c_str());
      std::exit(2);
    }
    json_io::Json doc = Load(name.find('/') == std::string::npos ? dir + "/" + name : name);
    for (const json_io::Json& a : doc["attendees"]) people[a["id"].get<std::string>()] = a;
    for (const json_io::Json& p : doc["pairs"]) {
      const json_io::Json& q = people.at(p["query"].get<std::string>());
      const json_io::Json& t = people.at(p["target"].get<std::string>());
      out.push_back({q["challenges"][0].get<std::string>(),
                     ExpertiseText(t["expertise"]["text"].get<std::string>(),
                                   t["expertise"]["tags"].get<std::vector<std::string>>())});
    }
  }
  return out;
}

int Eval(int argc, char** argv) {
  SuggestEvalSet set = LoadSet(Dir(argc, argv, 2), StringOption(argc, argv, "--pairs"));
  if (std::string files = StringOption(argc, argv, "--learn-from"); !files.empty())
    set.input.confirmed_meetings = ConfirmedFrom(Dir(argc, argv, 2), files, StringOption(argc, argv, "--pairs"));
  SuggestOptions options;
  options.use_thesaurus = !Flag(argc, argv, "--words-only");
  options.use_lexicon = Flag(argc, argv, "--lexicon") || Flag(argc, argv, "--wordnet-only");
  auto report = EvaluateSuggest(set, options);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
    return 1;
  }
  std::printf("# %zu pairs, %zu profiles, %s\n", set.pairs.size(), set.input.attendees.size(),
              options.use_thesaurus ? "thesaurus" : "words only");
  Print("tuning (even ids)", report->even);
  Print("held out (odd ids)", report->odd);
  Print("all", report->all);
  std::map<std::string, SuggestEvalMetrics> by_kind;
  for (size_t k = 0; k < set.pairs.size(); ++k) {
    SuggestEvalMetrics& m = by_kind[set.pairs[k].kind];
    int rank = report->outcomes[k].rank;
    ++m.queries;
    m.hit_at_1 += report->outcomes[k].hit_at_1;
    m.hit_at_5 += report->outcomes[k].hit_at_5;
    m.mrr += report->outcomes[k].reciprocal_rank;
    if (rank >= 1 && rank <= 5) {
      ++m.hits_at_5;
      m.explained += report->outcomes[k].names_concept;
    }
  }
  for (auto& [kind, m] : by_kind) {
    m.hit_at_1 /= m.queries;
    m.hit_at_5 /= m.queries;
    m.mrr /= m.queries;
    Print(("kind " + kind).c_str(), m);
  }
  if (long q = Option(argc, argv, "--pair", 0); q > 0) {
    // Development aid: the query's top 8 with scores and explanations.
    SuggestOptions deep = options;
    deep.top_k = 8;
    auto r = Suggest(set.input, deep);
    TextAnalyzer analyzer(options.use_lexicon ? &Lexicon::Default() : nullptr);
    auto show = [&](const char* what, const std::string& text, const SuggestAttendee& a) {
      Language fallback = !a.languages.empty() && a.languages[0] == "nl" ? Language::kDutch : Language::kEnglish;
      TextAnalysis t = analyzer.Analyze(text, fallback);
      std::printf("  %s %s:", a.id.c_str(), what);
      for (int c : t.concepts) std::printf(" %s", Thesaurus::Default().concepts()[c].id.c_str());
      std::printf(" |");
      for (const std::string& w : t.terms) std::printf(" %s", w.c_str());
      std::printf(" | lexicon:");
      for (const LexicalWord& w : t.words)
        std::printf(" %s->%s(%zu)", w.word.c_str(), w.english.c_str(), w.senses->size());
      std::printf("\n");
    };
    for (const SuggestEvalPair& p : set.pairs) {
      if (p.id != q) continue;
      const SuggestAttendee& qa = set.input.attendees[p.query];
      const SuggestAttendee& ta = set.input.attendees[p.target];
      for (const std::string& c : qa.challenges) show("challenge", c, qa);
      std::string qe = qa.expertise_text, te = ta.expertise_text;
      for (const std::string& t : qa.expertise_tags) qe += " . " + t;
      for (const std::string& t : ta.expertise_tags) te += " . " + t;
      show("expertise", qe, qa);
      show("expertise", te, ta);
      for (const Suggestion& s : r->suggestions[p.query]) {
        std::printf("%s%s %.4f %s\n", s.other == p.target ? "* " : "  ", set.input.attendees[s.other].id.c_str(),
                    s.score, s.explanation.c_str());
      }
    }
  }
  // Where the misses come from: the target shares no concept with its
  // query's challenge, or it does and others holding a concept rank first
  // (all of the target's concepts among the first suggestion's: lost within
  // its concept; else lost to another concept).
  {
    int rank1 = 0, none = 0, within = 0, other = 0;
    for (const SuggestEvalOutcome& o : report->outcomes) {
      if (o.rank == 1) {
        ++rank1;
      } else if (o.target_concepts.empty()) {
        ++none;
      } else {
        std::vector<int> t = o.target_concepts, f = o.first_concepts;
        std::sort(t.begin(), t.end());
        std::sort(f.begin(), f.end());
        if (std::includes(f.begin(), f.end(), t.begin(), t.end()))
          ++within;
        else
          ++other;
      }
    }
    std::printf("misses: rank1=%d no_shared_concept_or_unranked=%d lost_within_concept=%d lost_to_other_concept=%d\n",
                rank1, none, within, other);
  }
  if (Flag(argc, argv, "--verbose")) {
    for (size_t k = 0; k < set.pairs.size(); ++k) {
      const SuggestEvalOutcome& o = report->outcomes[k];
      std::string top;
      for (int t : o.top) top += " " + set.input.attendees[t].id;
      std::printf("pair %2d rank %2d %s top5:%s | %s\n", o.pair_id, o.rank, o.names_concept ? "concept" : "-------",
                  top.c_str(), o.explanation.c_str());
    }
  }
  return 0;
}

double PeakMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

// User + system CPU seconds of the process so far (every thread).
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(ru.ru_utime) + seconds(ru.ru_stime);
}

int Speed(int argc, char** argv) {
  const int n = std::atoi(argv[2]);
  SuggestEvalSet set = LoadSet(Dir(argc, argv, 3));
  std::mt19937_64 rng(static_cast<uint64_t>(Option(argc, argv, "--seed", 1)));
  auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
  const auto& src = set.input.attendees;
  const char* sectors[] = {"care", "industry", "government", "education", "finance"};
  SuggestInput in;
  for (int i = 0; i < n; ++i) {
    const SuggestAttendee& a = src[pick(src.size())];
    const SuggestAttendee& b = src[pick(src.size())];
    const SuggestAttendee& c = src[pick(src.size())];
    SuggestAttendee x;
    x.id = "m" + std::to_string(i);
    x.sector = sectors[pick(5)];
    x.organization = "org" + std::to_string(pick(static_cast<size_t>(n) / 8 + 1));
    x.languages = a.languages;
    x.expertise_tags = a.expertise_tags;
    x.expertise_text = a.expertise_text;
    x.challenges = b.challenges;
    if (rng() % 2) x.challenges.insert(x.challenges.end(), c.challenges.begin(), c.challenges.end());
    in.attendees.push_back(std::move(x));
  }
  for (int k = 0; k < n; ++k) {
    int a = static_cast<int>(pick(n)), b = static_cast<int>(pick(n));
    if (a != b) in.ties.push_back({.a = a, .b = b, .real = rng() % 2 == 0});
  }
  for (int k = 0; k < n / 20; ++k) {
    int a = static_cast<int>(pick(n)), b = static_cast<int>(pick(n));
    if (a != b) in.requests.push_back({.from = a, .to = b});
  }
  if (std::string files = StringOption(argc, argv, "--learn-from"); !files.empty())
    in.confirmed_meetings = ConfirmedFrom(Dir(argc, argv, 3), files, "-");
  SuggestOptions options;
  options.top_k = static_cast<int>(Option(argc, argv, "--top", 5));
  options.use_lexicon = Flag(argc, argv, "--lexicon") || Flag(argc, argv, "--wordnet-only");
  options.threads = static_cast<int>(Option(argc, argv, "--threads", 0));
  // The thesaurus and its links load once per process (the server does it
  // before its port opens): timed apart from the call.
  auto t0 = std::chrono::steady_clock::now();
  PrepareSuggest();
  auto t1 = std::chrono::steady_clock::now();
  const double cpu_before = CpuSeconds();
  auto r = Suggest(in, options);
  auto t2 = std::chrono::steady_clock::now();
  const double cpu = CpuSeconds() - cpu_before;
  if (!r.ok()) return 1;
  size_t listed = 0;
  for (const auto& s : r->suggestions) listed += s.size();
  std::printf(
      "suggest_speed attendees=%d top=%d confirmed_meetings=%zu seconds=%.3f suggestions=%zu peak_rss_mb=%.0f "
      "prepare_seconds=%.3f cpu_seconds=%.3f threads=%d\n",
      n, options.top_k, in.confirmed_meetings.size(), std::chrono::duration<double>(t2 - t1).count(), listed, PeakMb(),
      std::chrono::duration<double>(t1 - t0).count(), cpu, verbinder::util::ResolveThreads(options.threads));
  return 0;
}

int Concepts(int argc, char** argv) {
  const Thesaurus& t = Thesaurus::Default();
  const Language fallback = StringOption(argc, argv, "--lang") == "en" ? Language::kEnglish : Language::kDutch;
  TextAnalyzer analyzer;
  TextAnalysis a = analyzer.Analyze(argv[2], fallback);
  std::printf("language=%s concepts=%zu (thesaurus: %zu concepts, %zu terms)\n",
              a.language == Language::kDutch ? "nl" : "en", a.concepts.size(), t.concepts().size(),
              t.patterns().size());
  for (int k : a.concepts) {
    const Concept& c = t.concepts()[k];
    std::printf("  %-28s %s / %s\n", c.id.c_str(), c.label_en.c_str(), c.label_nl.c_str());
  }
  std::printf("uncovered stems:");
  for (const std::string& w : a.terms) std::printf(" %s", w.c_str());
  std::printf("\n");
  return 0;
}

int Meet(int argc, char** argv) {
  const Thesaurus& t = Thesaurus::Default();
  const std::string lang = StringOption(argc, argv, "--lang") == "en" ? "en" : "nl";
  SuggestInput in;
  in.attendees = {{.id = "challenge", .sector = "a", .languages = {lang}, .challenges = {argv[2]}},
                  {.id = "expertise", .sector = "b", .languages = {lang}, .expertise_text = argv[3]}};
  SuggestOptions options;
  options.top_k = 1;
  options.language = lang;
  auto result = Suggest(in, options);
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
    return 2;
  }
  const std::vector<Suggestion>& list = result->suggestions[0];
  if (list.empty() || list[0].matched_concepts.empty()) {
    std::printf("no meeting through a concept\n");
    return 1;
  }
  std::printf("score=%.3f concepts:", list[0].score);
  for (int k : list[0].matched_concepts) std::printf(" %s", t.concepts()[k].id.c_str());
  std::printf("\n%s\n", list[0].explanation.c_str());
  return 0;
}

// DIR/thesaurus.tsv and DIR/thesaurus_*.tsv joined as the build joins them
// (src/matching/CMakeLists.txt); exits when a file is missing or does not parse.
void UseDataDir(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  std::filesystem::directory_iterator listing(dir, error);
  if (error) {
    std::fprintf(stderr, "cannot read the directory %s: %s\n", dir.c_str(), error.message().c_str());
    std::exit(2);
  }
  for (const auto& entry : listing) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("thesaurus_", 0) == 0 && entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  files.insert(files.begin(), std::filesystem::path(dir) / "thesaurus.tsv");
  std::string text;
  for (const auto& path : files) text += "# @file " + path.filename().string() + "\n" + ReadFile(path) + "\n";
  if (auto parsed = Thesaurus::Parse(text); !parsed.ok()) {
    std::fprintf(stderr, "%s: %s\n", dir.c_str(), parsed.status().ToString().c_str());
    std::exit(2);
  }
  Thesaurus::ConfigureDefault(std::move(text));
}

int Learned(int argc, char** argv) {
  const std::string files = StringOption(argc, argv, "--learn-from");
  if (files.empty()) {
    std::fprintf(stderr, "learned: --learn-from FILE,FILE is required\n");
    return 2;
  }
  const std::vector<ConfirmedMeeting> meetings = ConfirmedFrom(Dir(argc, argv, 2), files, "-");
  // Meetings that teach nothing: their texts already meet (or hold no
  // specific concept). Also loads the thesaurus before the timed call.
  int silent = 0;
  for (const ConfirmedMeeting& m : meetings) silent += LearnedLinks({m}).empty() ? 1 : 0;
  auto t0 = std::chrono::steady_clock::now();
  const std::vector<LearnedLink> links = LearnedLinks(meetings);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("learned_links meetings=%zu teaching_nothing=%d links=%zu seconds=%.3f\n", meetings.size(), silent,
              links.size(), seconds);
  const Thesaurus& t = Thesaurus::Default();
  const int top = static_cast<int>(Option(argc, argv, "--top", 20));
  for (int k = 0; k < top && k < static_cast<int>(links.size()); ++k) {
    const LearnedLink& l = links[k];
    std::printf("  %d  %s (%s) <-> %s (%s)\n", l.meetings,
                t.concepts()[t.FindConcept(l.challenge_concept)].label_en.c_str(), l.challenge_concept.c_str(),
                t.concepts()[t.FindConcept(l.expertise_concept)].label_en.c_str(), l.expertise_concept.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (std::string dir = StringOption(argc, argv, "--data"); !dir.empty()) UseDataDir(dir);
  if (Flag(argc, argv, "--wordnet-only")) {  // ablation: Dutch words get no translation
    LexiconPaths paths;
    paths.freedict_dir.clear();
    Lexicon::ConfigureDefault(paths);
  }
  if (argc >= 2 && std::strcmp(argv[1], "eval") == 0) return Eval(argc, argv);
  if (argc >= 3 && std::strcmp(argv[1], "speed") == 0) return Speed(argc, argv);
  if (argc >= 2 && std::strcmp(argv[1], "learned") == 0) return Learned(argc, argv);
  if (argc >= 3 && std::strcmp(argv[1], "concepts") == 0) return Concepts(argc, argv);
  if (argc >= 4 && std::strcmp(argv[1], "meet") == 0) return Meet(argc, argv);
  std::fprintf(stderr,
               "usage: suggest_eval_bench eval [DIR] [--pairs FILE] [--learn-from FILE,FILE] [--words-only] [--lexicon "
               "| --wordnet-only] "
               "[--verbose] [--pair ID]\n"
               "       suggest_eval_bench speed N [DIR] [--top K] [--seed S] [--lexicon] [--learn-from FILE,FILE]\n"
               "       suggest_eval_bench learned [DIR] --learn-from FILE,FILE [--top K]\n"
               "       suggest_eval_bench concepts TEXT [--lang nl|en]\n"
               "       suggest_eval_bench meet CHALLENGE EXPERTISE [--lang nl|en]\n"
               "       (every command: [--data DIR] reads the thesaurus from DIR/thesaurus*.tsv)\n");
  return 2;
}
