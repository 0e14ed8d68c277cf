// Helpers shared by the analysis tests: where the data is, temporary files,
// running a command (NetworkX reference script, the verbinder binary) and a
// deterministic generator of networks with sectors and communities.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace verbinder::analysis::testing {

// ../shared/data/networks next to the repository.
std::string NetworksDir();
// src/analysis/testdata in the repository.
std::string TestDataDir();
// A fresh directory under the system temp dir, unique per call.
std::string MakeTempDir(const std::string& tag);
void WriteText(const std::string& path, const std::string& text);
std::string ReadText(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs a shell command line, capturing stdout and stderr.
CommandResult RunCommand(const std::string& command);
// Runs testdata/nx_reference.py with /usr/bin/python3 and parses its JSON.
nlohmann::json NetworkXReference(const std::string& arguments);
// Path of the built verbinder binary (env VERBINDER_BINARY), or "".
std::string VerbinderBinary();

// Writes members.csv/ties.csv for a random network: `blocks` communities, sectors
// drawn from a small list (with an empty sector too), duplicate tie rows, random
// weights, `isolated` members without ties and one separate 3-member component.
struct GeneratedFiles {
  std::string members;
  std::string ties;
};
GeneratedFiles WriteGeneratedNetwork(const std::string& dir, int32_t n, int32_t blocks, double p_in, double p_out,
                                     int32_t isolated, uint64_t seed);

}  // namespace verbinder::analysis::testing
