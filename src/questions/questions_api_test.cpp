// Questions and notifications over real HTTP (RESTinio + libcurl) on a real
// database: Anja asks, Pieter (other sector) is routed first and notified,
// answers, Anja marks it helpful; notifications read state and e-mail
// choices; every bad input answered with a precise 4xx and nothing changed.
#include <gtest/gtest.h>

#include "api/test_client.h"
#include "domain/accounts.h"

namespace verbinder::questions {
namespace {

using api::testing::Client;
using Json = nlohmann::json;

class QuestionsApiTest : public api::testing::ApiServerTest<> {
 protected:
  QuestionsApiTest() : ApiServerTest({.db_pool = 8, .threads = 4}, 1796115600) {}
  void Seed() override {
    anja_ = Add("Anja Kamphuis", "anja@x.example", "care", {}, "");
    zoe_ = Add("Zoë Verpleging", "zoe@x.example", "care", {"roosters"},
               "Roosters en dienstplanning voor ploegendiensten.");
    pieter_ = Add("Pieter Lammerink", "pieter@x.example", "industry", {"roosters"},
                  "Roosters en dienstplanning voor ploegendiensten.");
  }

  int64_t Add(const std::string& name, const std::string& email, const std::string& sector,
              std::vector<std::string> tags, const std::string& text) {
    model::Member m = NewMember(name, email, sector);
    m.languages = {"nl"};
    m.expertise_tags = std::move(tags);
    m.expertise_text = text;
    return AddMember(m, model::Role::kMember);
  }

  int64_t anja_ = 0, zoe_ = 0, pieter_ = 0;
};

TEST_F(QuestionsApiTest, AskRouteAnswerMarkHelpful) {
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  auto r =
      anja->Post("/api/v1/questions", {{"title", "Hoe maken we roosters met minder mensen? <script>alert(1)</script>"},
                                       {"text", "Onze ploegendiensten lopen vast."},
                                       {"tags", {"roosters"}}});
  ASSERT_EQ(r.status, 201) << r.body;
  Json q = r.Json();
  int64_t qid = q["id"];
  EXPECT_EQ(q["title"], "Hoe maken we roosters met minder mensen? <script>alert(1)</script>");  // stored as typed
  EXPECT_EQ(q["sector"], "care");
  EXPECT_EQ(q["status"], "open");
  ASSERT_EQ(q["routed_to"].size(), 2u) << q.dump();
  EXPECT_EQ(q["routed_to"][0]["member"]["id"], pieter_);
  EXPECT_EQ(q["routed_to"][1]["member"]["id"], zoe_);
  EXPECT_NE(q["routed_to"][0]["reason"]["nl"].get<std::string>().find("andere sector"), std::string::npos);
  EXPECT_NE(q["routed_to"][0]["reason"]["en"].get<std::string>().find("another sector"), std::string::npos);

  // Pieter: notified, sees it under "routed to me" with his own route only.
  auto n = pieter->Get("/api/v1/notifications/unread-count");
  ASSERT_EQ(n.status, 200);
  EXPECT_EQ(n.Json()["unread"], 1);
  auto mine = pieter->Get("/api/v1/questions?routed_to_me=true");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.Json()["total"], 1);
  EXPECT_EQ(mine.Json()["items"][0]["routed_to_me"], true);
  EXPECT_EQ(pieter->Get("/api/v1/questions?routed_to_me=true&status=open&unanswered_by_me=true").Json()["total"], 1);
  auto seen = pieter->Get("/api/v1/questions/" + std::to_string(qid));
  ASSERT_EQ(seen.status, 200);
  ASSERT_EQ(seen.Json()["routed_to"].size(), 1u);
  EXPECT_EQ(seen.Json()["routed_to"][0]["member"]["id"], pieter_);

