#include "importers/importers.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

#include "domain/members.h"
#include "domain/network.h"
#include "importers/import_text.h"
#include "util/linkedin_url.h"
#include "storage/testing.h"
#include "util/csv.h"

namespace verbinder::importers {
namespace {

const std::set<std::string> kSectors = {"care", "industry", "government", "education", "finance", "other"};

TEST(MemberImportTest, GoodRowsBecomeMembersWithOrganizationsAndChallenges) {
  auto plan = PlanMemberImport(
      "name,email,organization,sector,languages,expertise_tags,challenges,hosts_visits\n"
      "Anja de Vries,anja@x.example,Thuiszorg West,care,nl;en,wijkzorg,Wachtlijsten|Personeelsverloop,ja\n"
      "Pieter Bakker,PIETER@x.example,TPO,industry,nl,lean;flow,,no\n"
      "Ria Jansen,ria@x.example,Thuiszorg West,care,,,,\n",
      kSectors, {});
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_TRUE(plan->errors.empty());
  ASSERT_EQ(plan->network.members.size(), 3u);
  EXPECT_EQ(plan->network.organizations.size(), 2u);  // Thuiszorg West once
  EXPECT_EQ(plan->network.members[0].challenges.size(), 2u);
  EXPECT_TRUE(plan->network.members[0].hosts_visits);
  EXPECT_EQ(plan->network.members[1].email, "pieter@x.example");
  EXPECT_EQ(plan->network.members[2].organization_id, plan->network.members[0].organization_id);
}

TEST(MemberImportTest, EveryBadRowIsReportedWithItsLine) {
  auto plan = PlanMemberImport(
      "name,email,sector,hosts_visits,visibility\n"
      "Goed,goed@x.example,care,,\n"
      ",leeg@x.example,care,,\n"
      "Fout,geen-email,care,,\n"
      "Sector,s@x.example,astrologie,,\n"
      "Dubbel,goed@x.example,care,,\n"
      "Bestaat,al@x.example,care,,\n"
      "Host,h@x.example,care,misschien,\n"
      "Vis,v@x.example,care,,public\n",
      kSectors, {"al@x.example"});
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->network.members.size(), 1u);
  ASSERT_EQ(plan->errors.size(), 7u);
  EXPECT_EQ(plan->errors[0].ToString(), "line 3: name: is required");
  EXPECT_EQ(plan->errors[1].line, 4);
  EXPECT_EQ(plan->errors[1].field, "email");
  EXPECT_EQ(plan->errors[2].field, "sector");
  EXPECT_EQ(plan->errors[3].message, "appears earlier in this file");
  EXPECT_EQ(plan->errors[4].message, "a member with this e-mail already exists");
  EXPECT_EQ(plan->errors[5].field, "hosts_visits");
  EXPECT_EQ(plan->errors[6].field, "visibility");
}

TEST(MemberImportTest, MalformedFilesAreRejectedWhole) {
  EXPECT_EQ(PlanMemberImport("", kSectors, {}).status().field(), "file");
  EXPECT_EQ(PlanMemberImport("name,email\n", kSectors, {}).status().field(), "file");
  EXPECT_EQ(PlanMemberImport("naam,email\nA,a@x.example\n", kSectors, {}).status().field(), "header");
  EXPECT_EQ(PlanMemberImport("name,email,shoe\nA,a@x.example,44\n", kSectors, {}).status().field(), "header");
  EXPECT_EQ(PlanMemberImport("name,email\n\"A,a@x.example\n", kSectors, {}).status().field(), "line 2");
  EXPECT_EQ(PlanMemberImport("name,email\nA,a@x.example,extra\n", kSectors, {}).status().field(), "line 2");
  EXPECT_EQ(PlanMemberImport(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), kSectors, {}).status().field(), "file");
}

TEST(LinkedInTest, DatesInTheFormatsLinkedInWrites) {
  EXPECT_EQ(ParseLinkedInDate("12 Mar 2024"), ParseLinkedInDate("2024-03-12"));
  EXPECT_EQ(ParseLinkedInDate("Mar 12, 2024"), ParseLinkedInDate("2024-03-12"));
  EXPECT_EQ(*ParseLinkedInDate("1990-01-02"), (7305 + 1) * 86400 + 12 * 3600);   // noon UTC
  EXPECT_EQ(ParseLinkedInDate("05 Mar 2024"), ParseLinkedInDate("2024-03-05"));  // the export's own style
  EXPECT_EQ(ParseLinkedInDate("5 mrt 2024"), ParseLinkedInDate("2024-03-05"));   // Dutch abbreviation
  EXPECT_FALSE(ParseLinkedInDate("05 Mar 20").has_value());                      // a cut-off year
  EXPECT_FALSE(ParseLinkedInDate("").has_value());
  EXPECT_FALSE(ParseLinkedInDate("31 Feb 2024").has_value());
  EXPECT_FALSE(ParseLinkedInDate("gisteren").has_value());
}

