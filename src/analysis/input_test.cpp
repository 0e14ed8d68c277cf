// Bad input is rejected with one clear line naming file, line and column — by
// the loader and by the real `verbinder analyze` binary (exit code 1 or 2).
#include <gtest/gtest.h>

#include "analysis/graph.h"
#include "analysis/input.h"
#include "analysis/test_util.h"

namespace verbinder::analysis {
namespace {

using namespace testing;

const char* kMembers = "id,name,sector\na,Anja,care\nb,Pieter,industry\nc,Kees,government\n";

struct BadCase {
  std::string name;
  std::string members;  // file content ("" = do not write; "<missing>" = path that does not exist)
  std::string ties;
  std::string expect;  // substring of the error message
};

std::vector<BadCase> BadCases() {
  return {
      {"missing_column", kMembers, "source,target\na,b\n", "missing column 'weight'"},
      {"members_missing_sector", "id,name\na,Anja\n", "source,target,weight\n", "missing column 'sector'"},
      {"unknown_member", kMembers, "source,target,weight\na,b,1\na,zz,1\n",
       "line 3, column 'target': unknown member id 'zz'"},
      {"self_loop", kMembers, "source,target,weight\na,b,1\nc,c,1\n", "line 3, column 'target': self-loop"},
      {"empty_ties", kMembers, "", "the file is empty"},
      {"empty_members", "", "source,target,weight\na,b,1\n", "the file is empty"},
      {"non_numeric_weight", kMembers, "source,target,weight\na,b,1\nb,c,heavy\n",
       "line 3, column 'weight': 'heavy' is not a positive number"},
      {"negative_weight", kMembers, "source,target,weight\na,b,-2\n", "line 2, column 'weight'"},
      {"bad_kind", kMembers, "source,target,weight,kind\na,b,1,hug\n", "line 2, column 'kind': unknown kind 'hug'"},
      {"bad_date", kMembers, "source,target,weight,date\na,b,1,2025-13-01\n", "line 2, column 'date'"},
      {"duplicate_member", "id,name,sector\na,A,x\na,B,y\n", "source,target,weight\n",
       "line 3, column 'id': duplicate member id 'a'"},
      {"not_csv", kMembers, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "not CSV"},
      {"ragged", kMembers, "source,target,weight\na,b\n", "line 2"},
      {"missing_path", kMembers, "<missing>", "no such file"},
  };
}

struct Written {
  std::string members, ties;
};

Written WriteCase(const BadCase& c) {
  const std::string dir = MakeTempDir(c.name);
  Written w{dir + "/members.csv", dir + "/ties.csv"};
  WriteText(w.members, c.members);
  if (c.ties == "<missing>")
    w.ties = dir + "/does_not_exist.csv";
  else
    WriteText(w.ties, c.ties);
  return w;
}

TEST(BadInput, LoaderNamesFileLineAndColumn) {
  for (const auto& c : BadCases()) {
    Written w = WriteCase(c);
    Status status;
    auto input = LoadNetworkFiles({w.members, w.ties, ""});
    if (!input)
      status = input.status();
    else if (auto g = BuildGraph(*input); !g)
      status = g.status();
    ASSERT_FALSE(status.ok()) << c.name << " was accepted";
    const std::string msg = status.message();
    EXPECT_NE(msg.find(c.expect), std::string::npos) << c.name << ": " << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << c.name << ": one line";
    const bool names_file = msg.find(w.members) != std::string::npos || msg.find(w.ties) != std::string::npos;
    EXPECT_TRUE(names_file) << c.name << ": " << msg;
  }
}

TEST(BadInput, BinaryExitsWithOneLineError) {
  const std::string bin = VerbinderBinary();
  if (bin.empty()) GTEST_SKIP() << "VERBINDER_BINARY not built";
  for (const auto& c : BadCases()) {
    Written w = WriteCase(c);
    auto r = RunCommand(bin + " analyze --members " + w.members + " --ties " + w.ties);
    EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << c.name << " exit " << r.exit_code;
    EXPECT_EQ(r.out, "") << c.name;
    ASSERT_FALSE(r.err.empty()) << c.name;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << c.name << ": exactly one line: " << r.err;
    EXPECT_EQ(r.err.rfind("verbinder analyze: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.expect), std::string::npos) << c.name << ": " << r.err;
  }
}

TEST(BadInput, UsageErrorsExitTwo) {
  const std::string bin = VerbinderBinary();
  if (bin.empty()) GTEST_SKIP() << "VERBINDER_BINARY not built";
  const std::string k = NetworksDir() + "/karate";
  const std::string ok = " --members " + k + "/members.csv --ties " + k + "/ties.csv";
  for (const std::string& args : {std::string(""), ok + " --format xml", ok + " --as-of yesterday", ok + " --bogus 1",
                                  ok + " --skip nonsense", ok + " --betweenness maybe", ok + " --threads"}) {
    std::string command = bin;
    command += " analyze";
    command += args;
    auto r = RunCommand(command);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << args << ": " << r.err;
  }
}

TEST(Input, DatesRoundTrip) {
  for (const char* d : {"1970-01-01", "2000-02-29", "2025-06-20", "1999-12-31"}) EXPECT_EQ(FormatDay(*ParseDay(d)), d);
  EXPECT_EQ(*ParseDay("1970-01-02"), 1);
  EXPECT_EQ(*ParseDay("2025-06-20T10:00:00Z"), *ParseDay("2025-06-20"));
  EXPECT_FALSE(ParseDay("2023-02-29"));
  EXPECT_FALSE(ParseDay("20250620"));
}

TEST(Input, DuplicateRowsAddUpAndRealnessFolds) {
  auto input = LoadNetworkFiles({TestDataDir() + "/ledger_members.csv", TestDataDir() + "/ledger_ties.csv", ""});
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  EXPECT_EQ(input->attribute_names, std::vector<std::string>{"organization"});
  auto g = BuildGraph(*input);
  ASSERT_TRUE(g.ok());
  const int32_t anja = g->index.at("anja"), pieter = g->index.at("pieter");
  const int64_t e = g->Slot(anja, pieter);
  ASSERT_GE(e, 0);
  EXPECT_DOUBLE_EQ(g->weight[e], 9.0);
  EXPECT_EQ(g->real[e], 1);
  EXPECT_EQ(FormatDay(g->last_date[e]), "2025-06-20");
  EXPECT_EQ(g->TieCount(), 8);
  auto real = BuildGraph(*input, {.real_only = true});
  EXPECT_EQ(real->TieCount(), 4);  // anja-pieter, lies-omar, lies-anja, omar-pieter
  EXPECT_DOUBLE_EQ(real->weight[real->Slot(anja, pieter)], 8.0);
  auto past = BuildGraph(*input, {.as_of = *ParseDay("2025-03-01")});
  EXPECT_EQ(past->TieCount(), 5);
  EXPECT_DOUBLE_EQ(past->weight[past->Slot(anja, pieter)], 1.0);
}

TEST(Input, AttendanceWithoutMembersImpliesMembers) {
  auto input = LoadNetworkFiles({"", "", NetworksDir() + "/davis/attendance.csv"});
  ASSERT_TRUE(input.ok());
  auto g = BuildGraph(*input);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->NodeCount(), 18);
  EXPECT_EQ(g->TieCount(), 0);  // co-attendance is no tie (issue 14)
  auto projected = BuildGraph(*input, {.with_attendance = true});
  ASSERT_TRUE(projected.ok());
  EXPECT_EQ(projected->NodeCount(), 18);
  EXPECT_EQ(projected->TieCount(), 139);  // the known Southern Women projection
}

}  // namespace
}  // namespace verbinder::analysis