  auto a = pieter->Post("/api/v1/questions/" + std::to_string(qid) + "/answers",
                        {{"text", "Wij werken met vaste ploegen."}});
  ASSERT_EQ(a.status, 201) << a.body;
  // Answered: no longer waiting for him (the home page's "Questions you could answer").
  const std::string waiting = "/api/v1/questions?routed_to_me=true&status=open&unanswered_by_me=true";
  EXPECT_EQ(pieter->Get(waiting).Json()["total"], 0);
  EXPECT_EQ(pieter->Get("/api/v1/questions?routed_to_me=true&status=open").Json()["total"], 1);
  auto bad_flag = pieter->Get("/api/v1/questions?unanswered_by_me=soms");
  EXPECT_EQ(bad_flag.status, 400) << bad_flag.body;
  EXPECT_EQ(bad_flag.Json()["error"]["field"], "unanswered_by_me") << bad_flag.body;
  int64_t aid = a.Json()["id"];
  EXPECT_EQ(a.Json()["author"]["name"], "Pieter Lammerink");

  // Only the asker marks helpful.
  auto not_asker = pieter->Post("/api/v1/questions/" + std::to_string(qid) + "/helpful", {{"answer_id", aid}});
  EXPECT_EQ(not_asker.status, 403) << not_asker.body;
  auto h = anja->Post("/api/v1/questions/" + std::to_string(qid) + "/helpful", {{"answer_id", aid}});
  ASSERT_EQ(h.status, 200) << h.body;
  EXPECT_EQ(h.Json()["status"], "solved");
  EXPECT_EQ(h.Json()["helpful_answer_id"], aid);
  EXPECT_EQ(h.Json()["answers"][0]["helpful"], true);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions WHERE kind = 'answered'"), 1);

