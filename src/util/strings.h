// Small string helpers used across modules: UTF-8 validation, trimming,
// case folding (ASCII), e-mail syntax, splitting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace verbinder {

// True if s is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);
// Number of Unicode code points in a valid UTF-8 string.
size_t Utf8Length(std::string_view s);
std::string Trim(std::string_view s);
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// A pragmatic e-mail check: local@domain.tld, no spaces, <= 254 bytes.
bool IsValidEmail(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
// A list in a sentence: "a", "a and b", "a, b and c" with `conjunction`
// ("and", "en") — or "a; b; c" when an item has the conjunction in it
// ("triage and work allocation"), so the items stay apart: "home care and
// district nursing and triage and work allocation" reads as four things.
// Every explanation that lists concepts uses this one rule.
std::string ListInSentence(const std::vector<std::string>& items, std::string_view conjunction);
bool StartsWith(std::string_view s, std::string_view prefix);
// Escapes & < > " ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

}  // namespace verbinder
