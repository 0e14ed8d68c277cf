// Sending a monthly issue as a resumable, crash-safe job with a per-recipient
// delivery log (table newsletter_deliveries). The contract, also in
// docs/newsletter.md:
//
// - The first send of a month freezes its recipients (the confirmed
//   subscribers at that moment) in one transaction, together with the issue row.
// - Each message is marked `sending` (committed) before it is handed to SMTP
//   and `sent` (committed) once the server accepted it. A sender killed in
//   between leaves exactly that one row `sending`; the next run puts it back
//   to `pending` and sends it again, with the same Message-ID. So after a
//   crash every recipient gets the issue exactly once, except that the one
//   message in flight at the kill may arrive twice — never zero times.
// - An unreachable server or a 4xx stops the job with Unavailable; the
//   message is put back to `pending` and nothing is marked sent. A 5xx for
//   the recipient marks the delivery failed and counts a hard bounce.
// - A second send of a finished issue sends nothing. Two senders never work
//   on the same issue: a lease (owner host:pid, expiry) guards it; a lease
//   held by a dead process on this host is taken over at once, one from
//   another host once it expires.
//
//   IssueSender sender(db, clock, composer, transport);
//   auto report = sender.Send({.month = "2026-11", .rate = 100});
//
// Thread-safety: one IssueSender per thread (the transport is single-threaded).
#pragma once

#include <functional>
#include <string>

#include "newsletter/compose.h"
#include "mail/smtp.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::newsletter {

struct SendOptions {
  std::string month;
  double rate = 0;          // messages per second; 0 = as fast as the server takes them
  std::string owner;        // lease owner; default "<hostname>:<pid>"
  int64_t lease_seconds = 120;
  std::function<void(int64_t done, int64_t total)> progress;
};

struct SendReport {
  model::Id issue_id = 0;
  int64_t recipients = 0;     // frozen at the first send
  int64_t sent_now = 0;       // delivered by this run
  int64_t sent_total = 0;
  int64_t failed = 0;         // permanently rejected (all runs)
  int64_t skipped = 0;        // unsubscribed or bounced before their turn (all runs)
  int64_t resent_in_flight = 0;  // `sending` rows from a crashed run, sent again
  bool finished = false;
};

// The delivery log's summary of an issue, without sending. NotFound("month").
Result<SendReport> IssueStatus(storage::Database& db, const std::string& month);

class IssueSender {
 public:
  IssueSender(storage::Database& db, const Clock& clock, Composer& composer, mail::SmtpTransport& transport)
      : db_(db), clock_(clock), composer_(composer), transport_(transport) {}

  // Sends (or resumes) the issue of options.month. Conflict("month") when
  // the month has no content (nothing is recorded) or another live sender
  // holds the lease; Unavailable when the SMTP server fails transiently.
  Result<SendReport> Send(const SendOptions& options);

 private:
  storage::Database& db_;
  const Clock& clock_;
  Composer& composer_;
  mail::SmtpTransport& transport_;
};

// "<hostname>:<pid>" of this process.
std::string DefaultLeaseOwner();

}  // namespace verbinder::newsletter
