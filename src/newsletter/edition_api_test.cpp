// The routes of the leader's desk and the front door (issue #17) over a real
// server on a real database: the newsletter edition (introduction, chosen
// articles and events — validated field by field, nothing written on a bad
// request, and what the issue then carries), the mail delivery state against
// the outbox's rows, the site's public face (and unsafe logos refused), the
// leader's members table with its filters against SQL, and the HTML "not
// found" page for unknown page paths (the API's stay JSON).
#include <gtest/gtest.h>

#include <set>

#include <soci/soci.h>

#include "api/test_client.h"
#include "newsletter/compose.h"
#include "newsletter/edition.h"
#include "newsletter/test_support.h"

namespace verbinder::newsletter {
namespace {

using api::testing::Client;
using Json = nlohmann::json;

class LeaderDeskRoutesTest : public api::testing::ApiServerTest<> {
 protected:
  LeaderDeskRoutesTest() : ApiServerTest({}, testing::kNow) {}
  // The newsletter's seeded network (newsletter/test_support.h); Anja may sign in.
  void Seed() override {
    seed_ = testing::Seed(*db_, clock_);
    domain::AccountService accounts(*db_, clock_);
    ASSERT_TRUE(
        accounts.CreateAccount(domain::Viewer::System(), seed_.anja, api::testing::kPassword, model::Role::kMember)
            .ok());
  }
  void Exec(const std::string& q) {
    soci::session sql(db_->pool());
    sql << q;
  }
  api::testing::HttpResult Put(Client& c, const std::string& path, const Json& body) {
    return c.Request("PUT", path, body.dump());
  }

  testing::Seeded seed_;
};

TEST_F(LeaderDeskRoutesTest, TheEditionIsTheLeadersValidatedFieldByFieldAndWhatTheIssueCarries) {
  Client leader(Base()), anja(Base()), anon(Base());
  ASSERT_EQ(leader.Login("leider@netwerk.example", "een lang wachtwoord").status, 200);
  ASSERT_EQ(anja.Login("anja@zorg.example", "een lang wachtwoord").status, 200);
  const std::string path = "/api/v1/newsletter/issues/2026-11/edition";
  EXPECT_EQ(anon.Get(path).status, 401);
  EXPECT_EQ(anja.Get(path).status, 403);
  EXPECT_EQ(Put(anja, path, {{"articles", Json::array()}, {"events", Json::array()}}).status, 403);

  // Not saved: today's automatic choice (the month's article, the coming event).
  auto fresh = leader.Get(path);
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_EQ(fresh.Json()["saved"], false);
  EXPECT_EQ(fresh.Json()["articles"], Json::array({seed_.article_nov}));
  EXPECT_EQ(fresh.Json()["events"], Json::array({seed_.event}));
  EXPECT_EQ(fresh.Json()["candidates"]["articles"].size(), 2u);

  // A members-only event and one that already started cannot be chosen.
  Exec(
      "INSERT INTO events (title, kind, description, starts_at, ends_at, location, capacity, price_cents, created_at, "
      "is_public) "
      "VALUES ('Besloten', 'borrel', '', " +
      std::to_string(testing::kNow + 86400) + ", " + std::to_string(testing::kNow + 90000) + ", 'x', 10, 0, 0, 0)");
  Exec(
      "INSERT INTO events (title, kind, description, starts_at, ends_at, location, capacity, price_cents, created_at) "
      "VALUES ('Voorbij', 'borrel', '', " +
      std::to_string(testing::kNow - 86400) + ", " + std::to_string(testing::kNow - 80000) + ", 'x', 10, 0, 0)");
  const long long closed = Count("SELECT id FROM events WHERE title = 'Besloten'");
  const long long past = Count("SELECT id FROM events WHERE title = 'Voorbij'");
  const Json none = Json::array();
  struct Bad {
    Json body;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {{{"intro_nl", 5}, {"articles", none}, {"events", none}}, "intro_nl"},
      {{{"intro_en", std::string(20001, 'x')}, {"articles", none}, {"events", none}}, "intro_en"},
      {{{"events", none}}, "articles"},
      {{{"articles", "1"}, {"events", none}}, "articles"},
      {{{"articles", {0}}, {"events", none}}, "articles[0]"},
      {{{"articles", {seed_.article_oct, seed_.article_oct}}, {"events", none}}, "articles[1]"},
      {{{"articles", {seed_.article_nov, 999999}}, {"events", none}}, "articles[1]"},
      {{{"articles", none}, {"events", {closed}}}, "events[0]"},
      {{{"articles", none}, {"events", {seed_.event, past}}}, "events[1]"},
      {{{"articles", none}, {"events", {seed_.event, seed_.event}}}, "events[1]"},
      {{{"articles", none}, {"events", none}, {"title", "x"}}, "title"},
  };
  for (const auto& b : bad) {
    auto r = Put(leader, path, b.body);
    EXPECT_EQ(r.status, 400) << b.body.dump() << " " << r.body;
    EXPECT_EQ(r.ErrorField(), b.field) << b.body.dump();
  }
  EXPECT_EQ(
      Put(leader, "/api/v1/newsletter/issues/2026-13/edition", {{"articles", none}, {"events", none}}).ErrorField(),
      "month");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM newsletter_editions") + Count("SELECT COUNT(*) FROM newsletter_edition_items"),
            0)
      << "a refused request writes nothing";

