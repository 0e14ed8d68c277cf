// Signed, expiring tokens for the links in newsletter e-mails: the double
// opt-in confirmation and the one-click unsubscribe. A token names its
// purpose, the subscriber and an expiry, authenticated with HMAC-SHA-256
// under a per-installation secret kept in the settings table (created on
// first use), so no token table is needed and every server can verify.
//
//   VB_ASSIGN_OR_RETURN(auto key, TokenKey(db));
//   std::string t = SignToken(key, TokenPurpose::kConfirm, sub_id, now + kConfirmTokenLifetime);
//   auto id = VerifyToken(key, TokenPurpose::kConfirm, t, now);   // → sub_id, or InvalidArgument("token")
//
// Thread-safety: pure functions; TokenKey is safe from several processes.
#pragma once

#include <cstdint>
#include <string>

#include "storage/database.h"
#include "util/status.h"

namespace verbinder::newsletter {

enum class TokenPurpose { kConfirm, kUnsubscribe };

inline constexpr int64_t kConfirmTokenLifetime = 48 * 3600;
// Unsubscribe links must keep working in old issues; 0 means "never expires".
inline constexpr int64_t kNeverExpires = 0;

// "<c|u>.<subscriber id>.<expires>.<64 hex HMAC>".
std::string SignToken(const std::string& key, TokenPurpose purpose, int64_t subscriber_id, int64_t expires_at);
// The subscriber id, or InvalidArgument on field "token" for a malformed or
// forged token, or one past its expiry.
Result<int64_t> VerifyToken(const std::string& key, TokenPurpose purpose, const std::string& token, int64_t now);

// The installation's 32-byte secret (settings key "newsletter.token_key"),
// created with libsodium's RNG the first time it is asked for.
Result<std::string> TokenKey(storage::Database& db);

}  // namespace verbinder::newsletter
