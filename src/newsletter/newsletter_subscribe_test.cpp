// Subscriptions against a real database: double opt-in and one-click
// unsubscribe, the profile's newsletter choice as the subscription (issue
// #16), hard bounces, confirmation mails in the subscriber's language,
// unsubscribing by mail, and migration 0012.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "cli/commands.h"  // `verbinder newsletter`, run in process
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
  const std::string url =
      storage::testing::SameDatabaseUrl(::testing::UnitTest::GetInstance()->current_test_info()->name());
  ASSERT_EQ(cli::RunNewsletter({"subscribe", "--db", url, "--email", "olga@fabriek.example", "--confirmed"}), 0);
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
  auto it =
      std::find_if(confirmed->begin(), confirmed->end(), [&](const Subscriber& s) { return s.id == p->subscriber.id; });
  ASSERT_NE(it, confirmed->end());
  EXPECT_EQ(it->member_id, nina->id);
  EXPECT_EQ(StoredMember(*db_, p->subscriber.id), 0);
  Composer composer(*db_, clock_, testing::TestConfig());
  auto personal = composer.Personal(*it);
  ASSERT_TRUE(personal.ok());
  EXPECT_FALSE(personal->hosts.empty()) << "Pieter hosts visits in her region, Twente";
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
  ASSERT_TRUE(
      accounts.CreateAccount(domain::Viewer::System(), seed_.pieter, "een lang wachtwoord", model::Role::kMember).ok());
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
    sql << "INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at) SELECT :i, id, 'pending', "
           ":u "
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
  EXPECT_FALSE(
      std::any_of(recipients->begin(), recipients->end(), [&](const Subscriber& s) { return s.id == r2->id; }));
  auto confirmed = subs.Confirm(ConfirmTokenIn(mails[0].text));
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  EXPECT_EQ(confirmed->status, SubscriberStatus::kConfirmed);
  EXPECT_TRUE(ConsentInDb(*db_, seed_.optout_olga));

  // 5. Anja changes her address while subscribed: the subscription moves and the new address must confirm.
  ASSERT_TRUE(
      accounts.CreateAccount(domain::Viewer::System(), seed_.anja, "een lang wachtwoord", model::Role::kMember).ok());
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

}  // namespace
}  // namespace verbinder::newsletter