TEST(LinkedInTest, PreambleIsSkippedAndMatchesBecomeOnlineTies) {
  auto db = storage::testing::FreshDatabase("linkedin");
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  FakeClock clock(1'780'000'000);
  domain::MemberService members(*db, clock);
  domain::NetworkService network(*db, clock, members);
  auto add = [&](const std::string& name, const std::string& email, const std::string& url) {
    model::Member m;
    m.name = name;
    m.email = email;
    m.linkedin_url = url;
    return members.Create(domain::Viewer::System(), m)->id;
  };
  auto anja = add("Anja de Vries", "anja@x.example", "");
  auto pieter = add("Pieter Bakker", "pieter@x.example", "");
  auto ria = add("Ria Jansen", "ria.prive@x.example", "https://www.linkedin.com/in/riajansen");
  auto kees = add("Kees Smit", "kees@x.example", "");
  const std::string csv =
      "Notes:\n"
      "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n"
      "\n"
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Pieter,Bakker,https://www.linkedin.com/in/pieterb,pieter@x.example,TPO,Lean specialist,12 Mar 2024\n"
      "Ria,Jansen,https://www.linkedin.com/in/riajansen,,Zorggroep,Manager,01 Jan 2025\n"
      "Kees,Smit,https://www.linkedin.com/in/kees,,,,05 Feb 2023\n"
      "Onbekend,Persoon,https://www.linkedin.com/in/x,,,,05 Feb 2023\n"
      "Fout,Datum,,,,,morgen\n";
  auto plan = ParseLinkedInConnections(csv);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->rows.size(), 4u);
  ASSERT_EQ(plan->errors.size(), 1u);
  EXPECT_EQ(plan->errors[0].line, 9);
  auto r = ApplyLinkedInImport(*db, anja, *plan, clock);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->matched, 3);  // by e-mail, by URL, by unique name
  EXPECT_EQ(r->added, 3);
  EXPECT_EQ(r->not_members, 1);
  auto ties = network.TiesOf(domain::Viewer::System(), anja);
  ASSERT_EQ(ties->size(), 3u);
  for (const auto& t : *ties) EXPECT_FALSE(t.real);
  auto hist = network.TieHistory(domain::Viewer::System(), anja, pieter);
  EXPECT_EQ((*hist)[0].at, *ParseLinkedInDate("2024-03-12"));
  EXPECT_EQ((*hist)[0].source, "import:linkedin");
  // Importing the same file again adds nothing.
  auto again = ApplyLinkedInImport(*db, anja, *plan, clock);
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->already, 3);
  (void)ria;
  (void)kees;
  EXPECT_EQ(ApplyLinkedInImport(*db, 9999, *plan, clock).status().code(), Code::kNotFound);
  EXPECT_FALSE(ParseLinkedInConnections("Notes:\nnothing here\n").ok());
}

TEST(MemberImportTest, ApplyIsAllOrNothing) {
  auto db = storage::testing::FreshDatabase("apply");
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  FakeClock clock(1'780'000'000);
  auto plan = PlanMemberImport("name,email,organization\nA,a@x.example,Org\nB,b@x.example,Org\n", kSectors, {});
  ASSERT_TRUE(plan.ok());
  auto st = ApplyMemberImport(*db, *plan, clock);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->members, 2);
  EXPECT_EQ(st->organizations, 1);
  // The same plan again collides and writes nothing.
  EXPECT_FALSE(ApplyMemberImport(*db, *plan, clock).ok());
  domain::MemberService members(*db, clock);
  EXPECT_EQ(members.List(domain::Viewer::System(), {})->total, 2);
}

// ---- Issue #16 part 5: the real formats ----------------------------------

std::string Data(const std::string& name) {
  auto text = ReadFile("testdata/" + name);
  if (!text.ok()) throw std::runtime_error(text.status().ToString() + " (run from src/importers)");
  return *text;
}

