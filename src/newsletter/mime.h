// Internet message format for the newsletter: RFC 5322 headers, RFC 2047
// encoded UTF-8 header words, RFC 2045 quoted-printable bodies, and a
// multipart/alternative (text + HTML) message with the RFC 2369/8058 list
// headers. Pure functions; no I/O.
//
//   MailMessage m{.from = {"Netwerk Twente", "nieuws@netwerk.example"},
//                 .to = {"Anja", "anja@x.example"}, .subject = "Nieuwsbrief — november",
//                 .text = "...", .html = "<p>...</p>", .message_id = "<1.2@netwerk.example>",
//                 .date = 1794740400};
//   auto raw = BuildMime(m);   // CRLF line endings, ready for SMTP DATA or a .eml file
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "util/status.h"

namespace verbinder::newsletter {

struct Mailbox {
  std::string name;   // display name, UTF-8, may be empty
  std::string email;  // addr-spec
};

struct MailMessage {
  Mailbox from;
  Mailbox to;
  std::string subject;     // UTF-8
  std::string text;        // plain-text part, UTF-8, '\n' line ends
  std::string html;        // HTML part, UTF-8
  std::string message_id;  // "<local@domain>"
  int64_t date = 0;        // Unix seconds
  std::string list_id;         // "Nieuwsbrief <newsletter.netwerk.example>", empty = none
  std::string unsubscribe_url; // https URL for List-Unsubscribe (with one-click POST), empty = none
  std::vector<std::pair<std::string, std::string>> extra_headers;  // already-ASCII headers
};

// InvalidArgument(field) when a header value holds CR, LF or NUL (header
// injection) or is not valid UTF-8.
Status CheckHeaderValue(const std::string& field, const std::string& value);

// `text` as is when it is printable ASCII, else RFC 2047 "=?UTF-8?B?...?="
// words of at most 75 characters (never splitting a UTF-8 sequence), folded
// with CRLF SP between words.
std::string EncodeHeaderWords(const std::string& text);

// "Name <a@b>" with the name quoted or encoded as needed; just "a@b" when the
// name is empty.
std::string FormatMailbox(const Mailbox& mb);

// RFC 5322 date-time in UTC: "Sun, 15 Nov 2026 11:00:00 +0000".
std::string Rfc5322Date(int64_t unix_seconds);

// RFC 2045 quoted-printable with CRLF line ends and soft breaks (≤ 76 chars).
std::string QuotedPrintable(const std::string& text);
std::string Base64(const std::string& bytes);

// Builds the whole message with CRLF line ends. Validates every header value
// (CheckHeaderValue) and both addresses; names the offending field.
Result<std::string> BuildMime(const MailMessage& m);

}  // namespace verbinder::newsletter
