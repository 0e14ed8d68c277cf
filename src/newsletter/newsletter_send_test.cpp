// Sending the issue against a real database over a fake transport (and the
// SMTP sink): once per subscriber, resumable after a crash, one live sender,
// unsubscribing mid-send, bounces (SMTP 5xx and RFC 3464 DSNs), the
// background sender with progress, and the test to myself.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "demo/generator.h"
#include "domain/bulk_load.h"
#include "demo/demo.h"
#include "newsletter/bounces.h"
#include "newsletter/demo_newsletter.h"
#include "newsletter/topics.h"
#include "notify/outbox.h"
#include "newsletter/sender.h"
#include "newsletter/newsletter_db_test.h"
#include "newsletter/test_support.h"
#include "newsletter/tokens.h"
#include "storage/testing.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using testing::kNow;

TEST_F(NewsletterDbTest, SendDeliversOnceAndASecondSendSendsNothing) {
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  IssueSender sender(*db_, clock_, composer, t);
  auto r = sender.Send({.month = "2026-11"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->recipients, 3);
  EXPECT_EQ(r->sent_now, 3);
  EXPECT_TRUE(r->finished);
  std::set<std::string> to;
  for (const auto& s : t.sent) {
    to.insert(s.to);
    EXPECT_EQ(s.from, "nieuws@netwerk.example");
  }
  EXPECT_EQ(to, (std::set<std::string>{"anja@zorg.example", "emma@school.example", "lezer@elders.example"}));
  auto again = sender.Send({.month = "2026-11"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->sent_now, 0);
  EXPECT_EQ(t.sent.size(), 3u);
  // A subscriber who joins afterwards does not change a finished issue.
  SubscriptionService(*db_, clock_).SubscribeMember({seed_.pieter, model::Role::kMember}, "nl", {}).status();
  EXPECT_EQ(sender.Send({.month = "2026-11"})->sent_now, 0);
}

TEST_F(NewsletterDbTest, UnreachableServerMarksNothingSentAndRetryFinishes) {
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  t.fail_from_call = 2;
  IssueSender sender(*db_, clock_, composer, t);
  auto r = sender.Send({.month = "2026-11"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kUnavailable);
  EXPECT_EQ(r.status().field(), "smtp");
  auto st = IssueStatus(*db_, "2026-11");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->sent_total, 1);
  EXPECT_EQ(st->sent_total, static_cast<int64_t>(t.sent.size()));
  EXPECT_FALSE(st->finished);
  t.fail_from_call = 0;
  auto retry = sender.Send({.month = "2026-11"});
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(retry->sent_now, 2);
  EXPECT_EQ(t.sent.size(), 3u);
  std::set<std::string> to;
  for (const auto& s : t.sent) to.insert(s.to);
  EXPECT_EQ(to.size(), 3u) << "nobody twice, nobody skipped";
}

TEST_F(NewsletterDbTest, HardBounceFailsThatDeliveryOnly) {
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  t.reject = {"emma@school.example"};
  IssueSender sender(*db_, clock_, composer, t);
  auto r = sender.Send({.month = "2026-11"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sent_total, 2);
  EXPECT_EQ(r->failed, 1);
  EXPECT_TRUE(r->finished);
  EXPECT_EQ(SubscriptionService(*db_, clock_).Get(seed_.sub_emma)->hard_bounces, 1);
}

TEST_F(NewsletterDbTest, CrashedRunIsResumedAndItsInFlightMessageResent) {
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  t.fail_from_call = 3;  // two delivered, then the "crash"
  IssueSender sender(*db_, clock_, composer, t);
  ASSERT_FALSE(sender.Send({.month = "2026-11"}).ok());
  // Simulate a SIGKILL between hand-over and log: one row left `sending`, the
  // lease held by a process that no longer exists on this host.
  {
    soci::session sql(db_->pool());
    std::string host = DefaultLeaseOwner();
    std::string dead = host.substr(0, host.rfind(':')) + ":999999999";
    long long until = kNow + 3600;
    sql << "UPDATE newsletter_deliveries SET status = 'sending' WHERE status = 'pending'";
    sql << "UPDATE newsletter_issues SET lock_owner = :o, lock_until = :u", soci::use(dead), soci::use(until);
  }
  t.fail_from_call = 0;
  auto r = sender.Send({.month = "2026-11"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->resent_in_flight, 1);
  EXPECT_EQ(r->sent_total, 3);
  EXPECT_TRUE(r->finished);
  EXPECT_EQ(t.sent.size(), 3u);
}

TEST_F(NewsletterDbTest, ALiveSenderKeepsOthersOff) {
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  t.fail_from_call = 1;
  IssueSender sender(*db_, clock_, composer, t);
  ASSERT_FALSE(sender.Send({.month = "2026-11"}).ok());
  {
    soci::session sql(db_->pool());
    long long until = kNow + 3600;
    sql << "UPDATE newsletter_issues SET lock_owner = 'other-host:1', lock_until = :u", soci::use(until);
  }
  t.fail_from_call = 0;
  auto r = sender.Send({.month = "2026-11"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kConflict);
  EXPECT_TRUE(t.sent.empty());
  clock_.Advance(3601);  // the lease expired
  EXPECT_TRUE(sender.Send({.month = "2026-11"}).ok());
  EXPECT_EQ(t.sent.size(), 3u);
}

TEST_F(NewsletterDbTest, UnsubscribingDuringASendSkipsThatRecipient) {
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  t.fail_from_call = 2;
  IssueSender sender(*db_, clock_, composer, t);
  ASSERT_FALSE(sender.Send({.month = "2026-11"}).ok());  // anja delivered
  SubscriptionService subs(*db_, clock_);
  ASSERT_TRUE(subs.Unsubscribe(*subs.UnsubscribeToken(seed_.sub_reader)).ok());
  t.fail_from_call = 0;
  auto r = sender.Send({.month = "2026-11"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->skipped, 1);
  for (const auto& s : t.sent) EXPECT_NE(s.to, "lezer@elders.example");
}

// ---- Confirmation mails through the outbox ----

// A Postfix-style DSN with the returned message's headers.
std::string Dsn(const std::string& rcpt, const std::string& action, const std::string& status,
                const std::string& original_id, const std::string& dsn_id) {
  return "Return-Path: <>\n"
         "From: MAILER-DAEMON@mx.netwerk.example (Mail Delivery System)\n"
         "To: nieuws@netwerk.example\n"
         "Subject: Undelivered Mail Returned to Sender\n"
         "Message-ID: " +
         dsn_id +
         "\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/report; report-type=delivery-status;\n"
         "\tboundary=\"B0UND\"\n"
         "\n"
         "This is a MIME-encapsulated message.\n"
         "\n"
         "--B0UND\n"
         "Content-Type: text/plain; charset=us-ascii\n"
         "\n"
         "I'm sorry to have to inform you that your message could not be delivered.\n"
         ">From the start of a line, escaped in an mbox.\n"
         "\n"
         "--B0UND\n"
         "Content-Type: message/delivery-status\n"
         "\n"
         "Reporting-MTA: dns; mx.netwerk.example\n"
         "Arrival-Date: Thu, 19 Nov 2026 10:00:00 +0100 (CET)\n"
         "\n"
         "Final-Recipient: rfc822; " +
         rcpt +
         "\n"
         "Original-Recipient: rfc822;" +
         rcpt +
         "\n"
         "Action: " +
         action +
         "\n"
         "Status: " +
         status +
         "\n"
         "Remote-MTA: dns; mx.elders.example\n"
         "Diagnostic-Code: smtp; 550 " +
         status + " <" + rcpt +
         ">: Recipient address\n"
         "    rejected: User unknown\n"
         "\n"
         "--B0UND\n"
         "Content-Type: text/rfc822-headers\n"
         "\n"
         "From: nieuws@netwerk.example\n"
         "To: " +
         rcpt +
         "\n"
         "Message-ID: " +
         original_id +
         "\n"
         "Subject: Nieuwsbrief\n"
         "\n"
         "--B0UND--\n";
}

TEST(BounceParseTest, ReadsDeliveryStatusNotifications) {
  auto dsn =
      ParseDsn(Dsn("Lezer@Elders.example", "failed", "5.1.1", "<newsletter.2026-11.3@netwerk.example>", "<d1@mx>"));
  ASSERT_TRUE(dsn.ok()) << dsn.status().ToString();
  EXPECT_EQ(dsn->message_id, "<d1@mx>");
  EXPECT_EQ(dsn->original_message_id, "<newsletter.2026-11.3@netwerk.example>");
  ASSERT_EQ(dsn->recipients.size(), 1u);
  EXPECT_EQ(dsn->recipients[0].email, "lezer@elders.example");
  EXPECT_EQ(dsn->recipients[0].action, "failed");
  EXPECT_EQ(dsn->recipients[0].status, "5.1.1");
  EXPECT_TRUE(dsn->recipients[0].hard());
  EXPECT_NE(dsn->recipients[0].diagnostic.find("User unknown"), std::string::npos);
  auto soft = ParseDsn(Dsn("a@b.example", "delayed", "4.4.1", "<x@y>", "<d2@mx>"));
  ASSERT_TRUE(soft.ok());
  EXPECT_FALSE(soft->recipients[0].hard());
  // CRLF line ends and a returned message as message/rfc822.
  std::string crlf =
      "Message-ID: <d3@mx>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\n"
      "Final-Recipient: rfc822; <c@d.example>\r\nAction: failed\r\nStatus: 5.2.1\r\n\r\n"
      "--b\r\nContent-Type: message/rfc822\r\n\r\nMessage-ID: <orig@netwerk.example>\r\nSubject: x\r\n\r\nbody\r\n"
      "--b--\r\n";
  auto d3 = ParseDsn(crlf);
  ASSERT_TRUE(d3.ok());
  EXPECT_EQ(d3->original_message_id, "<orig@netwerk.example>");
  EXPECT_EQ(d3->recipients.at(0).email, "c@d.example");
  EXPECT_EQ(d3->recipients.at(0).status, "5.2.1");
  // Not a DSN: an ordinary reply.
  EXPECT_EQ(ParseDsn("From: a@b\nSubject: re\n\nDank je!\n").status().code(), Code::kNotFound);
  // mbox: two messages, ">From " unescaped.
  auto msgs = SplitMbox("From a Thu\nSubject: 1\n\n>From here\n\nFrom b Fri\nSubject: 2\n\nx\n");
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_NE(msgs[0].find("\nFrom here"), std::string::npos);
  EXPECT_EQ(SplitMbox("Subject: single\n\nx\n").size(), 1u);
}

TEST_F(NewsletterDbTest, DsnBouncesMarkAddressesAndRepeatedHardBouncesStopSending) {
  // The November issue goes out; later three DSNs about the reader arrive (from
  // three different messages), plus duplicates, a soft bounce and a stranger.
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  IssueSender sender(*db_, clock_, composer, t);
  ASSERT_TRUE(sender.Send({.month = "2026-11"}).ok());
  const std::string nov_id = composer.MessageId("2026-11", seed_.sub_reader);
  auto dir = std::filesystem::temp_directory_path() / ("verbinder-bounces-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "1.eml") << Dsn("lezer@elders.example", "failed", "5.1.1", nov_id, "<d1@mx>");
  std::ofstream(dir / "2.eml") << Dsn("lezer@elders.example", "failed", "5.1.1", nov_id, "<d1@mx>");  // the same again
  const std::string sep = "From MAILER-DAEMON Thu Nov 19 10:00:00 2026\n";
  std::ofstream(dir / "mbox") << sep << Dsn("lezer@elders.example", "delayed", "4.4.1", "<o2@x>", "<d2@mx>") << "\n"
                              << sep << Dsn("onbekend@elders.example", "failed", "5.1.1", "<o3@x>", "<d3@mx>") << "\n"
                              << "From someone Thu\nFrom: x@y\nSubject: gewoon een antwoord\n\nhoi\n";
  auto r = ProcessBounceFiles(*db_, clock_, {dir.string()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->files, 3);
  EXPECT_EQ(r->messages, 5);
  EXPECT_EQ(r->dsns, 4);
  EXPECT_EQ(r->hard, 1);
  EXPECT_EQ(r->soft, 1);
  EXPECT_EQ(r->duplicates, 1);
  EXPECT_EQ(r->unknown, 1);
  SubscriptionService subs(*db_, clock_);
  EXPECT_EQ(subs.Get(seed_.sub_reader)->hard_bounces, 1);
  EXPECT_EQ(subs.Get(seed_.sub_reader)->status, SubscriberStatus::kConfirmed);
  {
    soci::session sql(db_->pool());
    std::string st, err;
    long long sid = seed_.sub_reader;
    sql << "SELECT d.status, d.error FROM newsletter_deliveries d JOIN newsletter_issues i ON i.id = d.issue_id WHERE "
           "i.month = '2026-11' AND d.subscriber_id = :s",
        soci::use(sid), soci::into(st), soci::into(err);
    EXPECT_EQ(st, "failed") << "the delivery log learns of the bounce";
    EXPECT_NE(err.find("5.1.1"), std::string::npos) << err;
  }
  // Reading the same mailbox again changes nothing.
  auto again = ProcessBounceFiles(*db_, clock_, {dir.string()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->hard, 0);
  EXPECT_EQ(subs.Get(seed_.sub_reader)->hard_bounces, 1);
  // Two more hard bounces about other messages: the address gets no more mail.
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "3.eml") << Dsn("lezer@elders.example", "failed", "5.1.1", "<o4@x>", "<d4@mx>");
  std::ofstream(dir / "4.eml") << Dsn("lezer@elders.example", "failed", "5.2.2", "<o5@x>", "<d5@mx>");
  auto third = ProcessBounceFiles(*db_, clock_, {(dir / "3.eml").string(), (dir / "4.eml").string()});
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->hard, 2);
  EXPECT_EQ(third->stopped, 1);
  EXPECT_EQ(subs.Get(seed_.sub_reader)->status, SubscriberStatus::kBounced);
  // December: the reader is not among the recipients.
  ArticleService articles(*db_, clock_);
  Article a;
  a.title = "December";
  a.body_md = "x";
  a.status = ArticleStatus::kPublished;
  a.published_at = kNow + 20 * 86400;
  ASSERT_TRUE(articles.Create(Leader(), a).ok());
  clock_.Advance(25 * 86400);
  t.sent.clear();
  auto dec = sender.Send({.month = "2026-12"});
  ASSERT_TRUE(dec.ok()) << dec.status().ToString();
  for (const auto& m : t.sent) EXPECT_NE(m.to, "lezer@elders.example");
  EXPECT_EQ(ProcessBounceFiles(*db_, clock_, {(dir / "nope").string()}).status().field(), "path");
  std::filesystem::remove_all(dir);
}

TEST_F(NewsletterDbTest, SmtpRejectionAndItsLaterDsnCountOnce) {
  Composer composer(*db_, clock_, testing::TestConfig());
  testing::FakeTransport t;
  t.reject = {"emma@school.example"};
  IssueSender sender(*db_, clock_, composer, t);
  ASSERT_TRUE(sender.Send({.month = "2026-11"}).ok());
  SubscriptionService subs(*db_, clock_);
  EXPECT_EQ(subs.Get(seed_.sub_emma)->hard_bounces, 1);
  auto dir = std::filesystem::temp_directory_path() / ("verbinder-bounces2-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "1.eml") << Dsn("emma@school.example", "failed", "5.1.1",
                                      composer.MessageId("2026-11", seed_.sub_emma), "<dd@mx>");
  auto r = ProcessBounceFiles(*db_, clock_, {dir.string()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->duplicates, 1);
  EXPECT_EQ(subs.Get(seed_.sub_emma)->hard_bounces, 1);
  std::filesystem::remove_all(dir);
}

// ---- Background sending and the test to myself ----

void ConfigureMail(storage::Database& db, const std::string& smtp_url) {
  soci::session sql(db.pool());
  for (auto [k, v] : {std::pair<std::string, std::string>{"mail.smtp_url", smtp_url},
                      {"mail.from_email", "nieuws@netwerk.example"},
                      {"mail.base_url", "https://netwerk.example"},
                      {"mail.starttls", "off"}}) {
    sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(k), soci::use(v);
  }
}

TEST_F(NewsletterDbTest, BackgroundSendIsRequestedThenPickedUpWithProgress) {
  auto progress = [&] { return *GetIssueProgress(*db_, clock_, "2026-11"); };
  EXPECT_EQ(progress().state, "not_started");
  EXPECT_EQ(GetIssueProgress(*db_, clock_, "2026-13").status().field(), "month");
  // Not configured: refused, nothing frozen.
  {
    auto cfg = LoadConfig(*db_);
    Composer composer(*db_, clock_, *cfg);
    EXPECT_EQ(RequestSend(*db_, clock_, composer, "2026-11", seed_.leader).status().field(), "mail");
  }
  EXPECT_EQ(progress().state, "not_started");
  ConfigureMail(*db_, "smtp://127.0.0.1:1");
  auto cfg = LoadConfig(*db_);
  ASSERT_TRUE(cfg.ok());
  ASSERT_TRUE(cfg->mail.configured);
  Composer composer(*db_, clock_, *cfg);
  EXPECT_EQ(RequestSend(*db_, clock_, composer, "2027-03", seed_.leader).status().code(), Code::kConflict)
      << "no content";
  auto req = RequestSend(*db_, clock_, composer, "2026-11", seed_.leader);
  ASSERT_TRUE(req.ok()) << req.status().ToString();
  EXPECT_EQ(req->state, "queued");
  EXPECT_EQ(req->recipients, 3);
  EXPECT_EQ(req->pending, 3);
  EXPECT_TRUE(RequestSend(*db_, clock_, composer, "2026-11", seed_.leader).ok()) << "idempotent";

  // The loop with a transport that fails after one message: paused, with the error.
  testing::FakeTransport t;
  t.fail_from_call = 2;
  SendLoopOptions lo;
  lo.retry_seconds = 60;
  lo.transport = [&](const mail::MailConfig&) {
    struct Borrowed : mail::SmtpTransport {
      mail::SmtpTransport& inner;
      explicit Borrowed(mail::SmtpTransport& i) : inner(i) {}
      mail::SendResult Send(const std::string& f, const std::string& to, const std::string& d) override {
        return inner.Send(f, to, d);
      }
    };
    return std::make_unique<Borrowed>(t);
  };
  std::atomic<bool> stop{false};
  EXPECT_EQ(RunSendLoopOnce(*db_, clock_, lo, stop), 1);
  auto p = progress();
  EXPECT_EQ(p.state, "paused");
  EXPECT_EQ(p.sent, 1);
  EXPECT_EQ(p.pending, 2);
  EXPECT_NE(p.last_error.find("SMTP server did not take"), std::string::npos) << p.last_error;
  EXPECT_EQ(p.next_attempt_at, kNow + 60);
  // Not due yet: nothing happens.
  t.fail_from_call = 0;
  EXPECT_EQ(RunSendLoopOnce(*db_, clock_, lo, stop), 0);
  EXPECT_EQ(t.sent.size(), 1u);
  clock_.Advance(61);
  EXPECT_EQ(RunSendLoopOnce(*db_, clock_, lo, stop), 1);
  p = progress();
  EXPECT_EQ(p.state, "sent");
  EXPECT_EQ(p.sent, 3);
  EXPECT_EQ(p.last_error, "");
  EXPECT_GT(p.finished_at, 0);
  std::set<std::string> to;
  for (const auto& m : t.sent) to.insert(m.to);
  EXPECT_EQ(to.size(), 3u);
  EXPECT_EQ(t.sent.size(), 3u) << "each once";
  EXPECT_EQ(RunSendLoopOnce(*db_, clock_, lo, stop), 0) << "a sent issue is not picked up again";
  EXPECT_EQ(RequestSend(*db_, clock_, composer, "2026-11", seed_.leader).status().code(), Code::kConflict);
}

TEST_F(NewsletterDbTest, ALiveCliSenderKeepsTheBackgroundLoopOff) {
  ConfigureMail(*db_, "smtp://127.0.0.1:1");
  auto cfg = LoadConfig(*db_);
  Composer composer(*db_, clock_, *cfg);
  ASSERT_TRUE(RequestSend(*db_, clock_, composer, "2026-11", seed_.leader).ok());
  {
    soci::session sql(db_->pool());
    long long until = kNow + 100;
    sql << "UPDATE newsletter_issues SET lock_owner = 'elders:1', lock_until = :u", soci::use(until);
  }
  EXPECT_EQ(GetIssueProgress(*db_, clock_, "2026-11")->state, "sending");
  EXPECT_EQ(GetIssueProgress(*db_, clock_, "2026-11")->sender, "elders:1");
  testing::FakeTransport t;
  SendLoopOptions lo;
  lo.transport = [&](const mail::MailConfig&) -> std::unique_ptr<mail::SmtpTransport> { return nullptr; };
  std::atomic<bool> stop{false};
  EXPECT_EQ(RunSendLoopOnce(*db_, clock_, lo, stop), 0);
}

TEST_F(NewsletterDbTest, TestToMyselfGoesToTheLeaderOnlyAndLogsNothing) {
  testing::FakeTransport t;
  {
    auto cfg = LoadConfig(*db_);
    Composer composer(*db_, clock_, *cfg);
    EXPECT_EQ(SendTest(*db_, clock_, composer, t, "2026-11", seed_.leader).status().field(), "mail");
  }
  ConfigureMail(*db_, "smtp://127.0.0.1:1");
  auto cfg = LoadConfig(*db_);
  Composer composer(*db_, clock_, *cfg);
  auto r = SendTest(*db_, clock_, composer, t, "2026-11", seed_.leader);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->to, "leider@netwerk.example");
  ASSERT_EQ(t.sent.size(), 1u);
  EXPECT_EQ(t.sent[0].to, "leider@netwerk.example");
  auto m = testing::ParseMail(t.sent[0].data);
  EXPECT_EQ(testing::DecodeHeader(m.headers["subject"]).rfind("[TEST] Nieuwsbrief", 0), 0u);
  EXPECT_EQ(m.headers["message-id"], r->message_id);
  EXPECT_NE(m.text.find("Lean in de wijkzorg"), std::string::npos);
  EXPECT_EQ(GetIssueProgress(*db_, clock_, "2026-11")->state, "not_started") << "a test is no delivery";
  // Anja (subscribed, a member) would get her own personal part.
  auto anja = SendTest(*db_, clock_, composer, t, "2026-11", seed_.anja);
  ASSERT_TRUE(anja.ok());
  EXPECT_NE(testing::ParseMail(t.sent[1].data).text.find("Pieter Lammerink"), std::string::npos);
  t.fail_from_call = 1;
  EXPECT_EQ(SendTest(*db_, clock_, composer, t, "2026-11", seed_.leader).status().field(), "smtp");
  EXPECT_EQ(SendTest(*db_, clock_, composer, t, "2027-03", seed_.leader).status().code(), Code::kConflict);
}

}  // namespace
}  // namespace verbinder::newsletter
