// CLI entry point of the newsletter module: `verbinder newsletter ...`.
#pragma once

#include "util/exit_codes.h"

namespace verbinder::newsletter {

int RunNewsletter(const cli::Args& args);

}  // namespace verbinder::newsletter
