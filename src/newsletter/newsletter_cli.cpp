#include "newsletter/newsletter_cli.h"

#include <iostream>

namespace verbinder::newsletter {

int RunNewsletter(const cli::Args&) {
  std::cerr << "verbinder newsletter: not built yet\n";
  return cli::kExitFailure;
}

}  // namespace verbinder::newsletter
