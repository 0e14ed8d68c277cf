// The round scheduler: the instance the server builds for a round, exported
// and run through `verbinder schedule` (the CLI entry point, in process),
// gives exactly the meetings the server writes, on a fresh round and on a
// re-run with kept and displaced meetings; the engine's last passes are
// spread and verify. Real database (SQLite; PostgreSQL with
// VERBINDER_TEST_BACKEND=postgres).
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "events/round_schedule.h"
#include "events/test_util.h"
#include "matching/matching_cli.h"
#include "matching/schedule_json.h"

namespace verbinder::events {
namespace {

using testing::kHour;
using Key = std::tuple<std::string, int, std::string, std::string>;  // slot, table, a, b (a < b)

class RoundScheduleTest : public testing::EventsFixture {
 protected:
  // 24 attendees over five sectors whose challenges and expertise overlap, so
  // that suggestions exceed the tables and the spread pass has work to do.
  void SetUpCongress() {
    ev_ = NewEvent(0);
    const std::vector<std::tuple<std::string, std::string, std::string>> topics = {
        {"care", "planning", "Our waiting lists keep growing and planning the nurses takes days"},
        {"industry", "lean", "Lead times of our production line are too long"},
        {"education", "internships", "Interns drop out of our technical training"},
        {"government", "energy", "Energy costs of our public buildings"},
        {"finance", "logistics", "Stock-outs of parts and logistics planning"},
        {"care", "scheduling", "Scheduling nurses across wards"}};
    for (int i = 0; i < 24; ++i) {
      const auto& [sector, skill, challenge] = topics[i % topics.size()];
      const auto& [s2, skill2, c2] = topics[(i * 5 + 1) % topics.size()];
      (void)s2;
      (void)c2;
      people_.push_back(Make("Deelnemer " + std::string(1, static_cast<char>('A' + i)), sector,
                             "Organisatie " + std::to_string(i % 9), model::Visibility::kMembers, {skill2, skill},
                             challenge));
      EXPECT_TRUE(events_->Register(As(people_.back()), ev_.event.id, people_.back().id).ok());
    }
    // Two accepted requests (must meetings).
    for (auto [from, to] : {std::pair{0, 7}, std::pair{3, 12}}) {
      auto r = meetings_->Request(As(people_[from]), ev_.event.id, people_[to].id, "Graag even spreken");
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      ASSERT_TRUE(meetings_->Respond(As(people_[to]), r->id, RequestAction::kAccept).ok());
    }
    Round r;
    r.title = "Speeddates";
    r.tables = 4;
    r.max_meetings = 2;
    for (int s = 0; s < 3; ++s)
      r.slots.push_back({0, ev_.event.starts_at + kHour + s * 1200, ev_.event.starts_at + kHour + s * 1200 + 900});
    auto created = meetings_->CreateRound(leader_, ev_.event.id, r);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    round_ = *created;
    // One attendee misses the first slot.
    ASSERT_TRUE(meetings_->SetUnavailable(As(people_[5]), round_.id, {round_.slots[0].id}).ok());
  }

  // The server's scheduled meetings, keyed as the CLI names them.
  std::set<Key> ServerMeetings() {
    auto all = meetings_->RoundMeetings(leader_, round_.id);
    EXPECT_TRUE(all.ok());
    std::set<Key> out;
    if (!all.ok()) return out;
    for (const auto& m : *all) {
      if (m.status != "scheduled") continue;
      std::string a = m.a_name + " #" + std::to_string(m.a), b = m.b_name + " #" + std::to_string(m.b);
      out.insert({"slot " + std::to_string(m.slot_id), m.table, std::min(a, b), std::max(a, b)});
    }
    return out;
  }

  // Exports the round's instance, runs `verbinder schedule FILE -o OUT` and
  // returns the output document.
  nlohmann::json RunCli(const matching::ScheduleInstance& inst, const std::string& tag) {
    const std::string in = ::testing::TempDir() + "round_schedule_" + tag + ".json";
    const std::string out = ::testing::TempDir() + "round_schedule_" + tag + ".out.json";
    std::ofstream(in) << matching::json_io::ScheduleInstanceToJson(inst).dump();
    EXPECT_EQ(matching::RunSchedule({in, "-o", out}), 0);
    std::ifstream f(out);
    std::stringstream text;
    text << f.rdbuf();
    return nlohmann::json::parse(text.str());
  }

