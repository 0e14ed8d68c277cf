// The outbox deliverer against a real SMTP server (Debian's python3-aiosmtpd
// sink on loopback, mail/testing_smtp_sink.h): every message that arrives is
// checked (count, recipients, headers, body); mail waits while delivery is not
// configured; when the server is down nothing is lost, and when it comes back
// every mail arrives exactly once; permanent refusals are marked failed.
// Also notify::Notify and the notification service (preferences, read state).
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <soci/soci.h>

#include "domain/members.h"
#include "mail/testing.h"
#include "mail/testing_smtp_sink.h"
#include "notify/delivery.h"
#include "notify/notifications.h"
#include "notify/outbox.h"
#include "storage/testing.h"
#include "util/free_port.h"

namespace verbinder::notify {
namespace {

namespace fs = std::filesystem;
using mail::testing::DecodeHeader;
using mail::testing::ParsedMail;
using mail::testing::ParseMail;
using mail::testing::SmtpSink;

constexpr int64_t kNow = 1794740400;

class DeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    name_ = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    db_ = storage::testing::FreshDatabase("notify_" + name_);
    work_ = fs::temp_directory_path() / ("verbinder-notify-" + std::to_string(::getpid()) + "-" + name_);
    fs::remove_all(work_);
    fs::create_directories(work_);
    port_ = util::testing::FreePort();  // where nobody listens until a test starts its sink
  }
  void TearDown() override { fs::remove_all(work_); }

  void Configure() {
    soci::session sql(db_->pool());
    Set(sql, "mail.smtp_url", "smtp://127.0.0.1:" + std::to_string(port_));
    Set(sql, "mail.starttls", "off");
    Set(sql, "mail.from_email", "meldingen@netwerk.example");
    Set(sql, "mail.from_name", "Netwerk Twente");
  }
  static void Set(soci::session& sql, const std::string& k, const std::string& v) {
    sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(k), soci::use(v);
  }
  void Queue(int n, const std::string& prefix = "lid") {
    soci::session sql(db_->pool());
    for (int i = 1; i <= n; ++i) {
      Mail m{.to_email = prefix + std::to_string(i) + "@sink.example",
             .to_name = "Lid " + std::to_string(i) + " — Müller",
             .subject = "Melding " + std::to_string(i) + ": je bent van de wachtlijst",
             .text = "Hallo,\nje hebt plek nummer " + std::to_string(i) + ".",
             .html = std::nullopt,
             .kind = "notification.waitlist_promoted"};
      ASSERT_TRUE(QueueMail(sql, m, clock_.Now()).ok());
    }
  }
  OutboxCounts Counts() {
    soci::session sql(db_->pool());
    return CountOutbox(sql);
  }

  std::string name_;
  FakeClock clock_{kNow};
  std::unique_ptr<storage::Database> db_;
  fs::path work_;
  int port_ = 0;
};

TEST_F(DeliveryTest, MailWaitsUntilDeliveryIsConfiguredThenArrivesOnceEach) {
  SmtpSink sink((work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  port_ = sink.port();
  Queue(3);
  OutboxDeliverer d(*db_, clock_);
  auto r = d.DeliverDue();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->configured);
  EXPECT_EQ(r->sent, 0);
  EXPECT_EQ(r->remaining, 3);
  EXPECT_EQ(sink.Messages().size(), 0u);
  EXPECT_EQ(Counts().pending, 3);

  Configure();
  r = d.DeliverDue();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->configured);
  EXPECT_EQ(r->sent, 3);
  EXPECT_EQ(r->remaining, 0);
  auto msgs = sink.Messages();
  ASSERT_EQ(msgs.size(), 3u);
  std::set<std::string> rcpts;
  for (auto& [rcpt, m] : msgs) {
    rcpts.insert(rcpt);
    EXPECT_TRUE(m.crlf_only);
    EXPECT_EQ(m.header_count["to"], 1);
    EXPECT_NE(m.headers["to"].find(rcpt), std::string::npos) << m.headers["to"];
    EXPECT_NE(m.headers["from"].find("meldingen@netwerk.example"), std::string::npos);
    EXPECT_NE(m.headers["message-id"].find("outbox."), std::string::npos);
    std::string n = rcpt.substr(3, rcpt.find('@') - 3);
    EXPECT_EQ(DecodeHeader(m.headers["subject"]), "Melding " + n + ": je bent van de wachtlijst");
    EXPECT_NE(DecodeHeader(m.headers["to"]).find("Lid " + n + " — Müller"), std::string::npos);
    EXPECT_NE(m.text.find("je hebt plek nummer " + n + "."), std::string::npos) << m.text;
    EXPECT_TRUE(m.html.empty());
  }
  EXPECT_EQ(rcpts, (std::set<std::string>{"lid1@sink.example", "lid2@sink.example", "lid3@sink.example"}));
  EXPECT_EQ(Counts().sent, 3);
  // Nothing is sent twice.
  r = d.DeliverDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sent, 0);
  EXPECT_EQ(sink.Messages().size(), 3u);
}

