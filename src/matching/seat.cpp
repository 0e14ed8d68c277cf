#include "matching/seat.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace verbinder::matching {
namespace {

// Cost weights: a colleague pair must dominate everything, a repeat must
// dominate sector mixing, and a weighted pair (weights ~[0, 1]) counts like
// about one same-sector pair per 1.0 of weight.
constexpr double kColleagueCost = 1000;
constexpr double kRepeatCost = 100;
constexpr double kSameSectorCost = 10;
constexpr double kWeightGain = 10;

uint64_t PairKey(int a, int b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b);
}

struct PairInfo {
  int met = 0;        // rounds already shared
  double weight = 0;  // wish to sit together
};

class Seater {
 public:
  Seater(const SeatInstance& inst, uint64_t seed) : inst_(inst), rng_(seed) {
    std::unordered_map<std::string, int> sectors, orgs;
    for (const SeatAttendee& a : inst.attendees) {
      sector_.push_back(sectors.emplace(a.sector, static_cast<int>(sectors.size())).first->second);
      org_.push_back(a.organization.empty()
                         ? -1 - static_cast<int>(org_.size())
                         : orgs.emplace(a.organization, static_cast<int>(orgs.size())).first->second);
    }
    for (const SeatPair& p : inst.pairs) pairs_[PairKey(p.a, p.b)].weight += p.weight;
  }

  double PairCost(int x, int y) const {
    double c = 0;
    if (org_[x] == org_[y]) c += kColleagueCost;
    if (sector_[x] == sector_[y]) c += kSameSectorCost;
    auto it = pairs_.find(PairKey(x, y));
    if (it != pairs_.end()) {
      c += kRepeatCost * it->second.met;
      if (it->second.met == 0) c -= kWeightGain * it->second.weight;
    }
    return c;
  }
  // Cost of x joining `members`, ignoring `skip` (an attendee leaving).
  double JoinCost(int x, const std::vector<int>& members, int skip) const {
    double c = 0;
    for (int y : members) {
      if (y != x && y != skip) c += PairCost(x, y);
    }
    return c;
  }

  SeatRound SeatRoundNow(const std::vector<int>& seated, int moves) {
    const int tables = static_cast<int>(inst_.tables.size());
    SeatRound round;
    round.tables.assign(tables, {});
    std::vector<int> table_of(inst_.attendees.size(), -1);
    // Hardest first: attendees with many colleagues.
    std::unordered_map<int, int> org_size;
    for (int x : seated) ++org_size[org_[x]];
    std::vector<int> order = seated;
    std::shuffle(order.begin(), order.end(), rng_);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return org_size[org_[x]] > org_size[org_[y]]; });
    for (int x : order) {
      int best = -1;
      double best_cost = 0;
      int best_free = 0;
      for (int t = 0; t < tables; ++t) {
        int free = inst_.tables[t].capacity - static_cast<int>(round.tables[t].size());
        if (free <= 0) continue;
        double c = JoinCost(x, round.tables[t], -1);
        if (best < 0 || c < best_cost - 1e-9 || (std::abs(c - best_cost) <= 1e-9 && free > best_free)) {
          best = t;
          best_cost = c;
          best_free = free;
        }
      }
      round.tables[best].push_back(x);
      table_of[x] = best;
    }
    // Local search: random moves and swaps, with a short annealing schedule.
    if (tables > 1 && !seated.empty()) {
      for (int k = 0; k < moves; ++k) {
        double temperature = 5.0 * (1.0 - static_cast<double>(k) / moves);
        int x = seated[rng_() % seated.size()];
        int from = table_of[x];
        int to = static_cast<int>(rng_() % tables);
        if (to == from) continue;
        std::vector<int>& a = round.tables[from];
        std::vector<int>& b = round.tables[to];
        bool has_seat = static_cast<int>(b.size()) < inst_.tables[to].capacity;
        int y = -1;
        double delta;
        if (has_seat && (b.empty() || rng_() % 2 == 0)) {
          delta = JoinCost(x, b, -1) - JoinCost(x, a, x);
        } else {
          if (b.empty()) continue;
          y = b[rng_() % b.size()];
          delta = JoinCost(x, b, y) - JoinCost(x, a, x) + JoinCost(y, a, x) - JoinCost(y, b, y);
        }
        bool accept = delta < -1e-9 || (temperature > 0.05 && delta < 3 * temperature &&
                                        std::generate_canonical<double, 53>(rng_) < std::exp(-delta / temperature));
        if (!accept) continue;
        a.erase(std::find(a.begin(), a.end(), x));
        b.push_back(x);
        table_of[x] = to;
        if (y >= 0) {
          b.erase(std::find(b.begin(), b.end(), y));
          a.push_back(y);
          table_of[y] = from;
        }
      }
    }
    for (auto& members : round.tables) {
      std::sort(members.begin(), members.end());
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) ++pairs_[PairKey(members[i], members[j])].met;
      }
    }
    return round;
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  const SeatInstance& inst_;
  std::mt19937_64 rng_;
  std::vector<int> sector_;
  std::vector<int> org_;
  std::unordered_map<uint64_t, PairInfo> pairs_;
};

