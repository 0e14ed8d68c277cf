// The monthly issue composed per subscriber against a real database: the
// personal part through the subscriber's own Viewer, the headers mail clients
// need, a month without content, articles ordered by topics, the demo's
// issues, and the in-memory index against the SQL reference.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "cli/commands.h"  // `verbinder newsletter`, run in process
#include "demo/generator.h"
#include "domain/bulk_load.h"
#include "events/meetings.h"
#include "demo/demo.h"
#include "newsletter/bounces.h"
#include "newsletter/demo_newsletter.h"
#include "markdown/markdown.h"
#include "newsletter/topics.h"
#include "notify/outbox.h"
#include "newsletter/sender.h"
#include "questions/demo_questions.h"
#include "questions/questions.h"
#include "newsletter/newsletter_db_test.h"
#include "newsletter/test_support.h"
#include "newsletter/tokens.h"
#include "storage/testing.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using testing::kNow;

// The network's questions Anja's home page lists as waiting for her answer:
// routed to her by the engine when asked, open, not answered by her.
std::vector<model::Id> WaitingFor(storage::Database& db, const Clock& clock, domain::Viewer viewer) {
  questions::QuestionFilter f;
  f.routed_to_me = f.unanswered_by_me = true;
  f.status = "open";
  f.limit = kMaxSuggestions;
  std::vector<model::Id> ids;
  auto page = questions::QuestionService(db, clock).List(viewer, f);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  if (page.ok())
    for (const auto& q : page->items) ids.push_back(q.id);
  return ids;
}

