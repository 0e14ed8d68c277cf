// The newsletter library against a real database (SQLite file, or PostgreSQL
// with VERBINDER_TEST_BACKEND=postgres): Markdown sanitising, tokens,
// articles with approval, double opt-in and unsubscribe, the per-subscriber
// issue with visibility, and the resumable send job over a fake transport.
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
#include "newsletter/newsletter_cli.h"
#include "newsletter/markdown.h"
#include "newsletter/topics.h"
#include "notify/outbox.h"
#include "newsletter/sender.h"
#include "newsletter/test_support.h"
#include "newsletter/tokens.h"
#include "storage/testing.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using testing::kNow;

TEST(MarkdownTest, RendersGfmAndDropsEverythingUnsafe) {
  std::string html = RenderMarkdown("# Titel\n\n**vet** en ~~weg~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nhttps://netwerk.example\n");
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

TEST(TokenTest, SignedExpiringAndBoundToPurpose) {
  const std::string key(32, 'k');
  std::string t = SignToken(key, TokenPurpose::kConfirm, 42, kNow + 100);
  EXPECT_EQ(*VerifyToken(key, TokenPurpose::kConfirm, t, kNow), 42);
  EXPECT_EQ(VerifyToken(key, TokenPurpose::kConfirm, t, kNow + 101).status().message(),
            "this link has expired; subscribe again");
  EXPECT_EQ(VerifyToken(key, TokenPurpose::kUnsubscribe, t, kNow).status().field(), "token");
  std::string forged = t;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_FALSE(VerifyToken(key, TokenPurpose::kConfirm, forged, kNow).ok());
  std::string other_id = "c.43" + t.substr(4);
  EXPECT_FALSE(VerifyToken(key, TokenPurpose::kConfirm, other_id, kNow).ok());
  EXPECT_FALSE(VerifyToken(std::string(32, 'x'), TokenPurpose::kConfirm, t, kNow).ok());
  for (const char* junk : {"", "c", "c.1.2", "c.x.1.ab", "c.1.2.3.4", "u.-1.0.00"})
    EXPECT_EQ(VerifyToken(key, TokenPurpose::kConfirm, junk, kNow).status().field(), "token") << junk;
  std::string u = SignToken(key, TokenPurpose::kUnsubscribe, 7, kNeverExpires);
  EXPECT_EQ(*VerifyToken(key, TokenPurpose::kUnsubscribe, u, kNow + 10 * 365 * 86400), 7);
}

class NewsletterDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
    seed_ = testing::Seed(*db_, clock_);
  }
  domain::Viewer Leader() const { return {seed_.leader, model::Role::kOrganizer}; }
  domain::Viewer AsMember(model::Id id) const { return {id, model::Role::kMember}; }

  FakeClock clock_{kNow};
  std::unique_ptr<storage::Database> db_;
  testing::Seeded seed_;
};

TEST_F(NewsletterDbTest, MembersSubmitLeaderApprovesPublicSeesPublished) {
  ArticleService svc(*db_, clock_);
  Article a;
  a.title = "Roosters zonder gedoe";
  a.body_md = "Tekst <script>alert(1)</script> [x](javascript:alert(2))";
  a.status = ArticleStatus::kPublished;
  EXPECT_EQ(svc.Create(AsMember(seed_.anja), a).status().code(), Code::kPermissionDenied);
  a.status = ArticleStatus::kSubmitted;
  auto created = svc.Create(AsMember(seed_.anja), a);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_TRUE(LooksSafeHtml(created->body_html)) << created->body_html;
  EXPECT_EQ(created->author_name, "Anja Kamphuis");
  // Not visible to the public or other members until approved.
  EXPECT_EQ(svc.Get({}, created->id).status().code(), Code::kNotFound);
  EXPECT_EQ(svc.Get(AsMember(seed_.pieter), created->id).status().code(), Code::kNotFound);
  EXPECT_TRUE(svc.Get(AsMember(seed_.anja), created->id).ok());
  EXPECT_EQ(svc.Publish(AsMember(seed_.anja), created->id, 0).status().code(), Code::kPermissionDenied);
  auto pub = svc.Publish(Leader(), created->id, 0);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(pub->status, ArticleStatus::kPublished);
  EXPECT_EQ(pub->published_at, kNow);
  EXPECT_EQ(svc.Publish(Leader(), created->id, 0).status().code(), Code::kConflict);
  auto pub_view = svc.Get({}, created->id);
  ASSERT_TRUE(pub_view.ok());
  EXPECT_EQ(pub_view->author_name, "") << "anonymous readers do not see member names";
  // The author may no longer edit it; the leader may.
  Article edit = *pub;
  edit.title = "Nieuwe titel";
  EXPECT_EQ(svc.Update(AsMember(seed_.anja), edit).status().code(), Code::kPermissionDenied);
  EXPECT_TRUE(svc.Update(Leader(), edit).ok());
  ArticleFilter f;
  f.q = "nieuwe";
  auto found = svc.List({}, f);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].id, created->id);
}

TEST_F(NewsletterDbTest, ArticleValidationNamesTheField) {
  ArticleService svc(*db_, clock_);
  struct Case { Article a; std::string field; };
  Article ok;
  ok.title = "T";
  ok.body_md = "b";
  std::vector<Case> cases;
  Article x = ok; x.title = " "; cases.push_back({x, "title"});
  x = ok; x.body_md = ""; cases.push_back({x, "body"});
  x = ok; x.language = "de"; cases.push_back({x, "language"});
  x = ok; x.tags = {"ok", ""}; cases.push_back({x, "tags[1]"});
  x = ok; x.tags = {"a,b"}; cases.push_back({x, "tags[0]"});
  x = ok; x.title = "a\x01"; cases.push_back({x, "title"});
  x = ok; x.summary = std::string(600, 's'); cases.push_back({x, "summary"});
  for (auto& c : cases) {
    auto r = svc.Create(Leader(), c.a);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().field(), c.field);
  }
  auto list = svc.List(Leader(), {});
  EXPECT_EQ(list->total, 2) << "nothing half-written";
  EXPECT_EQ(svc.Create({}, ok).status().code(), Code::kUnauthenticated);
}

TEST_F(NewsletterDbTest, DoubleOptInAndOneClickUnsubscribe) {
  SubscriptionService subs(*db_, clock_);
  EXPECT_EQ(subs.Subscribe("geen-adres", "nl", {}).status().field(), "email");
  EXPECT_EQ(subs.Subscribe("a@b.example\r\nBcc: c@d.example", "nl", {}).status().field(), "email");
  EXPECT_EQ(subs.Subscribe("a@b.example", "fr", {}).status().field(), "language");
  EXPECT_EQ(subs.Subscribe("a@b.example", "nl", {"x,y"}).status().field(), "topics[0]");
  auto p = subs.Subscribe("  Nieuw@Lid.Example ", "en", {"zorg"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->subscriber.email, "nieuw@lid.example");
  EXPECT_EQ(p->subscriber.status, SubscriberStatus::kPending);
  ASSERT_FALSE(p->confirm_token.empty());
  // Forged and wrong-purpose tokens.
  EXPECT_EQ(subs.Confirm(p->confirm_token + "0").status().field(), "token");
  auto unsub_token = subs.UnsubscribeToken(p->subscriber.id);
  EXPECT_EQ(subs.Confirm(*unsub_token).status().field(), "token");
  EXPECT_EQ(subs.Unsubscribe(p->confirm_token).status().field(), "token");
  auto c = subs.Confirm(p->confirm_token);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->status, SubscriberStatus::kConfirmed);
  EXPECT_EQ(subs.Confirm(p->confirm_token).status().code(), Code::kConflict) << "double confirmation";
  // Subscribing a confirmed address again changes nothing and issues no token.
  auto again = subs.Subscribe("nieuw@lid.example", "nl", {});
  EXPECT_TRUE(again->confirm_token.empty());
  EXPECT_EQ(again->subscriber.status, SubscriberStatus::kConfirmed);
  auto u1 = subs.Unsubscribe(*unsub_token);
  ASSERT_TRUE(u1.ok());
  EXPECT_EQ(u1->status, SubscriberStatus::kUnsubscribed);
  auto u2 = subs.Unsubscribe(*unsub_token);
  ASSERT_TRUE(u2.ok()) << "unsubscribing twice is fine";
  EXPECT_EQ(u2->unsubscribed_at, u1->unsubscribed_at);
  // The old confirmation link cannot resubscribe an address that left.
  EXPECT_EQ(subs.Confirm(p->confirm_token).status().code(), Code::kConflict);
  // Expired confirmation links.
  auto late = subs.Subscribe("laat@lid.example", "nl", {});
  clock_.Advance(kConfirmTokenLifetime + 1);
  EXPECT_EQ(subs.Confirm(late->confirm_token).status().message(), "this link has expired; subscribe again");
}