// UTF-8 → UTF-16 with a BOM, written independently of the decoder under test.
std::string ToUtf16(std::string_view utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  auto unit = [&](uint32_t u) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    if (big_endian) {
      out += hi;
      out += lo;
    } else {
      out += lo;
      out += hi;
    }
  };
  for (size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    uint32_t cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
    for (int k = 1; k <= n; ++k) cp = cp << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n + 1;
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else
      unit(cp);
  }
  return out;
}

// What the CLI does: a file that does not parse is never applied.
Status ImportLinkedIn(storage::Database& db, model::Id me, const std::string& bytes, const Clock& clock) {
  auto plan = ParseLinkedInConnections(bytes);
  if (!plan.ok()) return plan.status();
  auto r = ApplyLinkedInImport(db, me, *plan, clock);
  return r.ok() ? Status::Ok() : r.status();
}

long long CountRows(storage::Database& db, const std::string& table) {
  soci::session sql(db.pool());
  long long n = 0;
  sql << "SELECT count(*) FROM " + table, soci::into(n);
  return n;
}

// The other member of each import:linkedin interaction of `me` → its date.
std::map<long long, long long> LinkedInTies(storage::Database& db, long long me) {
  soci::session sql(db.pool());
  std::map<long long, long long> out;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT a, b, at FROM interactions WHERE source = 'import:linkedin'");
  for (const auto& r : rs) {
    long long a = r.get<long long>(0), b = r.get<long long>(1);
    out[a == me ? b : a] = r.get<long long>(2);
  }
  return out;
}

// Byte offset where the last line with content starts.
size_t LastRowStart(const std::string& text) {
  size_t end = text.find_last_not_of("\r\n");
  return text.rfind('\n', end) + 1;
}

TEST(LinkedInUrlTest, EverySpellingOfOneProfileIsOneUrl) {
  const std::string want = "https://www.linkedin.com/in/riajansen";
  for (const char* url :
       {"https://www.linkedin.com/in/riajansen", "https://www.linkedin.com/in/riajansen/",
        "https://nl.linkedin.com/in/riajansen", "http://be.linkedin.com/in/RiaJansen/",
        "HTTPS://WWW.LINKEDIN.COM/in/riajansen", "linkedin.com/in/riajansen",
        "www.linkedin.com/in/riajansen?trk=people-guest#experience", "https://m.linkedin.com/in/riajansen",
        "https://www.linkedin.com/mwlite/in/riajansen", "https://www.linkedin.com/in/ria%4Aansen",
        "https://www.linkedin.com:443/in/riajansen/nl", "https://www.linkedin.com./in/riajansen/details/experience/",
        "  //linkedin.com//in//riajansen  "}) {
    EXPECT_EQ(NormalizeLinkedInUrl(url).value_or("nullopt"), want) << url;
  }
  // The canonical form is a fixed point (saving a saved profile changes nothing).
  for (const char* url :
       {"https://www.linkedin.com/in/riajansen", "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller",
        "https://www.linkedin.com/pub/jan-jansen/1a/2b/3c"})
    EXPECT_EQ(NormalizeLinkedInUrl(url).value_or(""), url);
  // A non-ASCII slug: %-escaped in any case or typed raw, one spelling.
  const std::string jurgen = "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller";
  EXPECT_EQ(NormalizeLinkedInUrl("https://www.linkedin.com/in/J%c3%bcrgen-M%C3%BCller").value_or(""), jurgen);
  EXPECT_EQ(NormalizeLinkedInUrl("https://de.linkedin.com/in/J\xC3\xBCrgen-M\xC3\xBCller/").value_or(""), jurgen);
  EXPECT_EQ(NormalizeLinkedInUrl("https://www.linkedin.com/pub/jan-jansen/1A/2b/3c/").value_or(""),
            "https://www.linkedin.com/pub/jan-jansen/1a/2b/3c");
  // Different people stay different.
  EXPECT_NE(NormalizeLinkedInUrl("https://www.linkedin.com/in/riajansen"),
            NormalizeLinkedInUrl("https://www.linkedin.com/in/riajansen2"));
}

TEST(LinkedInUrlTest, WhatIsNotAProfileUrlIsRecognised) {
  for (const char* url :
       {"", "https://www.linkedin.com/", "https://www.linkedin.com/in/", "https://www.linkedin.com/in/?x=1",
        "https://www.linkedin.com/company/tpo", "https://www.linkedin.com/feed/",
        "https://www.linkedin.com/pub/dir/Jan/Jansen", "https://example.com/in/riajansen",
        "https://evil-linkedin.com/in/riajansen", "https://linkedin.com.evil.example/in/riajansen",
        "https://a.b.linkedin.com/in/riajansen", "https://user@www.linkedin.com/in/riajansen",
        "ftp://www.linkedin.com/in/riajansen", "https://www.linkedin.com/in/ria%zzjansen",
        "https://www.linkedin.com/in/riajansen%4", "https://www.linkedin.com/in/ria%20jansen", "riajansen"}) {
    EXPECT_FALSE(NormalizeLinkedInUrl(url).has_value()) << url;
  }
}

