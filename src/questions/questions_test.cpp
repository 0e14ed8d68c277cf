// Questions on a real database (SQLite file or PostgreSQL): asking routes to
// the best-placed members (consent and visibility respected, cross-sector
// preferred), notifications and mails are queued, answers, the helpful answer
// into the ledger, listing and search, and every bad input refused with
// nothing changed.
#include <gtest/gtest.h>

#include <thread>

#include <soci/soci.h>

#include "domain/accounts.h"
#include "domain/members.h"
#include "domain/network.h"
#include "notify/notifications.h"
#include "notify/outbox.h"
#include "questions/questions.h"
#include "storage/testing.h"

namespace verbinder::questions {
namespace {

using domain::Viewer;
constexpr int64_t kNow = 1794740400;

class QuestionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
    {
      soci::session sql(db_->pool());
      sql << "INSERT INTO sectors (key, label_nl, label_en, position) VALUES ('zorg', 'Zorg', 'Care', 1)";
      sql << "INSERT INTO sectors (key, label_nl, label_en, position) VALUES ('industrie', 'Industrie', 'Industry', 2)";
      sql << "INSERT INTO sectors (key, label_nl, label_en, position) VALUES ('onderwijs', 'Onderwijs', 'Education', "
             "3)";
    }
    anja_ = Add("Anja de Vries", "anja@zorg.example", "zorg", model::Visibility::kMembers, {}, "");
    // Same expertise, different sectors: Pieter (industry) must outrank Zoë (care).
    zoe_ = Add("Zoë Zorg", "zoe@zorg.example", "zorg", model::Visibility::kMembers, {"roosters"},
               "Roosters en dienstplanning voor ploegendiensten.");
    pieter_ = Add("Pieter Jansen", "pieter@industrie.example", "industrie", model::Visibility::kMembers, {"roosters"},
                  "Roosters en dienstplanning voor ploegendiensten.");
    olga_ = Add("Olga Optout", "olga@industrie.example", "industrie", model::Visibility::kMembers, {"roosters"},
                "Roosters en dienstplanning voor ploegendiensten.", /*consent=*/false);
    hans_ = Add("Hans Hidden", "hans@industrie.example", "industrie", model::Visibility::kHidden, {"roosters"},
                "Roosters en dienstplanning voor ploegendiensten.");
    emma_ = Add("Emma Onderwijs", "emma@onderwijs.example", "onderwijs", model::Visibility::kMembers, {"stages"},
                "Begeleiding van stagiairs.");
  }
  int64_t Add(const std::string& name, const std::string& email, const std::string& sector, model::Visibility vis,
              std::vector<std::string> tags, const std::string& text, bool consent = true) {
    domain::MemberService members(*db_, clock_);
    model::Member m;
    m.name = name;
    m.email = email;
    m.sector = sector;
    m.visibility = vis;
    m.expertise_tags = std::move(tags);
    m.expertise_text = text;
    m.consent_matchmaking = consent;
    m.languages = {"nl"};
    auto r = members.Create(Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }
  Viewer V(int64_t id, model::Role role = model::Role::kMember) { return {id, role}; }
  int64_t Count(const std::string& q) {
    soci::session sql(db_->pool());
    long long n = 0;
    sql << q, soci::into(n);
    return n;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<storage::Database> db_;
  int64_t anja_ = 0, zoe_ = 0, pieter_ = 0, olga_ = 0, hans_ = 0, emma_ = 0;
};

TEST_F(QuestionsTest, AskRoutesToBestPlacedCrossSectorFirstSkippingOptOutAndHidden) {
  QuestionService qs(*db_, clock_);
  auto d = qs.Ask(V(anja_), {"Hoe maken we roosters met minder mensen?",
                             "Onze ploegendiensten lopen vast.",
                             {"Roosters", "roosters"},
                             std::nullopt});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->question.sector, "zorg");  // the asker's own
  EXPECT_EQ(d->question.tags, std::vector<std::string>{"roosters"});
  EXPECT_EQ(d->question.status, "open");
  ASSERT_EQ(d->routes.size(), 2u);
  EXPECT_EQ(d->routes[0].member_id, pieter_);
  EXPECT_EQ(d->routes[0].position, 1);
  EXPECT_EQ(d->routes[1].member_id, zoe_);
  EXPECT_GT(d->routes[0].score, d->routes[1].score);
  EXPECT_NE(d->routes[0].reason_nl.find("Industrie"), std::string::npos) << d->routes[0].reason_nl;
  EXPECT_NE(d->routes[0].reason_en.find("another sector"), std::string::npos);
  // Notifications for the routed, with mail queued (default on); none for Olga, Hans, Emma.
  notify::NotificationService ns(*db_, clock_);
  EXPECT_EQ(*ns.UnreadCount(V(pieter_)), 1);
  EXPECT_EQ(*ns.UnreadCount(V(zoe_)), 1);
  EXPECT_EQ(*ns.UnreadCount(V(olga_)), 0);
  EXPECT_EQ(*ns.UnreadCount(V(hans_)), 0);
  EXPECT_EQ(*ns.UnreadCount(V(emma_)), 0);
  auto list = ns.List(V(pieter_), false, 10, 0);
  EXPECT_EQ(list->items[0].kind, "question_routed");
  EXPECT_EQ(list->items[0].ref, "question:" + std::to_string(d->question.id));
  soci::session sql(db_->pool());
  auto mails = notify::ListOutbox(sql, "pending", 10);
  ASSERT_EQ(mails.size(), 2u);
  std::set<std::string> to;
  for (auto& m : mails) to.insert(m.to_email);
  EXPECT_EQ(to, (std::set<std::string>{"pieter@industrie.example", "zoe@zorg.example"}));

  // A routed member sees only their own route; others see none; Pieter's list "routed to me" has it.
  auto as_pieter = qs.Get(V(pieter_), d->question.id);
  ASSERT_TRUE(as_pieter.ok());
  EXPECT_TRUE(as_pieter->question.routed_to_me);
  ASSERT_EQ(as_pieter->routes.size(), 1u);
  EXPECT_EQ(as_pieter->routes[0].member_id, pieter_);
  auto as_emma = qs.Get(V(emma_), d->question.id);
  ASSERT_TRUE(as_emma.ok());
  EXPECT_TRUE(as_emma->routes.empty());
  QuestionFilter f;
  f.routed_to_me = true;
  EXPECT_EQ(qs.List(V(pieter_), f)->total, 1);
  EXPECT_EQ(qs.List(V(emma_), f)->total, 0);
}

// "Questions you could answer" (the home page, the newsletter): routed to me,
// open, and not answered by me yet; newest first.
TEST_F(QuestionsTest, QuestionsWaitingForMeLeaveOutWhatIAnsweredAndWhatIsSolved) {
  QuestionService qs(*db_, clock_);
  std::vector<int64_t> ids;
  for (const char* title : {"Hoe maken we roosters met minder mensen?", "Wie plant ploegendiensten voor ons?",
                            "Roosters voor de nachtdienst lopen vast"}) {
    auto d = qs.Ask(V(anja_), {title, "Onze ploegendiensten lopen vast.", {"roosters"}, std::nullopt});
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    ASSERT_FALSE(d->routes.empty());
    EXPECT_EQ(d->routes[0].member_id, pieter_);
    ids.push_back(d->question.id);
  }
  QuestionFilter waiting;
  waiting.routed_to_me = true;
  waiting.unanswered_by_me = true;
  waiting.status = "open";
  auto ids_of = [&](int64_t member) {
    std::vector<int64_t> out;
    auto page = qs.List(V(member), waiting);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) return out;
    for (const auto& q : page->items) out.push_back(q.id);
    return out;
  };
  EXPECT_EQ(ids_of(pieter_), (std::vector<int64_t>{ids[2], ids[1], ids[0]}));
  // Pieter answers the second; Zoë answers the first and Anja marks it helpful (solved).
  ASSERT_TRUE(qs.AddAnswer(V(pieter_), ids[1], "Wij werken met vaste ploegen.").ok());
  auto z = qs.AddAnswer(V(zoe_), ids[0], "Probeer zelfroosteren.");
  ASSERT_TRUE(z.ok());
  ASSERT_TRUE(qs.MarkHelpful(V(anja_), ids[0], z->id).ok());
  EXPECT_EQ(ids_of(pieter_), (std::vector<int64_t>{ids[2]}));
  EXPECT_EQ(ids_of(zoe_), (std::vector<int64_t>{ids[2], ids[1]}));  // Pieter's answer does not count for her
  EXPECT_TRUE(ids_of(emma_).empty());                               // never routed to her
  // Without routed_to_me the filter leaves out only what the viewer answered.
  QuestionFilter unanswered;
  unanswered.unanswered_by_me = true;
  EXPECT_EQ(qs.List(V(pieter_), unanswered)->total, 2);
  EXPECT_EQ(qs.List(V(emma_), unanswered)->total, 3);
}

