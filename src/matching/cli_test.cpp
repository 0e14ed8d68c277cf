// Runs the real `verbinder` binary (env VERBINDER_BINARY): exit codes, one-line
// errors naming the place, and no partial output file on failure.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace {

struct RunResult {
  int exit_code = -1;
  std::string err;
};

RunResult Verbinder(const std::string& args) {
  const char* bin = std::getenv("VERBINDER_BINARY");
  std::string errfile = testing::TempDir() + "cli_err.txt";
  std::string cmd = std::string(bin ? bin : "verbinder") + " " + args + " >/dev/null 2>" + errfile;
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(errfile);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

std::string Write(const std::string& name, const std::string& text) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

class CliTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::getenv("VERBINDER_BINARY") || !std::filesystem::exists(std::getenv("VERBINDER_BINARY"))) {
      GTEST_SKIP() << "VERBINDER_BINARY not built";
    }
  }
};

const char* kInstance = R"({"slots": ["s1", "s2"], "tables": 2, "max_meetings_per_person": 2,
  "attendees": [{"id": "a1"}, {"id": "a2"}, {"id": "a3"}],
  "pairs": [{"a": "a1", "b": "a2", "weight": 0.8}, {"a": "a2", "b": "a3", "weight": 0.5}]})";

TEST_F(CliTest, GoodScheduleWritesOutputFile) {
  std::string in = Write("good.json", kInstance);
  std::string out = testing::TempDir() + "good_out.json";
  std::filesystem::remove(out);
  RunResult r = Verbinder("schedule " + in + " -o " + out);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(out));
}

// --passes prints the pass table on stderr (verify last); --skip switches a
// pass off by name and shows it as not run; verify cannot be switched off.
TEST_F(CliTest, PassesAreShownAndSwitchedOffByName) {
  std::string in = Write("passes.json", kInstance);
  std::string out = testing::TempDir() + "passes_out.json";
  RunResult r = Verbinder("schedule " + in + " --skip improve,ruin_recreate --passes -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("improve        no"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bound          yes"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("verify"), std::string::npos) << r.err;
  std::ifstream f(out);
  std::stringstream text;
  text << f.rdbuf();
  EXPECT_NE(text.str().find("\"optimal\": true"), std::string::npos) << text.str();
  // Here the per-person cap bound (1.3) is already tight; the LP does not beat it.
  EXPECT_NE(text.str().find("\"bound_method\": \"cap\""), std::string::npos) << text.str();
  EXPECT_EQ(Verbinder("schedule " + in + " --skip verify").exit_code, 2);
  EXPECT_EQ(Verbinder("schedule " + in + " --skip").exit_code, 2);
  EXPECT_EQ(Verbinder("seat " + in + " --timings --skip random_baseline").exit_code, 1);  // not a seat instance
}

TEST_F(CliTest, BadInputsFailWithOneLineAndNoOutputFile) {
  struct Case {
    const char* command;
    std::string text;
    std::string expected;
  };
  std::string s = kInstance;
  const Case cases[] = {
      {"schedule", "", "the file is empty"},
      {"schedule", "{\"slots\": [", "malformed JSON at line 1"},
      {"schedule", std::string(s).replace(s.find("\"b\": \"a3\""), 9, "\"b\": \"x9\""),
       "pairs[1].b: unknown attendee id \"x9\""},
      {"schedule", std::string(s).replace(s.find("0.8"), 3, "-2"), "pairs[0].weight: must not be negative"},
      {"schedule", std::string(s).replace(s.find("\"tables\": 2"), 11, "\"tables\": 0"), "tables: must be at least 1"},
      {"seat", R"({"attendees": [{"id": "a"}, {"id": "a"}], "rounds": 1, "tables": [{"id": "T", "capacity": 2}]})",
       "attendees[1].id: duplicate attendee id \"a\""},
      {"suggest", R"({"attendees": [{"id": "a"}], "ties": [{"a": "a", "b": "zz"}]})", "ties[0].b: unknown attendee id"},
  };
  int k = 0;
  for (const Case& c : cases) {
    std::string in = Write("bad" + std::to_string(k) + ".json", c.text);
    std::string out = testing::TempDir() + "bad_out" + std::to_string(k++) + ".json";
    std::filesystem::remove(out);
    std::string command = c.command;
    command += ' ';
    command += in;
    command += " -o ";
    command += out;
    RunResult r = Verbinder(command);
    EXPECT_EQ(r.exit_code, 1) << c.expected << " / " << r.err;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << "partial output for " << c.expected;
    for (const auto& entry : std::filesystem::directory_iterator(testing::TempDir())) {
      EXPECT_EQ(entry.path().filename().string().find("bad_out" + std::to_string(k - 1) + ".json.tmp"),
                std::string::npos);
    }
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Verbinder("schedule").exit_code, 2);
  EXPECT_EQ(Verbinder("schedule a.json --bogus").exit_code, 2);
  EXPECT_EQ(Verbinder("suggest a.json --top 0").exit_code, 2);
  EXPECT_EQ(Verbinder("schedule --help").exit_code, 0);
}

// A bad flag or value: one line "verbinder <command>: ..." naming it, exit 2
// (util::kExitUsage), and the engine never runs.
TEST_F(CliTest, BadFlagsNameThemselvesAndExitTwo) {
  std::string in = Write("flags.json", kInstance);
  struct Case {
    std::string args;
    std::string names;
  };
  const Case cases[] = {
      {"schedule " + in + " --bogus", "--bogus"},
      {"seat " + in + " --raise-minimum", "--raise-minimum"},  // a schedule option, not a seat one
      {"schedule " + in + " --top 3", "--top"},                // a suggest option
      {"suggest " + in + " --top 0", "--top"},
      {"suggest " + in + " --top many", "--top"},
      {"seat " + in + " --seed x", "--seed"},
      {"schedule " + in + " --skip verify", "verify step cannot be switched off"},
      {"schedule " + in + " --skip improve,,fill", "empty pass name"},
      {"schedule " + in + " second.json", "second.json"},
      {"schedule " + in + " -o", "--output"},
      {"schedule", "input"},
  };
  for (const Case& c : cases) {
    RunResult r = Verbinder(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << ": " << r.err;
    EXPECT_EQ(r.err.rfind("verbinder ", 0), 0u) << c.args << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.args << ": " << r.err;
    EXPECT_NE(r.err.find(c.names), std::string::npos) << c.args << ": " << r.err;
  }
  // Every flag each command had still parses.
  EXPECT_EQ(
      Verbinder("schedule " + in + " --raise-minimum --skip improve --timings -o " + testing::TempDir() + "f.json")
          .exit_code,
      0);
  EXPECT_EQ(
      Verbinder("suggest " + Write("s.json", R"({"attendees": [{"id": "a"}, {"id": "b"}]})") + " --top 3").exit_code,
      0);
}

TEST_F(CliTest, MissingFileExitsOne) {
  RunResult r = Verbinder("schedule /nonexistent/in.json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent/in.json"), std::string::npos) << r.err;
}

TEST_F(CliTest, ExistingOutputFileSurvivesAFailure) {
  std::string out = Write("keep.json", "previous");
  RunResult r = Verbinder("schedule " + Write("empty.json", "") + " -o " + out);
  EXPECT_EQ(r.exit_code, 1);
  std::ifstream in(out);
  std::string text;
  std::getline(in, text);
  EXPECT_EQ(text, "previous");
}

}  // namespace
