// Bounces: permanent delivery failures mark a subscriber's address, and
// after kMaxHardBounces hard bounces it gets no more mail (status bounced;
// the send job skips it). Two sources:
//
// - the SMTP conversation: a 5xx answer to RCPT TO (Outcome::kRejected) is a
//   hard bounce, recorded by the send job;
// - delivery status notifications (RFC 3464) that arrive later in the bounce
//   mailbox: `verbinder newsletter bounces FILE|DIR` reads mbox files or .eml
//   files (one message each), finds multipart/report; report-type=
//   delivery-status messages, and records each recipient with Action: failed.
//   Status 5.x.x is a hard bounce; 4.x.x and Action: delayed are soft (logged,
//   not counted). The returned message's Message-ID ties the DSN to the
//   newsletter delivery, whose log entry becomes `failed`.
//
// Each bounce is stored once per (original Message-ID, address) in
// newsletter_bounces, so reading the same mailbox twice, or a DSN about a
// message the server already refused at RCPT, counts once.
//
// The same mailbox (the sender address, which is also the envelope sender)
// receives the unsubscribe requests of the mailto in List-Unsubscribe
// (RFC 2369): a message whose Subject holds "unsubscribe" and a signed
// unsubscribe token unsubscribes that subscriber, exactly as the one-click
// link does (idempotent; a forged token changes nothing).
//
//   VB_ASSIGN_OR_RETURN(auto dsn, ParseDsn(raw));            // pure
//   VB_ASSIGN_OR_RETURN(auto report, ProcessBounceFiles(db, clock, {"/var/mail/bounces"}));
//
// Thread-safety: pure parsing; the database functions use one session per call.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::newsletter {

struct DsnRecipient {
  std::string email;       // Final-Recipient (or Original-Recipient), lower case
  std::string action;      // failed | delayed | delivered | relayed | expanded (lower case)
  std::string status;      // "5.1.1"
  std::string diagnostic;  // Diagnostic-Code, unfolded
  bool hard() const { return action == "failed" && !status.empty() && status[0] == '5'; }
};

struct Dsn {
  std::string message_id;           // the DSN's own Message-ID
  std::string original_message_id;  // Message-ID of the returned message (or its headers), if included
  std::vector<DsnRecipient> recipients;
};

// NotFound when `raw` is not a delivery status notification (no
// multipart/report with a message/delivery-status part). Accepts CRLF or LF.
Result<Dsn> ParseDsn(const std::string& raw);

// The unsubscribe token of a mailto unsubscribe request: a message (not a
// DSN) whose Subject contains the word "unsubscribe" and a token
// "u.<id>.<expires>.<64 hex>" (as UnsubscribeMailto writes it; "Re:" or
// other words around it are fine). Empty when `raw` is no such request. The
// token is not verified here. Accepts CRLF or LF.
std::string UnsubscribeRequestToken(const std::string& raw);

// Splits an mbox file ("From " separator lines, ">From " unescaped) into
// messages; a file that does not start with "From " is one message.
std::vector<std::string> SplitMbox(const std::string& content);

struct BounceRecord {
  std::string email;
  std::string kind;  // "hard" or "soft"
  std::string status_code, diagnostic;
  std::string message_id;  // of the bounced message, if known
  std::string source;      // "smtp" or "dsn"
};

// Stores one bounce; a hard one counts against the subscriber (status bounced
// at kMaxHardBounces) and fails the matching delivery. Returns false when this
// (message, address) was recorded before, or the address is no subscriber.
Result<bool> RecordBounce(storage::Database& db, const Clock& clock, const BounceRecord& b);

struct BounceReport {
  int64_t files = 0, messages = 0, dsns = 0;
  int64_t hard = 0, soft = 0;        // newly recorded
  int64_t duplicates = 0;            // seen before
  int64_t unknown = 0;               // addresses that are no subscriber
  int64_t stopped = 0;               // subscribers now marked bounced
  int64_t unsubscribe_requests = 0;  // mailto unsubscribe requests read
  int64_t unsubscribed = 0;          // of them, subscribers unsubscribed now (not before)
  int64_t bad_requests = 0;          // of them, with a forged or unknown token
  std::vector<std::string> errors;   // unreadable files
};

// Reads every path (an mbox file, an .eml file, or a directory of them, not
// recursive), records the bounces and carries out the unsubscribe requests. InvalidArgument("path") when a path
// does not exist.
Result<BounceReport> ProcessBounceFiles(storage::Database& db, const Clock& clock,
                                        const std::vector<std::string>& paths);

}  // namespace verbinder::newsletter