TEST_F(QuestionsTest, AHiddenAskersQuestionReachesOnlyThoseWhoMaySeeThem) {
  QuestionService qs(*db_, clock_);
  auto d = qs.Ask(V(hans_), {"Wie weet iets van roosters?", "", {"roosters"}, std::nullopt});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->routes.empty());  // nobody (no admins) may see Hans
  auto g = qs.Get(V(pieter_), d->question.id);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Code::kNotFound);
  EXPECT_EQ(qs.List(V(pieter_), {})->total, 0);
  EXPECT_EQ(qs.List(V(hans_), {})->total, 1);
}

TEST_F(QuestionsTest, AnswerMarkHelpfulWritesLedgerAndSolves) {
  QuestionService qs(*db_, clock_);
  auto d = qs.Ask(V(anja_), {"Hoe maken we roosters met minder mensen?", "", {}, std::nullopt});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  int64_t qid = d->question.id;
  auto a1 = qs.AddAnswer(V(pieter_), qid, "  Wij plannen met vaste ploegen.  ");
  ASSERT_TRUE(a1.ok()) << a1.status().ToString();
  EXPECT_EQ(a1->text, "Wij plannen met vaste ploegen.");
  EXPECT_EQ(a1->author_id, pieter_);
  auto a2 = qs.AddAnswer(V(emma_), qid, "Vraag het de stagiairs.");
  ASSERT_TRUE(a2.ok());
  notify::NotificationService ns(*db_, clock_);
  EXPECT_EQ(*ns.UnreadCount(V(anja_)), 2);  // two answers

  // Only the asker marks; only an answer of this question.
  auto not_asker = qs.MarkHelpful(V(pieter_), qid, a1->id);
  ASSERT_FALSE(not_asker.ok());
  EXPECT_EQ(not_asker.status().code(), Code::kPermissionDenied);
  auto other_q = qs.Ask(V(emma_), {"Wie heeft roosters?", "", {}, std::nullopt});
  ASSERT_TRUE(other_q.ok());
  auto foreign = qs.AddAnswer(V(anja_), other_q->question.id, "Wij niet.");
  ASSERT_TRUE(foreign.ok());
  auto wrong = qs.MarkHelpful(V(anja_), qid, foreign->id);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(wrong.status().field(), "answer_id");
  auto missing = qs.MarkHelpful(V(anja_), qid, 99999);
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions"), 0);

  auto done = qs.MarkHelpful(V(anja_), qid, a1->id);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->question.status, "solved");
  EXPECT_EQ(done->question.helpful_answer_id, a1->id);
  ASSERT_EQ(done->answers.size(), 2u);
  EXPECT_TRUE(done->answers[0].helpful);
  EXPECT_FALSE(done->answers[1].helpful);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions WHERE kind = 'answered'"), 1);
  {
    soci::session sql(db_->pool());
    long long a = 0, b = 0;
    std::string source;
    sql << "SELECT a, b, source FROM interactions", soci::into(a), soci::into(b), soci::into(source);
    EXPECT_EQ(a, std::min(anja_, pieter_));
    EXPECT_EQ(b, std::max(anja_, pieter_));
    EXPECT_EQ(source, "question:" + std::to_string(qid));
  }
  // Again the same: idempotent, no second ledger entry. Another: conflict.
  EXPECT_TRUE(qs.MarkHelpful(V(anja_), qid, a1->id).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM interactions"), 1);
  auto second = qs.MarkHelpful(V(anja_), qid, a2->id);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Code::kConflict);
  EXPECT_EQ(*ns.UnreadCount(V(pieter_)), 3);  // routed twice (Anja, Emma) + helpful

  QuestionFilter f;
  f.status = "solved";
  EXPECT_EQ(qs.List(V(emma_), f)->total, 1);
  f.status = "open";
  EXPECT_EQ(qs.List(V(emma_), f)->total, 1);
}