int TotalSeats(const SeatInstance& inst) {
  int total = 0;
  for (const SeatTable& t : inst.tables) total += t.capacity;
  return total;
}

// Who sits this round: everyone if seats allow, else those who sat out least.
std::vector<int> ChooseSeated(const SeatInstance& inst, const std::vector<int>& sat_out, int round) {
  const int n = static_cast<int>(inst.attendees.size());
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  int seats = TotalSeats(inst);
  if (seats >= n) return order;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    if (sat_out[x] != sat_out[y]) return sat_out[x] < sat_out[y];
    return (x + round * 7919) % n < (y + round * 7919) % n;
  });
  // The first n - seats sit out (they have sat out least so far).
  std::vector<int> seated(order.begin() + (n - seats), order.end());
  std::sort(seated.begin(), seated.end());
  return seated;
}

void FillUnseated(int n, SeatRound* round) {
  std::vector<uint8_t> seated(n, 0);
  for (const auto& t : round->tables) {
    for (int x : t) seated[x] = 1;
  }
  round->unseated.clear();
  for (int x = 0; x < n; ++x) {
    if (!seated[x]) round->unseated.push_back(x);
  }
}

}  // namespace

Status ValidateSeatInstance(const SeatInstance& inst) {
  if (inst.rounds < 1) return InvalidArgument("must be at least 1, got " + std::to_string(inst.rounds), "rounds");
  if (inst.tables.empty()) return InvalidArgument("at least one table is required", "tables");
  const int n = static_cast<int>(inst.attendees.size());
  std::unordered_set<std::string> ids;
  for (int i = 0; i < n; ++i) {
    if (!ids.insert(inst.attendees[i].id).second) {
      return InvalidArgument("duplicate attendee id \"" + inst.attendees[i].id + "\"",
                             "attendees[" + std::to_string(i) + "].id");
    }
  }
  ids.clear();
  for (size_t t = 0; t < inst.tables.size(); ++t) {
    std::string where = "tables[" + std::to_string(t) + "]";
    if (inst.tables[t].capacity < 1) {
      return InvalidArgument("must be at least 1, got " + std::to_string(inst.tables[t].capacity), where + ".capacity");
    }
    if (!ids.insert(inst.tables[t].id).second) {
      return InvalidArgument("duplicate table id \"" + inst.tables[t].id + "\"", where + ".id");
    }
  }
  for (size_t k = 0; k < inst.pairs.size(); ++k) {
    const SeatPair& p = inst.pairs[k];
    std::string where = "pairs[" + std::to_string(k) + "]";
    if (p.a < 0 || p.a >= n) return InvalidArgument("attendee index out of range", where + ".a");
    if (p.b < 0 || p.b >= n) return InvalidArgument("attendee index out of range", where + ".b");
    if (p.a == p.b) return InvalidArgument("a pair needs two different attendees", where + ".b");
    if (!std::isfinite(p.weight) || p.weight < 0) {
      return InvalidArgument("weight must be a finite number >= 0", where + ".weight");
    }
  }
  return Status::Ok();
}

