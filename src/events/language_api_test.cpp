// One language at a time on the events side (issue #17 point 4), over real HTTP
// on a real database: the printable pages (door list, schedules, table sheets)
// follow ?lang= (else the viewer's own language), and .ics files and e-mails
// follow the member's language. Each page is fetched in both languages and must
// hold its own language's template strings and none of the other's.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "api/test_client.h"
#include "events/api_test_fixture.h"

namespace verbinder::events {
namespace {

using api::testing::Client;
using Json = nlohmann::json;

// Strings of the page templates (src/events/printable.cpp) per language. The
// event starts on Tuesday 8 December 2026, so the date line is one of them.
const std::vector<std::string> kPageNl = {"lang=\"nl\"",     "Schema van ",   "<th>Tijd</th>", "<th>Tafel</th>",
                                          "<th>Waarom</th>", "<th>Naam</th>", "Aanmeldcode",   "Deurlijst",
                                          "Groepstafels",    "Afspraken",     "ronde ",        "di 8 dec 2026"};
const std::vector<std::string> kPageEn = {"lang=\"en\"",  "Schedule of ",  "<th>Time</th>", "<th>Table</th>",
                                          "<th>Why</th>", "<th>Name</th>", "Check-in code", "Door list",
                                          "Group tables", "Meetings",      "round ",        "Tue 8 Dec 2026"};
// iCalendar texts (src/events/calendar.cpp, meetings.cpp, visits.cpp) per language.
const std::vector<std::string> kIcsNl = {"Prijs: EUR", "1:1 met ", "tafel ", "Bezoek: ", " bij ", "(wachtlijst)"};
const std::vector<std::string> kIcsEn = {"Price: EUR", "1:1 with ", "table ", "Visit: ", " at ", "(waitlist)"};

std::string Unfold(std::string ics) {
  for (size_t at = ics.find("\r\n "); at != std::string::npos; at = ics.find("\r\n ", at)) ics.erase(at, 3);
  return ics;
}

class LanguageApiTest : public testing::EventsApiFixture {
 protected:
  void Seed() override {
    leader_ = AddMember(Host("Lotte Leider", "leider@x.example", "other", "nl"), model::Role::kOrganizer);
    anja_ = AddMember(Host("Anja Kamphuis", "anja@x.example", "care", "en"));
    pieter_ = AddMember(Host("Pieter Lammerink", "pieter@x.example", "industry", "nl"));
  }
  // The latest queued mail to `email`.
  std::string LastMailTo(const std::string& email) {
    soci::session sql(db_->pool());
    std::string text;
    sql << "SELECT subject || ' ' || text_body FROM outbox WHERE to_email = :e ORDER BY id DESC LIMIT 1",
        soci::use(email), soci::into(text);
    return text;
  }
  // A network drink a week ahead (Tuesday 8 December 2026) with Anja and
  // Pieter registered and the 1:1 Anja asked and Pieter accepted scheduled in
  // a round; `*base` is the event's path.
  void EventWithAScheduledMeeting(Client& leader, Client& anja, Client& pieter, std::string* base) {
    const int64_t start = clock_.Now() + 7 * 86400;
    auto ev = leader.Post("/api/v1/events", {{"title", "Twente Live 2026"},
                                             {"kind", "network_drinks"},
                                             {"starts_at", start},
                                             {"ends_at", start + 8 * 3600},
                                             {"capacity", 0},
                                             {"location", "Hengelo"}});
    ASSERT_EQ(ev.status, 201) << ev.body;
    *base = "/api/v1/events/" + std::to_string(ev.Json()["id"].get<int64_t>());
    ASSERT_EQ(anja.Request("POST", *base + "/registrations").status, 201);
    ASSERT_EQ(pieter.Request("POST", *base + "/registrations").status, 201);
    auto req = anja.Post(*base + "/meeting-requests", {{"to", pieter_}, {"message", ""}});
    ASSERT_EQ(req.status, 201) << req.body;
    ASSERT_EQ(
        pieter
            .Request("POST", "/api/v1/meeting-requests/" + std::to_string(req.Json()["id"].get<int64_t>()) + "/accept")
            .status,
        200);
    auto round =
        leader.Post(*base + "/rounds", {{"title", "R1"},
                                        {"tables", 2},
                                        {"max_meetings", 1},
                                        {"slots", {{{"starts_at", start + 3600}, {"ends_at", start + 4800}}}}});
    ASSERT_EQ(round.status, 201) << round.body;
    ASSERT_EQ(
        leader.Request("POST", "/api/v1/rounds/" + std::to_string(round.Json()["id"].get<int64_t>()) + "/schedule")
            .status,
        200);
  }
};

// Holds every one of `own` that `expect_own` names and none of `other`.
void ExpectOneLanguage(const std::string& what, const std::string& body, const std::vector<std::string>& own,
                       const std::vector<std::string>& expect_own, const std::vector<std::string>& other) {
  for (const auto& s : expect_own) {
    ASSERT_NE(std::find(own.begin(), own.end(), s), own.end()) << "test bug: " << s << " is no sentinel";
    EXPECT_NE(body.find(s), std::string::npos) << what << ": missing \"" << s << "\"\n" << body;
  }
  for (const auto& s : other) EXPECT_EQ(body.find(s), std::string::npos) << what << ": has \"" << s << "\"\n" << body;
}

// The template strings a printable page must show, per language.
struct Sentinels {
  std::vector<std::string> nl, en;
};

// Fetches the printable page `path` as `reader` with ?lang=nl and ?lang=en: each
// answer holds its own language's `sentinels` and no template string of the other.
void ExpectPageInEachLanguage(Client& reader, const std::string& path, const Sentinels& sentinels) {
  for (const bool dutch : {true, false}) {
    const std::string url = path + (dutch ? "?lang=nl" : "?lang=en");
    auto r = reader.Get(url);
    ASSERT_EQ(r.status, 200) << path << r.body;
    ExpectOneLanguage(url, r.body, dutch ? kPageNl : kPageEn, dutch ? sentinels.nl : sentinels.en,
                      dutch ? kPageEn : kPageNl);
  }
}

TEST_F(LanguageApiTest, Issue17PrintablePagesFollowLangElseTheViewersLanguage) {
  auto leader = SignedIn("leider@x.example");
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  std::string base;
  ASSERT_NO_FATAL_FAILURE(EventWithAScheduledMeeting(*leader, *anja, *pieter, &base));
  auto seating = leader->Post(base + "/seatings", {{"title", "S1"}, {"tables", 1}, {"table_size", 4}, {"rounds", 1}});
  ASSERT_EQ(seating.status, 201) << seating.body;
  ASSERT_EQ(leader->Request("POST", "/api/v1/seatings/" + std::to_string(seating.Json()["id"].get<int64_t>()) + "/run")
                .status,
            200);

  ASSERT_NO_FATAL_FAILURE(
      ExpectPageInEachLanguage(*leader, base + "/checkin-sheet",
                               {{"Deurlijst", "<th>Naam</th>", "Aanmeldcode", "di 8 dec 2026"},
                                {"Door list", "<th>Name</th>", "Check-in code", "Tue 8 Dec 2026"}}));
  ASSERT_NO_FATAL_FAILURE(
      ExpectPageInEachLanguage(*anja, base + "/schedule/print",
                               {{"Schema van ", "<th>Tijd</th>", "<th>Waarom</th>", "Groepstafels"},
                                {"Schedule of ", "<th>Time</th>", "<th>Why</th>", "Group tables"}}));
  ASSERT_NO_FATAL_FAILURE(ExpectPageInEachLanguage(
      *leader, base + "/schedules/print",
      {{"Schema van ", "<th>Tafel</th>", "di 8 dec 2026"}, {"Schedule of ", "<th>Table</th>", "Tue 8 Dec 2026"}}));
  ASSERT_NO_FATAL_FAILURE(
      ExpectPageInEachLanguage(*leader, base + "/tables/print", {{"Afspraken", "ronde "}, {"Meetings", "round "}}));
  // Sector labels in the page's language, never the raw key.
  auto sheets_en = leader->Get(base + "/tables/print?lang=en").body;
  auto sheets_nl = leader->Get(base + "/tables/print?lang=nl").body;
  EXPECT_NE(sheets_en.find("<span class=\"why\">Care</span>"), std::string::npos) << sheets_en;
  EXPECT_NE(sheets_nl.find("<span class=\"why\">Zorg</span>"), std::string::npos) << sheets_nl;
  EXPECT_NE(sheets_nl.find("<span class=\"why\">Industrie</span>"), std::string::npos) << sheets_nl;
  EXPECT_EQ(sheets_nl.find(">care<"), std::string::npos);
  EXPECT_EQ(sheets_en.find(">industry<"), std::string::npos);

  // Without ?lang: the viewer's own language (the leader and Pieter read Dutch, Anja English).
  ExpectOneLanguage("door list, no lang", leader->Get(base + "/checkin-sheet").body, kPageNl, {"Deurlijst"}, kPageEn);
  ExpectOneLanguage("anja's schedule, no lang", anja->Get(base + "/schedule/print").body, kPageEn, {"Schedule of "},
                    kPageNl);
  ExpectOneLanguage("pieter's schedule, no lang", pieter->Get(base + "/schedule/print").body, kPageNl, {"Schema van "},
                    kPageEn);
  EXPECT_EQ(leader->Get(base + "/checkin-sheet?lang=de").ErrorField(), "lang");
}

// A meeting's reason (src/events/round_schedule.cpp) is stored in both
// languages and shown in the reader's: ?lang= on the schedule (JSON) and its
// printable pages, else the viewer's own language; never the language the
// member's profile had when the round was scheduled.
TEST_F(LanguageApiTest, Issue17MeetingReasonsFollowLangElseTheViewersLanguage) {
  auto leader = SignedIn("leider@x.example");
  auto anja = SignedIn("anja@x.example");      // reads English
  auto pieter = SignedIn("pieter@x.example");  // reads Dutch
  std::string base;
  ASSERT_NO_FATAL_FAILURE(EventWithAScheduledMeeting(*leader, *anja, *pieter, &base));
  const std::string anja_nl = "Je vroeg om een gesprek met Pieter Lammerink.";
  const std::string anja_en = "You asked to meet Pieter Lammerink.";
  const std::string pieter_nl = "Anja Kamphuis vroeg om een gesprek met jou.";
  const std::string pieter_en = "Anja Kamphuis asked to meet you.";
  auto why = [&](Client& c, const std::string& query) {
    auto r = c.Get(base + "/schedule" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    auto items = r.Json()["items"];
    return items.size() == 1 ? items[0]["why"].get<std::string>() : "(" + r.body + ")";
  };
  EXPECT_EQ(why(*anja, "?lang=nl"), anja_nl);
  EXPECT_EQ(why(*anja, "?lang=en"), anja_en);
  EXPECT_EQ(why(*anja, ""), anja_en);  // her profile language
  EXPECT_EQ(why(*pieter, "?lang=en"), pieter_en);
  EXPECT_EQ(why(*pieter, "?lang=nl"), pieter_nl);
  EXPECT_EQ(why(*pieter, ""), pieter_nl);
  EXPECT_EQ(pieter->Get(base + "/schedule?lang=de").ErrorField(), "lang");
  // The printable schedules: the reasons in the page's language, none of the other's.
  auto page = [&](Client& c, const std::string& path) { return c.Get(base + path).body; };
  ExpectOneLanguage("pieter's schedule, en", page(*pieter, "/schedule/print?lang=en"), kPageEn, {"Schedule of "},
                    kPageNl);
  EXPECT_NE(page(*pieter, "/schedule/print?lang=en").find(pieter_en), std::string::npos);
  EXPECT_EQ(page(*pieter, "/schedule/print?lang=en").find("vroeg om een gesprek"), std::string::npos);
  EXPECT_NE(page(*anja, "/schedule/print?lang=nl").find(anja_nl), std::string::npos);
  EXPECT_EQ(page(*anja, "/schedule/print?lang=nl").find("asked to meet"), std::string::npos);
  EXPECT_NE(page(*anja, "/schedule/print").find(anja_en), std::string::npos);
  const std::string all_en = page(*leader, "/schedules/print?lang=en");
  const std::string all_nl = page(*leader, "/schedules/print?lang=nl");
  for (const auto& s : {anja_en, pieter_en}) EXPECT_NE(all_en.find(s), std::string::npos) << s << all_en;
  for (const auto& s : {anja_nl, pieter_nl}) EXPECT_NE(all_nl.find(s), std::string::npos) << s << all_nl;
  EXPECT_EQ(all_en.find("gesprek met"), std::string::npos) << all_en;
  EXPECT_EQ(all_nl.find("asked to meet"), std::string::npos) << all_nl;
  // The leader reads Dutch: without ?lang the Dutch reasons.
  EXPECT_NE(page(*leader, "/schedules/print").find(pieter_nl), std::string::npos);
  // Both texts are stored (migration 0018): Dutch in reason_a/b, English in reason_a_en/b_en.
  soci::session sql(db_->pool());
  std::string ra, ra_en;
  sql << "SELECT reason_a, reason_a_en FROM meetings", soci::into(ra), soci::into(ra_en);
  EXPECT_EQ(ra, anja_ < pieter_ ? anja_nl : pieter_nl);
  EXPECT_EQ(ra_en, anja_ < pieter_ ? anja_en : pieter_en);
}

TEST_F(LanguageApiTest, Issue17InvitesAndMailsInTheMembersLanguage) {
  auto leader = SignedIn("leider@x.example");
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  const int64_t start = clock_.Now() + 7 * 86400;
  auto ev = leader->Post("/api/v1/events", {{"title", "Twente Live 2026"},
                                            {"kind", "congress"},
                                            {"starts_at", start},
                                            {"ends_at", start + 8 * 3600},
                                            {"capacity", 1},
                                            {"price_cents", 2500},
                                            {"location", "Hengelo"}});
  ASSERT_EQ(ev.status, 201) << ev.body;
  const std::string base = "/api/v1/events/" + std::to_string(ev.Json()["id"].get<int64_t>());
  ASSERT_EQ(anja->Request("POST", base + "/registrations").status, 201);
  ASSERT_EQ(pieter->Request("POST", base + "/registrations").Json()["status"], "waitlisted");
  auto anja_reg = Unfold(anja->Get(base + "/registration.ics").body);
  ExpectOneLanguage("anja's registration", anja_reg, kIcsEn, {"Price: EUR"}, kIcsNl);
  auto pieter_reg = Unfold(pieter->Get(base + "/registration.ics").body);
  ExpectOneLanguage("pieter's registration", pieter_reg, kIcsNl, {"Prijs: EUR", "(wachtlijst)"}, kIcsEn);

  // A meeting: the invite of each in their own language, and the request mail to Pieter in Dutch.
  ASSERT_EQ(leader->Patch(base, {{"capacity", 0}}).status, 200);
  const int again = pieter->Request("POST", base + "/registrations").status;  // 409 when moved up already
  ASSERT_TRUE(again == 201 || again == 409) << again;
  ASSERT_EQ(pieter->Get(base + "/registration").Json()["status"], "registered");
  auto req = anja->Post(base + "/meeting-requests", {{"to", pieter_}, {"message", ""}});
  ASSERT_EQ(req.status, 201) << req.body;
  const std::string mail_nl = LastMailTo("pieter@x.example");
  EXPECT_NE(mail_nl.find("wil je graag spreken op Twente Live 2026"), std::string::npos) << mail_nl;
  EXPECT_EQ(mail_nl.find("would like"), std::string::npos) << mail_nl;
  EXPECT_EQ(mail_nl.find("Hello"), std::string::npos) << mail_nl;
  ASSERT_EQ(
      pieter->Request("POST", "/api/v1/meeting-requests/" + std::to_string(req.Json()["id"].get<int64_t>()) + "/accept")
          .status,
      200);
  const std::string mail_en = LastMailTo("anja@x.example");
  EXPECT_NE(mail_en.find("accepted your meeting request"), std::string::npos) << mail_en;
  EXPECT_EQ(mail_en.find("Hallo"), std::string::npos) << mail_en;
  auto round = leader->Post(base + "/rounds", {{"title", "R1"},
                                               {"tables", 2},
                                               {"max_meetings", 1},
                                               {"slots", {{{"starts_at", start + 3600}, {"ends_at", start + 4800}}}}});
  ASSERT_EQ(round.status, 201) << round.body;
  ASSERT_EQ(leader->Request("POST", "/api/v1/rounds/" + std::to_string(round.Json()["id"].get<int64_t>()) + "/schedule")
                .status,
            200);
  auto mine = anja->Get(base + "/schedule").Json();
  ASSERT_EQ(mine["items"].size(), 1u) << mine.dump();
  const std::string meeting = "/api/v1/meetings/" + std::to_string(mine["items"][0]["id"].get<int64_t>());
  auto anja_meet = Unfold(anja->Get(meeting + "/invite.ics").body);
  ExpectOneLanguage("anja's meeting", anja_meet, kIcsEn, {"1:1 with ", "table "}, kIcsNl);
  auto pieter_meet = Unfold(pieter->Get(meeting + "/invite.ics").body);
  ExpectOneLanguage("pieter's meeting", pieter_meet, kIcsNl, {"1:1 met ", "tafel "}, kIcsEn);

  // A visit, agreed and then called off by the host: both CANCEL invites in each one's language.
  const int64_t day = clock_.Now() + 14 * 86400;
  auto v = anja->Post("/api/v1/visits", {{"host_id", pieter_}, {"reason", "Doorlooptijden"}, {"proposed", {day}}});
  ASSERT_EQ(v.status, 201) << v.body;
  const std::string visit = "/api/v1/visits/" + std::to_string(v.Json()["id"].get<int64_t>());
  ASSERT_EQ(pieter->Post(visit + "/accept", {{"starts_at", day}}).status, 200);
  ASSERT_EQ(pieter->Request("POST", visit + "/cancel").status, 200);
  auto anja_visit = Unfold(anja->Get(visit + "/invite.ics").body);
  EXPECT_NE(anja_visit.find("METHOD:CANCEL"), std::string::npos);
  ExpectOneLanguage("anja's visit", anja_visit, kIcsEn, {"Visit: ", " at "}, kIcsNl);
  auto pieter_visit = Unfold(pieter->Get(visit + "/invite.ics").body);
  EXPECT_NE(pieter_visit.find("METHOD:CANCEL"), std::string::npos);
  ExpectOneLanguage("pieter's visit", pieter_visit, kIcsNl, {"Bezoek: ", " bij "}, kIcsEn);
  const std::string cancelled = LastMailTo("anja@x.example");
  EXPECT_NE(cancelled.find("Pieter Lammerink cancelled the visit."), std::string::npos) << cancelled;
}

// Error reasons over HTTP: the body carries reason and params, with the other
// member named as the viewer may see them.
TEST_F(LanguageApiTest, Issue17ErrorsCarryAReasonTheUiCanWord) {
  auto leader = SignedIn("leider@x.example");
  auto anja = SignedIn("anja@x.example");
  auto pieter = SignedIn("pieter@x.example");
  const int64_t start = clock_.Now() + 7 * 86400;
  auto ev = leader->Post("/api/v1/events", {{"title", "Twente Live 2026"},
                                            {"kind", "network_drinks"},
                                            {"starts_at", start},
                                            {"ends_at", start + 3 * 3600},
                                            {"capacity", 0}});
  ASSERT_EQ(ev.status, 201) << ev.body;
  const std::string base = "/api/v1/events/" + std::to_string(ev.Json()["id"].get<int64_t>());
  ASSERT_EQ(anja->Request("POST", base + "/registrations").status, 201);
  auto absent = anja->Post(base + "/meeting-requests", {{"to", pieter_}});
  EXPECT_EQ(absent.status, 409);
  EXPECT_EQ(absent.Json()["error"]["reason"], "meeting.not_attending") << absent.body;
  EXPECT_EQ(absent.Json()["error"]["params"]["name"], "Pieter Lammerink") << absent.body;
  ASSERT_EQ(pieter->Request("POST", base + "/registrations").status, 201);
  ASSERT_EQ(anja->Post(base + "/meeting-requests", {{"to", pieter_}}).status, 201);
  auto twice = anja->Post(base + "/meeting-requests", {{"to", pieter_}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.Json()["error"]["reason"], "meeting.already_asked") << twice.body;
  EXPECT_EQ(twice.Json()["error"]["params"]["name"], "Pieter Lammerink") << twice.body;
  auto past =
      anja->Post("/api/v1/visits", {{"host_id", pieter_}, {"reason", "Kijken"}, {"proposed", {start - 8 * 86400}}});
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(past.Json()["error"]["reason"], "visit.date_in_past") << past.body;
  EXPECT_EQ(past.Json()["error"]["field"], "proposed[0]") << past.body;
}

}  // namespace
}  // namespace verbinder::events
