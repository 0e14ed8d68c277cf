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
// - In the server, the leader requests a send (RequestSend: the recipients
//   are frozen at once) and RunSendLoop, a background thread of every
//   `verbinder serve`, picks the issue up, sends it with the same job, and
//   retries after a pause when the SMTP server is unreachable. Progress is
//   read from the delivery log (GetIssueProgress), so any server process can
//   report it. `verbinder newsletter send` runs the same job in the
//   foreground (with a progress bar).
//
//   IssueSender sender(db, clock, composer, transport);
//   auto report = sender.Send({.month = "2026-11", .rate = 100});
//
// Thread-safety: one IssueSender per thread (the transport is single-threaded).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "newsletter/compose.h"
#include "mail/smtp.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::newsletter {

struct SendOptions {
  std::string month;
  double rate = 0;    // messages per second; 0 = as fast as the server takes them
  std::string owner;  // lease owner; default "<hostname>:<pid>"
  int64_t lease_seconds = 120;
  std::function<void(int64_t done, int64_t total)> progress;
  const std::atomic<bool>* stop = nullptr;  // set: release the lease between batches and return (not finished)
};

struct SendReport {
  model::Id issue_id = 0;
  int64_t recipients = 0;  // frozen at the first send
  int64_t sent_now = 0;    // delivered by this run
  int64_t sent_total = 0;
  int64_t failed = 0;            // permanently rejected (all runs)
  int64_t skipped = 0;           // unsubscribed or bounced before their turn (all runs)
  int64_t resent_in_flight = 0;  // `sending` rows from a crashed run, sent again
  bool finished = false;
};

// The delivery log's summary of an issue, without sending. NotFound("month").
Result<SendReport> IssueStatus(storage::Database& db, const std::string& month);

// What the leader sees while an issue goes out.
struct IssueProgress {
  std::string month;
  // not_started | queued (requested, waiting for a server) | sending |
  // paused (stopped on an error; retried at next_attempt_at) | sent
  std::string state = "not_started";
  int64_t recipients = 0, sent = 0, failed = 0, skipped = 0, pending = 0, in_flight = 0;
  std::string sender;  // the lease holder while sending ("host:pid")
  std::string last_error;
  int64_t requested_at = 0, started_at = 0, finished_at = 0, next_attempt_at = 0;
};
// A month without a row is not_started. InvalidArgument("month").
Result<IssueProgress> GetIssueProgress(storage::Database& db, const Clock& clock, const std::string& month);

// The leader asks the server to send the issue in the background: checks that
// mail is configured and the month has content, freezes the recipients and
// marks the issue requested. Idempotent while it is being sent (a paused job
// is retried at once); Conflict("month") once it was sent, or when the month
// has no content; Conflict("mail") when SMTP is not configured.
Result<IssueProgress> RequestSend(storage::Database& db, const Clock& clock, Composer& composer,
                                  const std::string& month, model::Id requested_by);

// "Send a test to myself": the issue as the leader would receive it (their
// own subscription's language and topics if they have one, their personal
// part), to the leader's account address, with "[TEST] " before the subject
// and a Message-ID of its own. Nothing is logged as delivered.
// Conflict("mail") when SMTP is not configured; Unavailable("smtp") when the
// server does not take it.
struct TestSendResult {
  std::string to, message_id, subject;
};
Result<TestSendResult> SendTest(storage::Database& db, const Clock& clock, Composer& composer,
                                mail::SmtpTransport& transport, const std::string& month, model::Id member_id);

// The background sender of `verbinder serve`: every poll interval it looks for
// requested issues that nobody is sending (or whose lease expired) and sends
// them; on an SMTP failure it records the error and tries again after
// `retry_seconds`. Returns when `stop` becomes true (a send in progress stops
// between two messages and keeps its place).
struct SendLoopOptions {
  double poll_seconds = 2;
  int64_t retry_seconds = 60;
  // Makes the transport for a configuration; default: mail::CurlSmtpTransport(cfg.smtp).
  std::function<std::unique_ptr<mail::SmtpTransport>(const mail::MailConfig&)> transport;
};
void RunSendLoop(storage::Database& db, const Clock& clock, const std::atomic<bool>& stop,
                 const SendLoopOptions& options = {});
// One pass of the loop (for tests): sends what is due; returns how many issues it worked on.
int RunSendLoopOnce(storage::Database& db, const Clock& clock, const SendLoopOptions& options,
                    const std::atomic<bool>& stop);

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
