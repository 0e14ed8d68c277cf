// `verbinder analyze`'s command line (analysis_cli.h), run in process: every
// existing option still parses as before, and a bad flag or value gives one
// clear line on stderr and kExitUsage.
#include "analysis/analysis_cli.h"

#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/test_util.h"

namespace verbinder::analysis {
namespace {

using testing::MakeTempDir;
using testing::NetworksDir;
using testing::ReadText;

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

CliRun Cli(const cli::Args& args) {
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  CliRun r;
  r.code = RunAnalyze(args);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

cli::Args Karate(std::initializer_list<std::string> more = {}) {
  cli::Args a = {"--members", NetworksDir() + "/karate/members.csv", "--ties", NetworksDir() + "/karate/ties.csv"};
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

// One line "verbinder analyze: ...", naming what is wrong, exit 2, nothing on stdout.
void ExpectUsage(const cli::Args& args, const std::string& names) {
  CliRun r = Cli(args);
  EXPECT_EQ(r.code, cli::kExitUsage) << names << ": " << r.err;
  EXPECT_EQ(r.out, "") << names;
  EXPECT_EQ(r.err.rfind("verbinder analyze: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
  EXPECT_NE(r.err.find(names), std::string::npos) << r.err;
}

TEST(AnalyzeCli, BadFlagsAndValuesAreUsageErrorsNamingTheFlag) {
  ExpectUsage(Karate({"--bogus"}), "--bogus");
  ExpectUsage(Karate({"--fading-days", "-3"}), "--fading-days");
  ExpectUsage(Karate({"--fading-days", "soon"}), "--fading-days");
  ExpectUsage(Karate({"--epsilon", "1.5"}), "--epsilon");
  ExpectUsage(Karate({"--betweenness", "maybe"}), "--betweenness");
  ExpectUsage(Karate({"--threads"}), "--threads");
  ExpectUsage(Karate({"--as-of", "yesterday"}), "--as-of");
  ExpectUsage(Karate({"--format", "xml"}), "xml");
  ExpectUsage(Karate({"--skip", "nonsense"}), "nonsense");
  ExpectUsage({"karate.csv"}, "karate.csv");  // a stray argument
  ExpectUsage({}, "--ties");
}

TEST(AnalyzeCli, OptionsKeepTheirMeaning) {
  CliRun r = Cli(Karate({"--skip", "betweenness, communities", "--seed", "7", "--threads", "1", "--fading-days", "30",
                         "--betweenness", "exact", "--epsilon", "0.01"}));
  ASSERT_EQ(r.code, cli::kExitOk) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["network"]["members"], 34);
  EXPECT_TRUE(j["members"][0]["betweenness"].is_null()) << "betweenness was switched off";
  // --timings (or --passes) lists every pass on stderr, the skipped ones as skipped.
  for (const char* flag : {"--timings", "--passes"}) {
    CliRun t = Cli(Karate({flag, "--skip", "betweenness", "-o", MakeTempDir("cli") + "/r.json"}));
    ASSERT_EQ(t.code, cli::kExitOk) << t.err;
    EXPECT_NE(t.err.find("pass betweenness      skipped"), std::string::npos) << t.err;
    EXPECT_NE(t.err.find("pass core             ran"), std::string::npos) << t.err;
    EXPECT_EQ(t.out, "");
  }
  const std::string dir = MakeTempDir("cli");
  CliRun p = Cli(Karate({"--position", "0", "--map", dir + "/map.json", "--format=csv"}));
  ASSERT_EQ(p.code, cli::kExitOk) << p.err;
  EXPECT_EQ(nlohmann::json::parse(p.out)["degree"], 16);
  EXPECT_EQ(nlohmann::json::parse(ReadText(dir + "/map.json"))["nodes"].size(), 34u);
  CliRun help = Cli({"--help"});
  EXPECT_EQ(help.code, cli::kExitOk);
  for (const char* flag : {"--members", "--ties", "--attendance", "--with-attendance", "--real-only", "--format",
                           "--out", "--position", "--map", "--as-of", "--fading-days", "--betweenness", "--epsilon",
                           "--threads", "--seed", "--skip", "--timings"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
}

}  // namespace
}  // namespace verbinder::analysis
