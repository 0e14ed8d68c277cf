// Bad input to the JSON layer: every error names the place precisely.
#include <gtest/gtest.h>

#include "matching/schedule_json.h"
#include "matching/seat_json.h"
#include "matching/suggest_json.h"

namespace verbinder::matching::json_io {
namespace {

std::string ScheduleError(const std::string& text) {
  Result<Json> doc = ParseJsonText(text);
  if (!doc) return doc.status().field() + "|" + doc.status().message();
  Result<ScheduleInstance> inst = ParseScheduleInstance(*doc);
  if (inst) return "ok";
  return inst.status().field() + "|" + inst.status().message();
}

const char* kGood = R"({"slots": ["s1", "s2"], "tables": 2, "max_meetings_per_person": 2,
  "attendees": [{"id": "a1", "available": ["s1"]}, {"id": "a2"}, {"id": "a3", "max_meetings": 1}],
  "pairs": [{"a": "a1", "b": "a2", "weight": 0.8, "must": true}, {"a": "a2", "b": "a3", "weight": 0.5}],
  "forbidden": [["a1", "a3"]]})";

std::string With(const std::string& from, const std::string& to) {
  std::string s = kGood;
  size_t pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return s.replace(pos, from.size(), to);
}

TEST(ScheduleJson, GoodInstanceParses) {
  EXPECT_EQ(ScheduleError(kGood), "ok");
}

TEST(ScheduleJson, EmptyAndMalformed) {
  EXPECT_EQ(ScheduleError(""), "|the file is empty");
  EXPECT_EQ(ScheduleError("  \n"), "|the file is empty");
  EXPECT_NE(ScheduleError("{\"slots\": [\n1,,]}").find("malformed JSON at line 2, column 3"), std::string::npos)
      << ScheduleError("{\"slots\": [\n1,,]}");
  EXPECT_NE(ScheduleError("[1, 2]").find("top level must be a JSON object"), std::string::npos);
}

TEST(ScheduleJson, UnknownIdsNameTheField) {
  EXPECT_EQ(ScheduleError(With(R"("b": "a3", "weight": 0.5)", R"("b": "x9", "weight": 0.5)")),
            "pairs[1].b|unknown attendee id \"x9\"");
  EXPECT_EQ(ScheduleError(With(R"(["a1", "a3"])", R"(["a1", "zz"])")), "forbidden[0][1]|unknown attendee id \"zz\"");
}

TEST(ScheduleJson, DuplicateIdsAndPairs) {
  EXPECT_EQ(ScheduleError(With(R"({"id": "a2"})", R"({"id": "a1"})")), "attendees[1].id|duplicate attendee id \"a1\"");
  EXPECT_EQ(ScheduleError(With(R"({"a": "a2", "b": "a3")", R"({"a": "a2", "b": "a1")")),
            "pairs[1]|duplicate pair (first listed as pairs[0])");
  EXPECT_EQ(ScheduleError(With(R"(["s1", "s2"])", R"(["s1", "s1"])")), "slots[1]|duplicate slot \"s1\"");
}

TEST(ScheduleJson, SlotNotInSlots) {
  EXPECT_EQ(ScheduleError(With(R"("available": ["s1"])", R"("available": ["s7"])")),
            "attendees[0].available[0]|unknown slot id \"s7\"");
}

TEST(ScheduleJson, BadWeightsAndTables) {
  EXPECT_EQ(ScheduleError(With("0.8", "-1")), "pairs[0].weight|must not be negative, got -1");
  EXPECT_EQ(ScheduleError(With("0.8", "\"high\"")), "pairs[0].weight|expected a number, got the string \"high\"");
  EXPECT_EQ(ScheduleError(With(R"("tables": 2)", R"("tables": 0)")), "tables|must be at least 1, got 0");
  EXPECT_EQ(ScheduleError(With(R"("tables": 2)", R"("tables": 1.5)")), "tables|expected a whole number, got 1.5");
  EXPECT_EQ(ScheduleError(With(R"("tables": 2, )", "")), "tables|required field is missing");
}