TEST_F(DeliveryTest, ServerDownLosesNothingAndRetriesWithBackoffExactlyOnce) {
  Configure();
  Queue(5);
  OutboxDeliverer d(*db_, clock_);
  // Nobody listens on the port: a transient failure; the round stops.
  auto r = d.DeliverDue();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->sent, 0);
  EXPECT_EQ(r->deferred, 1);
  auto c = Counts();
  EXPECT_EQ(c.pending, 5);
  EXPECT_EQ(c.failed, 0);
  {
    soci::session sql(db_->pool());
    auto rows = ListOutbox(sql, "pending", 10);
    auto first = *std::min_element(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.id < b.id; });
    EXPECT_EQ(first.attempts, 1);
    EXPECT_EQ(first.next_attempt_at, kNow + BackoffSeconds(1));
    EXPECT_FALSE(first.last_error.empty());
  }
  // Still down, but the first mail is backing off: the others are tried (and fail) one per round.
  r = d.DeliverDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->deferred, 1);

  SmtpSink sink(port_, (work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  // Before the backoff has passed only the never-tried mails go.
  r = d.DeliverDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sent, 3);
  EXPECT_EQ(sink.Messages().size(), 3u);
  clock_.Advance(BackoffSeconds(1));
  r = d.DeliverDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sent, 2);
  EXPECT_EQ(r->remaining, 0);
  clock_.Advance(3600);
  r = d.DeliverDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sent, 0);
  auto msgs = sink.Messages();
  ASSERT_EQ(msgs.size(), 5u);
  std::map<std::string, int> per;
  for (auto& [rcpt, m] : msgs) ++per[rcpt];
  for (int i = 1; i <= 5; ++i) EXPECT_EQ(per["lid" + std::to_string(i) + "@sink.example"], 1) << i;
  EXPECT_EQ(Counts().sent, 5);
}

TEST_F(DeliveryTest, PermanentRefusalIsMarkedFailedOthersStillArrive) {
  SmtpSink sink((work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  port_ = sink.port();
  Configure();
  Queue(1, "bounce");
  Queue(2, "lid");
  OutboxDeliverer d(*db_, clock_);
  auto r = d.DeliverDue();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->sent, 2);
  EXPECT_EQ(r->failed, 1);
  soci::session sql(db_->pool());
  auto failed = ListOutbox(sql, "failed", 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].to_email, "bounce1@sink.example");
  EXPECT_NE(failed[0].last_error.find("550"), std::string::npos) << failed[0].last_error;
  EXPECT_EQ(sink.Messages().size(), 2u);
}

TEST_F(DeliveryTest, ExpiredClaimOfACrashedDelivererIsTakenOverButALiveOneIsNot) {
  SmtpSink sink((work_ / "sink").string());
  ASSERT_TRUE(sink.ready());
  port_ = sink.port();
  Configure();
  Queue(2);
  {
    soci::session sql(db_->pool());
    long long until = kNow + 300;
    sql << "UPDATE outbox SET status = 'sending', lock_owner = 'crashed', lock_until = :u", soci::use(until);
  }
  OutboxDeliverer d(*db_, clock_);
  auto r = d.DeliverDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sent, 0);  // the claims are still live
  clock_.Advance(301);
  r = d.DeliverDue();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sent, 2);
  EXPECT_EQ(sink.Messages().size(), 2u);
}

TEST(BackoffTest, DoublesFromAMinuteCappedAtSixHours) {
  EXPECT_EQ(BackoffSeconds(1), 60);
  EXPECT_EQ(BackoffSeconds(2), 120);
  EXPECT_EQ(BackoffSeconds(3), 240);
  EXPECT_EQ(BackoffSeconds(30), 6 * 3600);
}

// notify::Notify writes the notification and queues a mail per the member's choices.
class NotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase("notify_" +
                                          std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    domain::MemberService members(*db_, clock_);
    anja_ = Add(members, "Anja de Vries", "anja@zorg.example", {"nl"});
    pieter_ = Add(members, "Pieter Jansen", "pieter@industrie.example", {"en", "nl"});
  }
  int64_t Add(domain::MemberService& members, const std::string& name, const std::string& email,
              std::vector<std::string> langs) {
    model::Member m;
    m.name = name;
    m.email = email;
    m.languages = std::move(langs);
    auto r = members.Create(domain::Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }
  FakeClock clock_{kNow};
  std::unique_ptr<storage::Database> db_;
  int64_t anja_ = 0, pieter_ = 0;
};