TEST(FoldNameTest, NfdNfcCaseAndAccentsFoldToOneKey) {
  const std::string nfc = "Zo\xC3\xAB van Dijk", nfd = "Zoe\xCC\x88 van Dijk";  // ë precomposed / e + U+0308
  ASSERT_NE(nfc, nfd);
  EXPECT_EQ(FoldName(nfc), FoldName(nfd));
  EXPECT_EQ(FoldName(nfd), "zoe van dijk");
  EXPECT_EQ(FoldName("  ZOE \t VAN\xC2\xA0"
                     "DIJK "),
            "zoe van dijk");  // whitespace runs, NBSP
  EXPECT_EQ(FoldName("S\xC3\xB8ren \xC3\x98"
                     "degaard"),
            "soren odegaard");  // Søren Ødegaard
  EXPECT_EQ(FoldName("Stra\xC3\x9F"
                     "er"),
            FoldName("STRASSER"));                                          // ß
  EXPECT_EQ(FoldName("\xC4\xB2sselmuiden"), "ijsselmuiden");                // Ĳ ligature
  EXPECT_EQ(FoldName("Fran\xC3\xA7ois \xC5\x81ukasz"), "francois lukasz");  // ç Ł
  EXPECT_NE(FoldName("Jansen"), FoldName("Janssen"));
  EXPECT_NE(FoldName("Jan Jansen"), FoldName("Jan-Jansen"));
  // Accents of other scripts fold too; their letters stay.
  EXPECT_EQ(FoldName("\xCE\x86\xCE\xBD\xCE\xBD\xCE\xB1"), "\xCE\xB1\xCE\xBD\xCE\xBD\xCE\xB1");  // Άννα → αννα
}

TEST(LinkedInTest, Issue16_RealExportMatchesByEmailUrlAndFoldedNameOnlyWhenUnique) {
  auto db = storage::testing::FreshDatabase("linkedin_real");
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  FakeClock clock(1'780'000'000);
  domain::MemberService members(*db, clock);
  auto add = [&](const std::string& name, const std::string& email, const std::string& url) {
    model::Member m;
    m.name = name;
    m.email = email;
    m.linkedin_url = url;
    auto r = members.Create(domain::Viewer::System(), m);
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return static_cast<long long>(r->id);
  };
  // Profiles as people saved them (not normalised: the save path is not wired yet).
  auto anja = add("Anja de Vries", "anja@x.example", "");
  auto pieter = add("Pieter Bakker", "pieter@x.example", "");
  auto ria = add("Ria Jansen-Smit", "ria.prive@x.example", "https://nl.linkedin.com/in/RiaJansen/");
  auto jurgen = add("J. M\xC3\xBCller", "jm@x.example", "https://www.linkedin.com/in/J\xC3\x9CRGEN-M\xC3\x9CLLER");
  auto zoe = add("Zo\xC3\xAB Van Dijk", "zoe@x.example", "");
  auto soren =
      add("S\xC3\xB8ren \xC3\x98"
          "degaard",
          "soren@x.example", "");
  auto jan1 = add("Jan Jansen", "jan1@x.example", "");
  auto jan2 = add("Jan J\xC3\xA4nsen", "jan2@x.example", "");
  auto kees = add("Kees Smit", "kees@x.example", "");
  auto fout = add("Fout Datum", "fout@x.example", "");
  auto anne =
      add("Anne-Marie d'Hondt-\xC3\x87"
          "elik",
          "am@x.example", "");

  const std::string file = Data("linkedin_connections.csv");
  ASSERT_NE(file.find("e\xCC\x88"), std::string::npos) << "the test file must hold NFD text";
  auto plan = ParseLinkedInConnections(file);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->errors.size(), 2u);
  EXPECT_EQ(plan->errors[0].ToString(), "line 11: Connected On: is missing (a date like '05 Mar 2024')");
  EXPECT_EQ(plan->errors[1].ToString(), "line 13: Connected On: 'morgen' is not a date like '05 Mar 2024'");
  ASSERT_EQ(plan->rows.size(), 8u);
  EXPECT_EQ(plan->rows.front().line, 5);              // the three Notes lines and the header come first
  EXPECT_EQ(plan->rows[3].first_name, "Zo\xC3\xAB");  // read as NFC
  EXPECT_EQ(plan->rows.back().line, 14);
  EXPECT_EQ(plan->rows.back().url, "https://www.linkedin.com/in/amdhondt");
  EXPECT_EQ(plan->rows.back().company, "Stad Gent, Dienst Wonen");

  auto r = ApplyLinkedInImport(*db, anja, *plan, clock);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->matched, 6);
  EXPECT_EQ(r->added, 6);
  EXPECT_EQ(r->not_members, 1);  // Onbekend Persoon
  ASSERT_EQ(r->ambiguous.size(), 1u);
  EXPECT_EQ(r->ambiguous[0].line, 10);
  EXPECT_NE(r->ambiguous[0].message.find("matches 2 members (ids " + std::to_string(jan1) + ", " +
                                         std::to_string(jan2) + ")"),
            std::string::npos)
      << r->ambiguous[0].ToString();
  auto ties = LinkedInTies(*db, anja);
  std::map<long long, long long> want = {{pieter, *ParseLinkedInDate("12 Mar 2024")},  // by e-mail
                                         {ria, *ParseLinkedInDate("05 Mar 2024")},     // URL: host, slash, case
                                         {jurgen, *ParseLinkedInDate("01 Jan 2025")},  // URL: %-escapes, Ü/ü
                                         {zoe, *ParseLinkedInDate("15 Feb 2023")},     // NFD name, case
                                         {soren, *ParseLinkedInDate("20 Aug 2022")},   // Soren ~ Søren
                                         {anne, *ParseLinkedInDate("30 Oct 2021")}};   // NFD Ç, D/d
  EXPECT_EQ(ties, want);
  for (long long never : {jan1, jan2, kees, fout}) EXPECT_EQ(ties.count(never), 0u) << never;
  for (const auto& [other, at] : ties) EXPECT_NE(at, clock.Now()) << other;  // nothing dated "today"
}

