// The newsletter's HTTP API over a real server (RESTinio + libcurl) on a real
// database: articles with approval, double opt-in, the RFC 8058 one-click
// unsubscribe without login or cookie (and a GET that changes nothing), and
// the leader's preview — with precise errors for bad input.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "api/test_client.h"
#include "newsletter/sender.h"
#include "newsletter/topics.h"
#include "newsletter/test_support.h"

namespace verbinder::newsletter {
namespace {

using api::testing::Client;
using Json = nlohmann::json;

class NewsletterApiTest : public api::testing::ApiServerTest<> {
 protected:
  NewsletterApiTest() : ApiServerTest({}, testing::kNow) {}
  // The newsletter's seeded network (newsletter/test_support.h); Anja may sign in.
  void Seed() override {
    seed_ = testing::Seed(*db_, clock_);
    domain::AccountService accounts(*db_, clock_);
    ASSERT_TRUE(
        accounts.CreateAccount(domain::Viewer::System(), seed_.anja, api::testing::kPassword, model::Role::kMember)
            .ok());
  }

  testing::Seeded seed_;
};

TEST_F(NewsletterApiTest, MemberSubmitsLeaderPublishesEveryoneReads) {
  Client anja(Base()), leader(Base()), anon(Base());
  ASSERT_EQ(anja.Login("anja@zorg.example", "een lang wachtwoord").status, 200);
  ASSERT_EQ(leader.Login("leider@netwerk.example", "een lang wachtwoord").status, 200);
  EXPECT_EQ(anon.Post("/api/v1/articles", {{"title", "x"}, {"body", "y"}}).status, 401);
  EXPECT_EQ(anja.Post("/api/v1/articles", {{"title", 5}, {"body", "y"}}).ErrorField(), "title");
  EXPECT_EQ(anja.Post("/api/v1/articles", {{"title", "x"}, {"body", "y"}, {"author", 1}}).ErrorField(), "author");
  EXPECT_EQ(anja.Post("/api/v1/articles", {{"title", "x"}, {"body", "y"}, {"tags", {"ok", 3}}}).ErrorField(),
            "tags[1]");
  EXPECT_EQ(anja.Post("/api/v1/articles", {{"title", "x"}, {"body", ""}}).ErrorField(), "body");
  EXPECT_EQ(anja.Post("/api/v1/articles", {{"title", "x"}, {"body", "y"}, {"status", "published"}}).status, 403);
  auto created = anja.Post("/api/v1/articles", {{"title", "Roosters"},
                                                {"summary", "Kort"},
                                                {"tags", {"zorg"}},
                                                {"body", "Hallo <script>alert(1)</script> **vet**"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/articles/" + created.Json()["id"].dump();
  EXPECT_EQ(created.Json()["status"], "submitted");
  EXPECT_EQ(created.Json()["body_html"].get<std::string>().find("<script"), std::string::npos);
  EXPECT_EQ(anon.Get(path).status, 404);
  EXPECT_EQ(anja.Request("POST", path + "/publish").status, 403);
  auto pub = leader.Request("POST", path + "/publish");
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_EQ(leader.Request("POST", path + "/publish").status, 409);
  auto read = anon.Get(path);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json()["status"], "published");
  EXPECT_NE(read.Json()["body_html"].get<std::string>().find("<strong>vet</strong>"), std::string::npos);
  auto list = anon.Get("/api/v1/articles?tag=zorg");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.Json()["total"], 1);
  EXPECT_EQ(anon.Get("/api/v1/articles?status=bogus").ErrorField(), "status");
  EXPECT_EQ(anon.Get("/api/v1/articles?shoe=1").ErrorField(), "shoe");
  EXPECT_EQ(anja.Patch(path, {{"title", "Anders"}}).status, 403) << "published: the author no longer edits";
  EXPECT_EQ(leader.Patch(path, {{"title", "Anders"}}).status, 200);
}

TEST_F(NewsletterApiTest, DoubleOptInThroughTheLink) {
  Client c(Base());
  EXPECT_EQ(c.Post("/api/v1/newsletter/subscriptions", {{"email", "geen adres"}}).ErrorField(), "email");
  EXPECT_EQ(c.Post("/api/v1/newsletter/subscriptions", {{"email", "a@b.example"}, {"language", "fr"}}).ErrorField(),
            "language");
  EXPECT_EQ(c.Post("/api/v1/newsletter/subscriptions", {{"email", "a@b.example"}, {"x", 1}}).ErrorField(), "x");
  auto r = c.Post("/api/v1/newsletter/subscriptions", {{"email", "nieuw@lid.example"}, {"language", "en"}});
  ASSERT_EQ(r.status, 202) << r.body;
  // Already confirmed addresses get the same answer.
  auto same = c.Post("/api/v1/newsletter/subscriptions", {{"email", "lezer@elders.example"}});
  EXPECT_EQ(same.status, 202);
  EXPECT_EQ(same.body, r.body);
  // The token the confirmation mail carries.
  auto sub = SubscriptionService(*db_, clock_).Subscribe("nieuw@lid.example", "en", {});
  ASSERT_TRUE(sub.ok());
  const std::string link = "/api/v1/newsletter/confirm/" + sub->confirm_token;
  auto page = c.Get(link);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<form method=\"post\""), std::string::npos);
  EXPECT_EQ(SubscriptionService(*db_, clock_).Get(sub->subscriber.id)->status, SubscriberStatus::kPending)
      << "GET changes nothing";
  auto ok = c.Request("POST", link, "", {"Accept: application/json"}, false);
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(SubscriptionService(*db_, clock_).Get(sub->subscriber.id)->status, SubscriberStatus::kConfirmed);
  EXPECT_EQ(c.Request("POST", link, "", {"Accept: application/json"}, false).status, 409);
  auto forged = c.Request("POST", link + "0", "", {"Accept: application/json"}, false);
  EXPECT_EQ(forged.status, 400);
  EXPECT_EQ(forged.ErrorField(), "token");
  EXPECT_EQ(c.Request("POST", "/api/v1/newsletter/confirm/zzz").status, 400) << "the HTML answer for a browser";
}

TEST_F(NewsletterApiTest, OneClickUnsubscribeNeedsNoLoginAndGetChangesNothing) {
  Client mail_client(Base());
  auto token = SubscriptionService(*db_, clock_).UnsubscribeToken(seed_.sub_anja);
  const std::string link = "/api/v1/newsletter/unsubscribe/" + *token;
  auto page = mail_client.Get(link);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Afmelden"), std::string::npos);
  EXPECT_EQ(SubscriptionService(*db_, clock_).Get(seed_.sub_anja)->status, SubscriberStatus::kConfirmed)
      << "a link scanner's GET must not unsubscribe";
  // RFC 8058: POST List-Unsubscribe=One-Click as a form, no cookie, no login.
  auto r = mail_client.Request("POST", link, "List-Unsubscribe=One-Click",
                               {"Content-Type: application/x-www-form-urlencoded"}, false);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(SubscriptionService(*db_, clock_).Get(seed_.sub_anja)->status, SubscriberStatus::kUnsubscribed);
  auto twice = mail_client.Request("POST", link, "List-Unsubscribe=One-Click",
                                   {"Content-Type: application/x-www-form-urlencoded"}, false);
  EXPECT_EQ(twice.status, 200);
  auto forged = mail_client.Request("POST", link + "x", "List-Unsubscribe=One-Click",
                                    {"Content-Type: application/x-www-form-urlencoded"}, false);
  EXPECT_EQ(forged.status, 400);
  auto other = SubscriptionService(*db_, clock_).Get(seed_.sub_emma);
  EXPECT_EQ(other->status, SubscriberStatus::kConfirmed) << "only the token's own subscriber";
}

TEST_F(NewsletterApiTest, LeaderPreviewsTheIssueAsASubscriber) {
  Client leader(Base()), anja(Base());
  ASSERT_EQ(leader.Login("leider@netwerk.example", "een lang wachtwoord").status, 200);
  ASSERT_EQ(anja.Login("anja@zorg.example", "een lang wachtwoord").status, 200);
  EXPECT_EQ(anja.Get("/api/v1/newsletter/preview?month=2026-11").status, 403);
  auto as_anja = leader.Get("/api/v1/newsletter/preview?month=2026-11&subscriber=" + std::to_string(seed_.sub_anja));
  ASSERT_EQ(as_anja.status, 200) << as_anja.body;
  EXPECT_NE(as_anja.body.find("Speciaal voor jou"), std::string::npos);
  EXPECT_NE(as_anja.body.find("Pieter Lammerink"), std::string::npos);
  EXPECT_EQ(as_anja.body.find("Verborgen Hans"), std::string::npos);
  // Whom to meet in her issue is what her event page shows her, in order and word for word.
  auto page = anja.Get("/api/v1/events/" + std::to_string(seed_.event) + "/suggestions?limit=3&lang=nl");
  ASSERT_EQ(page.status, 200) << page.body;
  ASSERT_FALSE(page.Json()["items"].empty());
  auto text =
      leader.Get("/api/v1/newsletter/preview?month=2026-11&format=text&subscriber=" + std::to_string(seed_.sub_anja));
  ASSERT_EQ(text.status, 200);
  size_t at = 0;
  for (const auto& item : page.Json()["items"]) {
    const std::string line = "* " + item["name"].get<std::string>();
    const size_t found = text.body.find(line, at);
    ASSERT_NE(found, std::string::npos) << line << " in order in\n" << text.body;
    const size_t eol = text.body.find('\n', found);
    EXPECT_NE(text.body.substr(found, eol - found).find(item["why"].get<std::string>()), std::string::npos);
    at = found + 1;
  }
  EXPECT_NE(text.body.find("/events/" + std::to_string(seed_.event)), std::string::npos);
  auto anon = leader.Get("/api/v1/newsletter/preview?month=2026-11&format=text");
  ASSERT_EQ(anon.status, 200);
  EXPECT_NE(anon.body.find("Lean in de wijkzorg"), std::string::npos);
  EXPECT_EQ(anon.body.find("Pieter"), std::string::npos);
  EXPECT_EQ(leader.Get("/api/v1/newsletter/preview?month=2026-13").ErrorField(), "month");
  EXPECT_EQ(leader.Get("/api/v1/newsletter/preview?month=2026-11&format=pdf").ErrorField(), "format");
  EXPECT_EQ(leader.Get("/api/v1/newsletter/preview?month=2026-11&subscriber=999999").status, 404);
  EXPECT_EQ(leader.Get("/api/v1/newsletter/issues/2026-11").status, 404) << "not sent yet";
  EXPECT_EQ(leader.Get("/api/v1/newsletter/issues/nov").ErrorField(), "month");
  auto subs = leader.Get("/api/v1/newsletter/subscriptions?status=confirmed");
  ASSERT_EQ(subs.status, 200);
  EXPECT_EQ(subs.Json()["total"], 3);
  EXPECT_EQ(anja.Get("/api/v1/newsletter/subscriptions").status, 403);
}

// The leader sends a test to themselves, then the issue in the background of
// the server, watching the progress — against a real SMTP server (aiosmtpd).
TEST_F(NewsletterApiTest, TestToMyselfThenBackgroundSendWithProgress) {
  Client leader(Base()), anja(Base());
  ASSERT_EQ(leader.Login("leider@netwerk.example", "een lang wachtwoord").status, 200);
  ASSERT_EQ(anja.Login("anja@zorg.example", "een lang wachtwoord").status, 200);
  // Mail is not configured yet: a clear 409 naming "mail".
  auto not_yet = leader.Request("POST", "/api/v1/newsletter/issues/2026-11/send");
  EXPECT_EQ(not_yet.status, 409) << not_yet.body;
  EXPECT_EQ(not_yet.ErrorField(), "mail");
  EXPECT_EQ(leader.Request("POST", "/api/v1/newsletter/issues/2026-11/test").ErrorField(), "mail");

  const auto work = std::filesystem::temp_directory_path() / ("verbinder-nlapi-" + std::to_string(::getpid()));
  std::filesystem::remove_all(work);
  testing::SmtpSink sink((work / "sink").string());
  ASSERT_TRUE(sink.ready());
  SetSetting("mail.smtp_url", sink.url());
  SetSetting("mail.starttls", "off");
  SetSetting("mail.from_email", "nieuws@netwerk.example");
  SetSetting("mail.base_url", "https://netwerk.example");

  EXPECT_EQ(anja.Request("POST", "/api/v1/newsletter/issues/2026-11/test").status, 403);
  EXPECT_EQ(anja.Request("POST", "/api/v1/newsletter/issues/2026-11/send").status, 403);
  EXPECT_EQ(anja.Get("/api/v1/newsletter/issues/2026-11/send").status, 403);
  EXPECT_EQ(leader.Request("POST", "/api/v1/newsletter/issues/2026-13/test").ErrorField(), "month");
  EXPECT_EQ(leader.Post("/api/v1/newsletter/issues/2026-11/test", {{"to", "iemand@elders.example"}}).ErrorField(),
            "to");

  auto test = leader.Request("POST", "/api/v1/newsletter/issues/2026-11/test");
  ASSERT_EQ(test.status, 200) << test.body;
  EXPECT_EQ(test.Json()["sent_to"], "leider@netwerk.example");
  ASSERT_EQ(sink.Count(), 1u);
  auto msgs = sink.Messages();
  EXPECT_EQ(msgs[0].first, "leider@netwerk.example");
  EXPECT_EQ(testing::DecodeHeader(msgs[0].second.headers["subject"]).rfind("[TEST] ", 0), 0u);
  auto idle = leader.Get("/api/v1/newsletter/issues/2026-11/send");
  ASSERT_EQ(idle.status, 200);
  EXPECT_EQ(idle.Json()["state"], "not_started");

  // Start: 202, the recipients are frozen, nothing is sent until a server picks it up.
  auto start = leader.Request("POST", "/api/v1/newsletter/issues/2026-11/send");
  ASSERT_EQ(start.status, 202) << start.body;
  EXPECT_EQ(start.Json()["state"], "queued");
  EXPECT_EQ(start.Json()["recipients"], 3);
  EXPECT_EQ(start.Json()["pending"], 3);
  // The background sender of the server (RunServe starts the same loop).
  std::atomic<bool> stop{false};
  std::thread loop([&] { RunSendLoop(*db_, clock_, stop, {.poll_seconds = 0.05}); });
  Json p;
  for (int i = 0; i < 600; ++i) {
    p = leader.Get("/api/v1/newsletter/issues/2026-11/send").Json();
    if (p["state"] == "sent") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  stop = true;
  loop.join();
  EXPECT_EQ(p["state"], "sent") << p.dump();
  EXPECT_EQ(p["sent"], 3);
  EXPECT_EQ(p["done"], 3);
  EXPECT_EQ(sink.Count(), 4u);
  std::set<std::string> to;
  for (const auto& [rcpt, m] : sink.Messages()) to.insert(rcpt);
  EXPECT_EQ(to, (std::set<std::string>{"leider@netwerk.example", "anja@zorg.example", "emma@school.example",
                                       "lezer@elders.example"}));
  auto again = leader.Request("POST", "/api/v1/newsletter/issues/2026-11/send");
  EXPECT_EQ(again.status, 409) << "sent already";
  EXPECT_EQ(again.ErrorField(), "month");
  std::filesystem::remove_all(work);
}

TEST_F(NewsletterApiTest, TopicsAndPreferencesThroughTheUnsubscribeLink) {
  Client leader(Base()), anon(Base()), anja(Base());
  ASSERT_EQ(leader.Login("leider@netwerk.example", "een lang wachtwoord").status, 200);
  ASSERT_EQ(anja.Login("anja@zorg.example", "een lang wachtwoord").status, 200);
  EXPECT_EQ(
      anja.Request("PUT", "/api/v1/newsletter/topics/zorg", Json({{"label_nl", "Zorg"}, {"label_en", "Care"}}).dump())
          .status,
      403);
  EXPECT_EQ(
      leader
          .Request("PUT", "/api/v1/newsletter/topics/Zorg!", Json({{"label_nl", "Zorg"}, {"label_en", "Care"}}).dump())
          .ErrorField(),
      "key");
  auto put = leader.Request("PUT", "/api/v1/newsletter/topics/zorg",
                            Json({{"label_nl", "Zorg"}, {"label_en", "Care"}, {"tags", {"wijkzorg"}}}).dump());
  ASSERT_EQ(put.status, 200) << put.body;
  auto list = anon.Get("/api/v1/newsletter/topics");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["tags"][0], "wijkzorg");
  EXPECT_EQ(
      anon.Post("/api/v1/newsletter/subscriptions", {{"email", "n@x.example"}, {"topics", {"kunst"}}}).ErrorField(),
      "topics[0]");
  auto token = SubscriptionService(*db_, clock_).UnsubscribeToken(seed_.sub_reader);
  const std::string path = "/api/v1/newsletter/preferences/" + *token;
  auto prefs = anon.Get(path);
  ASSERT_EQ(prefs.status, 200) << prefs.body;
  EXPECT_EQ(prefs.Json()["email"], "lezer@elders.example");
  auto changed =
      anon.Request("PUT", path, Json({{"language", "en"}, {"topics", {"zorg"}}, {"topics_only", true}}).dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["topics_only"], true);
  EXPECT_EQ(anon.Request("PUT", path, Json({{"language", "en"}, {"topics_only", "ja"}}).dump()).ErrorField(),
            "topics_only");
  EXPECT_EQ(anon.Get(path + "x").ErrorField(), "token");
  auto mine = anja.Get("/api/v1/newsletter/subscriptions/me");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.Json()["email"], "anja@zorg.example");
  EXPECT_EQ(anon.Get("/api/v1/newsletter/subscriptions/me").status, 401);
  EXPECT_EQ(leader.Request("DELETE", "/api/v1/newsletter/topics/zorg").status, 204);
  EXPECT_EQ(leader.Request("DELETE", "/api/v1/newsletter/topics/zorg").status, 404);
}

}  // namespace
}  // namespace verbinder::newsletter