TEST_F(NotifyTest, QueuesMailInTheMembersLanguageUnlessTheyOptedOut) {
  NotificationService svc(*db_, clock_);
  domain::Viewer anja{anja_, model::Role::kMember}, pieter{pieter_, model::Role::kMember};
  {
    soci::session sql(db_->pool());
    Notify(sql, anja_, "meeting_request",
           {"Pieter Jansen would like to meet you at Congres", "Pieter Jansen wil je graag spreken op Congres"},
           "meeting_request:1", kNow);
    Notify(sql, pieter_, "question_routed",
           {"Anja asks: how do you plan shifts?", "Anja vraagt: hoe plan je diensten?"}, "question:1", kNow);
    Notify(sql, anja_, "answer_helpful", {"Your answer helped", "Je antwoord hielp"}, "question:2", kNow);  // no mail
    auto rows = ListOutbox(sql, "", 10);
    ASSERT_EQ(rows.size(), 2u);
    std::map<std::string, OutboxEntry> by;
    for (auto& e : rows) by[e.to_email] = e;
    EXPECT_EQ(by["anja@zorg.example"].subject, "verbinder: Verzoeken om af te spreken");
    EXPECT_NE(by["anja@zorg.example"].text.find("Pieter Jansen wil je graag spreken op Congres"), std::string::npos);
    EXPECT_EQ(by["anja@zorg.example"].text.find("would like"), std::string::npos);
    EXPECT_NE(by["pieter@industrie.example"].text.find("Anja asks: how do you plan shifts?"), std::string::npos);
    EXPECT_NE(by["anja@zorg.example"].text.find("Hallo Anja de Vries"), std::string::npos);
    EXPECT_EQ(by["anja@zorg.example"].kind, "notification.meeting_request");
    EXPECT_EQ(by["pieter@industrie.example"].subject, "verbinder: A question for you");
  }
  auto prefs = svc.SetEmailPreferences(anja, {{"meeting_request", false}, {"answer_helpful", true}});
  ASSERT_TRUE(prefs.ok()) << prefs.status().ToString();
  for (auto& p : *prefs) {
    if (p.key.key == "meeting_request") EXPECT_FALSE(p.email);
    if (p.key.key == "answer_helpful") EXPECT_TRUE(p.email);
    if (p.key.key == "meeting_accepted") EXPECT_TRUE(p.email);
  }
  {
    soci::session sql(db_->pool());
    Notify(sql, anja_, "meeting_request", {"Emma would like to meet you", "Emma wil je spreken"}, "meeting_request:2",
           kNow);
    Notify(sql, anja_, "answer_helpful", {"Your answer helped", "Je antwoord hielp"}, "question:3", kNow);
    auto rows = ListOutbox(sql, "", 10);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].kind, "notification.answer_helpful");
  }
  // Unknown key: refused, nothing changed.
  auto bad = svc.SetEmailPreferences(anja, {{"meeting_accepted", false}, {"nonsense", true}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "email.nonsense");
  auto now = svc.EmailPreferences(anja);
  ASSERT_TRUE(now.ok());
  for (auto& p : *now)
    if (p.key.key == "meeting_accepted") EXPECT_TRUE(p.email);

  // Read state: own notifications only.
  auto unread = svc.UnreadCount(anja);
  ASSERT_TRUE(unread.ok());
  EXPECT_EQ(*unread, 4);
  auto list = svc.List(anja, false, 10, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 4u);
  EXPECT_EQ(list->items[0].text.en, "Your answer helped");  // newest first
  EXPECT_EQ(list->items[0].text.nl, "Je antwoord hielp");
  auto other = svc.MarkRead(pieter, list->items[0].id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), Code::kNotFound);
  auto mine = svc.MarkRead(anja, list->items[0].id);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->read_at, kNow);
  EXPECT_EQ(*svc.UnreadCount(anja), 3);
  EXPECT_EQ(svc.List(anja, true, 10, 0)->total, 3);
  EXPECT_EQ(*svc.MarkAllRead(anja), 3);
  EXPECT_EQ(*svc.UnreadCount(anja), 0);
  EXPECT_EQ(*svc.UnreadCount(pieter), 1);
}

