// Internet message format for every e-mail verbinder sends (newsletter,
// notifications, account mails): RFC 5322 headers, RFC 2047 encoded UTF-8
// header words, RFC 2045 quoted-printable bodies, and a multipart/alternative
// (text + HTML) message — or a single text/plain part when there is no HTML —
// with the optional RFC 2369/8058 list headers. Header injection is refused:
// every header value is checked for CR, LF and NUL and must be valid UTF-8.
// Pure functions; no I/O.
//
// Most callers want mail::BuildMessage (mail/config.h), which fills in the
// sender from the configuration and DKIM-signs; BuildMime is the unsigned core.
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

namespace verbinder::mail {

struct Mailbox {
  std::string name;   // display name, UTF-8, may be empty
  std::string email;  // addr-spec
};

struct MailMessage {
  Mailbox from;
  Mailbox to;
  std::string subject;          // UTF-8
  std::string text;             // plain-text part, UTF-8, '\n' line ends
  std::string html;             // HTML part, UTF-8; empty = a text/plain-only message
  std::string message_id;       // "<local@domain>"
  int64_t date = 0;             // Unix seconds
  std::string list_id;          // "Nieuwsbrief <newsletter.netwerk.example>", empty = none
  std::string unsubscribe_url;  // https URL for List-Unsubscribe (with one-click POST), empty = none
  Mailbox reply_to;             // empty email = no Reply-To
  std::vector<std::pair<std::string, std::string>> extra_headers;  // already-ASCII headers
};

// InvalidArgument(field) when a header value holds CR, LF or NUL (header
// injection) or is not valid UTF-8.
Status CheckHeaderValue(const std::string& field, const std::string& value);

// `text` as is when it is printable ASCII (folded at spaces when long), else RFC 2047 "=?UTF-8?B?...?="
// words of at most 75 characters (never splitting a UTF-8 sequence), folded
// with CRLF SP between words.
std::string EncodeHeaderWords(const std::string& text);

// "Name <a@b>" with the name quoted or encoded as needed; just "a@b" when the
// name is empty.
std::string FormatMailbox(const Mailbox& mb);

// "<local@domain-of-from_email>" from a caller-chosen unique, stable local
// part (e.g. "notify.123"); characters outside [A-Za-z0-9.-_] become '-'.
// A message resent after a crash should keep its Message-ID.
std::string MakeMessageId(const std::string& local, const std::string& from_email);

// RFC 5322 date-time in UTC: "Sun, 15 Nov 2026 11:00:00 +0000".
std::string Rfc5322Date(int64_t unix_seconds);

// RFC 2045 quoted-printable with CRLF line ends and soft breaks (≤ 76 chars).
std::string QuotedPrintable(const std::string& text);
std::string Base64(const std::string& bytes);

// Builds the whole message with CRLF line ends. Validates every header value
// (CheckHeaderValue) and both addresses; names the offending field.
Result<std::string> BuildMime(const MailMessage& m);

}  // namespace verbinder::mail
