#include "importers/importers.h"

#include <gtest/gtest.h>

#include "domain/members.h"
#include "domain/network.h"
#include "storage/testing.h"

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
  EXPECT_EQ(*ParseLinkedInDate("1990-01-02"), (7305 + 1) * 86400 + 12 * 3600);  // noon UTC
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
  (void)ria; (void)kees;
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

}  // namespace
}  // namespace verbinder::importers
