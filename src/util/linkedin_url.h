// The one canonical spelling of a LinkedIn profile URL, so a URL saved on a
// profile and the URL in a member's LinkedIn export compare equal however
// each was typed or exported.
//
//   NormalizeLinkedInUrl("nl.linkedin.com/in/Ria%2DJansen/?trk=x")
//     → "https://www.linkedin.com/in/ria-jansen"
//
// Depends on the standard library only (no ICU), so that it can live in
// src/util and be called by domain (on save) and importers (on match) alike.
// Thread-safety: a pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace verbinder {

// Returns "https://www.linkedin.com/in/<slug>" (or ".../pub/<a>/<b>/<c>/<d>" for
// the old public-profile form) for a LinkedIn profile URL, and nullopt for
// anything else (another host, a company page, a bad %-escape, no slug).
// Accepted: with or without http(s)://; host linkedin.com or one label before
// it (www., nl., be., m., …; case-insensitive; a trailing dot); port, query
// string, fragment, trailing slash and segments after the slug (a locale like
// /nl, /details/…) are dropped; a leading /mwlite (the mobile site) is dropped.
// The slug is %-decoded, ASCII letters lowercased, and every byte outside
// A-Z a-z 0-9 - . _ ~ written as %XX (upper-case hex), so "j%c3%bcrgen",
// "J%C3%BCrgen" and a raw "jürgen" are one spelling. Non-ASCII letters keep
// their case here (callers that match may fold further).
std::optional<std::string> NormalizeLinkedInUrl(std::string_view url);

}  // namespace verbinder
