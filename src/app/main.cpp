// The `verbinder` binary: all behaviour lives in the libraries; see cli/commands.cpp.
#include "cli/commands.h"

int main(int argc, char** argv) {
  return verbinder::cli::Main(argc, argv);
}
