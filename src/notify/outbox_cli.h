// `verbinder outbox <subcommand>`: the mail outbox on the command line.
//   verbinder outbox status  [--db URL]                 counts per status (JSON)
//   verbinder outbox list    [--db URL] [--status S] [--limit N]   newest first (JSON)
//   verbinder outbox deliver [--db URL] [--max-rounds N]            send what is due now
// `deliver` exits 0 when nothing due is left, 1 when mail delivery is not
// configured (mail stays queued) or some mail was deferred (server down).
#pragma once

#include "util/exit_codes.h"

namespace verbinder::notify {

int RunOutbox(const cli::Args& args);

}  // namespace verbinder::notify