SeatQuality EvaluateSeating(const SeatInstance& inst, const std::vector<SeatRound>& rounds) {
  SeatQuality q;
  std::unordered_map<uint64_t, int> together;
  std::unordered_map<uint64_t, double> weight;
  for (const SeatPair& p : inst.pairs) weight[PairKey(p.a, p.b)] += p.weight;
  long tables_used = 0;
  long distinct_total = 0;
  for (const SeatRound& r : rounds) {
    q.unseated += static_cast<int>(r.unseated.size());
    for (const auto& members : r.tables) {
      if (members.empty()) continue;
      std::unordered_set<std::string> sectors;
      for (int x : members) sectors.insert(inst.attendees[x].sector);
      distinct_total += static_cast<long>(sectors.size());
      ++tables_used;
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) {
          int x = members[i], y = members[j];
          ++together[PairKey(x, y)];
          const std::string& org = inst.attendees[x].organization;
          if (!org.empty() && org == inst.attendees[y].organization) ++q.colleague_conflicts;
        }
      }
    }
  }
  for (const auto& [key, count] : together) {
    q.repeats += count - 1;
    auto it = weight.find(key);
    if (it != weight.end()) q.weight += it->second;
  }
  q.mean_distinct_sectors = tables_used ? static_cast<double>(distinct_total) / tables_used : 0;
  return q;
}

std::vector<SeatRound> RandomSeating(const SeatInstance& inst, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const int n = static_cast<int>(inst.attendees.size());
  std::vector<SeatRound> rounds;
  for (int r = 0; r < inst.rounds; ++r) {
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    SeatRound round;
    round.tables.assign(inst.tables.size(), {});
    size_t next = 0;
    for (size_t t = 0; t < inst.tables.size(); ++t) {
      for (int k = 0; k < inst.tables[t].capacity && next < order.size(); ++k) round.tables[t].push_back(order[next++]);
    }
    FillUnseated(n, &round);
    rounds.push_back(std::move(round));
  }
  return rounds;
}

Status VerifySeating(const SeatInstance& inst, const std::vector<SeatRound>& rounds) {
  const int n = static_cast<int>(inst.attendees.size());
  for (size_t r = 0; r < rounds.size(); ++r) {
    std::vector<uint8_t> seen(n, 0);
    const std::string where = "round " + std::to_string(r + 1) + ": ";
    if (rounds[r].tables.size() != inst.tables.size()) return Internal(where + "wrong number of tables");
    for (size_t t = 0; t < rounds[r].tables.size(); ++t) {
      const std::vector<int>& members = rounds[r].tables[t];
      if (static_cast<int>(members.size()) > inst.tables[t].capacity) {
        return Internal(where + "table \"" + inst.tables[t].id + "\" over capacity");
      }
      for (int x : members) {
        if (x < 0 || x >= n) return Internal(where + "attendee index out of range");
        if (seen[x]++) return Internal(where + "\"" + inst.attendees[x].id + "\" seated twice");
      }
    }
    for (int x : rounds[r].unseated) {
      if (x < 0 || x >= n) return Internal(where + "attendee index out of range");
      if (seen[x]++) return Internal(where + "\"" + inst.attendees[x].id + "\" both seated and unseated");
    }
  }
  return Status::Ok();
}

Result<SeatResult> Seat(const SeatInstance& inst, const SeatOptions& options) {
  VB_RETURN_IF_ERROR(ValidateSeatInstance(inst));
  const int n = static_cast<int>(inst.attendees.size());
  Seater seater(inst, options.seed);
  SeatResult result;
  std::vector<int> sat_out(n, 0);
  // The rounds always run (no skipping, no stop): the result needs them all.
  util::PassOptions always = options.passes;
  always.skip.clear();
  always.stop = {};
  auto weight = [&] { return EvaluateSeating(inst, result.rounds).weight; };
  EnginePasses rounds(always, weight, &result.passes);
  for (int r = 0; r < inst.rounds; ++r) {
    rounds.Run("round_" + std::to_string(r + 1), [&] {
      std::vector<int> seated = ChooseSeated(inst, sat_out, r);
      SeatRound round = seater.SeatRoundNow(seated, options.moves_per_attendee * std::max(n, 1));
      FillUnseated(n, &round);
      for (int x : round.unseated) ++sat_out[x];
      result.rounds.push_back(std::move(round));
    });
  }
  result.quality = EvaluateSeating(inst, result.rounds);
  EnginePasses last(
      options.passes, [&] { return result.quality.weight; }, &result.passes);
  last.Run("random_baseline", options.compare_random, [&] {
    result.random_baseline = EvaluateSeating(inst, RandomSeating(inst, options.seed ^ 0x9e3779b97f4a7c15ULL));
  });
  VB_RETURN_IF_ERROR(last.Verify([&] { return VerifySeating(inst, result.rounds); }));
  return result;
}

}  // namespace verbinder::matching
