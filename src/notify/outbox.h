// The mail outbox: every e-mail verbinder sends apart from the monthly
// newsletter issue (notifications, password reset, invitations, ...) is first
// queued as a row of table `outbox`, inside the transaction of the change that
// causes it — so a mail is queued if and only if the change is committed. The
// deliverer (notify/delivery.h; `verbinder serve` in the background and
// `verbinder outbox deliver`) sends queued mail over SMTP once mail delivery
// is configured (mail.smtp_url, see mail/config.h); until then mail waits.
//
//   soci::transaction tx(sql);
//   ... the change ...
//   notify::Mail m{.to_email = "anja@zorg.example", .to_name = "Anja de Vries",
//                  .subject = "Nieuw wachtwoord", .text = "Klik op ...", .kind = "password_reset"};
//   VB_ASSIGN_OR_RETURN(int64_t id, notify::QueueMail(sql, m, clock.Now()));
//   tx.commit();
//
// Rules checked by QueueMail (InvalidArgument naming the field, nothing queued):
//   to_email   a plain address local@domain, at most 254 bytes, no spaces,
//              no CR/LF/NUL, no '<' '>' ',' ';' (one recipient only)
//   to_name    at most 200 bytes, no CR/LF/NUL (header injection)
//   subject    1..300 bytes, no CR/LF/NUL (header injection)
//   text       1..100,000 bytes (plain-text body, '\n' line ends)
//   html       optional, at most 200,000 bytes (an HTML alternative part;
//              the caller escapes what it interpolates)
//   kind       1..60 bytes of [a-z0-9_.-] ("password_reset", "invitation",
//              "notification.meeting_request", ...) — for logs and statistics
// All header fields must be valid UTF-8.
//
// Thread-safety: free functions over the caller's session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/status.h"

namespace soci {
class session;
}

namespace verbinder::notify {

struct Mail {
  std::string to_email;
  std::string to_name;
  std::string subject;
  std::string text;
  std::optional<std::string> html;
  std::string kind;
};

// Checks a Mail against the rules above without queueing it.
Status ValidateMail(const Mail& m);

// Validates and inserts the mail as `pending` in the caller's session (and
// transaction, if one is open). Returns the outbox id. Database errors are
// thrown by SOCI as usual (the caller's transaction rolls back).
Result<int64_t> QueueMail(soci::session& sql, const Mail& m, int64_t now);

// One outbox row, for status pages, the CLI and tests.
struct OutboxEntry {
  int64_t id = 0;
  std::string kind;
  std::string to_email;
  std::string to_name;
  std::string subject;
  std::string text;
  std::string html;
  std::string status;  // pending | sending | sent | failed
  int attempts = 0;
  int64_t next_attempt_at = 0;
  std::string last_error;
  int64_t created_at = 0;
  int64_t sent_at = 0;
};

// Counts per status ("pending", "sending", "sent", "failed").
struct OutboxCounts {
  int64_t pending = 0, sending = 0, sent = 0, failed = 0;
};
OutboxCounts CountOutbox(soci::session& sql);
// The newest `limit` entries, optionally only of one status (empty = all).
std::vector<OutboxEntry> ListOutbox(soci::session& sql, const std::string& status, int limit);

}  // namespace verbinder::notify
