// Account mails (sign-up confirmation, invitation, password reset) through
// the outbox: notify's implementation of domain::AccountMailer, the one path
// every account mail takes, in the API and the CLI alike
// (app_services/account_wiring.h).
//
//   auto mailer = notify::OutboxAccountMailer();   // → domain::AccountWiring::mailer
#pragma once

#include <memory>

#include "domain/accounts.h"

namespace verbinder::notify {

// Validates and queues the mail with QueueMail (outbox.h) in the caller's
// transaction; a name longer than the outbox takes is cut at a character
// boundary. Thread-safety: stateless.
std::shared_ptr<domain::AccountMailer> OutboxAccountMailer();

}  // namespace verbinder::notify