TEST(SeatJson, TablesAndIds) {
  auto err = [](const std::string& text) {
    Result<SeatInstance> r = ParseSeatInstance(*ParseJsonText(text));
    return r ? std::string("ok") : r.status().field() + "|" + r.status().message();
  };
  const std::string base =
      R"({"attendees": [{"id": "a"}, {"id": "b"}], "rounds": 2, "tables": [{"id": "T1", "capacity": 2}]})";
  EXPECT_EQ(err(base), "ok");
  EXPECT_EQ(err(R"({"attendees": [{"id": "a"}], "rounds": 2, "tables": [{"id": "T1", "capacity": 0}]})"),
            "tables[0].capacity|must be at least 1, got 0");
  EXPECT_EQ(err(R"({"attendees": [{"id": "a"}], "rounds": 1, "tables": []})"), "tables|at least one table is required");
  EXPECT_EQ(err(R"({"attendees": [{"id": "a"}], "rounds": 1, "tables": [{"id": "T", "capacity": 1}],
                    "pairs": [{"a": "a", "b": "q", "weight": 1}]})"),
            "pairs[0].b|unknown attendee id \"q\"");
}

TEST(SuggestJson, UnknownTieAndRequestIds) {
  auto err = [](const std::string& text) {
    Result<SuggestInput> r = ParseSuggestInput(*ParseJsonText(text));
    return r ? std::string("ok") : r.status().field() + "|" + r.status().message();
  };
  EXPECT_EQ(err(R"({"attendees": [{"id": "a"}, {"id": "b"}], "ties": [{"a": "a", "b": "c"}]})"),
            "ties[0].b|unknown attendee id \"c\"");
  EXPECT_EQ(err(R"({"attendees": [{"id": "a"}, {"id": "b"}], "requests": [{"from": "x", "to": "a"}]})"),
            "requests[0].from|unknown attendee id \"x\"");
  EXPECT_EQ(err(R"({"attendees": [{"id": "a", "challenges": "not a list"}]})"),
            "attendees[0].challenges|expected an array, got the string \"not a list\"");
}

// "confirmed_meetings": the network's useful meetings the engine learns from.
TEST(SuggestJson, ConfirmedMeetingsNeedBothTexts) {
  auto parse = [](const std::string& meetings) {
    return ParseSuggestInput(*ParseJsonText(R"({"attendees": [{"id": "a"}], "confirmed_meetings": )" + meetings + "}"));
  };
  auto err = [&](const std::string& meetings) {
    Result<SuggestInput> r = parse(meetings);
    return r ? std::string("ok") : r.status().field() + "|" + r.status().message();
  };
  Result<SuggestInput> ok = parse(R"([{"challenge": "Lonely older residents", "expertise": "Bakery workshops"}])");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->confirmed_meetings.size(), 1u);
  EXPECT_EQ(ok->confirmed_meetings[0].challenge, "Lonely older residents");
  EXPECT_EQ(ok->confirmed_meetings[0].expertise, "Bakery workshops");
  EXPECT_EQ(err(R"([{"challenge": "x"}])"), "confirmed_meetings[0].expertise|required field is missing");
  EXPECT_EQ(err(R"([{"challenge": "x", "expertise": "  "}])"), "confirmed_meetings[0].expertise|must not be empty");
  EXPECT_EQ(err(R"([{"challenge": 3, "expertise": "y"}])").rfind("confirmed_meetings[0].challenge|", 0), 0u);
  EXPECT_EQ(err(R"("x")").rfind("confirmed_meetings|", 0), 0u);
}