// The same notification for a Dutch and an English member: each e-mail that
// reaches the SMTP sink is in the member's own language; the app keeps both.
TEST_F(NotifyTest, EachMemberGetsTheMailInTheirOwnLanguage) {
  const fs::path work = fs::temp_directory_path() / ("verbinder-notify-lang-" + std::to_string(::getpid()));
  fs::remove_all(work);
  SmtpSink sink((work / "sink").string());
  ASSERT_TRUE(sink.ready());
  const int port = sink.port();
  const Text text{"Emma Bakker introduces you to Olga Smit", "Emma Bakker stelt je voor aan Olga Smit"};
  {
    soci::session sql(db_->pool());
    for (auto [k, v] : std::map<std::string, std::string>{{"mail.smtp_url", "smtp://127.0.0.1:" + std::to_string(port)},
                                                          {"mail.starttls", "off"},
                                                          {"mail.from_email", "meldingen@netwerk.example"}}) {
      sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
      sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(k), soci::use(v);
    }
    Notify(sql, anja_, "introduction", text, "introduction:1", kNow);
    Notify(sql, pieter_, "introduction", text, "introduction:1", kNow);
    EXPECT_EQ(MemberLanguage(sql, anja_), "nl");
    EXPECT_EQ(MemberLanguage(sql, pieter_), "en");
  }
  OutboxDeliverer d(*db_, clock_);
  auto r = d.DeliverDue();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->sent, 2);
  std::map<std::string, ParsedMail> by;
  for (auto& [rcpt, m] : sink.Messages()) by[rcpt] = m;
  ASSERT_EQ(by.size(), 2u);
  auto& nl = by["anja@zorg.example"];
  auto& en = by["pieter@industrie.example"];
  EXPECT_EQ(DecodeHeader(nl.headers["subject"]), "verbinder: Introducties");
  EXPECT_NE(nl.text.find(text.nl), std::string::npos) << nl.text;
  EXPECT_EQ(nl.text.find(text.en), std::string::npos) << nl.text;
  EXPECT_EQ(DecodeHeader(en.headers["subject"]), "verbinder: Introductions");
  EXPECT_NE(en.text.find(text.en), std::string::npos) << en.text;
  EXPECT_EQ(en.text.find(text.nl), std::string::npos) << en.text;
  // In the app both members' rows carry both languages.
  NotificationService svc(*db_, clock_);
  for (int64_t who : {anja_, pieter_}) {
    auto list = svc.List(domain::Viewer{who, model::Role::kMember}, false, 10, 0);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].key, "introduction");
    EXPECT_EQ(list->items[0].text.en, text.en);
    EXPECT_EQ(list->items[0].text.nl, text.nl);
  }
  fs::remove_all(work);
}

// Introductions have their own e-mail choice (on by default); turning it off
// stops the mail, not the notification in the app.
TEST_F(NotifyTest, IntroductionsHaveTheirOwnEmailChoice) {
  std::vector<std::string> keys;
  for (const auto& k : PreferenceKeys()) keys.push_back(k.key);
  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys.back(), "other");
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "introduction"), 1);
  EXPECT_EQ(KeyOfKind("introduction").key, "introduction");
  EXPECT_EQ(KeyOfKind("introduction").label_en, "Introductions");
  EXPECT_EQ(KeyOfKind("introduction").label_nl, "Introducties");
  EXPECT_TRUE(KeyOfKind("introduction").email_default);
  EXPECT_EQ(KeyOfKind("no_such_kind").key, "other");

  NotificationService svc(*db_, clock_);
  domain::Viewer anja{anja_, model::Role::kMember};
  const Text text{"Emma introduces you to Olga", "Emma stelt je voor aan Olga"};
  soci::session sql(db_->pool());
  Notify(sql, anja_, "introduction", text, "introduction:1", kNow);
  ASSERT_EQ(ListOutbox(sql, "", 10).size(), 1u);
  ASSERT_TRUE(svc.SetEmailPreferences(anja, {{"introduction", false}}).ok());
  auto after_off = svc.EmailPreferences(anja);
  ASSERT_TRUE(after_off.ok());
  for (const auto& p : *after_off)
    if (p.key.key == "introduction") {
      EXPECT_FALSE(p.email);
    }
  Notify(sql, anja_, "introduction", text, "introduction:2", kNow);
  EXPECT_EQ(ListOutbox(sql, "", 10).size(), 1u) << "no second mail";
  EXPECT_EQ(*svc.UnreadCount(anja), 2) << "both in the app";
  // Other kinds still mail: the choice is per key.
  Notify(sql, anja_, "meeting_request", {"Emma would like to meet you", "Emma wil je spreken"}, "meeting_request:9",
         kNow);
  EXPECT_EQ(ListOutbox(sql, "", 10).size(), 2u);
}

}  // namespace
}  // namespace verbinder::notify