// "Ask the network" beside a challenge on the home page: the question carries
// the challenge, only the asker's own challenge may be named, and while a
// question about it is open, asking again (a second tab, a double tap, many at
// once) is refused with the open question's id — never two open questions.
TEST_F(QuestionsTest, AQuestionAboutMyChallengeIsAskedOnceWhileOpen) {
  domain::MemberService members(*db_, clock_);
  model::Challenge c;
  c.title = "Roosters lopen vast";
  c.text = "Onze ploegendiensten lopen vast.";
  auto mine = members.AddChallenge(V(anja_), anja_, c);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  auto theirs = members.AddChallenge(V(emma_), emma_, c);
  ASSERT_TRUE(theirs.ok()) << theirs.status().ToString();
  QuestionService qs(*db_, clock_);
  auto ask = [&](int64_t challenge) {
    QuestionInput in{"Hoe maken we roosters met minder mensen?", "Onze ploegendiensten lopen vast.", {}, std::nullopt};
    in.challenge_id = challenge;
    return qs.Ask(V(anja_), in);
  };
  // Someone else's challenge, and one that does not exist: the same answer, nothing written.
  for (int64_t bad : {theirs->id, int64_t{987654}, int64_t{-3}}) {
    auto r = ask(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
    EXPECT_EQ(r.status().field(), "challenge_id");
  }
  EXPECT_EQ(Count("SELECT count(*) FROM questions"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM event_notifications"), 0);

  // Six at once: one is asked, five are told which.
  std::vector<Result<QuestionDetail>> results(6, Status(Code::kInternal, "not run"));
  {
    std::vector<std::thread> threads;
    threads.reserve(results.size());
    for (auto& result : results) threads.emplace_back([&] { result = ask(mine->id); });
    for (auto& t : threads) t.join();
  }
  int64_t asked = 0;
  int refused = 0;
  for (const auto& r : results) {
    if (r.ok()) {
      EXPECT_EQ(asked, 0) << "asked twice";
      asked = r->question.id;
      EXPECT_EQ(r->question.challenge_id, mine->id);
      continue;
    }
    ++refused;
    EXPECT_EQ(r.status().code(), Code::kConflict) << r.status().ToString();
  }
  ASSERT_NE(asked, 0);
  EXPECT_EQ(refused, 5);
  for (const auto& r : results) {
    if (r.ok()) continue;
    EXPECT_EQ(r.status().field(), "challenge_id");
    EXPECT_EQ(r.status().reason(), "question.challenge_asked");
    ASSERT_EQ(r.status().params().size(), 1u);
    EXPECT_EQ(r.status().params()[0], (std::pair<std::string, std::string>{"question_id", std::to_string(asked)}));
  }
  EXPECT_EQ(Count("SELECT count(*) FROM questions"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM question_routes"), Count("SELECT count(*) FROM event_notifications"));
  // Listed with its challenge; a question without one has none.
  auto other = qs.Ask(V(anja_), {"Wie kent een goede stageplek?", "", {}, std::nullopt});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->question.challenge_id, 0);
  QuestionFilter f;
  f.mine = true;
  auto list = qs.List(V(anja_), f);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 2u);
  EXPECT_EQ(list->items[1].challenge_id, mine->id);
  EXPECT_EQ(list->items[0].challenge_id, 0);

  // Solved through an answer: the challenge may be put to the network again.
  auto a = qs.AddAnswer(V(pieter_), asked, "Wij plannen met vaste ploegen.");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(qs.MarkHelpful(V(anja_), asked, a->id).ok());
  auto again = ask(mine->id);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->question.challenge_id, mine->id);
  auto third = ask(mine->id);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.status().params()[0].second, std::to_string(again->question.id));
}

TEST_F(QuestionsTest, BadInputIsRefusedPreciselyAndChangesNothing) {
  QuestionService qs(*db_, clock_);
  struct Case {
    QuestionInput in;
    std::string field;
  };
  std::vector<Case> cases = {
      {{"", "", {}, std::nullopt}, "title"},
      {{"ab", "", {}, std::nullopt}, "title"},
      {{std::string(201, 'x'), "", {}, std::nullopt}, "title"},
      {{"Een vraag\nmet regel", "", {}, std::nullopt}, "title"},
      {{"Een goede vraag", std::string(4001, 'x'), {}, std::nullopt}, "text"},
      {{"Een goede vraag", "", std::vector<std::string>(11, "tag"), std::nullopt}, "tags"},
      {{"Een goede vraag", "", {"ok", ""}, std::nullopt}, "tags[1]"},
      {{"Een goede vraag", "", {"a,b"}, std::nullopt}, "tags[0]"},
      {{"Een goede vraag", "", {}, std::string("ruimtevaart")}, "sector"},
  };
  for (auto& c : cases) {
    auto r = qs.Ask(V(anja_), c.in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << c.field;
    EXPECT_EQ(r.status().field(), c.field) << r.status().ToString();
  }
  EXPECT_EQ(Count("SELECT count(*) FROM questions"), 0);
  auto d = qs.Ask(V(anja_), {"Een goede vraag over roosters", "", {}, std::string("industrie")});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->question.sector, "industrie");
  auto own = qs.AddAnswer(V(anja_), d->question.id, "Zelf bedacht");
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.status().field(), "question_id");
  auto empty = qs.AddAnswer(V(pieter_), d->question.id, "   ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().field(), "text");
  auto nowhere = qs.AddAnswer(V(pieter_), 4242, "Hallo");
  EXPECT_EQ(nowhere.status().code(), Code::kNotFound);
  EXPECT_EQ(Count("SELECT count(*) FROM question_answers"), 0);
  QuestionFilter f;
  f.status = "closed";
  EXPECT_EQ(qs.List(V(anja_), f).status().field(), "status");
  auto anon = qs.Ask(Viewer{}, {"Een goede vraag", "", {}, std::nullopt});
  EXPECT_EQ(anon.status().code(), Code::kUnauthenticated);
}

TEST_F(QuestionsTest, SearchFindsWordsInTitleTextAndTagsMineFilter) {
  QuestionService qs(*db_, clock_);
  ASSERT_TRUE(qs.Ask(V(anja_), {"Roosters in de wijkzorg", "Hoe plannen jullie?", {"planning"}, std::nullopt}).ok());
  ASSERT_TRUE(qs.Ask(V(emma_), {"Stagiairs vasthouden", "Uitval 100% voorkomen", {"stages"}, std::nullopt}).ok());
  QuestionFilter f;
  f.q = "ROOSTERS";
  EXPECT_EQ(qs.List(V(pieter_), f)->total, 1);
  f.q = "stages";
  EXPECT_EQ(qs.List(V(pieter_), f)->total, 1);
  f.q = "100%";
  EXPECT_EQ(qs.List(V(pieter_), f)->total, 1);
  f.q = "%";
  EXPECT_EQ(qs.List(V(pieter_), f)->total, 1);  // a literal percent sign, not a wildcard (that would find 2)
  f.q = "roosters plannen";
  EXPECT_EQ(qs.List(V(pieter_), f)->total, 1);
  f.q = "roosters uitval";
  EXPECT_EQ(qs.List(V(pieter_), f)->total, 0);
  QuestionFilter mine;
  mine.mine = true;
  auto p = qs.List(V(emma_), mine);
  ASSERT_EQ(p->total, 1);
  EXPECT_EQ(p->items[0].title, "Stagiairs vasthouden");
  EXPECT_EQ(qs.List(V(pieter_), {})->total, 2);
}

}  // namespace
}  // namespace verbinder::questions
