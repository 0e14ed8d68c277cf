// Delivering the mail outbox (outbox.h) over SMTP with the installation's mail
// settings (mail/config.h). Runs in `verbinder serve` as a background loop and
// on demand as `verbinder outbox deliver`.
//
//   OutboxDeliverer d(db, clock);                    // CurlSmtpTransport from the settings
//   VB_ASSIGN_OR_RETURN(DeliveryReport r, d.DeliverDue());
//   if (!r.configured) { /* mail stays queued until mail.smtp_url and mail.from_email are set */ }
//
// Each due mail is claimed (status sending, lock_until = now + lease) by one
// UPDATE, so several servers never send the same mail; sent → `sent`; refused
// permanently (5xx on RCPT, or a message that cannot be built) → `failed` with
// the reason; anything transient (server down, 4xx, timeout) → back to
// `pending` with attempts + 1 and next_attempt_at = now + backoff (1 min, 2, 4,
// ... capped at 6 h; `failed` after max_attempts), and the round stops (the
// server is probably down). A claim left by a crashed deliverer expires after
// the lease and the mail is sent again with the same Message-ID
// (<outbox.ID@sender-domain>) — at least once, duplicates recognisable.
//
// Thread-safety: one deliverer per thread; several deliverers (threads,
// processes, servers) may run at once on the same database.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "mail/config.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::notify {

struct DeliveryOptions {
  std::string owner = "deliverer";  // written into lock_owner
  int batch = 100;                  // at most this many mails per DeliverDue
  int64_t lease_seconds = 300;
  int max_attempts = 12;
  // Makes the transport for a configuration; default: mail::CurlSmtpTransport(cfg.smtp).
  std::function<std::unique_ptr<mail::SmtpTransport>(const mail::MailConfig&)> transport;
};

struct DeliveryReport {
  bool configured = false;
  int sent = 0;
  int failed = 0;     // permanently, this round
  int deferred = 0;   // transient failure, retried later
  int remaining = 0;  // still pending and due after this round
};

// Seconds to wait before attempt number `attempts` + 1 (attempts >= 1).
int64_t BackoffSeconds(int attempts);

class OutboxDeliverer {
 public:
  OutboxDeliverer(storage::Database& db, const Clock& clock, DeliveryOptions options = {});
  ~OutboxDeliverer();

  // Sends what is due now, up to options.batch mails.
  Result<DeliveryReport> DeliverDue();

 private:
  storage::Database& db_;
  const Clock& clock_;
  DeliveryOptions options_;
  std::unique_ptr<mail::SmtpTransport> transport_;
  std::string transport_url_;  // the config the transport was made for
};

// The background loop of `verbinder serve`: DeliverDue every `interval_seconds`
// until `stop` becomes true (checked every 200 ms). Errors are logged, never fatal.
void RunDeliveryLoop(storage::Database& db, const Clock& clock, const std::atomic<bool>& stop,
                     int interval_seconds = 15, DeliveryOptions options = {});

}  // namespace verbinder::notify
