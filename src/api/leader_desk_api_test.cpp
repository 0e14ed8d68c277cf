// The leader's desk over real HTTP on a fresh database:
// - notifications in the reader's language: the same introduction reaches a
//   Dutch and an English member each in their own language, in the app (API)
//   and by e-mail (delivered to a real aiosmtpd sink);
// - introductions have their own e-mail choice: off stops the mail, not the
//   notification in the app;
// - the health trend per month checked against an independent SQL computation
//   on a small hand-written ledger (with a hidden member and a record on a
//   month boundary), organizers only.
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <soci/soci.h>

#include "api/test_client.h"
#include "util/civil_time.h"
#include "domain/accounts.h"
#include "mail/testing.h"
#include "mail/testing_smtp_sink.h"
#include "notify/delivery.h"
#include "notify/outbox.h"

namespace verbinder::api {
namespace {

using testing::Client;
using Json = nlohmann::json;
namespace fs = std::filesystem;

constexpr int64_t kNow = util::AmsterdamTime(2026, 11, 15, 12);

class LeaderDeskApiTest : public testing::ApiServerTest<> {
 protected:
  LeaderDeskApiTest() : ApiServerTest({.db_pool = 8, .threads = 4}, kNow) {}
  void Seed() override {
    leader_ = Add("Emma Leider", "emma@x.example", "government", {"nl"}, model::Role::kOrganizer);
    anja_ = Add("Anja Kamphuis", "anja@x.example", "care", {"nl"});
    pieter_ = Add("Pieter Lammerink", "pieter@x.example", "industry", {"en", "nl"});
  }

  int64_t Add(const std::string& name, const std::string& email, const std::string& sector,
              std::vector<std::string> langs, model::Role role = model::Role::kMember,
              model::Visibility vis = model::Visibility::kMembers) {
    model::Member m = NewMember(name, email, sector);
    m.languages = std::move(langs);
    m.visibility = vis;
    return AddMember(m, role);
  }

  int64_t leader_ = 0, anja_ = 0, pieter_ = 0;
};

TEST_F(LeaderDeskApiTest, AnIntroductionReachesEachMemberInTheirOwnLanguage) {
  const fs::path work = fs::temp_directory_path() / ("verbinder-leader-desk-" + std::to_string(::getpid()));
  fs::remove_all(work);
  mail::testing::SmtpSink sink((work / "sink").string());
  ASSERT_TRUE(sink.ready());
  SetSetting("mail.smtp_url", sink.url());
  SetSetting("mail.starttls", "off");
  SetSetting("mail.from_email", "meldingen@netwerk.example");

  auto leader = SignedIn("emma@x.example");
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  auto made = leader->Post("/api/v1/network/introductions", {{"a", anja_}, {"b", pieter_}, {"message", "roosters"}});
  ASSERT_EQ(made.status, 201) << made.body;

  // In the app: each in their own language (the member's first language), both kept.
  auto nl = anja->Get("/api/v1/notifications");
  ASSERT_EQ(nl.status, 200) << nl.body;
  Json n = nl.Json();
  ASSERT_EQ(n["total"], 1);
  EXPECT_EQ(n["lang"], "nl");
  EXPECT_EQ(n["items"][0]["key"], "introduction");
  EXPECT_EQ(n["items"][0]["text"], "Emma Leider stelt je voor aan Pieter Lammerink: roosters");
  EXPECT_EQ(n["items"][0]["texts"]["en"], "Emma Leider introduces you to Pieter Lammerink: roosters");
  auto en = pieter->Get("/api/v1/notifications");
  ASSERT_EQ(en.status, 200) << en.body;
  Json e = en.Json();
  EXPECT_EQ(e["lang"], "en");
  EXPECT_EQ(e["items"][0]["text"], "Emma Leider introduces you to Anja Kamphuis: roosters");
  // The web UI asks for its current language.
  EXPECT_EQ(anja->Get("/api/v1/notifications?lang=en").Json()["items"][0]["text"],
            "Emma Leider introduces you to Pieter Lammerink: roosters");
  EXPECT_EQ(pieter->Get("/api/v1/notifications?lang=nl").Json()["items"][0]["text"],
            "Emma Leider stelt je voor aan Anja Kamphuis: roosters");
  auto bad = anja->Get("/api/v1/notifications?lang=fr");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "lang");
  const int64_t nid = n["items"][0]["id"];
  auto read = anja->Post("/api/v1/notifications/" + std::to_string(nid) + "/read", Json::object());
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["text"], "Emma Leider stelt je voor aan Pieter Lammerink: roosters");

