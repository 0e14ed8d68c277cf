// Internal to the newsletter composer (compose.cpp, personal.cpp): the
// e-mail's texts in both languages. Not for use outside src/newsletter.
#pragma once

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
  const char* asked_because;  // before the route's reason, as the question page says it
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

}  // namespace verbinder::newsletter::internal