  // Saved: the leader's order, both introductions.
  auto saved = Put(leader, path,
                   {{"intro_nl", "Beste leden, **welkom**."},
                    {"intro_en", "Dear members, welcome."},
                    {"articles", {seed_.article_oct, seed_.article_nov}},
                    {"events", none}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto again = leader.Get(path).Json();
  EXPECT_EQ(again["saved"], true);
  EXPECT_EQ(again["articles"], Json::array({seed_.article_oct, seed_.article_nov}));
  EXPECT_EQ(again["events"], Json::array());
  EXPECT_EQ(again["intro_nl"], "Beste leden, **welkom**.");

  // What the issue carries: those articles in that order, no events, the introduction in the reader's language.
  auto cfg = LoadConfig(*db_);
  ASSERT_TRUE(cfg.ok());
  cfg->from = {"Netwerk", "nieuwsbrief@netwerk.example"};
  Composer composer(*db_, clock_, *cfg);
  auto issue = composer.LoadIssue("2026-11");
  ASSERT_TRUE(issue.ok()) << issue.status().ToString();
  ASSERT_EQ(issue->articles.size(), 2u);
  EXPECT_EQ(issue->articles[0].id, seed_.article_oct);
  EXPECT_EQ(issue->articles[1].id, seed_.article_nov);
  EXPECT_TRUE(issue->events.empty());
  SetSetting("mail.from_email", "nieuwsbrief@netwerk.example");
  auto nl =
      leader.Get("/api/v1/newsletter/preview?month=2026-11&format=html&subscriber=" + std::to_string(seed_.sub_anja));
  ASSERT_EQ(nl.status, 200) << nl.body;
  EXPECT_NE(nl.body.find("Beste leden, <strong>welkom</strong>."), std::string::npos);
  EXPECT_EQ(nl.body.find("Dear members"), std::string::npos);
  auto en =
      leader.Get("/api/v1/newsletter/preview?month=2026-11&format=text&subscriber=" + std::to_string(seed_.sub_emma));
  ASSERT_EQ(en.status, 200) << en.body;
  EXPECT_NE(en.body.find("Dear members, welcome."), std::string::npos);
  EXPECT_LT(en.body.find("Oktober-artikel"), en.body.find("Lean in de wijkzorg"));
}

TEST_F(LeaderDeskRoutesTest, MailStatusSaysWhatWaitsInTheOutboxForLeadersOnly) {
  Client leader(Base()), anja(Base()), anon(Base());
  ASSERT_EQ(leader.Login("leider@netwerk.example", "een lang wachtwoord").status, 200);
  ASSERT_EQ(anja.Login("anja@zorg.example", "een lang wachtwoord").status, 200);
  EXPECT_EQ(anon.Get("/api/v1/mail/status").status, 401);
  EXPECT_EQ(anja.Get("/api/v1/mail/status").status, 403);
  EXPECT_EQ(leader.Get("/api/v1/mail/status?x=1").ErrorField(), "x");
  Exec("DELETE FROM outbox");
  for (const char* row :
       {"'account.invitation', 'pending'", "'account.invitation', 'pending'", "'account.invitation', 'sending'",
        "'notification.meeting', 'pending'", "'account.password_reset', 'failed'", "'account.confirm', 'sent'"})
    Exec(std::string("INSERT INTO outbox (kind, status, to_email, subject, text_body, created_at) VALUES (") + row +
         ", 'a@b.example', 's', 't', 0)");
  auto r = leader.Get("/api/v1/mail/status");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.Json();
  EXPECT_EQ(j["configured"], false);
  EXPECT_EQ(j["missing"], Json::array({"mail.smtp_url", "mail.from_email"}));
  EXPECT_EQ(j["waiting"]["total"], 4);
  EXPECT_EQ(j["waiting"]["invitations"], 3);
  EXPECT_EQ(j["waiting"]["notifications"], 1);
  EXPECT_EQ(j["waiting"]["password_resets"], 0);
  EXPECT_EQ(j["failed"], 1);
  SetSetting("mail.smtp_url", "smtp://127.0.0.1:2525");
  SetSetting("mail.from_email", "nieuwsbrief@netwerk.example");
  j = leader.Get("/api/v1/mail/status").Json();
  EXPECT_EQ(j["configured"], true);
  EXPECT_EQ(j["missing"], Json::array());
  EXPECT_EQ(j["from_email"], "nieuwsbrief@netwerk.example");
}

TEST_F(LeaderDeskRoutesTest, TheSiteIsPublicAndOnlyTakesALogoFromThisServer) {
  Client anon(Base());
  auto d = anon.Get("/api/v1/site").Json();
  EXPECT_EQ(d["name"], "verbinder");
  EXPECT_EQ(d["logo_url"], "/favicon.svg");
  EXPECT_EQ(anon.Get("/api/v1/site?lang=nl").ErrorField(), "lang");
  SetSetting("site.name", "Netwerk Twente");
  SetSetting("site.description_nl", "Zorg en industrie leren van elkaar.");
  SetSetting("site.organizer", "Lotte Leider");
  for (const char* logo : {"https://elders.example/logo.png", "//elders.example/logo.png", "javascript:alert(1)"}) {
    SetSetting("site.logo_url", logo);
    EXPECT_EQ(anon.Get("/api/v1/site").Json()["logo_url"], "/favicon.svg") << logo;
  }
  SetSetting("site.logo_url", "/assets/logo.svg");
  auto j = anon.Get("/api/v1/site").Json();
  EXPECT_EQ(j["logo_url"], "/assets/logo.svg");
  EXPECT_EQ(j["name"], "Netwerk Twente");
  EXPECT_EQ(j["description_nl"], "Zorg en industrie leren van elkaar.");
  EXPECT_EQ(j["description_en"], "");
  EXPECT_EQ(j["organizer"], "Lotte Leider");
}

TEST_F(LeaderDeskRoutesTest, TheMembersTableFiltersAsSqlDoesAndIsForLeadersOnly) {
  Client leader(Base()), anja(Base());
  ASSERT_EQ(leader.Login("leider@netwerk.example", "een lang wachtwoord").status, 200);
  ASSERT_EQ(anja.Login("anja@zorg.example", "een lang wachtwoord").status, 200);
  EXPECT_EQ(anja.Get("/api/v1/leader/members").status, 403);
  auto all = leader.Get("/api/v1/leader/members?limit=100");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Json()["total"], Count("SELECT COUNT(*) FROM members WHERE visibility <> 'hidden'"))
      << "hidden members are not listed";
  for (const auto& m : all.Json()["items"]) EXPECT_NE(m["id"], seed_.hidden_hans);
  auto orgs = leader.Get("/api/v1/leader/members?role=organizer").Json();
  ASSERT_EQ(orgs["total"], 1);
  EXPECT_EQ(orgs["items"][0]["id"], seed_.leader);
  EXPECT_EQ(orgs["items"][0]["role"], "organizer");
  auto care = leader.Get("/api/v1/leader/members?sector=care").Json();
  EXPECT_EQ(care["total"], Count("SELECT COUNT(*) FROM members WHERE sector = 'care' AND visibility <> 'hidden'"));
  EXPECT_EQ(leader.Get("/api/v1/leader/members?visibility=hidden").Json()["total"], 0)
      << "an organizer sees no hidden member";
  auto q = leader.Get("/api/v1/leader/members?q=ZORG.example").Json();
  EXPECT_EQ(q["total"],
            Count("SELECT COUNT(*) FROM members WHERE email LIKE '%zorg.example%' AND visibility <> 'hidden'"));
  // Last active: the leader and Anja signed in just now; nobody else has a session or a ledger record.
  auto recent = leader.Get("/api/v1/leader/members?active=30d").Json();
  std::set<long long> ids;
  for (const auto& m : recent["items"]) ids.insert(m["id"].get<long long>());
  const long long since = testing::kNow - 30 * 86400;
  EXPECT_EQ(
      static_cast<long long>(ids.size()),
      Count("SELECT COUNT(*) FROM members m WHERE m.visibility <> 'hidden' AND (EXISTS (SELECT 1 FROM sessions s WHERE "
            "s.member_id = m.id AND s.created_at >= " +
            std::to_string(since) +
            ") OR EXISTS (SELECT 1 FROM interactions i "
            "WHERE (i.a = m.id OR i.b = m.id) AND i.at >= " +
            std::to_string(since) + "))"));
  EXPECT_TRUE(ids.count(seed_.leader) && ids.count(seed_.anja));
  auto never = leader.Get("/api/v1/leader/members?active=never").Json();
  for (const auto& m : never["items"]) {
    EXPECT_TRUE(m["last_active_at"].is_null());
    EXPECT_FALSE(ids.count(m["id"].get<long long>()));
  }
  EXPECT_EQ(recent["total"].get<long long>() +
                leader.Get("/api/v1/leader/members?active=quiet90d").Json()["total"].get<long long>(),
            all.Json()["total"].get<long long>() - 0)
      << "active in 30 days and quiet for 90 days split these members";
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{{"role=boss", "role"},
                                                                                     {"visibility=all", "visibility"},
                                                                                     {"active=7d", "active"},
                                                                                     {"limit=0", "limit"},
                                                                                     {"who=1", "who"}}) {
    auto r = leader.Get("/api/v1/leader/members?" + query);
    EXPECT_EQ(r.status, 400) << query;
    EXPECT_EQ(r.ErrorField(), field) << query;
  }
}

TEST_F(LeaderDeskRoutesTest, AMistypedPageIsAnHtmlNotFoundPageAndTheApiStaysJson) {
  Client anon(Base());
  auto page = anon.Get("/evenementen/borrel");
  EXPECT_EQ(page.status, 404);
  auto ct = page.headers.find("content-type");
  ASSERT_NE(ct, page.headers.end());
  EXPECT_EQ(ct->second.rfind("text/html", 0), 0u) << ct->second;
  EXPECT_NE(page.body.find("<html"), std::string::npos) << "the app's page, which says \"not found\" itself";
  auto api = anon.Get("/api/v1/evenementen");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.ErrorField(), "path");
  auto post = anon.Post("/evenementen", Json::object());
  EXPECT_EQ(post.status, 404);
  EXPECT_EQ(post.ErrorField(), "path") << "only a GET gets the page";
}

}  // namespace
}  // namespace verbinder::newsletter
