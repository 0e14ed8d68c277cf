// Input validation shared by the API, CSV import and the CLI: one place that
// knows the limits of every field. Errors name the field ("email",
// "challenges[2].title") so callers can prefix a row number.
#pragma once

#include <cstdint>
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

// Dates as Unix seconds (events, programme items, rounds' slots, visits,
// publication dates): 2000-01-01T00:00:00Z ≤ t < 2100-01-01T00:00:00Z. Outside
// that a value is a typo or a unit mix-up (milliseconds), and far outside it
// overflows date arithmetic; also keeps `t + duration` well inside int64.
inline constexpr int64_t kMinUnixTime = 946'684'800;    // 2000-01-01
inline constexpr int64_t kMaxUnixTime = 4'102'444'800;  // 2100-01-01
// InvalidArgument("must be a date between 2000-01-01 and 2100-01-01 (Unix
// seconds)", field) outside the range.
Status CheckUnixTime(const std::string& field, int64_t unix_seconds);

// Validates every field of a member; `sectors` are the configured sector keys.
// Normalises in place: trims, lowercases the e-mail, dedups tags/languages.
Status ValidateMember(model::Member& m, const std::set<std::string>& sectors);
Status ValidateChallenge(const std::string& field, model::Challenge& c);

}  // namespace verbinder::domain
