#include "util/csv.h"

#include <gtest/gtest.h>

namespace verbinder {
namespace {

TEST(CsvTest, ParsesQuotedFieldsWithCommasQuotesAndNewlines) {
  auto t = ParseCsv("name,bio\n\"Jansen, Anja\",\"says \"\"hi\"\"\nand more\"\nPieter,x\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].fields[0], "Jansen, Anja");
  EXPECT_EQ(t->rows[0].fields[1], "says \"hi\"\nand more");
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[1].line, 4);  // the quoted newline moved it down a line
}

TEST(CsvTest, HandlesCrlfAndBom) {
  auto t = ParseCsv("\xEF\xBB\xBFid,name\r\n1,a\r\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->Column("ID"), 0);
  EXPECT_EQ(t->rows[0].fields[1], "a");
}

TEST(CsvTest, UnterminatedQuoteNamesTheLine) {
  auto t = ParseCsv("a,b\n1,2\n3,\"oops\n4,5\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(t.status().field(), "line 3");
}

TEST(CsvTest, RaggedRowIsAnError) {
  auto t = ParseCsv("a,b\n1,2\n3\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().field(), "line 3");
}

TEST(CsvTest, EmptyBinaryAndBadUtf8AreRejected) {
  EXPECT_FALSE(ParseCsv("").ok());
  EXPECT_FALSE(ParseCsv("  \n\n").ok());
  EXPECT_FALSE(ParseCsv(std::string("a,b\n\0\x01\x02", 7)).ok());
  auto bad = ParseCsv("a,b\n1,2\n\xC3\x28,x\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "line 3");
}

TEST(CsvTest, FindsHeaderAfterPreamble) {
  CsvOptions o;
  o.find_header = {"First Name", "Last Name"};
  auto t = ParseCsv("Notes:\n\"When exporting, some e-mails are hidden\"\n\nFirst Name,Last Name,URL\nA,B,C\n", o);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->header[0], "First Name");
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].fields[2], "C");
}

TEST(CsvTest, MissingFileIsNotFound) {
  auto t = ReadCsvFile("/nonexistent/x.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace verbinder