TEST(LinkedInTest, Issue16_ACutOffLastRowFailsTheWholeFileAtItsLine) {
  const std::string file = Data("linkedin_connections.csv");
  const size_t start = LastRowStart(file), end = file.find_last_not_of("\r\n") + 1;
  ASSERT_TRUE(ParseLinkedInConnections(file.substr(0, end)).ok());  // complete, only the final line break missing
  // Cut anywhere inside the last row: in a field, after a comma, inside the
  // quoted company, inside an NFD mark, inside the date — always line 14.
  for (size_t cut = start + 1; cut < end; ++cut) {
    auto plan = ParseLinkedInConnections(file.substr(0, cut));
    ASSERT_FALSE(plan.ok()) << "cut at byte " << cut << ": ..." << file.substr(start, cut - start);
    EXPECT_EQ(plan.status().field(), "line 14") << plan.status().ToString();
  }
  EXPECT_NE(ParseLinkedInConnections(file.substr(0, start + 20))
                .status()
                .message()
                .find("of the header's 7 fields: the file looks cut off"),
            std::string::npos);
  const std::string open_quote = file.substr(0, file.find("\"Stad Gent") + 5);
  EXPECT_NE(ParseLinkedInConnections(open_quote).status().message().find("unterminated quoted field"),
            std::string::npos);
  EXPECT_NE(ParseLinkedInConnections(file.substr(0, end - 2)).status().message().find("'30 Oct 20'"),
            std::string::npos);
  // The same in UTF-16: also a cut inside a character (odd byte count) or
  // between the two halves of the emoji.
  const std::string utf16 = ToUtf16(file, false);
  const size_t start16 = ToUtf16(file.substr(0, start), false).size(),
               end16 = ToUtf16(file.substr(0, end), false).size();
  for (size_t cut = start16 + 1; cut < end16; ++cut) {
    auto plan = ParseLinkedInConnections(utf16.substr(0, cut));
    ASSERT_FALSE(plan.ok()) << "UTF-16 cut at byte " << cut;
    EXPECT_EQ(plan.status().field(), "line 14") << plan.status().ToString();
  }
  // Nothing is written.
  auto db = storage::testing::FreshDatabase("linkedin_cut");
  FakeClock clock(1'780'000'000);
  domain::MemberService members(*db, clock);
  model::Member anja, pieter;
  anja.name = "Anja de Vries";
  anja.email = "anja@x.example";
  pieter.name = "Pieter Bakker";
  pieter.email = "pieter@x.example";  // matched by line 5 of a complete file
  auto me = members.Create(domain::Viewer::System(), anja)->id;
  ASSERT_TRUE(members.Create(domain::Viewer::System(), pieter).ok());
  Status s = ImportLinkedIn(*db, me, file.substr(0, end - 5), clock);
  EXPECT_EQ(s.field(), "line 14");
  EXPECT_EQ(CountRows(*db, "interactions"), 0);
  ASSERT_TRUE(ImportLinkedIn(*db, me, file, clock).ok());  // the whole file does write
  EXPECT_EQ(CountRows(*db, "interactions"), 1);
}

TEST(LinkedInTest, Issue16_ARowWithoutADateIsNeverDatedToday) {
  auto db = storage::testing::FreshDatabase("linkedin_nodate");
  FakeClock clock(1'780'000'000);
  domain::MemberService members(*db, clock);
  model::Member a, b, c;
  a.name = "Anja de Vries";
  a.email = "anja@x.example";
  b.name = "Pieter Bakker";
  b.email = "pieter@x.example";
  c.name = "Kees Smit";
  c.email = "kees@x.example";
  auto me = members.Create(domain::Viewer::System(), a)->id;
  ASSERT_TRUE(members.Create(domain::Viewer::System(), b).ok());
  ASSERT_TRUE(members.Create(domain::Viewer::System(), c).ok());
  // The parser never yields such a row; a plan built another way is refused whole.
  LinkedInPlan plan;
  plan.rows.push_back({5, "Pieter", "Bakker", "", "pieter@x.example", "", "", *ParseLinkedInDate("12 Mar 2024")});
  plan.rows.push_back({6, "Kees", "Smit", "", "kees@x.example", "", "", 0});
  auto r = ApplyLinkedInImport(*db, me, plan, clock);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "Connected On");
  EXPECT_NE(r.status().message().find("line 6"), std::string::npos) << r.status().ToString();
  EXPECT_EQ(CountRows(*db, "interactions"), 0);
  // From a file: the dateless row is a reported error, the others are dated by the file.
  const std::string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  const std::string pieter_row = "Pieter,Bakker,,pieter@x.example,,,12 Mar 2024\n";
  auto short_row = ParseLinkedInConnections(header + "Kees,Smit,,kees@x.example,,\n" + pieter_row);
  ASSERT_TRUE(short_row.ok()) << short_row.status().ToString();
  ASSERT_EQ(short_row->errors.size(), 1u);
  EXPECT_EQ(short_row->errors[0].ToString(), "line 2: has 6 of the header's 7 fields");
  auto parsed = ParseLinkedInConnections(header + "Kees,Smit,,kees@x.example,,,\n" + pieter_row);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->errors.size(), 1u);
  EXPECT_EQ(parsed->errors[0].ToString(), "line 2: Connected On: is missing (a date like '05 Mar 2024')");
  ASSERT_EQ(parsed->rows.size(), 1u);
  ASSERT_TRUE(ApplyLinkedInImport(*db, me, *parsed, clock).ok());
  auto ties = LinkedInTies(*db, me);
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties.begin()->second, *ParseLinkedInDate("12 Mar 2024"));
}