// "switched_off": learned links the leader switched off, by concept id.
TEST(SuggestJson, SwitchedOffLinksNameKnownConcepts) {
  auto err = [](const std::string& off) {
    Result<SuggestInput> r =
        ParseSuggestInput(*ParseJsonText(R"({"attendees": [{"id": "a"}], "switched_off": )" + off + "}"));
    return r ? std::string("ok") : r.status().field() + "|" + r.status().message();
  };
  Result<SuggestInput> ok = ParseSuggestInput(*ParseJsonText(
      R"({"attendees": [{"id": "a"}], "switched_off": [{"challenge_concept": "waiting_list", "expertise_concept": "queueing"}]})"));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->switched_off.size(), 1u);
  EXPECT_EQ(ok->switched_off[0].challenge_concept, "waiting_list");
  EXPECT_EQ(ok->switched_off[0].expertise_concept, "queueing");
  EXPECT_EQ(err(R"([{"challenge_concept": "waiting_list"}])"),
            "switched_off[0].expertise_concept|required field is missing");
  EXPECT_EQ(err(R"([{"challenge_concept": "waiting_list", "expertise_concept": "nope"}])"),
            "switched_off[0].expertise_concept|unknown concept \"nope\"");
  EXPECT_EQ(err(R"(["x"])").rfind("switched_off[0]|", 0), 0u);
}

// "sectors" in a `verbinder suggest` file names the sectors in the
// explanations, custom ones included; without it the default sectors do.
TEST(SuggestJson, SectorLabelsFromTheFileElseTheDefaults) {
  const std::string people = R"("attendees": [
      {"id": "anja", "sector": "care", "languages": ["nl"], "challenges": ["Onze wachtlijsten groeien."]},
      {"id": "pieter", "sector": "%s", "languages": ["en"], "expertise": {"tags": ["queueing theory"]}}])";
  auto explain = [&](const std::string& sector, const std::string& sectors, const std::string& lang) {
    std::string body = people;
    body.replace(body.find("%s"), 2, sector);
    Result<SuggestInput> in = ParseSuggestInput(*ParseJsonText("{" + body + sectors + "}"));
    EXPECT_TRUE(in.ok()) << in.status().ToString();
    if (!in) return std::string();
    Result<SuggestResult> r = Suggest(*in, SuggestOptions{.language = lang});
    EXPECT_TRUE(r.ok() && !r->suggestions[0].empty());
    return r && !r->suggestions[0].empty() ? r->suggestions[0][0].explanation : std::string();
  };
  const std::string custom =
      R"(, "sectors": [{"key": "care", "label_nl": "Zorg", "label_en": "Care"},
                       {"key": "logistiek", "label_nl": "Logistiek en transport", "label_en": "Logistics"}])";
  EXPECT_NE(explain("logistiek", custom, "nl").find("andere sector (logistiek en transport)"), std::string::npos);
  EXPECT_NE(explain("logistiek", custom, "en").find("another sector (logistics)"), std::string::npos);
  // No "sectors": the defaults (model::DefaultSectors) name a default sector...
  EXPECT_NE(explain("industry", "", "nl").find("andere sector (industrie)"), std::string::npos);
  EXPECT_NE(explain("industry", "", "en").find("another sector (industry)"), std::string::npos);
  // ... and a sector outside the file's list is left out, never shown as a key.
  const std::string left_out = explain("industry", custom, "en");
  EXPECT_NE(left_out.find("works in another sector: a fresh view"), std::string::npos) << left_out;

  auto err = [](const std::string& sectors) {
    Result<SuggestInput> r =
        ParseSuggestInput(*ParseJsonText(R"({"attendees": [{"id": "a"}], "sectors": )" + sectors + "}"));
    return r ? std::string("ok") : r.status().field() + "|" + r.status().message();
  };
  EXPECT_EQ(err(R"([{"key": "x", "label_nl": "X"}])"), "sectors[0].label_en|required field is missing");
  EXPECT_EQ(err(R"([{"key": "", "label_nl": "X", "label_en": "X"}])"), "sectors[0].key|must not be empty");
  EXPECT_EQ(err(R"([{"key": "x", "label_nl": "X", "label_en": "X"},
                    {"key": "x", "label_nl": "Y", "label_en": "Y"}])"),
            "sectors[1].key|duplicate sector key \"x\"");
  EXPECT_EQ(err(R"("care")"), "sectors|expected an array, got the string \"care\"");
  EXPECT_EQ(err("[]"), "ok");
}

}  // namespace
}  // namespace verbinder::matching::json_io
