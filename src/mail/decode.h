// Decoding what arrives by mail: the base64 content transfer encoding
// (RFC 2045 §6.8), the inverse of mime.h's Base64. Read by the newsletter's
// bounce reader (DSN parts) and by the tests' message parser (mail/testing.h).
//
//   std::string bytes = mail::DecodeBase64("SGFsbG8=\r\n");   // → "Hallo"
//
// Thread-safety: pure functions.
#pragma once

#include <string>

namespace verbinder::mail {

// Decodes base64 leniently, as mail readers must: characters outside the
// alphabet (line breaks, spaces, '=' padding) are skipped, and trailing bits
// that make no whole byte are dropped. Never fails.
std::string DecodeBase64(const std::string& in);

}  // namespace verbinder::mail
