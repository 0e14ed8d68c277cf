// CLI entry point of the newsletter module: `verbinder newsletter ...`.
#pragma once

#include "cli/exit_codes.h"

namespace verbinder::newsletter {

int RunNewsletter(const cli::Args& args);

}  // namespace verbinder::newsletter
