// Internal to the newsletter composer (compose.cpp, personal.cpp): the
// e-mail's texts in both languages and the expertise words that match a
// member to open questions. Not for use outside src/newsletter.
#pragma once

#include <set>
#include <string>

namespace verbinder::newsletter::internal {

// The texts of the e-mail in both languages.
struct Texts {
  const char* newsletter;
  const char* articles;
  const char* no_articles;
  const char* events;
  const char* free;
  const char* personal;
  const char* meet_at;
  const char* meet_link;
  const char* questions;
  const char* questions_intro;
  const char* hosts;
  const char* hosts_intro;
  const char* read_more;
  const char* unsubscribe;
  const char* why;
  const char* by;
  const char* your_topics;
  const char* also;
  const char* none_on_topics;
};
const Texts& T(const std::string& lang);

inline constexpr int kMaxExpertiseWords = 500;
// The words of a member's expertise that can match a question: 4+ characters,
// no function words, at most 40 bytes (as the search index keeps them).
std::set<std::string> ExpertiseWords(const std::string& text);

}  // namespace verbinder::newsletter::internal