TEST_F(NewsletterDbTest, PersonalPartShowsOnlyWhatTheSubscriberMaySee) {
  // Questions to the network, routed by the engine when asked: Pieter asks
  // two (Anja answers the second), Emma one. Hidden Hans's question was routed
  // to Anja before he hid his profile (a route written as Ask would have).
  questions::QuestionService qs(*db_, clock_);
  std::vector<model::Id> asked;
  std::map<model::Id, std::string> reason_for_anja;
  auto ask = [&](model::Id who, const char* title, const char* text) {
    auto d = qs.Ask(AsMember(who), {title, text, {"planning"}, std::nullopt});
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    for (const auto& r : d->routes)
      if (r.member_id == seed_.anja) reason_for_anja[d->question.id] = r.reason_nl;
    ASSERT_TRUE(reason_for_anja.count(d->question.id)) << title << " must reach Anja (planning, roosters)";
    asked.push_back(d->question.id);
  };
  ask(seed_.pieter, "Wie helpt ons met de planning van onderhoud?", "Onze onderhoudsrondes lopen steeds uit.");
  ask(seed_.pieter, "Roosters voor de ploegendienst kloppen nooit", "Planning van ploegen en roosters.");
  ask(seed_.emma, "Roosters voor stagiairs plannen", "Hoe plannen we de roosters van onze stagiairs?");
  ASSERT_TRUE(qs.AddAnswer(AsMember(seed_.anja), asked[1], "Wij roosteren met vaste teams.").ok());
  {
    soci::session sql(db_->pool());
    long long hans = seed_.hidden_hans, anja = seed_.anja, now = kNow, qid = 0;
    sql << "INSERT INTO questions (asker_id, title, text, sector, created_at, updated_at) VALUES (:h, 'Geheime "
           "planningsvraag', '', 'industry', :c, :u) RETURNING id",
        soci::use(hans), soci::use(now), soci::use(now), soci::into(qid);
    sql << "INSERT INTO question_routes (question_id, member_id, position, reason_nl) VALUES (:q, :a, 1, 'x')",
        soci::use(qid), soci::use(anja);
  }
  const std::vector<model::Id> waiting = WaitingFor(*db_, clock_, AsMember(seed_.anja));
  ASSERT_EQ(waiting, (std::vector<model::Id>{asked[2], asked[0]})) << "newest first; answered and hidden left out";

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
  std::set<model::Id> hosts;
  for (const auto& x : p->hosts) hosts.insert(x.member_id);
  EXPECT_EQ(hosts, (std::set<model::Id>{seed_.pieter}));
  // The questions are her home page's, in its order, each with why it reached her.
  ASSERT_EQ(p->questions.size(), waiting.size());
  for (size_t i = 0; i < waiting.size(); ++i) {
    EXPECT_EQ(p->questions[i].question_id, waiting[i]);
    EXPECT_EQ(p->questions[i].reason, reason_for_anja[waiting[i]]);
    EXPECT_FALSE(p->questions[i].reason.empty());
  }
  EXPECT_EQ(p->questions[0].asker_name, "Emma Teacher");
  EXPECT_EQ(p->questions[1].asker_id, seed_.pieter);
  // Whom to meet is the event page's list, in the same order with the same
  // explanation (in Anja's language): Pieter, whose maintenance planning
  // challenge meets her planning expertise. Never Hidden Hans (hidden
  // profile) or Olga (no consent to matchmaking).
  EXPECT_EQ(p->event_id, seed_.event);
  auto page =
      events::MeetingService(*db_, clock_).Suggestions(AsMember(seed_.anja), seed_.event, kMaxSuggestions, "nl");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_FALSE(page->empty());
  ASSERT_EQ(p->people.size(), page->size());
  for (size_t i = 0; i < page->size(); ++i) {
    EXPECT_EQ(p->people[i].member_id, (*page)[i].member_id);
    EXPECT_EQ(p->people[i].reason, (*page)[i].explanation);
    EXPECT_FALSE(p->people[i].reason.empty());
  }
  EXPECT_EQ(p->people[0].member_id, seed_.pieter);
  for (const auto& x : p->people) {
    EXPECT_NE(x.member_id, seed_.hidden_hans);
    EXPECT_NE(x.member_id, seed_.optout_olga);
  }

  auto msg = composer.ComposeFor(*issue, *anja, *subs.UnsubscribeToken(anja->id));
  ASSERT_TRUE(msg.ok()) << msg.status().ToString();
  auto mail = testing::ParseMail(msg->raw);
  EXPECT_TRUE(mail.crlf_only);
  for (const std::string* part : {&mail.text, &mail.html}) {
    EXPECT_NE(part->find("Pieter Lammerink"), std::string::npos);
    EXPECT_NE(part->find("Wie helpt ons met de planning van onderhoud?"), std::string::npos);
    EXPECT_NE(part->find("Roosters voor stagiairs plannen"), std::string::npos);
    EXPECT_EQ(part->find("Roosters voor de ploegendienst"), std::string::npos) << "she answered it";
    EXPECT_NE(part->find("Lean in de wijkzorg"), std::string::npos);
    EXPECT_NE(part->find("Inspiratiesessie Slim Plannen"), std::string::npos);
    // Hidden from Anja: the hidden profile, its challenge, and the member without matchmaking consent.
    EXPECT_EQ(part->find("Verborgen Hans"), std::string::npos);
    EXPECT_EQ(part->find("Geheime planning"), std::string::npos);  // his challenge and his question
    EXPECT_EQ(part->find("Olga"), std::string::npos);
    EXPECT_EQ(part->find("Oktober-artikel"), std::string::npos);
    EXPECT_EQ(part->find("@fabriek.example"), std::string::npos) << "no addresses of others";
  }
  EXPECT_NE(mail.text.find("Speciaal voor jou"), std::string::npos);
  // The explanation as the event page words it, and the way to that page.
  EXPECT_NE(mail.text.find(p->people[0].reason), std::string::npos) << mail.text;
  const std::string event_page = "https://netwerk.example/events/" + std::to_string(seed_.event);
  EXPECT_NE(mail.text.find("Vraag een gesprek aan op de pagina van het evenement: " + event_page), std::string::npos)
      << mail.text;
  EXPECT_NE(mail.html.find("href=\"" + event_page + "\""), std::string::npos);
  // Each question links to its page, where she answers it, with the reason it reached her.
  EXPECT_NE(mail.text.find("Vragen die jij kunt beantwoorden"), std::string::npos) << mail.text;
  for (const auto& q : p->questions) {
    const std::string url = "https://netwerk.example/questions/" + std::to_string(q.question_id);
    EXPECT_NE(mail.text.find("Je kreeg deze vraag omdat: " + q.reason), std::string::npos) << mail.text;
    EXPECT_NE(mail.text.find("  " + url), std::string::npos) << mail.text;
    EXPECT_NE(mail.html.find("href=\"" + url + "\""), std::string::npos);
  }
  EXPECT_TRUE(markdown::LooksSafeHtml(mail.html));

  // Emma reads English; the anonymous reader gets no personal part at all.
  auto emma = composer.ComposeFor(*issue, *subs.Get(seed_.sub_emma), "t");
  ASSERT_TRUE(emma.ok());
  auto emma_mail = testing::ParseMail(emma->raw);
  EXPECT_NE(emma_mail.text.find("Just for you"), std::string::npos);
  // Emma reads her people in English, as her event page in English says them.
  auto emma_page =
      events::MeetingService(*db_, clock_).Suggestions(AsMember(seed_.emma), seed_.event, kMaxSuggestions, "en");
  ASSERT_TRUE(emma_page.ok());
  ASSERT_FALSE(emma_page->empty());
  ASSERT_EQ(emma->personal.people.size(), emma_page->size());
  for (size_t i = 0; i < emma_page->size(); ++i) {
    EXPECT_EQ(emma->personal.people[i].member_id, (*emma_page)[i].member_id);
    EXPECT_EQ(emma->personal.people[i].reason, (*emma_page)[i].explanation);
    EXPECT_NE(emma_mail.text.find((*emma_page)[i].explanation), std::string::npos);
  }
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
                                               ">, <mailto:nieuws@netwerk.example?subject=unsubscribe%20" + token +
                                               ">");
  EXPECT_EQ(m.headers["list-unsubscribe-post"], "List-Unsubscribe=One-Click");
  EXPECT_EQ(m.headers["list-id"], "<newsletter.netwerk.example>");
  EXPECT_NE(m.headers["content-type"].find("multipart/alternative"), std::string::npos);
  EXPECT_NE(m.text.find("https://netwerk.example/newsletter/unsubscribe/" + token), std::string::npos)
      << "the web page";
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
  EXPECT_EQ(UnsubscribeMailto("nieuws@netwerk.example", "u.3.0.ab"),
            "mailto:nieuws@netwerk.example?subject=unsubscribe%20u.3.0.ab");
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
  EXPECT_EQ(TopicsOf(probe, {}), (std::vector<std::string>{"lean", "wijkzorg", "onbekend"}))
      << "no catalogue: tags are topics";

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
  // The demo's questions to the network, as `verbinder demo` asks them (routed by the engine).
  auto asked = questions::SeedDemoQuestions(*db, clock);
  ASSERT_TRUE(asked.ok()) << asked.status().ToString();
  EXPECT_EQ(*asked, 3);
  {
    soci::session sql(db->pool());
    long long with_consent = 0, linked = 0, unlinked_members = 0;
    sql << "SELECT count(*) FROM members WHERE consent_newsletter = 1", soci::into(with_consent);
    sql << "SELECT count(*) FROM subscribers s JOIN members m ON m.id = s.member_id AND m.email = s.email "
           "WHERE s.status = 'confirmed'",
        soci::into(linked);
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
    sql << "SELECT count(*) FROM articles a JOIN members m ON m.id = a.author_id WHERE m.email = "
           "'leider@verbinder.demo'",
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
  ASSERT_EQ(cli::RunNewsletter(
                {"compose", "--db", storage::testing::SameDatabaseUrl(name), "--month", month, "--out", out.string()}),
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
  // A municipality's question about which residents' reports to handle first
  // was routed to her (triage), with the reason and the way to answer it.
  EXPECT_NE(mail.text.find("Vragen die jij kunt beantwoorden"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("Welke meldingen van bewoners pakken we als eerste op?"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("Expertise die past bij de vraag: triage"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("/questions/"), std::string::npos);
  // Pieter's part has Anja's question about her waiting list (his lean expertise).
  auto pieter = subs.FindByEmail(std::string(demo::kDemoPieterEmail));
  ASSERT_TRUE(pieter.ok() && pieter->has_value());
  auto pieter_part = composer.Personal(**pieter);
  ASSERT_TRUE(pieter_part.ok());
  ASSERT_FALSE(pieter_part->questions.empty());
  EXPECT_EQ(pieter_part->questions[0].asker_id, (*anja)->member_id);
  EXPECT_NE(pieter_part->questions[0].title.find("wachtlijst"), std::string::npos);
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
  EXPECT_EQ(*questions::SeedDemoQuestions(*db, clock), 0);
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
// subscriber, some organizers and admins (who see more), two upcoming events,
// questions to the network routed by the engine, some answered, solved or
// asked by a member who later hid their profile.
// The reference takes whom to meet from the event page's own call
// (MeetingService::Suggestions for that member), so equal people here means
// the e-mail says what the page says.
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
  {
    // Questions to the network: 60 members ask their profile challenge, routed
    // by the engine; on every third the first routed member answers, every
    // fifth is solved, and every seventh asker then shows their profile to
    // organizers only (their questions leave members' lists, not organizers').
    questions::QuestionService qs(*db, clock);
    std::vector<std::pair<long long, std::string>> challenges;
    {
      soci::session sql(db->pool());
      long long member = 0;
      std::string title;
      soci::statement st = (sql.prepare << "SELECT member_id, title FROM challenges WHERE status = 'open' ORDER BY id",
                            soci::into(member), soci::into(title));
      st.execute();
      std::set<long long> seen;
      while (st.fetch() && challenges.size() < 60)
        if (seen.insert(member).second) challenges.push_back({member, title});
    }
    ASSERT_EQ(challenges.size(), 60u);
    std::vector<long long> hide;
    auto as = [&](long long id) {  // the member with the role of their account (organizers see more)
      soci::session sql(db->pool());
      std::string role = "member";
      sql << "SELECT role FROM accounts WHERE member_id = :id", soci::use(id), soci::into(role);
      return domain::Viewer{id, model::ParseRole(role).value_or(model::Role::kMember)};
    };
    for (size_t i = 0; i < challenges.size(); ++i) {
      const domain::Viewer asker = as(challenges[i].first);
      auto d = qs.Ask(asker, {challenges[i].second, "", {}, std::nullopt});
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      if (d->routes.empty()) continue;
      if (i % 3 == 0 || i % 5 == 0) {
        auto a = qs.AddAnswer(as(d->routes[0].member_id), d->question.id, "Kom eens kijken.");
        ASSERT_TRUE(a.ok()) << a.status().ToString();
        if (i % 5 == 0) {
          ASSERT_TRUE(qs.MarkHelpful(asker, d->question.id, a->id).ok());
        }
      }
      if (i % 7 == 0) hide.push_back(challenges[i].first);
    }
    soci::session sql(db->pool());
    for (long long id : hide) sql << "UPDATE members SET visibility = 'organizers' WHERE id = :id", soci::use(id);
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
    for (size_t i = 0; i < a->questions.size(); ++i) {
      EXPECT_EQ(a->questions[i].question_id, b->questions[i].question_id);
      EXPECT_EQ(a->questions[i].reason, b->questions[i].reason);
      EXPECT_EQ(a->questions[i].asker_name, b->questions[i].asker_name);
    }
    ASSERT_EQ(a->hosts.size(), b->hosts.size());
    for (size_t i = 0; i < a->hosts.size(); ++i) EXPECT_EQ(a->hosts[i].member_id, b->hosts[i].member_id);
    people += !a->people.empty();
    questions += !a->questions.empty();
    hosts += !a->hosts.empty();
  }
  // The network exercises all three parts.
  EXPECT_GT(people, 50);
  EXPECT_GT(questions, 100);
  EXPECT_GT(hosts, 200);
  std::cout << "personal parts: people " << people << ", questions " << questions << ", hosts " << hosts << "\n";
}

}  // namespace
}  // namespace verbinder::newsletter