  // By e-mail: delivered to the SMTP sink, each in the member's language.
  notify::OutboxDeliverer d(*db_, clock_);
  auto r = d.DeliverDue();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->sent, 2);
  std::map<std::string, mail::testing::ParsedMail> by;
  for (auto& [rcpt, m] : sink.Messages()) by[rcpt] = m;
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(mail::testing::DecodeHeader(by["anja@x.example"].headers["subject"]), "verbinder: Introducties");
  EXPECT_NE(by["anja@x.example"].text.find("Emma Leider stelt je voor aan Pieter Lammerink: roosters"),
            std::string::npos)
      << by["anja@x.example"].text;
  EXPECT_EQ(by["anja@x.example"].text.find("introduces"), std::string::npos);
  EXPECT_EQ(mail::testing::DecodeHeader(by["pieter@x.example"].headers["subject"]), "verbinder: Introductions");
  EXPECT_NE(by["pieter@x.example"].text.find("Emma Leider introduces you to Anja Kamphuis: roosters"),
            std::string::npos)
      << by["pieter@x.example"].text;
  EXPECT_EQ(by["pieter@x.example"].text.find("stelt je voor"), std::string::npos);
  fs::remove_all(work);
}

TEST_F(LeaderDeskApiTest, IntroductionsHaveTheirOwnEmailChoice) {
  const int64_t zoe = Add("Zoë Verpleging", "zoe@x.example", "care", {"nl"});
  auto leader = SignedIn("emma@x.example");
  auto anja = SignedIn("anja@x.example");
  auto prefs = anja->Get("/api/v1/notifications/preferences");
  ASSERT_EQ(prefs.status, 200);
  std::vector<std::string> keys;
  Json pj = prefs.Json();
  for (const auto& p : pj["items"]) {
    keys.push_back(p["key"]);
    if (p["key"] == "introduction") {
      EXPECT_EQ(p["label"]["en"], "Introductions");
      EXPECT_EQ(p["label"]["nl"], "Introducties");
      EXPECT_EQ(p["email"], true);
      EXPECT_EQ(p["kinds"], Json::array({"introduction"}));
    }
  }
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "introduction"), 1) << pj.dump();
  EXPECT_EQ(keys.back(), "other");

  const std::string mails_to_anja = "SELECT count(*) FROM outbox WHERE to_email = 'anja@x.example'";
  ASSERT_EQ(leader->Post("/api/v1/network/introductions", {{"a", anja_}, {"b", pieter_}}).status, 201);
  EXPECT_EQ(Count(mails_to_anja), 1);
  auto off =
      anja->Request("PUT", "/api/v1/notifications/preferences", Json{{"email", {{"introduction", false}}}}.dump());
  ASSERT_EQ(off.status, 200) << off.body;
  ASSERT_EQ(leader->Post("/api/v1/network/introductions", {{"a", anja_}, {"b", zoe}}).status, 201);
  EXPECT_EQ(Count(mails_to_anja), 1) << "no mail once introductions are off";
  EXPECT_EQ(Count("SELECT count(*) FROM outbox WHERE to_email = 'zoe@x.example'"), 1) << "Zoë still wants them";
  Json list = anja->Get("/api/v1/notifications").Json();
  ASSERT_EQ(list["total"], 2) << "both stay in the app";
  EXPECT_EQ(list["items"][0]["text"], "Emma Leider stelt je voor aan Zoë Verpleging");
}

