#include "domain/validation.h"

#include "util/linkedin_url.h"

#include <algorithm>

#include "util/strings.h"

namespace verbinder::domain {

Status CheckText(const std::string& field, const std::string& value, size_t min_len, size_t max_len, bool multiline) {
  if (!IsValidUtf8(value)) return InvalidArgument("is not valid UTF-8", field).WithReason("field.invalid_characters");
  for (unsigned char c : value) {
    if (c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t')) && c != '\t')
      return InvalidArgument("contains a control character", field).WithReason("field.invalid_characters");
    if (c == 0x7F) return InvalidArgument("contains a control character", field).WithReason("field.invalid_characters");
  }
  size_t n = Utf8Length(value);
  if (n < min_len) {
    if (n == 0) return InvalidArgument("is required", field).WithReason("field.required");
    return InvalidArgument("is too short (at least " + std::to_string(min_len) + " characters)", field)
        .WithReason("field.too_short", {{"min", std::to_string(min_len)}});
  }
  if (n > max_len)
    return InvalidArgument("is too long (at most " + std::to_string(max_len) + " characters)", field)
        .WithReason("field.too_long", {{"max", std::to_string(max_len)}});
  return Status::Ok();
}

Status CheckUnixTime(const std::string& field, int64_t unix_seconds) {
  if (unix_seconds < kMinUnixTime || unix_seconds >= kMaxUnixTime)
    return InvalidArgument("must be a date between 2000-01-01 and 2100-01-01 (Unix seconds)", field)
        .WithReason("field.date_out_of_range");
  return Status::Ok();
}

Status ValidateChallenge(const std::string& field, model::Challenge& c) {
  c.title = Trim(c.title);
  VB_RETURN_IF_ERROR(CheckText(field + ".title", c.title, 1, kMaxShort));
  VB_RETURN_IF_ERROR(CheckText(field + ".text", c.text, 0, kMaxText, true));
  return Status::Ok();
}

Status ValidateMember(model::Member& m, const std::set<std::string>& sectors) {
  m.name = Trim(m.name);
  m.email = AsciiLower(Trim(m.email));
  VB_RETURN_IF_ERROR(CheckText("name", m.name, 1, kMaxName));
  if (m.email.empty()) return InvalidArgument("is required", "email").WithReason("field.required");
  if (!IsValidEmail(m.email))
    return InvalidArgument("is not a valid e-mail address", "email").WithReason("field.invalid_email");
  VB_RETURN_IF_ERROR(CheckText("organization", m.organization, 0, kMaxShort));
  VB_RETURN_IF_ERROR(CheckText("title", m.title, 0, kMaxShort));
  VB_RETURN_IF_ERROR(CheckText("region", m.region, 0, 100));
  VB_RETURN_IF_ERROR(CheckText("bio", m.bio, 0, kMaxText, true));
  VB_RETURN_IF_ERROR(CheckText("expertise.text", m.expertise_text, 0, kMaxText, true));
  VB_RETURN_IF_ERROR(CheckText("visit_location", m.visit_location, 0, kMaxShort));
  if (!m.sector.empty() && !sectors.count(m.sector))
    return InvalidArgument("unknown sector '" + m.sector + "'", "sector").WithReason("field.unknown_sector");
  if (m.expertise_tags.size() > kMaxTags)
    return InvalidArgument("at most " + std::to_string(kMaxTags) + " tags", "expertise.tags")
        .WithReason("field.too_many", {{"max", std::to_string(kMaxTags)}});
  std::vector<std::string> tags;
  for (size_t i = 0; i < m.expertise_tags.size(); ++i) {
    std::string t = Trim(m.expertise_tags[i]);
    VB_RETURN_IF_ERROR(CheckText("expertise.tags[" + std::to_string(i) + "]", t, 1, kMaxTag));
    if (t.find(',') != std::string::npos)
      return InvalidArgument("a tag cannot contain a comma", "expertise.tags[" + std::to_string(i) + "]")
          .WithReason("field.no_comma");
    if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
  }
  m.expertise_tags = tags;
  std::vector<std::string> langs;
  for (size_t i = 0; i < m.languages.size(); ++i) {
    std::string l = AsciiLower(Trim(m.languages[i]));
    bool ok = l.size() == 2 && std::all_of(l.begin(), l.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!ok)
      return InvalidArgument("must be a two-letter language code like 'nl' or 'en'",
                             "languages[" + std::to_string(i) + "]")
          .WithReason("field.language_code");
    if (std::find(langs.begin(), langs.end(), l) == langs.end()) langs.push_back(l);
  }
  if (langs.size() > 10)
    return InvalidArgument("at most 10 languages", "languages").WithReason("field.too_many", {{"max", "10"}});
  m.languages = langs;
  if (!m.linkedin_url.empty()) {
    VB_RETURN_IF_ERROR(CheckText("linkedin_url", m.linkedin_url, 0, 500));
    // One spelling of a LinkedIn profile, so the LinkedIn import matches it however
    // it was typed (country host, trailing slash, query...). Another http(s) URL is
    // kept as it is: older profiles may hold one.
    if (auto url = NormalizeLinkedInUrl(m.linkedin_url))
      m.linkedin_url = *url;
    else if (!StartsWith(m.linkedin_url, "https://") && !StartsWith(m.linkedin_url, "http://"))
      return InvalidArgument("must be a LinkedIn profile URL like https://www.linkedin.com/in/name", "linkedin_url")
          .WithReason("field.linkedin_url");
  }
  if (m.challenges.size() > kMaxChallenges)
    return InvalidArgument("at most " + std::to_string(kMaxChallenges) + " challenges", "challenges")
        .WithReason("field.too_many", {{"max", std::to_string(kMaxChallenges)}});
  for (size_t i = 0; i < m.challenges.size(); ++i)
    VB_RETURN_IF_ERROR(ValidateChallenge("challenges[" + std::to_string(i) + "]", m.challenges[i]));
  return Status::Ok();
}

}  // namespace verbinder::domain
