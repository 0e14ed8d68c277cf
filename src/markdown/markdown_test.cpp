#include "markdown/markdown.h"

#include <gtest/gtest.h>

#include <string>

namespace verbinder::markdown {
namespace {

TEST(MarkdownTest, RendersGfmAndDropsEverythingUnsafe) {
  std::string html =
      RenderMarkdown("# Titel\n\n**vet** en ~~weg~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nhttps://netwerk.example\n");
  EXPECT_NE(html.find("<h1>Titel</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<strong>vet</strong>"), std::string::npos);
  EXPECT_NE(html.find("<del>weg</del>"), std::string::npos);
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://netwerk.example\">"), std::string::npos);
  for (const char* evil : {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[klik](javascript:alert(1))",
                           "<a href=\"javascript:alert(1)\">x</a>", "[x](vbscript:msgbox)", "<iframe src=//evil>",
                           "<div onclick=\"steal()\">hoi</div>", "![x](data:text/html;base64,PHNjcmlwdD4=)",
                           "<style>body{display:none}</style>", "<svg onload=alert(1)>"}) {
    std::string out = RenderMarkdown(std::string("tekst ") + evil + "\n");
    EXPECT_TRUE(LooksSafeHtml(out)) << evil << " → " << out;
    EXPECT_EQ(out.find("alert(1)\""), std::string::npos) << out;
    EXPECT_EQ(out.find("onerror="), std::string::npos) << out;
  }
  EXPECT_FALSE(LooksSafeHtml("<p onclick=\"x()\">"));
  EXPECT_FALSE(LooksSafeHtml("<a href=\"JaVaScRiPt:x\">"));
  EXPECT_TRUE(LooksSafeHtml("<p>online en offline</p>"));
}

}  // namespace
}  // namespace verbinder::markdown
