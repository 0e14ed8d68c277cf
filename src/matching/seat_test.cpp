// Group tables: every constraint of the seat contract on a generated instance,
// and clearly better than random seating on the same instance.
#include "matching/seat.h"

#include <gtest/gtest.h>

#include "matching/instance_generator.h"

namespace verbinder::matching {
namespace {

TEST(Seat, GeneratedInstanceBeatsRandomAndKeepsColleaguesApart) {
  SeatInstance inst = GenerateSeatInstance(
      {.attendees = 200, .tables = 25, .capacity = 8, .rounds = 3, .organizations = 60, .weighted_pairs = 300});
  Result<SeatResult> r = Seat(inst, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rounds.size(), 3u);
  for (const SeatRound& round : r->rounds) {
    std::vector<int> seen(inst.attendees.size(), 0);
    for (size_t t = 0; t < round.tables.size(); ++t) {
      EXPECT_LE(static_cast<int>(round.tables[t].size()), inst.tables[t].capacity);
      for (int x : round.tables[t]) ++seen[x];
    }
    for (int s : seen) EXPECT_EQ(s, 1);  // everyone exactly once (seats allow)
  }
  EXPECT_EQ(r->quality.colleague_conflicts, 0);
  EXPECT_EQ(r->quality.repeats, 0);
  EXPECT_GT(r->quality.mean_distinct_sectors, r->random_baseline.mean_distinct_sectors);
  EXPECT_GT(r->quality.weight, r->random_baseline.weight);
  EXPECT_LE(r->quality.repeats, r->random_baseline.repeats);
}

TEST(Seat, TooFewSeatsRotatesWhoSitsOut) {
  SeatInstance inst;
  for (int i = 0; i < 5; ++i) inst.attendees.push_back({"a" + std::to_string(i), "care", ""});
  inst.rounds = 5;
  inst.tables = {{"T1", 4}};
  Result<SeatResult> r = Seat(inst, {});
  ASSERT_TRUE(r.ok());
  std::vector<int> out(5, 0);
  for (const SeatRound& round : r->rounds) {
    ASSERT_EQ(round.unseated.size(), 1u);
    ++out[round.unseated[0]];
  }
  for (int o : out) EXPECT_EQ(o, 1);
}

TEST(Seat, WeightedPairSitsTogether) {
  SeatInstance inst;
  for (int i = 0; i < 8; ++i) inst.attendees.push_back({"a" + std::to_string(i), i % 2 ? "care" : "industry", ""});
  inst.rounds = 1;
  inst.tables = {{"T1", 4}, {"T2", 4}};
  inst.pairs = {{0, 2, 1.0}};  // same sector, but they asked to sit together
  Result<SeatResult> r = Seat(inst, {});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->quality.weight, 1.0);
}

TEST(Seat, InvalidInstance) {
  SeatInstance inst;
  inst.attendees = {{"a", "care", ""}};
  inst.tables = {{"T", 0}};
  EXPECT_EQ(ValidateSeatInstance(inst).field(), "tables[0].capacity");
  inst.tables = {{"T", 1}};
  inst.rounds = 0;
  EXPECT_EQ(ValidateSeatInstance(inst).field(), "rounds");
}

}  // namespace
}  // namespace verbinder::matching
