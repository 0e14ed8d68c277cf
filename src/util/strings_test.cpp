#include "util/strings.h"

#include <gtest/gtest.h>

namespace verbinder {
namespace {

TEST(StringsTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("héllo wachtlijst €"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x82"));       // truncated
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));  // > U+10FFFF
  EXPECT_EQ(Utf8Length("é€x"), 3u);
}

TEST(StringsTest, Email) {
  EXPECT_TRUE(IsValidEmail("anja.de.vries@thuiszorg-west.nl"));
  EXPECT_FALSE(IsValidEmail("anja"));
  EXPECT_FALSE(IsValidEmail("anja@nl"));
  EXPECT_FALSE(IsValidEmail("a b@x.nl"));
  EXPECT_FALSE(IsValidEmail("a@@x.nl"));
  EXPECT_FALSE(IsValidEmail("a@x..nl"));
}

TEST(StringsTest, TrimSplitJoin) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Split("a,,b", ',').size(), 3u);
  EXPECT_EQ(Join({"a", "b"}, ", "), "a, b");
}

TEST(StringsTest, ListInSentenceKeepsItemsWithTheConjunctionApart) {
  EXPECT_EQ(ListInSentence({}, "and"), "");
  EXPECT_EQ(ListInSentence({"triage"}, "and"), "triage");
  EXPECT_EQ(ListInSentence({"lean", "triage"}, "and"), "lean and triage");
  EXPECT_EQ(ListInSentence({"lean", "triage", "rosters"}, "en"), "lean, triage en rosters");
  EXPECT_EQ(ListInSentence({"wijkverpleging en thuiszorg", "triage en werkverdeling"}, "en"),
            "wijkverpleging en thuiszorg; triage en werkverdeling");
  EXPECT_EQ(ListInSentence({"lean", "triage and work allocation", "rosters"}, "and"),
            "lean; triage and work allocation; rosters");
  // Only the whole word: "brand" is not "and".
  EXPECT_EQ(ListInSentence({"branding", "standards"}, "and"), "branding and standards");
}

}  // namespace
}  // namespace verbinder
