// The generator's ties and events (see generator.h, generator_internal.h):
// online ties drawn stochastic-block-model style with preferential attachment,
// past and upcoming events with tables of six, follow-up meetings and visits,
// and answers. Passes of the Generator; generator.cpp runs them in order.
#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "demo/generator_internal.h"

namespace verbinder::demo::internal {

const Group& Generator::TargetGroup(uint32_t a) {
  const int s = sector_[a];
  const double r = rng_.Unit();
  const bool gov = s == kGovernment;
  if (r < (gov ? 0.80 : 0.72)) return groups_community_[community_[a]];
  if (r < (gov ? 0.98 : 0.88)) return groups_sector_[s];
  const double u = rng_.Unit();
  for (int t = 0; t < kSectors; ++t)
    if (u < mix_[s][t] && !groups_sector_[t].members.empty()) return groups_sector_[t];
  return all_;
}

void Generator::DrawOnlineTies() {
  PairSet pairs(static_cast<size_t>(connected_));
  ties_.reserve(static_cast<size_t>(connected_));
  all_.ends.reserve(static_cast<size_t>(2 * connected_));
  int64_t made = 0;
  int64_t attempts = 0;
  for (; made < connected_ && attempts < 30 * connected_ + 1000; ++attempts) {
    const uint32_t a = PickFrom(all_, kUniformShareA);
    const uint32_t b = PickFrom(TargetGroup(a), kUniformShareB);
    if (a == b || !pairs.Insert(a, b)) continue;
    for (uint32_t m : {a, b}) {
      all_.ends.push_back(m);
      groups_sector_[sector_[m]].ends.push_back(m);
      groups_community_[community_[m]].ends.push_back(m);
    }
    Add(a, b, InteractionKind::kConnected, TimeBefore(Upper(a, b)), 0, /*y_asked=*/rng_.Chance(0.5));
    ties_.push_back({a, b});
    ++made;
  }
  connected_ = made;
  tie_attempts_ = attempts;
}

void Generator::PlanEvents() {
  int64_t past = opt_.events >= 0 ? opt_.events : (target_ > 0 ? std::max<int64_t>(1, (met_ + 179) / 180) : 0);
  if (all_.members.empty()) past = 0;
  const UnixTime last = opt_.now - kDay;
  std::vector<UnixTime> dates;
  for (int64_t i = 0; i < past; ++i)
    dates.push_back(start_ + static_cast<UnixTime>(rng_.Below(static_cast<uint64_t>(last - start_))));
  std::sort(dates.begin(), dates.end());
  for (UnixTime d : dates) {
    PlannedEvent e;
    // Events start at 15:00-17:00 local-ish; the borrel follows the programme.
    e.starts_at = d - d % kDay + 14 * 3600 + static_cast<UnixTime>(rng_.Below(3)) * 3600;
    const uint64_t roll = rng_.Below(20);
    if (roll < 2) {
      e.kind = model::EventKind::kCongress, e.rounds = 3, e.size = static_cast<int>(rng_.Between(150, 600));
    } else if (roll < 11) {
      e.kind = model::EventKind::kInspirationSession, e.size = static_cast<int>(rng_.Between(20, 80));
    } else {
      e.kind = model::EventKind::kNetworkDrinks, e.size = static_cast<int>(rng_.Between(30, 120));
    }
    events_.push_back(std::move(e));
  }
  for (int64_t u = 0; u < opt_.upcoming_events && !all_.members.empty(); ++u) {
    PlannedEvent e;
    e.upcoming = true;
    e.starts_at = opt_.now + (14 + 30 * u) * kDay - opt_.now % kDay + 14 * 3600;
    e.kind = u == 0 ? model::EventKind::kCongress : model::EventKind::kInspirationSession;
    e.overbooked = u == 0;
    e.size = static_cast<int>(u == 0 ? rng_.Between(100, 300) : rng_.Between(30, 80));
    events_.push_back(std::move(e));
  }
  // Attendees: around a focal community, then its sector, then anyone.
  std::vector<uint32_t> stamp(n_ + 1, 0);
  for (size_t i = 0; i < events_.size(); ++i) {
    PlannedEvent& e = events_[i];
    const uint32_t focal = PickFrom(all_, 0.5);
    const bool recent = e.starts_at >= opt_.now - kInactiveGap;
    const int64_t cap = static_cast<int64_t>(all_.members.size());
    const int want = static_cast<int>(std::min<int64_t>(e.overbooked ? e.size * 9 / 8 + 1 : e.size, cap));
    for (int attempts = 0; static_cast<int>(e.attendees.size()) < want && attempts < 8 * want + 100; ++attempts) {
      const double r = rng_.Unit();
      const Group& g = r < 0.4 ? groups_community_[community_[focal]] : r < 0.7 ? groups_sector_[sector_[focal]] : all_;
      const uint32_t m = PickFrom(g, 0.5);
      if (stamp[m] == i + 1 || ((recent || e.upcoming) && inactive_[m])) continue;
      stamp[m] = static_cast<uint32_t>(i + 1);
      e.attendees.push_back(m);
    }
  }
}

UnixTime Generator::BorrelTime(const PlannedEvent& e) {
  return e.starts_at + 2 * 3600 + static_cast<UnixTime>(rng_.Below(90)) * 60;
}

void Generator::SeatAndMeet() {
  std::vector<Seat> seats;
  std::vector<uint32_t> order;
  for (int pass = 0; pass < kMaxSeatingPasses && static_cast<int64_t>(seats.size()) < met_; ++pass) {
    for (size_t i = 0; i < events_.size(); ++i) {
      const PlannedEvent& e = events_[i];
      if (e.upcoming) continue;
      const int rounds = pass == 0 ? e.rounds : 1;
      for (int r = 0; r < rounds; ++r) {
        order = e.attendees;
        rng_.Shuffle(order.begin(), order.end());
        for (size_t t = 0; t < order.size(); t += kTableSize) {
          const size_t end = std::min(order.size(), t + kTableSize);
          for (size_t x = t; x < end; ++x)
            for (size_t y = x + 1; y < end; ++y) seats.push_back({static_cast<uint32_t>(i), order[x], order[y]});
        }
      }
    }
    if (seats.empty()) break;
  }
  // Choose exactly met_ (or all) table pairs uniformly: those who really talked.
  const auto take = static_cast<size_t>(std::min<int64_t>(met_, static_cast<int64_t>(seats.size())));
  for (size_t i = 0; i < take; ++i) std::swap(seats[i], seats[i + rng_.Below(seats.size() - i)]);
  seats.resize(take);
  met_entries_.reserve(take);
  for (const Seat& s : seats) {
    const PlannedEvent& e = events_[s.event_index];
    met_entries_.push_back(ledger_.size());
    Add(s.a, s.b, InteractionKind::kMetAtEvent, BorrelTime(e), s.event_index + 1);
  }
  met_ = static_cast<int64_t>(take);
}

void Generator::FollowUp(const Entry& from, InteractionKind kind, int64_t min_days, int64_t max_days) {
  const UnixTime wanted = from.at + rng_.Between(min_days, max_days) * kDay + rng_.Between(-3, 3) * 3600;
  const UnixTime at = std::min(std::max(from.at + 60, std::min(wanted, Upper(from.a, from.b) - 1)), opt_.now - 1);
  Add(from.a, from.b, kind, at);
}

std::pair<uint32_t, uint32_t> Generator::RandomPair() {
  for (;;) {
    const uint32_t a = rng_.Pick(all_.members), b = rng_.Pick(all_.members);
    if (a != b) return {a, b};
  }
}

void Generator::FollowUps() {
  std::vector<size_t> meetings;
  for (int64_t i = 0; i < meetings_; ++i) {
    if (!met_entries_.empty()) {
      const Entry src = ledger_[rng_.Pick(met_entries_)];
      FollowUp(src, InteractionKind::kMeetingHeld, 7, 45);
    } else {
      const auto [a, b] = ties_.empty() ? RandomPair() : rng_.Pick(ties_);
      Add(a, b, InteractionKind::kMeetingHeld, TimeBefore(Upper(a, b)));
    }
    meetings.push_back(ledger_.size() - 1);
  }
  for (int64_t i = 0; i < visits_; ++i) {
    if (!meetings.empty()) {
      const Entry src = ledger_[rng_.Pick(meetings)];
      FollowUp(src, InteractionKind::kVisitHeld, 14, 60);
    } else {
      const auto [a, b] = RandomPair();
      Add(a, b, InteractionKind::kVisitHeld, TimeBefore(Upper(a, b)));
    }
  }
}

void Generator::Answers() {
  const int64_t answers = target_ - static_cast<int64_t>(ledger_.size());
  for (int64_t i = 0; i < answers; ++i) {
    uint32_t asker, helper;
    if (!ties_.empty() && rng_.Chance(0.6)) {
      std::tie(asker, helper) = rng_.Pick(ties_);
    } else {
      asker = rng_.Pick(all_.members);
      // Routed to another sector first, except government, which answers its own.
      helper = asker;
      const Group& pool = sector_[asker] == kGovernment ? groups_sector_[kGovernment] : all_;
      for (int tries = 0; tries < 4 && (helper == asker || (tries < 3 && sector_[helper] == sector_[asker] &&
                                                            sector_[asker] != kGovernment));
           ++tries)
        helper = PickFrom(pool, 0.3);
      if (helper == asker) std::tie(asker, helper) = RandomPair();
    }
    Add(asker, helper, InteractionKind::kAnswered, TimeBefore(Upper(asker, helper)));
  }
}

}  // namespace verbinder::demo::internal