// The trend against an independent computation in SQL over the same ledger.
TEST_F(LeaderDeskApiTest, HealthTrendMatchesAnIndependentComputation) {
  const int64_t zoe = Add("Zoë Verpleging", "zoe@x.example", "care", {"nl"});
  const int64_t hans =
      Add("Hans Verborgen", "hans@x.example", "education", {"nl"}, model::Role::kMember, model::Visibility::kHidden);
  const int64_t olga = Add("Olga Onderwijs", "olga@x.example", "education", {"nl"});
  using util::AmsterdamTime;
  struct Rec {
    int64_t a, b;
    const char* kind;
    int64_t at;
  };
  const std::vector<Rec> ledger = {
      {anja_, pieter_, "connected", AmsterdamTime(2025, 6, 3, 10)},       // before the window
      {anja_, zoe, "met_at_event", AmsterdamTime(2025, 12, 31, 23, 30)},  // the last evening of December
      {anja_, pieter_, "meeting_held", AmsterdamTime(2026, 1, 1, 0)},     // on the boundary: January
      {pieter_, olga, "connected", AmsterdamTime(2026, 3, 10, 9)},
      {pieter_, olga, "answered", AmsterdamTime(2026, 3, 29, 12)},
      {zoe, hans, "visit_held", AmsterdamTime(2026, 4, 2, 14)},  // hidden member: never counted
      {anja_, olga, "connected", AmsterdamTime(2026, 6, 18, 10)},
      {pieter_, olga, "visit_held", AmsterdamTime(2026, 9, 1, 8)},
      {zoe, olga, "met_at_event", AmsterdamTime(2026, 10, 31, 23, 59)},
      {anja_, olga, "meeting_held", AmsterdamTime(2026, 11, 1, 0)},
      {leader_, anja_, "connected", AmsterdamTime(2026, 11, 10, 9)},
  };
  {
    soci::session sql(db_->pool());
    for (const auto& r : ledger) {
      long long a = std::min(r.a, r.b), b = std::max(r.a, r.b), at = r.at;
      std::string kind = r.kind;
      sql << "INSERT INTO interactions (a, b, kind, at, source) VALUES (:a, :b, :k, :t, 'test')", soci::use(a),
          soci::use(b), soci::use(kind), soci::use(at);
    }
  }
  auto leader = SignedIn("emma@x.example");
  auto res = leader->Get("/api/v1/network/health/trend?months=12");
  ASSERT_EQ(res.status, 200) << res.body;
  Json j = res.Json();
  EXPECT_EQ(j["time_zone"], "Europe/Amsterdam");
  ASSERT_EQ(j["months"].size(), 12u);
  EXPECT_EQ(j["months"][0]["month"], "2025-12");
  EXPECT_EQ(j["months"][11]["month"], "2026-11");
  EXPECT_EQ(j["months"][0]["starts_at"], AmsterdamTime(2025, 12, 1, 0));
  EXPECT_EQ(j["months"][11]["starts_at"], AmsterdamTime(2026, 11, 1, 0));
  EXPECT_EQ(j["months"][11]["ends_at"], AmsterdamTime(2026, 12, 1, 0));
  EXPECT_EQ(j["months"][4]["starts_at"], AmsterdamTime(2026, 4, 1, 0)) << "summer time";

  soci::session sql(db_->pool());
  const std::string visible = "(SELECT id, COALESCE(sector, '') AS sector FROM members WHERE visibility <> 'hidden')";
  const std::string ties_query =
      "SELECT count(*), sum(r), sum(c) FROM (SELECT i.a, i.b, "
      "max(CASE WHEN i.kind IN ('met_at_event', 'meeting_held', 'visit_held') THEN 1 ELSE 0 END) AS r, "
      "max(CASE WHEN va.sector <> vb.sector THEN 1 ELSE 0 END) AS c FROM interactions i "
      "JOIN " +
      visible + " va ON va.id = i.a JOIN " + visible +
      " vb ON vb.id = i.b "
      "WHERE i.at < :e GROUP BY i.a, i.b) t";
  const std::string active_query =
      "SELECT count(DISTINCT x) FROM (SELECT i.a AS x, i.at AS at, i.b AS y FROM interactions i UNION ALL "
      "SELECT i.b, i.at, i.a FROM interactions i) u JOIN " +
      visible + " vx ON vx.id = u.x JOIN " + visible + " vy ON vy.id = u.y WHERE u.at >= :s AND u.at < :e";
  int64_t changes = 0;
  for (const auto& m : j["months"]) {
    long long s = m["starts_at"], e = m["ends_at"], ties = 0, real = 0, cross = 0, active = 0;
    soci::indicator ri = soci::i_ok, ci = soci::i_ok;
    sql << ties_query, soci::use(e), soci::into(ties), soci::into(real, ri), soci::into(cross, ci);
    if (ri != soci::i_ok) real = 0;
    if (ci != soci::i_ok) cross = 0;
    sql << active_query, soci::use(s), soci::use(e), soci::into(active);
    EXPECT_EQ(m["ties"], ties) << m.dump();
    EXPECT_EQ(m["real_ties"], real) << m.dump();
    EXPECT_EQ(m["cross_sector_ties"], cross) << m.dump();
    EXPECT_EQ(m["active_members"], active) << m.dump();
    if (ties > 0) {
      EXPECT_DOUBLE_EQ(m["real_tie_share"].get<double>(), static_cast<double>(real) / ties);
      EXPECT_DOUBLE_EQ(m["cross_sector_share"].get<double>(), static_cast<double>(cross) / ties);
    } else {
      EXPECT_TRUE(m["real_tie_share"].is_null());
    }
    changes += active;
  }
  EXPECT_GT(changes, 0) << "the ledger falls in the window";
  // A few values by hand, so the SQL itself is checked too.
  EXPECT_EQ(j["months"][0]["active_members"], 2);  // Anja and Zoë on 31 December, 23:30
  EXPECT_EQ(j["months"][1]["active_members"], 2);  // Anja and Pieter at midnight on 1 January
  EXPECT_EQ(j["months"][1]["real_ties"], 2);
  EXPECT_EQ(j["months"][4]["active_members"], 0);  // April: only the hidden member's visit
  EXPECT_EQ(j["months"][10]["ties"], 5);  // October: Anja–Pieter, –Zoë, –Olga, Pieter–Olga, Zoë–Olga
  EXPECT_EQ(j["months"][11]["ties"], 6);
  EXPECT_EQ(j["months"][11]["active_members"], 3);     // Anja, Olga, Emma
  EXPECT_EQ(j["months"][11]["cross_sector_ties"], 5);  // all but Anja–Zoë (both care)

  EXPECT_EQ(leader->Get("/api/v1/network/health/trend").Json()["months"].size(), 12u);
  EXPECT_EQ(leader->Get("/api/v1/network/health/trend?months=24").Json()["months"].size(), 24u);
  EXPECT_EQ(leader->Get("/api/v1/network/health/trend?months=0").ErrorField(), "months");
  EXPECT_EQ(leader->Get("/api/v1/network/health/trend?months=x").ErrorField(), "months");
  EXPECT_EQ(leader->Get("/api/v1/network/health/trend?colour=1").status, 400);
  auto anja = SignedIn("anja@x.example");
  EXPECT_EQ(anja->Get("/api/v1/network/health/trend").status, 403);
}

}  // namespace
}  // namespace verbinder::api
