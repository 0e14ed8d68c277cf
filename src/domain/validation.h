// Input validation shared by the API, CSV import and the CLI: one place that
// knows the limits of every field. Errors name the field ("email",
// "challenges[2].title") so callers can prefix a row number.
#pragma once

#include <set>
#include <string>

#include "model/model.h"
#include "util/status.h"

namespace verbinder::domain {

inline constexpr size_t kMaxName = 200;
inline constexpr size_t kMaxShort = 200;
inline constexpr size_t kMaxText = 4000;
inline constexpr size_t kMaxTags = 30;
inline constexpr size_t kMaxTag = 60;
inline constexpr size_t kMaxChallenges = 20;

// Checks a text field: valid UTF-8, no control characters except newline/tab
// (when multiline), length in code points within [min_len, max_len].
Status CheckText(const std::string& field, const std::string& value, size_t min_len, size_t max_len,
                 bool multiline = false);

// Validates every field of a member; `sectors` are the configured sector keys.
// Normalises in place: trims, lowercases the e-mail, dedups tags/languages.
Status ValidateMember(model::Member& m, const std::set<std::string>& sectors);
Status ValidateChallenge(const std::string& field, model::Challenge& c);

}  // namespace verbinder::domain