  auto solved = pieter->Get("/api/v1/questions?status=solved&q=roosters");
  ASSERT_EQ(solved.status, 200);
  EXPECT_EQ(solved.Json()["total"], 1);
  auto open = pieter->Get("/api/v1/questions?status=open");
  EXPECT_EQ(open.Json()["total"], 0);
}

TEST_F(QuestionsApiTest, BadInputGetsPrecise4xxAndChangesNothing) {
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  struct Case {
    Json body;
    std::string field;
  };
  std::vector<Case> cases = {
      {Json::object(), "title"},
      {{{"title", ""}}, "title"},
      {{{"title", std::string(201, 'x')}}, "title"},
      {{{"title", "Goede vraag"}, {"extra", 1}}, "extra"},
      {{{"title", "Goede vraag"}, {"tags", "roosters"}}, "tags"},
      {{{"title", "Goede vraag"}, {"tags", {1}}}, "tags[0]"},
      {{{"title", "Goede vraag"}, {"sector", "ruimtevaart"}}, "sector"},
      {{{"title", 12}}, "title"},
  };
  for (const auto& c : cases) {
    auto r = anja->Post("/api/v1/questions", c.body);
    EXPECT_EQ(r.status, 400) << c.body.dump() << " " << r.body;
    EXPECT_EQ(r.ErrorField(), c.field) << r.body;
  }
  auto not_json = anja->Request("POST", "/api/v1/questions", "{not json");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(Count("SELECT count(*) FROM questions"), 0);

  auto q1 = anja->Post("/api/v1/questions", {{"title", "Roosters in de zorg"}}).Json();
  auto q2 = pieter->Post("/api/v1/questions", {{"title", "Wie kent roosters?"}}).Json();
  std::string p1 = "/api/v1/questions/" + std::to_string(q1["id"].get<int64_t>());
  std::string p2 = "/api/v1/questions/" + std::to_string(q2["id"].get<int64_t>());
  auto own = anja->Post(p1 + "/answers", {{"text", "Zelf"}});
  EXPECT_EQ(own.status, 400);
  EXPECT_EQ(own.ErrorField(), "question_id");
  auto empty = pieter->Post(p1 + "/answers", {{"text", "  "}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.ErrorField(), "text");
  auto missing = pieter->Post("/api/v1/questions/999999/answers", {{"text", "Hallo"}});
  EXPECT_EQ(missing.status, 404);
  auto bad_id = pieter->Get("/api/v1/questions/abc");
  EXPECT_EQ(bad_id.status, 400);
  auto other = anja->Post(p2 + "/answers", {{"text", "Een antwoord op Pieters vraag"}}).Json();
  auto wrong = anja->Post(p1 + "/helpful", {{"answer_id", other["id"]}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.ErrorField(), "answer_id");
  auto no_answer = anja->Post(p1 + "/helpful", Json::object());
  EXPECT_EQ(no_answer.status, 400);
  EXPECT_EQ(no_answer.ErrorField(), "answer_id");
  auto bad_status = anja->Get("/api/v1/questions?status=closed");
  EXPECT_EQ(bad_status.status, 400);
  EXPECT_EQ(bad_status.ErrorField(), "status");
  auto bad_param = anja->Get("/api/v1/questions?sort=new");
  EXPECT_EQ(bad_param.status, 400);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM question_answers"), 1);

  Client anon("http://127.0.0.1:" + std::to_string(port_));
  EXPECT_EQ(anon.Get("/api/v1/questions").status, 401);
  EXPECT_EQ(anon.Post("/api/v1/questions", {{"title", "Anoniem"}}).status, 401);
  // A change without the CSRF header is refused.
  std::string csrf = anja->csrf;
  anja->csrf.clear();
  EXPECT_EQ(anja->Post("/api/v1/questions", {{"title", "Zonder CSRF"}}).status, 403);
  anja->csrf = csrf;
}

// The home page's "Ask the network" beside a challenge: the question names
// the challenge; a second ask while it is open is a 409 that says which
// question (the form links to it); bad ids are 400s naming challenge_id.
TEST_F(QuestionsApiTest, AskingAboutMyChallengeOnceWhileItIsOpen) {
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  auto ch = anja->Post("/api/v1/members/" + std::to_string(anja_) + "/challenges",
                       {{"title", "Roosters lopen vast"}, {"text", "Onze ploegendiensten lopen vast."}});
  ASSERT_EQ(ch.status, 201) << ch.body;
  int64_t cid = ch.Json()["id"];
  auto theirs = pieter->Post("/api/v1/members/" + std::to_string(pieter_) + "/challenges", {{"title", "Stilstand"}});
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  for (const Json& bad : {Json(0), Json(-1), Json("7"), Json(1.5), Json(theirs.Json()["id"]), Json(cid + 1000)}) {
    auto r = anja->Post("/api/v1/questions", {{"title", "Roosters lopen vast"}, {"challenge_id", bad}});
    EXPECT_EQ(r.status, 400) << bad.dump() << " " << r.body;
    EXPECT_EQ(r.ErrorField(), "challenge_id") << r.body;
  }
  EXPECT_EQ(Count("SELECT count(*) FROM questions"), 0);

  auto q = anja->Post("/api/v1/questions", {{"title", "Roosters lopen vast"}, {"challenge_id", cid}});
  ASSERT_EQ(q.status, 201) << q.body;
  EXPECT_EQ(q.Json()["challenge_id"], cid);
  int64_t qid = q.Json()["id"];
  auto again = anja->Post("/api/v1/questions", {{"title", "Nog eens: roosters"}, {"challenge_id", cid}});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.ErrorField(), "challenge_id");
  EXPECT_EQ(again.Json()["error"]["reason"], "question.challenge_asked") << again.body;
  EXPECT_EQ(again.Json()["error"]["params"]["question_id"], std::to_string(qid)) << again.body;
  EXPECT_EQ(Count("SELECT count(*) FROM questions"), 1);
  // Without a challenge: null, and no limit.
  auto plain = anja->Post("/api/v1/questions", {{"title", "Roosters lopen vast"}, {"challenge_id", nullptr}});
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_TRUE(plain.Json()["challenge_id"].is_null());
  auto mine = anja->Get("/api/v1/questions?mine=true").Json();
  ASSERT_EQ(mine["total"], 2);
  EXPECT_EQ(mine["items"][1]["challenge_id"], cid);
  // Others see which challenge it came from only as an id of a profile they may see anyway.
  EXPECT_EQ(pieter->Get("/api/v1/questions/" + std::to_string(qid)).Json()["challenge_id"], cid);
}

TEST_F(QuestionsApiTest, NotificationsReadStateAndEmailChoices) {
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  ASSERT_EQ(anja->Post("/api/v1/questions", {{"title", "Roosters in de zorg"}}).status, 201);
  ASSERT_EQ(anja->Post("/api/v1/questions", {{"title", "Nog meer roosters"}}).status, 201);
  auto list = pieter->Get("/api/v1/notifications");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["total"], 2);
  EXPECT_EQ(list.Json()["unread"], 2);
  EXPECT_EQ(list.Json()["items"][0]["kind"], "question_routed");
  EXPECT_EQ(list.Json()["items"][0]["read"], false);
  int64_t nid = list.Json()["items"][0]["id"];
  // Not Anja's to mark.
  EXPECT_EQ(anja->Post("/api/v1/notifications/" + std::to_string(nid) + "/read", Json::object()).status, 404);
  auto read = pieter->Post("/api/v1/notifications/" + std::to_string(nid) + "/read", Json::object());
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Json()["read"], true);
  EXPECT_EQ(pieter->Get("/api/v1/notifications?unread=true").Json()["total"], 1);
  EXPECT_EQ(pieter->Get("/api/v1/notifications?unread=maybe").status, 400);
  auto all = pieter->Post("/api/v1/notifications/read-all", Json::object());
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.Json()["marked"], 1);
  EXPECT_EQ(pieter->Get("/api/v1/notifications/unread-count").Json()["unread"], 0);

  auto prefs = pieter->Get("/api/v1/notifications/preferences");
  ASSERT_EQ(prefs.status, 200);
  bool found = false;
  Json prefs_json = prefs.Json();  // keep the document alive for the loop
  for (auto& p : prefs_json["items"])
    if (p["key"] == "question_routed") {
      found = true;
      EXPECT_EQ(p["email"], true);
      EXPECT_EQ(p["label"]["nl"], "Een vraag voor jou");
    }
  EXPECT_TRUE(found) << prefs.status << " " << prefs.body;
  auto bad = pieter->Request("PUT", "/api/v1/notifications/preferences",
                             Json{{"email", {{"question_routed", false}, {"bogus", true}}}}.dump());
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "email.bogus");
  auto not_bool =
      pieter->Request("PUT", "/api/v1/notifications/preferences", Json{{"email", {{"question_routed", "no"}}}}.dump());
  EXPECT_EQ(not_bool.status, 400);
  EXPECT_EQ(not_bool.ErrorField(), "email.question_routed");
  int64_t mails_before = Count("SELECT count(*) FROM outbox WHERE to_email = 'pieter@x.example'");
  EXPECT_EQ(mails_before, 2);
  auto off =
      pieter->Request("PUT", "/api/v1/notifications/preferences", Json{{"email", {{"question_routed", false}}}}.dump());
  ASSERT_EQ(off.status, 200) << off.body;
  ASSERT_EQ(anja->Post("/api/v1/questions", {{"title", "Derde vraag over roosters"}}).status, 201);
  EXPECT_EQ(Count("SELECT count(*) FROM outbox WHERE to_email = 'pieter@x.example'"), mails_before);  // no new mail
  EXPECT_EQ(pieter->Get("/api/v1/notifications/unread-count").Json()["unread"], 1);                   // still notified
}

}  // namespace
}  // namespace verbinder::questions
