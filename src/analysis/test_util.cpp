#include "analysis/test_util.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace verbinder::analysis::testing {

std::string NetworksDir() {
  const char* src = std::getenv("VERBINDER_SOURCE_DIR");
  std::string root = src ? src : "../..";
  return root + "/../shared/data/networks";
}

std::string TestDataDir() {
  const char* src = std::getenv("VERBINDER_SOURCE_DIR");
  return src ? std::string(src) + "/src/analysis/testdata" : "testdata";
}

std::string MakeTempDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("vb_analysis_" + tag + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult RunCommand(const std::string& command) {
  const std::string dir = MakeTempDir("cmd");
  const std::string out = dir + "/out", err = dir + "/err";
  const std::string line = command + " >" + out + " 2>" + err;
  int status = std::system(line.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadText(out);
  r.err = ReadText(err);
  std::filesystem::remove_all(dir);
  return r;
}

nlohmann::json NetworkXReference(const std::string& arguments) {
  CommandResult r = RunCommand("/usr/bin/python3 " + TestDataDir() + "/nx_reference.py " + arguments);
  if (r.exit_code != 0) throw std::runtime_error("nx_reference.py failed: " + r.err);
  return nlohmann::json::parse(r.out);
}

std::string VerbinderBinary() {
  const char* b = std::getenv("VERBINDER_BINARY");
  return b && std::filesystem::exists(b) ? b : "";
}

GeneratedFiles WriteGeneratedNetwork(const std::string& dir, int32_t n, int32_t blocks, double p_in, double p_out,
                                     int32_t isolated, uint64_t seed) {
  static const char* kSectors[] = {"care", "industry", "government", "education", ""};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unif(0, 1);
  std::ostringstream members, ties;
  members << "id,name,sector,city\n";
  ties << "source,target,weight\n";
  const int32_t total = n + isolated + 3;
  for (int32_t v = 0; v < total; ++v) {
    // Sectors correlate with blocks, so E-I and assortativity have something to find.
    int s = unif(rng) < 0.6 ? (v % blocks) % 5 : static_cast<int>(rng() % 5);
    members << "m" << v << ",Member " << v << "," << kSectors[s] << ",City " << v % 7 << "\n";
  }
  for (int32_t u = 0; u < n; ++u)
    for (int32_t v = u + 1; v < n; ++v) {
      const double p = (u % blocks == v % blocks) ? p_in : p_out;
      if (unif(rng) >= p) continue;
      const int w = 1 + static_cast<int>(rng() % 4);
      if (rng() % 2)
        ties << "m" << u << ",m" << v << "," << w << "\n";
      else
        ties << "m" << v << ",m" << u << "," << w << "\n";
      if (rng() % 10 == 0) ties << "m" << u << ",m" << v << ",0.5\n";  // duplicate row adds up
    }
  const int32_t c = n + isolated;  // a separate triangle-less path of three
  ties << "m" << c << ",m" << c + 1 << ",1\nm" << c + 1 << ",m" << c + 2 << ",2\n";
  GeneratedFiles f{dir + "/members.csv", dir + "/ties.csv"};
  WriteText(f.members, members.str());
  WriteText(f.ties, ties.str());
  return f;
}

}  // namespace verbinder::analysis::testing