// The newsletter consent is part of the member's profile, which the API serves
// from a per-process cache (domain/member_cache.h): subscribing and
// unsubscribing must show on the profile at once.
TEST_F(NewsletterDbTest, ProfileConsentFollowsSubscriptionsAtOnce) {
  domain::MemberService members(*db_, clock_);
  const domain::Viewer pieter{seed_.pieter, model::Role::kMember};
  auto consent = [&] {
    auto j = members.GetJson(pieter, seed_.pieter);
    EXPECT_TRUE(j.ok()) << j.status().ToString();
    return j.ok() && nlohmann::json::parse(*j)["consent"]["newsletter"].get<bool>();
  };
  ASSERT_FALSE(consent());  // and cached
  SubscriptionService subs(*db_, clock_);
  auto s = subs.SubscribeMember(pieter, "nl", {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(consent());
  ASSERT_TRUE(subs.Unsubscribe(*subs.UnsubscribeToken(s->id)).ok());
  EXPECT_FALSE(consent());
  // Through the double opt-in of the member's own address.
  auto p = subs.Subscribe("pieter@fabriek.example", "nl", {});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_FALSE(p->confirm_token.empty());
  ASSERT_TRUE(subs.Confirm(p->confirm_token).ok());
  EXPECT_TRUE(consent());
}

TEST_F(NewsletterDbTest, RepeatedHardBouncesStopMail) {
  SubscriptionService subs(*db_, clock_);
  for (int i = 0; i < kMaxHardBounces - 1; ++i) ASSERT_TRUE(subs.RecordHardBounce(seed_.sub_reader).ok());
  EXPECT_EQ(subs.Get(seed_.sub_reader)->status, SubscriberStatus::kConfirmed);
  ASSERT_TRUE(subs.RecordHardBounce(seed_.sub_reader).ok());
  EXPECT_EQ(subs.Get(seed_.sub_reader)->status, SubscriberStatus::kBounced);
  auto confirmed = subs.Confirmed();
  for (const auto& s : *confirmed) EXPECT_NE(s.id, seed_.sub_reader);
}

TEST_F(NewsletterDbTest, PersonalPartShowsOnlyWhatTheSubscriberMaySee) {
  Composer composer(*db_, clock_, testing::TestConfig());
  auto issue = composer.LoadIssue("2026-11");
  ASSERT_TRUE(issue.ok()) << issue.status().ToString();
  ASSERT_EQ(issue->articles.size(), 1u);
  EXPECT_EQ(issue->articles[0].id, seed_.article_nov);
  ASSERT_EQ(issue->events.size(), 1u);
  EXPECT_TRUE(issue->events[0].free);

  SubscriptionService subs(*db_, clock_);
  auto anja = subs.Get(seed_.sub_anja);
  auto p = composer.Personal(*anja);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  std::set<model::Id> people, askers, hosts;
  for (const auto& x : p->people) people.insert(x.member_id);
  for (const auto& x : p->questions) askers.insert(x.member_id);
  for (const auto& x : p->hosts) hosts.insert(x.member_id);
  EXPECT_EQ(people, (std::set<model::Id>{seed_.pieter, seed_.emma}));
  EXPECT_EQ(askers, (std::set<model::Id>{seed_.pieter}));
  EXPECT_EQ(hosts, (std::set<model::Id>{seed_.pieter}));

  auto msg = composer.ComposeFor(*issue, *anja, *subs.UnsubscribeToken(anja->id));
  ASSERT_TRUE(msg.ok()) << msg.status().ToString();
  auto mail = testing::ParseMail(msg->raw);
  EXPECT_TRUE(mail.crlf_only);
  for (const std::string* part : {&mail.text, &mail.html}) {
    EXPECT_NE(part->find("Pieter Lammerink"), std::string::npos);
    EXPECT_NE(part->find("Planning van onderhoud loopt vast"), std::string::npos);
    EXPECT_NE(part->find("Lean in de wijkzorg"), std::string::npos);
    EXPECT_NE(part->find("Inspiratiesessie Slim Plannen"), std::string::npos);
    // Hidden from Anja: the hidden profile, its challenge, and the member without matchmaking consent.
    EXPECT_EQ(part->find("Verborgen Hans"), std::string::npos);
    EXPECT_EQ(part->find("Geheime planning"), std::string::npos);
    EXPECT_EQ(part->find("Olga"), std::string::npos);
    EXPECT_EQ(part->find("Oktober-artikel"), std::string::npos);
    EXPECT_EQ(part->find("@fabriek.example"), std::string::npos) << "no addresses of others";
  }
  EXPECT_NE(mail.text.find("Speciaal voor jou"), std::string::npos);
  EXPECT_TRUE(LooksSafeHtml(mail.html));

  // Emma reads English; the anonymous reader gets no personal part at all.
  auto emma = composer.ComposeFor(*issue, *subs.Get(seed_.sub_emma), "t");
  ASSERT_TRUE(emma.ok());
  auto emma_mail = testing::ParseMail(emma->raw);
  EXPECT_NE(emma_mail.text.find("Just for you"), std::string::npos);
  EXPECT_EQ(testing::DecodeHeader(emma_mail.headers["subject"]), "Nieuwsbrief \xE2\x80\x94 November 2026");
  auto reader = composer.ComposeFor(*issue, *subs.Get(seed_.sub_reader), "t");
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE(reader->personal.empty());
  auto reader_mail = testing::ParseMail(reader->raw);
  EXPECT_EQ(reader_mail.text.find("Pieter"), std::string::npos);
  EXPECT_EQ(reader_mail.text.find("Anja"), std::string::npos);
}

TEST_F(NewsletterDbTest, MessageHasTheHeadersMailClientsNeed) {
  Composer composer(*db_, clock_, testing::TestConfig());
  auto issue = composer.LoadIssue("2026-11");
  SubscriptionService subs(*db_, clock_);
  auto token = *subs.UnsubscribeToken(seed_.sub_anja);
  auto msg = composer.ComposeFor(*issue, *subs.Get(seed_.sub_anja), token);
  ASSERT_TRUE(msg.ok());
  auto m = testing::ParseMail(msg->raw);
  for (const char* h : {"date", "from", "to", "subject", "message-id", "list-id", "list-unsubscribe",
                        "list-unsubscribe-post", "mime-version", "content-type"})
    EXPECT_EQ(m.header_count[h], 1) << h;
  EXPECT_EQ(m.headers["date"], "Sun, 15 Nov 2026 11:00:00 +0000");
  EXPECT_EQ(m.headers["to"], "anja@zorg.example");
  EXPECT_EQ(testing::DecodeHeader(m.headers["from"]), "Netwerk Twente \xE2\x80\x94 nieuws <nieuws@netwerk.example>");
  EXPECT_EQ(m.headers["subject"].rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_EQ(m.headers["message-id"], "<newsletter.2026-11." + std::to_string(seed_.sub_anja) + "@netwerk.example>");
  // RFC 8058 one-click https URL first, then the RFC 2369 mailto to the sender with the token in the subject.
  EXPECT_EQ(m.headers["list-unsubscribe"], "<https://netwerk.example/api/v1/newsletter/unsubscribe/" + token +
                                               ">, <mailto:nieuws@netwerk.example?subject=unsubscribe%20" + token + ">");
  EXPECT_EQ(m.headers["list-unsubscribe-post"], "List-Unsubscribe=One-Click");
  EXPECT_EQ(m.headers["list-id"], "<newsletter.netwerk.example>");
  EXPECT_NE(m.headers["content-type"].find("multipart/alternative"), std::string::npos);
  EXPECT_NE(m.text.find("https://netwerk.example/newsletter/unsubscribe/" + token), std::string::npos) << "the web page";
  EXPECT_NE(m.html.find("https://netwerk.example/newsletter/unsubscribe/" + token), std::string::npos);
  EXPECT_EQ(m.html.find("<script"), std::string::npos);
  // Issue #16: the article links open the article's page in the web UI, not the JSON API.
  const std::string page = "https://netwerk.example/articles/" + std::to_string(seed_.article_nov);
  EXPECT_NE(m.text.find("  " + page + "\n"), std::string::npos) << m.text;
  EXPECT_NE(m.html.find("<a href=\"" + page + "\""), std::string::npos) << m.html;
  for (const std::string* part : {&m.text, &m.html}) EXPECT_EQ(part->find("/api/v1/articles"), std::string::npos);
}

TEST(UnsubscribeMailtoTest, EscapesTheAddressAndCarriesTheTokenInTheSubject) {
  EXPECT_EQ(ArticlePageUrl("https://netwerk.example", 12), "https://netwerk.example/articles/12");
  EXPECT_EQ(UnsubscribeMailto("nieuws@netwerk.example", "u.3.0.ab"), "mailto:nieuws@netwerk.example?subject=unsubscribe%20u.3.0.ab");
  EXPECT_EQ(UnsubscribeMailto("nieuws+lijst@netwerk.example", "u.3.0.ab"),
            "mailto:nieuws+lijst@netwerk.example?subject=unsubscribe%20u.3.0.ab");
  EXPECT_EQ(UnsubscribeMailto("a?b&c%d@x.example", "t"), "mailto:a%3Fb%26c%25d@x.example?subject=unsubscribe%20t");
}

TEST_F(NewsletterDbTest, AMonthWithoutContentSaysSoAndSendsNothing) {
  Composer composer(*db_, clock_, testing::TestConfig());
  EXPECT_EQ(composer.LoadIssue("2026-13").status().field(), "month");
  EXPECT_EQ(composer.LoadIssue("nov").status().field(), "month");
  clock_.Set(kNow + 365 * 86400);  // the event is long past; nothing published in 2027-11
  auto r = composer.LoadIssue("2027-11");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kConflict);
  EXPECT_EQ(r.status().field(), "month");
  testing::FakeTransport t;
  IssueSender sender(*db_, clock_, composer, t);
  EXPECT_EQ(sender.Send({.month = "2027-11"}).status().code(), Code::kConflict);
  EXPECT_TRUE(t.sent.empty());
  EXPECT_EQ(IssueStatus(*db_, "2027-11").status().code(), Code::kNotFound) << "nothing recorded";
}

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

TEST_F(NewsletterDbTest, SubscribingQueuesOneConfirmationMailInTheSubscribersLanguage) {
  {
    soci::session sql(db_->pool());
    sql << "INSERT INTO settings (key, value) VALUES ('mail.base_url', 'https://netwerk.example')";
  }
  SubscriptionService subs(*db_, clock_);
  auto count = [&] {
    soci::session sql(db_->pool());
    return notify::CountOutbox(sql).pending;
  };
  const int64_t before = count();
  auto p = subs.Subscribe("nieuw@lid.example", "en", {});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_TRUE(p->confirmation_queued);
  EXPECT_EQ(count(), before + 1);
  {
    soci::session sql(db_->pool());
    auto mails = notify::ListOutbox(sql, "pending", 10);
    ASSERT_FALSE(mails.empty());
    const auto& m = mails.front();
    EXPECT_EQ(m.to_email, "nieuw@lid.example");
    EXPECT_EQ(m.kind, "newsletter.confirm");
    EXPECT_EQ(m.subject, "Please confirm your newsletter subscription");
    EXPECT_NE(m.text.find(ConfirmUrl("https://netwerk.example", p->confirm_token)), std::string::npos) << m.text;
  }
  // Asking again within the interval queues nothing more (no inbox flooding)...
  auto again = subs.Subscribe("nieuw@lid.example", "nl", {});
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->confirmation_queued);
  EXPECT_EQ(count(), before + 1);
  // ... later it does, in the language asked for now.
  clock_.Advance(kConfirmMailInterval + 1);
  auto later = subs.Subscribe("nieuw@lid.example", "nl", {});
  EXPECT_TRUE(later->confirmation_queued);
  EXPECT_EQ(count(), before + 2);
  {
    soci::session sql(db_->pool());
    EXPECT_EQ(notify::ListOutbox(sql, "pending", 1).front().subject, "Bevestig je aanmelding voor de nieuwsbrief");
  }
  // A confirmed address gets no mail (and the caller cannot tell).
  auto confirmed = subs.Subscribe("lezer@elders.example", "nl", {});
  EXPECT_FALSE(confirmed->confirmation_queued);
  EXPECT_TRUE(confirmed->confirm_token.empty());
  EXPECT_EQ(count(), before + 2);
  // A refused subscription queues nothing.
  EXPECT_FALSE(subs.Subscribe("geen adres", "nl", {}).ok());
  EXPECT_EQ(count(), before + 2);
  // The CLI's --no-mail.
  EXPECT_FALSE(subs.Subscribe("stil@lid.example", "nl", {}, false)->confirmation_queued);
  EXPECT_EQ(count(), before + 2);
}

// ---- Topics ----

TEST_F(NewsletterDbTest, TopicsOrderTheArticlesPerSubscriber) {
  EXPECT_EQ(SaveTopic(*db_, {"Zorg!", "Zorg", "Care", {}, 0}).status().field(), "key");
  EXPECT_EQ(SaveTopic(*db_, {"zorg", "", "Care", {}, 0}).status().field(), "label_nl");
  ASSERT_TRUE(SaveTopic(*db_, {"zorg", "Zorg", "Care", {"wijkzorg", "thuiszorg"}, 1}).ok());
  ASSERT_TRUE(SaveTopic(*db_, {"techniek", "Techniek", "Engineering", {"lean", "maakindustrie"}, 2}).ok());
  // Subscribers choose from the catalogue now.
  SubscriptionService subs(*db_, clock_);
  EXPECT_EQ(subs.Subscribe("x@y.example", "nl", {"kunst"}, false).status().field(), "topics[0]");
  // Two more November articles: one on care, one on engineering.
  ArticleService articles(*db_, clock_);
  Article a;
  a.status = ArticleStatus::kPublished;
  a.body_md = "Tekst.";
  a.title = "Techniek eerst gepubliceerd";
  a.tags = {"Lean"};
  a.published_at = kNow - 120;
  ASSERT_TRUE(articles.Create(Leader(), a).ok());
  a.title = "Thuiszorg later gepubliceerd";
  a.tags = {"thuiszorg"};
  a.published_at = kNow - 30;
  ASSERT_TRUE(articles.Create(Leader(), a).ok());
  auto topics = ListTopics(*db_);
  ASSERT_TRUE(topics.ok());
  ASSERT_EQ(topics->size(), 2u);
  Article probe;
  probe.tags = {"LEAN", "wijkzorg", "onbekend"};
  EXPECT_EQ(TopicsOf(probe, *topics), (std::vector<std::string>{"techniek", "zorg"}));
  EXPECT_EQ(TopicsOf(probe, {}), (std::vector<std::string>{"lean", "wijkzorg", "onbekend"})) << "no catalogue: tags are topics";

  Composer composer(*db_, clock_, testing::TestConfig());
  auto issue = composer.LoadIssue("2026-11");
  ASSERT_TRUE(issue.ok());
  auto text_of = [&](const Subscriber& s) {
    auto msg = composer.ComposeFor(*issue, s, "t");
    EXPECT_TRUE(msg.ok()) << msg.status().ToString();
    return msg.ok() ? testing::ParseMail(msg->raw).text : "";
  };
  Subscriber reader = *subs.Get(seed_.sub_reader);
  // No topics: everything, in publication order, under the usual heading.
  std::string all = text_of(reader);
  EXPECT_NE(all.find("Nieuwe kennisartikelen"), std::string::npos);
  EXPECT_LT(all.find("Techniek eerst"), all.find("Thuiszorg later"));
  // Care first, the rest after "Ook deze maand".
  reader.topics = {"zorg"};
  std::string first = text_of(reader);
  EXPECT_NE(first.find("Over jouw onderwerpen"), std::string::npos);
  EXPECT_LT(first.find("Thuiszorg later"), first.find("Ook deze maand"));
  EXPECT_GT(first.find("Techniek eerst"), first.find("Ook deze maand"));
  EXPECT_NE(first.find("Lean in de wijkzorg"), std::string::npos) << "untagged articles are still listed";
  // Only care.
  reader.topics_only = true;
  std::string only = text_of(reader);
  EXPECT_NE(only.find("Thuiszorg later"), std::string::npos);
  EXPECT_EQ(only.find("Techniek eerst"), std::string::npos);
  EXPECT_EQ(only.find("Ook deze maand"), std::string::npos);
  EXPECT_NE(only.find("Inspiratiesessie Slim Plannen"), std::string::npos) << "events are never filtered";
  // Only a topic without articles this month: says so.
  ASSERT_TRUE(SaveTopic(*db_, {"onderwijs", "Onderwijs", "Education", {"school"}, 3}).ok());
  issue = composer.LoadIssue("2026-11");
  reader.topics = {"onderwijs"};
  EXPECT_NE(text_of(reader).find("Deze maand geen nieuwe artikelen over jouw onderwerpen."), std::string::npos);
  // Preferences through the unsubscribe token.
  auto token = subs.UnsubscribeToken(seed_.sub_reader);
  auto prefs = subs.UpdatePreferences(*token, "en", {"Techniek"}, true);
  ASSERT_TRUE(prefs.ok()) << prefs.status().ToString();
  EXPECT_EQ(prefs->topics, (std::vector<std::string>{"techniek"}));
  EXPECT_TRUE(prefs->topics_only);
  EXPECT_EQ(subs.UpdatePreferences(*token + "x", "en", {}, false).status().field(), "token");
  EXPECT_EQ(subs.UpdatePreferences(*token, "en", {"kunst"}, false).status().field(), "topics[0]");
  EXPECT_EQ(DeleteTopic(*db_, "kunst").code(), Code::kNotFound);
  EXPECT_TRUE(DeleteTopic(*db_, "onderwijs").ok());
}

// ---- Bounces (RFC 3464) ----

// A Postfix-style DSN with the returned message's headers.
std::string Dsn(const std::string& rcpt, const std::string& action, const std::string& status,
                const std::string& original_id, const std::string& dsn_id) {
  return "Return-Path: <>\n"
         "From: MAILER-DAEMON@mx.netwerk.example (Mail Delivery System)\n"
         "To: nieuws@netwerk.example\n"
         "Subject: Undelivered Mail Returned to Sender\n"
         "Message-ID: " + dsn_id + "\n"
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
         "Final-Recipient: rfc822; " + rcpt + "\n"
         "Original-Recipient: rfc822;" + rcpt + "\n"
         "Action: " + action + "\n"
         "Status: " + status + "\n"
         "Remote-MTA: dns; mx.elders.example\n"
         "Diagnostic-Code: smtp; 550 " + status + " <" + rcpt + ">: Recipient address\n"
         "    rejected: User unknown\n"
         "\n"
         "--B0UND\n"
         "Content-Type: text/rfc822-headers\n"
         "\n"
         "From: nieuws@netwerk.example\n"
         "To: " + rcpt + "\n"
         "Message-ID: " + original_id + "\n"
         "Subject: Nieuwsbrief\n"
         "\n"
         "--B0UND--\n";
}

TEST(BounceParseTest, ReadsDeliveryStatusNotifications) {
  auto dsn = ParseDsn(Dsn("Lezer@Elders.example", "failed", "5.1.1", "<newsletter.2026-11.3@netwerk.example>", "<d1@mx>"));
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
  std::string crlf = "Message-ID: <d3@mx>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
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
           "i.month = '2026-11' AND d.subscriber_id = :s", soci::use(sid), soci::into(st), soci::into(err);
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
  std::ofstream(dir / "1.eml") << Dsn("emma@school.example", "failed", "5.1.1", composer.MessageId("2026-11", seed_.sub_emma),
                                      "<dd@mx>");
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
                      {"mail.from_email", "nieuws@netwerk.example"}, {"mail.base_url", "https://netwerk.example"},
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
  EXPECT_EQ(RequestSend(*db_, clock_, composer, "2027-03", seed_.leader).status().code(), Code::kConflict) << "no content";
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

// ---- Issue #16: the newsletter and the members are one ----

// The member link as stored in the row (not the one resolved by address on read).
model::Id StoredMember(storage::Database& db, model::Id subscriber_id) {
  soci::session sql(db.pool());
  long long id = subscriber_id, m = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT member_id FROM subscribers WHERE id = :id", soci::use(id), soci::into(m, ind);
  return ind == soci::i_ok ? m : 0;
}

bool ConsentInDb(storage::Database& db, model::Id member_id) {
  soci::session sql(db.pool());
  long long id = member_id;
  int c = 0;
  sql << "SELECT consent_newsletter FROM members WHERE id = :id", soci::use(id), soci::into(c);
  return c != 0;
}

// The profile as the API serves it (from the per-process profile cache).
bool ConsentOnProfile(storage::Database& db, const Clock& clock, model::Id member_id) {
  auto j = domain::MemberService(db, clock).GetJson({member_id, model::Role::kMember}, member_id);
  EXPECT_TRUE(j.ok()) << j.status().ToString();
  return j.ok() && nlohmann::json::parse(*j)["consent"]["newsletter"].get<bool>();
}

std::vector<notify::OutboxEntry> ConfirmMailsTo(storage::Database& db, const std::string& email) {
  soci::session sql(db.pool());
  std::vector<notify::OutboxEntry> out;
  for (auto& m : notify::ListOutbox(sql, "pending", 1000))
    if (m.to_email == email && m.kind == "newsletter.confirm") out.push_back(m);
  return out;
}

// The token in the confirmation link of a queued mail.
std::string ConfirmTokenIn(const std::string& text) {
  const std::string marker = "/api/v1/newsletter/confirm/";
  auto at = text.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  auto end = text.find_first_of(" \n", at);
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

TEST_F(NewsletterDbTest, Issue16_SubscribingByFormCliOrConfirmLinksTheMember) {
  SubscriptionService subs(*db_, clock_);
  // The public form, for Pieter's address: linked at once, still pending; the profile waits for the confirmation.
  auto p = subs.Subscribe("Pieter@Fabriek.example", "nl", {});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(StoredMember(*db_, p->subscriber.id), seed_.pieter);
  EXPECT_EQ(p->subscriber.member_id, seed_.pieter);
  EXPECT_FALSE(ConsentInDb(*db_, seed_.pieter));
  ASSERT_TRUE(subs.Confirm(p->confirm_token).ok());
  EXPECT_EQ(StoredMember(*db_, p->subscriber.id), seed_.pieter);
  EXPECT_TRUE(ConsentInDb(*db_, seed_.pieter));
  // His personal part is in his issue.
  Composer composer(*db_, clock_, testing::TestConfig());
  auto issue = composer.LoadIssue("2026-11");
  ASSERT_TRUE(issue.ok());
  auto msg = composer.ComposeFor(*issue, *subs.Get(p->subscriber.id), "t");
  ASSERT_TRUE(msg.ok()) << msg.status().ToString();
  EXPECT_FALSE(msg->personal.empty());
  EXPECT_NE(testing::ParseMail(msg->raw).text.find("Speciaal voor jou"), std::string::npos);

  // The CLI (`verbinder newsletter subscribe --confirmed`), for Olga's address.
  const std::string url = storage::testing::SameDatabaseUrl(
      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  ASSERT_EQ(RunNewsletter({"subscribe", "--db", url, "--email", "olga@fabriek.example", "--confirmed"}), 0);
  auto olga = subs.FindByEmail("olga@fabriek.example");
  ASSERT_TRUE(olga.ok() && olga->has_value());
  EXPECT_EQ(StoredMember(*db_, (*olga)->id), seed_.optout_olga);
  EXPECT_EQ((*olga)->status, SubscriberStatus::kConfirmed);
  EXPECT_TRUE(ConsentInDb(*db_, seed_.optout_olga));

  // A reader who is no member stays unlinked.
  EXPECT_EQ(StoredMember(*db_, seed_.sub_reader), 0);
  EXPECT_EQ(subs.Get(seed_.sub_reader)->member_id, 0);
}

// A member imported (bulk load, as `verbinder import members` does) after their
// address subscribed: the issue knows them at once (resolved by address), and
// LinkMembers stores the link and switches their profile choice on.
TEST_F(NewsletterDbTest, Issue16_AMemberImportedAfterSubscribingIsLinked) {
  SubscriptionService subs(*db_, clock_);
  auto p = subs.Subscribe("nieuw.lid@zorg.example", "nl", {}, false);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(subs.Confirm(p->confirm_token).ok());
  EXPECT_EQ(subs.Get(p->subscriber.id)->member_id, 0);
  model::Network net;
  net.sectors = model::DefaultSectors();
  model::Member m;
  m.id = 1;
  m.name = "Nina Nieuw";
  m.email = "nieuw.lid@zorg.example";
  m.sector = "care";
  m.region = "Twente";
  m.languages = {"nl"};
  m.expertise_tags = {"planning"};
  m.created_at = m.updated_at = kNow;
  net.members.push_back(m);
  ASSERT_TRUE(domain::LoadNetwork(*db_, net, clock_, {}).ok());
  domain::MemberService members(*db_, clock_);
  auto nina = members.FindByEmail(domain::Viewer::System(), "nieuw.lid@zorg.example");
  ASSERT_TRUE(nina.ok());
  EXPECT_FALSE(ConsentOnProfile(*db_, clock_, nina->id));  // and cached
  // Resolved by address before anything is stored: the recipients and the personal part know her.
  auto confirmed = subs.Confirmed();
  ASSERT_TRUE(confirmed.ok());
  auto it = std::find_if(confirmed->begin(), confirmed->end(), [&](const Subscriber& s) { return s.id == p->subscriber.id; });
  ASSERT_NE(it, confirmed->end());
  EXPECT_EQ(it->member_id, nina->id);
  EXPECT_EQ(StoredMember(*db_, p->subscriber.id), 0);
  Composer composer(*db_, clock_, testing::TestConfig());
  auto personal = composer.Personal(*it);
  ASSERT_TRUE(personal.ok());
  EXPECT_FALSE(personal->questions.empty()) << "Pieter's planning question matches her expertise";
  // LinkMembers stores it; her profile now says what she chose by double opt-in.
  auto linked = subs.LinkMembers();
  ASSERT_TRUE(linked.ok()) << linked.status().ToString();
  EXPECT_EQ(*linked, 1);
  EXPECT_EQ(StoredMember(*db_, p->subscriber.id), nina->id);
  EXPECT_TRUE(ConsentInDb(*db_, nina->id));
  EXPECT_TRUE(ConsentOnProfile(*db_, clock_, nina->id)) << "the cached profile follows at once";
  EXPECT_EQ(*subs.LinkMembers(), 0) << "nothing more to link";

  // An address that passed to another member is that member's: never the earlier owner's personal part.
  auto pieter = members.Get(domain::Viewer::System(), seed_.pieter);
  pieter->email = "pieter.elders@fabriek.example";
  ASSERT_TRUE(members.Update(domain::Viewer::System(), *pieter).ok());
  auto sub = subs.Subscribe("pieter@fabriek.example", "nl", {}, false);
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(StoredMember(*db_, sub->subscriber.id), 0) << "no member has this address now";
  {
    soci::session sql(db_->pool());
    long long id = sub->subscriber.id, m = seed_.pieter;
    sql << "UPDATE subscribers SET member_id = :m WHERE id = :id", soci::use(m), soci::use(id);  // linked in the past
  }
  EXPECT_EQ(subs.Get(sub->subscriber.id)->member_id, seed_.pieter) << "the stored link while nobody has the address";
  auto olga = members.Get(domain::Viewer::System(), seed_.optout_olga);
  olga->email = "pieter@fabriek.example";
  ASSERT_TRUE(members.Update(domain::Viewer::System(), *olga).ok());
  EXPECT_EQ(subs.Get(sub->subscriber.id)->member_id, seed_.optout_olga);
  EXPECT_EQ(*subs.LinkMembers(), 1);
  EXPECT_EQ(StoredMember(*db_, sub->subscriber.id), seed_.optout_olga);
}

// The profile's newsletter choice is the subscription (ApplyProfileChoice is
// called after the profile update, as PATCH /api/v1/members/{id} does).
TEST_F(NewsletterDbTest, Issue16_TheProfileChoiceIsTheSubscription) {
  {
    soci::session sql(db_->pool());
    sql << "INSERT INTO settings (key, value) VALUES ('mail.base_url', 'https://netwerk.example')";
  }
  domain::AccountService accounts(*db_, clock_);
  ASSERT_TRUE(accounts.CreateAccount(domain::Viewer::System(), seed_.pieter, "een lang wachtwoord", model::Role::kMember).ok());
  domain::MemberService members(*db_, clock_);
  SubscriptionService subs(*db_, clock_);
  const domain::Viewer pieter = AsMember(seed_.pieter);
  // Saves a changed profile the way the API does, then applies the newsletter choice.
  auto save = [&](const domain::Viewer& who, model::Id id, auto change) {
    auto before = members.Get(domain::Viewer::System(), id);
    EXPECT_TRUE(before.ok());
    model::Member after = *before;
    change(after);
    auto updated = members.Update(who, after);
    EXPECT_TRUE(updated.ok()) << updated.status().ToString();
    auto r = subs.ApplyProfileChoice(who, id, &*before);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : SubscriptionService::ProfileSync{};
  };
  auto row = [&](const std::string& email) { return *subs.FindByEmail(email); };
  using O = SubscriptionService::ProfileOutcome;

  // 1. Pieter switches it on himself: his account proves the address — confirmed at once, no mail.
  ASSERT_FALSE(row("pieter@fabriek.example").has_value());
  auto on = save(pieter, seed_.pieter, [](model::Member& m) { m.consent_newsletter = true; });
  EXPECT_EQ(on.outcome, O::kConfirmed);
  EXPECT_TRUE(on.consent);
  auto r1 = row("pieter@fabriek.example");
  ASSERT_TRUE(r1.has_value());
  EXPECT_EQ(r1->status, SubscriberStatus::kConfirmed);
  EXPECT_EQ(r1->confirmed_at, kNow);
  EXPECT_EQ(StoredMember(*db_, r1->id), seed_.pieter);
  EXPECT_EQ(r1->language, "nl");
  EXPECT_TRUE(ConfirmMailsTo(*db_, "pieter@fabriek.example").empty());
  auto recipients = subs.Confirmed();
  EXPECT_TRUE(std::any_of(recipients->begin(), recipients->end(), [&](const Subscriber& s) { return s.id == r1->id; }));
  // Saving other fields changes nothing.
  auto again = save(pieter, seed_.pieter, [](model::Member& m) { m.bio = "Lean in de fabriek en daarbuiten."; });
  EXPECT_EQ(again.outcome, O::kNothing);
  EXPECT_EQ(row("pieter@fabriek.example")->status, SubscriberStatus::kConfirmed);

  // 2. Switching it off unsubscribes, and skips him in an issue being sent.
  {
    // An issue whose recipients are frozen and not yet sent (as RequestSend leaves it).
    soci::session sql(db_->pool());
    long long n = kNow, issue = 0;
    sql << "INSERT INTO newsletter_issues (month, status, created_at) VALUES ('2026-11', 'sending', :c) RETURNING id",
        soci::use(n), soci::into(issue);
    sql << "INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at) SELECT :i, id, 'pending', :u "
           "FROM subscribers WHERE status = 'confirmed'",
        soci::use(issue), soci::use(n);
  }
  auto off = save(pieter, seed_.pieter, [](model::Member& m) { m.consent_newsletter = false; });
  EXPECT_EQ(off.outcome, O::kUnsubscribed);
  EXPECT_EQ(row("pieter@fabriek.example")->status, SubscriberStatus::kUnsubscribed);
  {
    soci::session sql(db_->pool());
    long long id = r1->id;
    std::string st;
    sql << "SELECT status FROM newsletter_deliveries WHERE subscriber_id = :s", soci::use(id), soci::into(st);
    EXPECT_EQ(st, "skipped");
  }
  // ... and on again confirms again.
  EXPECT_EQ(save(pieter, seed_.pieter, [](model::Member& m) { m.consent_newsletter = true; }).outcome, O::kConfirmed);
  EXPECT_EQ(row("pieter@fabriek.example")->status, SubscriberStatus::kConfirmed);

  // 3. The unsubscribe link switches the profile choice off (in the cached profile too).
  ASSERT_TRUE(ConsentOnProfile(*db_, clock_, seed_.pieter));
  ASSERT_TRUE(subs.Unsubscribe(*subs.UnsubscribeToken(r1->id)).ok());
  EXPECT_FALSE(ConsentInDb(*db_, seed_.pieter));
  EXPECT_FALSE(ConsentOnProfile(*db_, clock_, seed_.pieter));

  // 4. The leader switches it on for Olga, who has no account: her address must confirm first.
  const domain::Viewer leader = Leader();
  auto olga = save(leader, seed_.optout_olga, [](model::Member& m) { m.consent_newsletter = true; });
  EXPECT_EQ(olga.outcome, O::kConfirmationSent);
  auto r2 = row("olga@fabriek.example");
  ASSERT_TRUE(r2.has_value());
  EXPECT_EQ(r2->status, SubscriberStatus::kPending);
  EXPECT_EQ(StoredMember(*db_, r2->id), seed_.optout_olga);
  auto mails = ConfirmMailsTo(*db_, "olga@fabriek.example");
  ASSERT_EQ(mails.size(), 1u);
  recipients = subs.Confirmed();
  EXPECT_FALSE(std::any_of(recipients->begin(), recipients->end(), [&](const Subscriber& s) { return s.id == r2->id; }));
  auto confirmed = subs.Confirm(ConfirmTokenIn(mails[0].text));
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  EXPECT_EQ(confirmed->status, SubscriberStatus::kConfirmed);
  EXPECT_TRUE(ConsentInDb(*db_, seed_.optout_olga));

  // 5. Anja changes her address while subscribed: the subscription moves and the new address must confirm.
  ASSERT_TRUE(accounts.CreateAccount(domain::Viewer::System(), seed_.anja, "een lang wachtwoord", model::Role::kMember).ok());
  auto moved = save(AsMember(seed_.anja), seed_.anja, [](model::Member& m) { m.email = "anja@noaber.example"; });
  EXPECT_EQ(moved.outcome, O::kConfirmationSent);
  EXPECT_FALSE(row("anja@zorg.example").has_value());
  auto r3 = row("anja@noaber.example");
  ASSERT_TRUE(r3.has_value());
  EXPECT_EQ(r3->id, seed_.sub_anja) << "the same subscription (language, topics, history)";
  EXPECT_EQ(r3->status, SubscriberStatus::kPending);
  EXPECT_EQ(StoredMember(*db_, r3->id), seed_.anja);
  EXPECT_EQ(ConfirmMailsTo(*db_, "anja@noaber.example").size(), 1u);

  // 6. A member created with the choice on by an organizer: pending, confirmation mailed.
  model::Member fresh;
  fresh.name = "Femke Vers";
  fresh.email = "femke@zorg.example";
  fresh.sector = "care";
  fresh.languages = {"en"};
  fresh.consent_newsletter = true;
  auto created = members.Create(leader, fresh);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  auto made = subs.ApplyProfileChoice(leader, created->id, nullptr);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->outcome, O::kConfirmationSent);
  ASSERT_TRUE(made->subscriber.has_value());
  EXPECT_EQ(made->subscriber->status, SubscriberStatus::kPending);
  EXPECT_EQ(made->subscriber->language, "en");
  auto femke_mail = ConfirmMailsTo(*db_, "femke@zorg.example");
  ASSERT_EQ(femke_mail.size(), 1u);
  EXPECT_EQ(femke_mail[0].subject, "Please confirm your newsletter subscription");

  EXPECT_EQ(subs.ApplyProfileChoice(leader, 999999, nullptr).status().field(), "member_id");
}

// A member who confirmed a subscription before the address was theirs on the
// profile: the first profile save links it and switches the choice on, unless
// that save switches it off.
TEST_F(NewsletterDbTest, Issue16_ADoubleOptInBeforeJoiningSwitchesTheProfileOn) {
  SubscriptionService subs(*db_, clock_);
  auto p = subs.Subscribe("later@lid.example", "en", {}, false);
  ASSERT_TRUE(subs.Confirm(p->confirm_token).ok());
  domain::MemberService members(*db_, clock_);
  model::Member m;
  m.name = "Lars Later";
  m.email = "later@lid.example";
  m.sector = "industry";
  auto created = members.Create(Leader(), m);
  ASSERT_TRUE(created.ok());
  EXPECT_FALSE(ConsentOnProfile(*db_, clock_, created->id));
  auto r = subs.ApplyProfileChoice(Leader(), created->id, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, SubscriptionService::ProfileOutcome::kProfileSwitchedOn);
  EXPECT_TRUE(r->consent);
  EXPECT_TRUE(ConsentOnProfile(*db_, clock_, created->id));
  EXPECT_EQ(StoredMember(*db_, p->subscriber.id), created->id);
  EXPECT_EQ(subs.Get(p->subscriber.id)->status, SubscriberStatus::kConfirmed);
}

// ---- Unsubscribing by mail (the mailto in List-Unsubscribe) ----

TEST(UnsubscribeRequestTest, FindsTheTokenInTheSubject) {
  const std::string t = "u.12.0." + std::string(64, 'a');
  EXPECT_EQ(UnsubscribeRequestToken("Subject: unsubscribe " + t + "\r\n\r\n"), t);
  EXPECT_EQ(UnsubscribeRequestToken("From: x@y.example\nSubject: Re: Unsubscribe " + t + " please\n\nbody\n"), t);
  EXPECT_EQ(UnsubscribeRequestToken("Subject: hello " + t + "\n\n"), "") << "no request without the word";
  EXPECT_EQ(UnsubscribeRequestToken("Subject: unsubscribe u.12.0." + std::string(63, 'a') + "\n\n"), "");
  EXPECT_EQ(UnsubscribeRequestToken("Subject: unsubscribe u.12.0." + std::string(65, 'a') + "\n\n"), "");
  EXPECT_EQ(UnsubscribeRequestToken("Subject: unsubscribe\n\nu.12.0." + std::string(64, 'a') + "\n"), "")
      << "the token belongs in the subject";
}

TEST_F(NewsletterDbTest, UnsubscribingByMailThroughTheMailtoLink) {
  // The issue Anja got, and the request her mail client sends from its List-Unsubscribe mailto.
  Composer composer(*db_, clock_, testing::TestConfig());
  SubscriptionService subs(*db_, clock_);
  auto issue = composer.LoadIssue("2026-11");
  auto msg = composer.ComposeFor(*issue, *subs.Get(seed_.sub_anja), *subs.UnsubscribeToken(seed_.sub_anja));
  ASSERT_TRUE(msg.ok());
  const std::string header = testing::ParseMail(msg->raw).headers["list-unsubscribe"];
  const std::string prefix = "<mailto:";
  auto at = header.find(prefix);
  ASSERT_NE(at, std::string::npos) << header;
  const std::string mailto = header.substr(at + prefix.size(), header.find('>', at) - at - prefix.size());
  const std::string to = mailto.substr(0, mailto.find('?'));
  std::string subject = mailto.substr(mailto.find("?subject=") + 9);
  for (size_t i = subject.find("%20"); i != std::string::npos; i = subject.find("%20")) subject.replace(i, 3, " ");
  EXPECT_EQ(to, "nieuws@netwerk.example");
  auto dir = std::filesystem::temp_directory_path() / ("verbinder-unsub-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "request.eml") << "From: anja@zorg.example\r\nTo: " << to << "\r\nSubject: " << subject
                                     << "\r\nMessage-ID: <req1@zorg.example>\r\n\r\n\r\n";
  // A forged one and an ordinary mail in the same mailbox.
  std::ofstream(dir / "forged.eml") << "From: x@y.example\nSubject: unsubscribe u." << seed_.sub_emma << ".0."
                                    << std::string(64, 'b') << "\n\nhoi\n";
  std::ofstream(dir / "hello.eml") << "From: x@y.example\nSubject: Vraag over het congres\n\nhoi\n";
  ASSERT_TRUE(ConsentInDb(*db_, seed_.anja));
  auto r = ProcessBounceFiles(*db_, clock_, {dir.string()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->messages, 3);
  EXPECT_EQ(r->unsubscribe_requests, 2);
  EXPECT_EQ(r->unsubscribed, 1);
  EXPECT_EQ(r->bad_requests, 1);
  EXPECT_EQ(subs.Get(seed_.sub_anja)->status, SubscriberStatus::kUnsubscribed);
  EXPECT_EQ(subs.Get(seed_.sub_emma)->status, SubscriberStatus::kConfirmed);
  EXPECT_FALSE(ConsentInDb(*db_, seed_.anja)) << "her profile choice is off";
  // Reading the mailbox again changes nothing.
  auto again = ProcessBounceFiles(*db_, clock_, {dir.string()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unsubscribe_requests, 2);
  EXPECT_EQ(again->unsubscribed, 0);
  std::filesystem::remove_all(dir);
}

// ---- Migration 0012 on a database that has rows from before ----

TEST(Migration0012Test, LinksSubscribersAndLinesUpTheProfileChoice) {
  const std::string url = storage::testing::FreshDatabaseUrl("migration_0012");
  auto opened = storage::Database::Open(url, 2);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  auto& db = **opened;
  ASSERT_TRUE(db.Migrate(11).ok());
  ASSERT_EQ(*db.SchemaVersion(), 11);
  FakeClock clock(kNow);
  ASSERT_TRUE(domain::EnsureDefaultSectors(db).ok());
  domain::MemberService members(db, clock);
  auto add = [&](const std::string& email, bool consent) {
    model::Member m;
    m.name = "Lid " + email.substr(0, email.find('@'));
    m.email = email;
    m.sector = "care";
    m.consent_newsletter = consent;
    auto r = members.Create(domain::Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  };
  // As the old code left them: subscribers without member links, checkboxes that changed nothing.
  const model::Id a = add("a@lid.example", false);  // confirmed before joining: profile said no
  const model::Id b = add("b@lid.example", true);   // ticked the box, no subscription
  const model::Id c = add("c@lid.example", true);   // ticked the box after unsubscribing
  const model::Id d = add("d@lid.example", false);  // subscribed on the form, never confirmed
  const model::Id e = add("e@lid.example", true);   // confirmed and ticked: already in line
  {
    soci::session sql(db.pool());
    sql << "INSERT INTO subscribers (email, status, created_at, confirmed_at) VALUES "
           "('a@lid.example', 'confirmed', 1, 2), ('c@lid.example', 'unsubscribed', 1, 2), "
           "('d@lid.example', 'pending', 1, 0), ('e@lid.example', 'confirmed', 1, 2), "
           "('lezer@elders.example', 'confirmed', 1, 2)";
  }
  auto applied = db.Migrate(12);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(*applied, 1);
  EXPECT_EQ(*db.SchemaVersion(), 12);
  soci::session sql(db.pool());
  auto link = [&](const std::string& email) {
    long long m = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT member_id FROM subscribers WHERE email = :e", soci::use(email), soci::into(m, ind);
    return ind == soci::i_ok ? m : 0;
  };
  EXPECT_EQ(link("a@lid.example"), a);
  EXPECT_EQ(link("c@lid.example"), c);
  EXPECT_EQ(link("d@lid.example"), d);
  EXPECT_EQ(link("e@lid.example"), e);
  EXPECT_EQ(link("lezer@elders.example"), 0);
  EXPECT_TRUE(ConsentInDb(db, a)) << "the profile shows the subscription she has";
  EXPECT_FALSE(ConsentInDb(db, b)) << "no subscription, so the profile no longer claims one";
  EXPECT_FALSE(ConsentInDb(db, c));
  EXPECT_FALSE(ConsentInDb(db, d));
  EXPECT_TRUE(ConsentInDb(db, e));
  // Nobody's mail changed.
  long long confirmed = 0;
  sql << "SELECT count(*) FROM subscribers WHERE status = 'confirmed'", soci::into(confirmed);
  EXPECT_EQ(confirmed, 3);
  // The changed members are in the change log for the profile caches of running servers.
  std::set<long long> logged;
  {
    long long id = 0;
    soci::statement st = (sql.prepare << "SELECT member_id FROM member_changes", soci::into(id));
    st.execute();
    while (st.fetch()) logged.insert(id);
  }
  for (model::Id m : {a, b, c}) EXPECT_TRUE(logged.count(m)) << m;
}

// ---- The demo network's newsletter ----

// `verbinder demo` then `verbinder newsletter compose --month <this month>`:
// personal issues for the members who subscribed on their profile.
TEST(DemoNewsletterTest, ComposeOnTheDemoWritesPersonalIssues) {
  const std::string name = "demo_newsletter";
  auto db = storage::testing::FreshDatabase(name);
  SystemClock clock;  // as `verbinder demo` and `verbinder newsletter compose` run
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  ASSERT_TRUE(domain::LoadNetwork(*db, demo::BuildDemoNetwork(), clock, {}).ok());
  auto stats = SeedDemoNewsletter(*db, clock);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->topics, 4);
  EXPECT_EQ(stats->articles_published, 8);
  EXPECT_EQ(stats->articles_submitted, 1);
  EXPECT_GT(stats->member_subscribers, 150);
  EXPECT_EQ(stats->readers, 6);
  {
    soci::session sql(db->pool());
    long long with_consent = 0, linked = 0, unlinked_members = 0;
    sql << "SELECT count(*) FROM members WHERE consent_newsletter = 1", soci::into(with_consent);
    sql << "SELECT count(*) FROM subscribers s JOIN members m ON m.id = s.member_id AND m.email = s.email "
           "WHERE s.status = 'confirmed'", soci::into(linked);
    sql << "SELECT count(*) FROM subscribers s JOIN members m ON m.email = s.email WHERE s.member_id IS NULL",
        soci::into(unlinked_members);
    EXPECT_EQ(linked, with_consent) << "the profile choice is the subscription";
    EXPECT_EQ(stats->member_subscribers, with_consent);
    EXPECT_EQ(unlinked_members, 0);
  }
  // This month: four approved articles in Dutch and English, by members and the leader; last month four more.
  const std::string month = MonthOf(clock.Now());
  Composer composer(*db, clock, testing::TestConfig());
  auto issue = composer.LoadIssue(month);
  ASSERT_TRUE(issue.ok()) << issue.status().ToString();
  ASSERT_EQ(issue->articles.size(), 4u);
  std::set<std::string> languages, authors;
  for (const auto& a : issue->articles) {
    languages.insert(a.language);
    EXPECT_LE(a.published_at, clock.Now());
    EXPECT_EQ(a.status, ArticleStatus::kPublished);
  }
  EXPECT_EQ(languages, (std::set<std::string>{"nl", "en"}));
  {
    soci::session sql(db->pool());
    long long distinct_authors = 0, by_leader = 0;
    sql << "SELECT count(DISTINCT author_id) FROM articles WHERE status = 'published'", soci::into(distinct_authors);
    sql << "SELECT count(*) FROM articles a JOIN members m ON m.id = a.author_id WHERE m.email = 'leider@verbinder.demo'",
        soci::into(by_leader);
    EXPECT_GE(distinct_authors, 5);
    EXPECT_EQ(by_leader, 2);
  }
  auto range = MonthRange(month);
  auto last = composer.LoadIssue(MonthOf(range->first - 1));
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->articles.size(), 4u);

  // The CLI, as a user runs it on the demo.
  auto out = std::filesystem::temp_directory_path() / ("verbinder-demo-issue-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  ASSERT_EQ(RunNewsletter({"compose", "--db", storage::testing::SameDatabaseUrl(name), "--month", month, "--out",
                           out.string()}),
            0);
  SubscriptionService subs(*db, clock);
  auto recipients = subs.Confirmed();
  ASSERT_TRUE(recipients.ok());
  size_t files = 0;
  for (const auto& f : std::filesystem::directory_iterator(out)) files += f.path().extension() == ".eml";
  EXPECT_GT(files, 0u);
  EXPECT_EQ(files, recipients->size());
  // Anja's issue has her personal part; article links open the web pages.
  auto anja = subs.FindByEmail(std::string(demo::kDemoAnjaEmail));
  ASSERT_TRUE(anja.ok() && anja->has_value());
  EXPECT_GT((*anja)->member_id, 0);
  std::ifstream in(out / ("subscriber-" + std::to_string((*anja)->id) + ".eml"), std::ios::binary);
  std::stringstream raw;
  raw << in.rdbuf();
  auto mail = testing::ParseMail(raw.str());
  EXPECT_NE(mail.text.find("Speciaal voor jou"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("Lean in de wijkzorg"), std::string::npos);
  EXPECT_NE(mail.text.find("/articles/"), std::string::npos);
  EXPECT_EQ(mail.text.find("/api/v1/articles"), std::string::npos);
  // Most member subscribers get a personal part; readers who are no members get none.
  int personal = 0, members_n = 0;
  for (const auto& s : *recipients) {
    auto p = composer.Personal(s);
    ASSERT_TRUE(p.ok());
    if (s.member_id > 0) {
      ++members_n;
      personal += !p->empty();
    } else {
      EXPECT_TRUE(p->empty());
    }
  }
  EXPECT_GT(personal, members_n / 2) << personal << " of " << members_n;
  std::filesystem::remove_all(out);

  // Seeding again adds nothing.
  auto twice = SeedDemoNewsletter(*db, clock);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->articles_published + twice->articles_submitted + twice->member_subscribers + twice->readers, 0);
}

// Loaded on the first day of a month: this month's articles still lie in this
// month and before now.
TEST(DemoNewsletterTest, EarlyInTheMonthTheArticlesStillFallInIt) {
  auto db = storage::testing::FreshDatabase("demo_newsletter_early");
  auto start = MonthRange("2027-02");
  FakeClock clock(start->first + 3600);
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  ASSERT_TRUE(domain::LoadNetwork(*db, demo::BuildDemoNetwork(), clock, {}).ok());
  ASSERT_TRUE(SeedDemoNewsletter(*db, clock).ok());
  Composer composer(*db, clock, testing::TestConfig());
  auto feb = composer.LoadIssue("2027-02");
  ASSERT_TRUE(feb.ok()) << feb.status().ToString();
  EXPECT_EQ(feb->articles.size(), 4u);
  for (const auto& a : feb->articles) EXPECT_LE(a.published_at, clock.Now());
  auto jan = composer.LoadIssue("2027-01");
  ASSERT_TRUE(jan.ok());
  EXPECT_EQ(jan->articles.size(), 4u);
}

// The in-memory personal parts (used to compose every issue) against the
// per-subscriber SQL (the reference), on a generated network: every member a
// subscriber, some organizers and admins (who see more), two upcoming events.
TEST(PersonalIndexTest, SameAsSqlForEverySubscriberOfAGeneratedNetwork) {
  auto db = storage::testing::FreshDatabase("personal_index");
  FakeClock clock(kNow);
  demo::GeneratorOptions opt;
  opt.members = 1200;
  opt.seed = 11;
  opt.now = kNow;
  ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
  auto loaded = domain::LoadNetwork(*db, demo::GenerateNetwork(opt), clock, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  {
    soci::session sql(db->pool());
    // Roles: every 7th member an organizer, every 50th an admin; every member subscribes.
    sql << "INSERT INTO accounts (member_id, role, password_hash, created_at) SELECT id, CASE WHEN id % 50 = 0 THEN "
           "'admin' ELSE 'organizer' END, 'x', 0 FROM members WHERE id % 7 = 0 OR id % 50 = 0";
    sql << "INSERT INTO subscribers (email, member_id, language, status, created_at, confirmed_at) SELECT email, id, "
           "CASE WHEN id % 3 = 0 THEN 'en' ELSE 'nl' END, 'confirmed', 0, 0 FROM members";
  }
  Composer composer(*db, clock, testing::TestConfig());
  auto subs = SubscriptionService(*db, clock).Confirmed();
  ASSERT_TRUE(subs.ok());
  ASSERT_EQ(subs->size(), 1200u);
  int people = 0, questions = 0, hosts = 0;
  for (const auto& s : *subs) {
    auto a = composer.Personal(s);
    auto b = composer.PersonalBySql(s);
    ASSERT_TRUE(a.ok() && b.ok());
    SCOPED_TRACE("member " + std::to_string(s.member_id));
    EXPECT_EQ(a->event_id, b->event_id);
    ASSERT_EQ(a->people.size(), b->people.size());
    for (size_t i = 0; i < a->people.size(); ++i) {
      EXPECT_EQ(a->people[i].member_id, b->people[i].member_id);
      EXPECT_EQ(a->people[i].reason, b->people[i].reason);
      EXPECT_EQ(a->people[i].organization, b->people[i].organization);
    }
    ASSERT_EQ(a->questions.size(), b->questions.size());
    for (size_t i = 0; i < a->questions.size(); ++i) EXPECT_EQ(a->questions[i].challenge_id, b->questions[i].challenge_id);
    ASSERT_EQ(a->hosts.size(), b->hosts.size());
    for (size_t i = 0; i < a->hosts.size(); ++i) EXPECT_EQ(a->hosts[i].member_id, b->hosts[i].member_id);
    people += !a->people.empty();
    questions += !a->questions.empty();
    hosts += !a->hosts.empty();
  }
  // The network exercises all three parts.
  EXPECT_GT(people, 50);
  EXPECT_GT(questions, 200);
  EXPECT_GT(hosts, 200);
  std::cout << "personal parts: people " << people << ", questions " << questions << ", hosts " << hosts << "\n";
}

}  // namespace
}  // namespace verbinder::newsletter