  // The CLI's meetings with the engine's tables mapped to the tables the kept
  // meetings leave free (the k-th free table of the slot), plus the kept ones.
  static std::set<Key> CliMeetings(const nlohmann::json& doc, const std::set<Key>& kept, int tables) {
    std::map<std::string, std::vector<int>> free;
    std::set<std::pair<std::string, int>> used;
    for (const auto& k : kept) used.insert({std::get<0>(k), std::get<1>(k)});
    std::set<Key> out = kept;
    for (const auto& m : doc["meetings"]) {
      const std::string slot = m["slot"];
      if (!free.count(slot))
        for (int t = 1; t <= tables; ++t)
          if (!used.count({slot, t})) free[slot].push_back(t);
      const std::string a = m["a"], b = m["b"];
      const int k = m["table"];
      EXPECT_LE(k, static_cast<int>(free[slot].size()));
      if (k > static_cast<int>(free[slot].size())) continue;
      out.insert({slot, free[slot][k - 1], std::min(a, b), std::max(a, b)});
    }
    return out;
  }

  EventInfo ev_;
  Round round_;
  std::vector<model::Member> people_;
};

TEST_F(RoundScheduleTest, CliOnTheExportedInstanceGivesTheServersMeetings) {
  SetUpCongress();
  // Only organizers read the instance (it names every participant).
  EXPECT_EQ(RoundScheduleInstance(*db_, clock_, As(people_[0]), round_.id).status().code(), Code::kPermissionDenied);
  auto inst = RoundScheduleInstance(*db_, clock_, leader_, round_.id);
  ASSERT_TRUE(inst.ok()) << inst.status().ToString();
  EXPECT_TRUE(inst->spread);
  EXPECT_EQ(inst->attendees.size(), 24u);
  EXPECT_GT(inst->pairs.size(), 24u);  // more candidates than 3 slots x 4 tables can hold
  nlohmann::json cli = RunCli(*inst, "fresh");
  // The engine's last passes: spread, then verify.
  const auto& passes = cli["stats"]["passes"];
  ASSERT_GE(passes.size(), 2u);
  EXPECT_EQ(passes[passes.size() - 2]["name"], "spread");
  EXPECT_EQ(passes[passes.size() - 2]["ran"], true);
  EXPECT_EQ(passes.back()["name"], "verify");

  auto run = meetings_->AutoSchedule(leader_, round_.id);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  std::set<Key> server = ServerMeetings();
  EXPECT_EQ(server.size(), cli["meetings"].size());
  EXPECT_GT(server.size(), 6u);
  EXPECT_EQ(CliMeetings(cli, {}, round_.tables), server);
  EXPECT_NEAR(run->objective, cli["objective"].get<double>(), 1e-6);
  // The proof (or its absence) is the same on both sides, and never claimed
  // unless the objective meets the bound.
  EXPECT_EQ(run->optimal, cli["optimal"].get<bool>());
  EXPECT_EQ(run->bound_method, cli["stats"]["bound_method"].get<std::string>());
  if (run->optimal) EXPECT_NEAR(run->objective, run->upper_bound, 1e-9);

  // A re-run after availability changed: an attendee with a meeting in slot 2
  // can no longer make it, so that meeting is displaced and the rest are
  // kept. The CLI on the new instance again gives the server's result.
  model::Id slot2 = round_.slots[1].id;
  auto before = meetings_->RoundMeetings(leader_, round_.id);
  ASSERT_TRUE(before.ok());
  model::Id moved = 0;
  for (const auto& m : *before)
    if (m.status == "scheduled" && m.slot_id == slot2) moved = m.a;
  ASSERT_NE(moved, 0);
  model::Member who;
  for (const auto& p : people_)
    if (p.id == moved) who = p;
  ASSERT_TRUE(meetings_->SetUnavailable(As(who), round_.id, {slot2}).ok());
  std::set<Key> kept;
  for (const auto& k : server) {
    bool involves =
        std::get<0>(k) == "slot " + std::to_string(slot2) && (std::get<2>(k).ends_with("#" + std::to_string(moved)) ||
                                                              std::get<3>(k).ends_with("#" + std::to_string(moved)));
    if (!involves) kept.insert(k);
  }
  ASSERT_EQ(kept.size() + 1, server.size());
  auto again = RoundScheduleInstance(*db_, clock_, leader_, round_.id);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->slot_tables.size(), 3u);
  nlohmann::json cli2 = RunCli(*again, "rerun");
  auto rerun = meetings_->AutoSchedule(leader_, round_.id);
  ASSERT_TRUE(rerun.ok()) << rerun.status().ToString();
  EXPECT_EQ(rerun->kept, static_cast<int>(kept.size()));
  EXPECT_EQ(CliMeetings(cli2, kept, round_.tables), ServerMeetings());
}

}  // namespace
}  // namespace verbinder::events