TEST(LinkedInTest, Issue16_Utf16AndBomFilesReadLikeTheUtf8File) {
  auto base = ParseLinkedInConnections(Data("linkedin_connections.csv"));
  ASSERT_TRUE(base.ok());
  auto same = [&](const std::string& bytes, const char* what) {
    auto p = ParseLinkedInConnections(bytes);
    ASSERT_TRUE(p.ok()) << what << ": " << p.status().ToString();
    ASSERT_EQ(p->rows.size(), base->rows.size()) << what;
    for (size_t i = 0; i < p->rows.size(); ++i) {
      const auto &x = p->rows[i], &y = base->rows[i];
      EXPECT_EQ(std::tie(x.line, x.first_name, x.last_name, x.url, x.email, x.company, x.position, x.connected_on),
                std::tie(y.line, y.first_name, y.last_name, y.url, y.email, y.company, y.position, y.connected_on))
          << what << " row " << i;
    }
    ASSERT_EQ(p->errors.size(), base->errors.size()) << what;
    for (size_t i = 0; i < p->errors.size(); ++i)
      EXPECT_EQ(p->errors[i].ToString(), base->errors[i].ToString()) << what;
  };
  const std::string utf8 = Data("linkedin_connections.csv");
  same(ToUtf16(utf8, false), "UTF-16 LE");
  same(ToUtf16(utf8, true), "UTF-16 BE");
  same("\xEF\xBB\xBF" + utf8, "UTF-8 with BOM");
  same(ToUtf16(Data("linkedin_connections_excel.tsv"), false), "Excel Unicode text (UTF-16 LE, tabs, CRLF)");
  // The position with an emoji (a surrogate pair in UTF-16) survives.
  auto p = ParseLinkedInConnections(ToUtf16(utf8, true));
  EXPECT_EQ(p->rows[3].position, "Beleidsadviseur \xF0\x9F\x9A\xB2");
}

