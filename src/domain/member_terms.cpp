// The search terms of a profile (members.h: Words, IsStopWord, SearchTerms):
// the words the member search and its index (search_index.h) match on.
#include "domain/members.h"

#include <cctype>

namespace verbinder::domain {

using model::Member;

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c)) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool IsStopWord(const std::string& w) {
  // Dutch and English function words: in nearly every profile, so they neither
  // help a search nor deserve index space.
  static const std::set<std::string> kStop = {
      "de",   "het", "een", "en",   "van",   "in",     "op",    "te",     "met",  "voor", "die",  "dat", "is",   "zijn",
      "aan",  "er",  "om",  "bij",  "ook",   "als",    "of",    "naar",   "door", "over", "uit",  "wat", "hoe",  "we",
      "wij",  "ik",  "je",  "jij",  "u",     "hij",    "zij",   "ze",     "mijn", "onze", "ons",  "hun", "niet", "nog",
      "maar", "dan", "tot", "kan",  "wordt", "worden", "heeft", "hebben", "meer", "veel", "elke", "elk", "deze", "dit",
      "the",  "a",   "an",  "and",  "of",    "to",     "in",    "on",     "for",  "with", "at",   "by",  "from", "is",
      "are",  "be",  "our", "we",   "i",     "my",     "it",    "that",   "this", "as",   "or",   "how", "what", "can",
      "more", "not", "but", "into", "their", "they",   "you",   "your"};
  return w.size() < 2 || kStop.count(w) > 0;
}

std::set<std::string> SearchTerms(const Member& m) {
  std::set<std::string> t;
  auto add = [&](const std::string& text, const char* prefix) {
    for (auto& w : Words(text)) {
      if (IsStopWord(w)) continue;
      if (w.size() > 40) w.resize(40);
      t.insert(w);
      if (prefix) t.insert(prefix + w);
    }
  };
  add(m.name, nullptr);
  add(m.organization, nullptr);
  add(m.title, nullptr);
  add(m.region, nullptr);
  for (const auto& tag : m.expertise_tags) add(tag, "ex:");
  add(m.expertise_text, "ex:");
  for (const auto& c : m.challenges) {
    if (c.status != model::ChallengeStatus::kOpen) continue;
    add(c.title, "ch:");
    add(c.text, "ch:");
  }
  return t;
}

}  // namespace verbinder::domain