TEST(LinkedInTest, Issue16_NotesPreambleIsSkippedUnparsed) {
  // The real export's preamble: "Notes:", one quoted line, a blank line. A
  // preamble that is not valid CSV (a stray quote) must not matter either.
  const std::string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  const std::string row = "Pieter,Bakker,,pieter@x.example,TPO,Lean,05 Mar 2024\n";
  for (const std::string& preamble : {std::string(""), std::string("Notes:\n\"When exporting, you may notice...\"\n\n"),
                                      std::string("Notes:\nLinkedIn's \"Connections\" export, 2024\n\n")}) {
    std::string csv = preamble;
    csv += header;
    csv += row;
    auto plan = ParseLinkedInConnections(csv);
    ASSERT_TRUE(plan.ok()) << preamble << plan.status().ToString();
    ASSERT_EQ(plan->rows.size(), 1u);
    int preamble_lines = static_cast<int>(std::count(preamble.begin(), preamble.end(), '\n'));
    EXPECT_EQ(plan->rows[0].line, preamble_lines + 2);
    EXPECT_EQ(plan->rows[0].connected_on, *ParseLinkedInDate("2024-03-05"));
  }
  auto none = ParseLinkedInConnections("Notes:\nnothing here\n");
  EXPECT_EQ(none.status().field(), "header");
}

TEST(ImportTextTest, Issue16_WhatCannotBeReadIsRefusedClearly) {
  const std::string csv = "name,email\nAnja,anja@x.example\n";
  // UTF-16 without a BOM: not guessed at, but named.
  std::string bomless = ToUtf16(csv, false).substr(2);
  auto r = PlanMemberImport(bomless, kSectors, {});
  EXPECT_EQ(r.status().field(), "file");
  EXPECT_NE(r.status().message().find("UTF-16 text without a byte-order mark"), std::string::npos)
      << r.status().ToString();
  EXPECT_NE(r.status().message().find("\"CSV UTF-8\""), std::string::npos);
  EXPECT_NE(
      PlanMemberImport(ToUtf16(csv, true).substr(2), kSectors, {}).status().message().find("without a byte-order mark"),
      std::string::npos);
  // UTF-32.
  std::string utf32("\xFF\xFE\0\0n\0\0\0", 8);
  EXPECT_NE(PlanMemberImport(utf32, kSectors, {}).status().message().find("UTF-32"), std::string::npos);
  // Real binary is still binary.
  auto png = PlanMemberImport(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), kSectors, {});
  EXPECT_NE(png.status().message().find("binary"), std::string::npos) << png.status().ToString();
  // A lone surrogate in UTF-16 names its line.
  std::string lone = ToUtf16("name,email\nAnja,anja@x.example\nB", false) + std::string("\x00\xD8", 2) +
                     ToUtf16(",b@x.example\n", false).substr(2);
  auto l = PlanMemberImport(lone, kSectors, {});
  EXPECT_EQ(l.status().field(), "line 3");
  EXPECT_NE(l.status().message().find("lone surrogate"), std::string::npos);
  // Windows-1252 (Excel's plain "CSV") names the line and says what to do.
  auto ansi = PlanMemberImport("name,email\nJos\xE9,j@x.example\n", kSectors, {});
  EXPECT_EQ(ansi.status().field(), "line 2");
  EXPECT_NE(ansi.status().message().find("not valid UTF-8"), std::string::npos);
  EXPECT_NE(ansi.status().message().find("CSV UTF-8"), std::string::npos) << ansi.status().ToString();
}

TEST(MemberImportTest, Issue16_MacAndExcelFilesImportTheSameMembers) {
  const std::string nfd = Data("members_nfd.csv");
  ASSERT_NE(nfd.find("u\xCC\x88"), std::string::npos) << "the test file must hold NFD text";
  const std::string zoe = "Zo\xC3\xAB van Dijk", jurgen = "J\xC3\xBCrgen M\xC3\xBCller";
  for (const auto& [what, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"NFD", nfd},
           {"Dutch Excel CSV UTF-8 (BOM, semicolons)", Data("members_semicolon_bom.csv")},
           {"Excel Unicode text (UTF-16 LE, tabs)", ToUtf16(Data("members_excel_unicode.tsv"), false)},
           {"UTF-16 BE", ToUtf16(nfd, true)}}) {
    auto plan = PlanMemberImport(bytes, kSectors, {});
    ASSERT_TRUE(plan.ok()) << what << ": " << plan.status().ToString();
    EXPECT_TRUE(plan->errors.empty()) << what << ": " << plan->errors[0].ToString();
    ASSERT_EQ(plan->network.members.size(), 3u) << what;
    const auto& m = plan->network.members;
    EXPECT_EQ(m[0].name, zoe) << what;  // NFC
    EXPECT_EQ(m[0].linkedin_url, "https://www.linkedin.com/in/zoevandijk-1a2b3c") << what;
    EXPECT_EQ(m[0].languages, (std::vector<std::string>{"nl", "en"})) << what;
    EXPECT_EQ(m[1].name, jurgen) << what;
    EXPECT_EQ(m[1].organization, "M\xC3\xBCller, Bau & Co") << what;
    EXPECT_EQ(m[1].linkedin_url, "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller") << what;
    EXPECT_EQ(m[2].linkedin_url, "") << what;
  }
  // Stored as read.
  auto db = storage::testing::FreshDatabase("members_nfd");
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  FakeClock clock(1'780'000'000);
  auto plan = PlanMemberImport(nfd, kSectors, {});
  ASSERT_TRUE(ApplyMemberImport(*db, *plan, clock).ok());
  soci::session sql(db->pool());
  std::string name, url;
  sql << "SELECT name, linkedin_url FROM members WHERE email = 'jurgen@x.example'", soci::into(name), soci::into(url);
  EXPECT_EQ(name, jurgen);
  EXPECT_EQ(url, "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller");
}

TEST(MemberImportTest, Issue16_ACutOffFileImportsNothing) {
  auto db = storage::testing::FreshDatabase("members_cut");
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  FakeClock clock(1'780'000'000);
  auto import = [&](const std::string& bytes) -> Status {  // what the CLI does
    auto plan = PlanMemberImport(bytes, kSectors, {});
    if (!plan.ok()) return plan.status();
    if (!plan->errors.empty()) return InvalidArgument(plan->errors[0].ToString());
    auto st = ApplyMemberImport(*db, *plan, clock);
    return st.ok() ? Status::Ok() : st.status();
  };
  const std::string cut = Data("members_truncated.csv");
  Status s = import(cut);
  EXPECT_EQ(s.field(), "line 3");
  EXPECT_EQ(s.message(), "the last row has 2 of the header's 4 fields: the file looks cut off");
  EXPECT_NE(import(ToUtf16(cut, false)).field().find("line 3"), std::string::npos);
  Status odd = import(ToUtf16(cut, false) + "x");  // ends inside a UTF-16 code unit
  EXPECT_EQ(odd.field(), "line 3");
  EXPECT_NE(odd.message().find("cut off"), std::string::npos);
  Status quote = import("name,email,bio\nAnja,anja@x.example,\"Wijkzorg,\nen meer");
  EXPECT_EQ(quote.field(), "line 2");
  EXPECT_NE(quote.message().find("unterminated quoted field"), std::string::npos);
  EXPECT_NE(quote.message().find("cut off"), std::string::npos);
  EXPECT_EQ(CountRows(*db, "members"), 0);
  EXPECT_EQ(CountRows(*db, "organizations"), 0);
  // Completed, the same file imports.
  ASSERT_TRUE(import(cut + "mple,TPO,industry\n").ok());
  EXPECT_EQ(CountRows(*db, "members"), 2);
}

TEST(MemberImportTest, Issue16_ALinkedInUrlThatIsNoProfileIsARowError) {
  auto plan = PlanMemberImport(
      "name,email,linkedin_url\n"
      "Anja,anja@x.example,https://nl.linkedin.com/in/AnjaDeVries/\n"
      "Pieter,pieter@x.example,https://www.linkedin.com/company/tpo\n",
      kSectors, {});
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->network.members.size(), 1u);
  EXPECT_EQ(plan->network.members[0].linkedin_url, "https://www.linkedin.com/in/anjadevries");
  ASSERT_EQ(plan->errors.size(), 1u);
  EXPECT_EQ(plan->errors[0].line, 3);
  EXPECT_EQ(plan->errors[0].field, "linkedin_url");
}

}  // namespace
}  // namespace verbinder::importers
