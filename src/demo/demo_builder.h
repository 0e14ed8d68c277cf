// The builder behind demo::BuildDemo() (demo.h), declared once for the two
// files that hold its steps: demo.cpp (organizations, members and their
// profiles, the gaps, accounts, the finished ledger) and demo_ledger.cpp
// (connections, events and attendance, answers, meetings and visits, the story
// of Anja and Pieter). Internal to the demo module; one Builder per call.
#pragma once

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "demo/civil_time.h"
#include "demo/content.h"
#include "demo/demo.h"
#include "demo/random.h"

namespace verbinder::demo::internal {

using model::Id;
using model::InteractionKind;
using model::UnixTime;

inline constexpr uint64_t kSeed = 20261115;
inline constexpr UnixTime kDay = kSecondsPerDay;
inline constexpr UnixTime kYearAgo = kDemoNow - 365 * kDay;
// Inactive members' interactions all lie before this (~6.5 months before now).
inline constexpr UnixTime kInactiveBefore = kDemoNow - 200 * kDay;

struct EventPlan {
  std::string_view title;
  model::EventKind kind;
  std::string_view description;
  UnixTime starts_at;
  UnixTime ends_at;
  UnixTime borrel_at;  // when the tables at the drinks start (past events)
  std::string_view location;
  int capacity;
  int price_cents;
  int attendees;  // past: attended; upcoming: registrations
  // Relative draw weights per sector: care, industry, government, education, finance, other.
  std::array<double, 6> sector_weight;
};

inline std::pair<Id, Id> Ordered(Id x, Id y) {
  return x < y ? std::pair{x, y} : std::pair{y, x};
}

// Builds the demo network in a fixed order of steps (Build); the single Rng is
// drawn from in that order.
class Builder {
 public:
  Demo Build();

 private:
  // Per-member facts, index = id - 1.
  struct Facts {
    int org = 0;  // index into DemoOrganizations()
    std::string_view sub;
    int sector = 0;  // SectorIndex
    Language lang = Language::kDutch;
    double activity = 1.0;
    bool isolated = false;
    bool inactive = false;
    bool cluster = false;
    bool excluded = false;  // the admin: takes part in nothing random
  };

  bool IsGov(Id m) const { return facts_[m - 1].sector == 2; }
  bool IsIndustry(Id m) const { return facts_[m - 1].sector == 1; }
  bool IsCare(Id m) const { return facts_[m - 1].sector == 0; }
  bool Out(Id m) const { return facts_[m - 1].isolated || facts_[m - 1].excluded; }
  bool IsAnjaPieter(Id x, Id y) const { return Ordered(x, y) == Ordered(story_.anja, story_.pieter); }
  // Pairs the story forbids: the education cluster never meets industry.
  bool Forbidden(Id x, Id y) const {
    return (facts_[x - 1].cluster && IsIndustry(y)) || (facts_[y - 1].cluster && IsIndustry(x));
  }
  // Latest moment an interaction between x and y may happen.
  UnixTime Latest(Id x, Id y) const {
    return (facts_[x - 1].inactive || facts_[y - 1].inactive) ? kInactiveBefore - kDay : kDemoNow - kDay;
  }
  UnixTime RandomTime(UnixTime from, UnixTime to) { return rng_.Between(from, std::max(from, to)); }

  void AddInteraction(Id x, Id y, InteractionKind kind, UnixTime at, std::string source, Id event_id = 0) {
    auto [a, b] = Ordered(x, y);
    net_.interactions.push_back({0, a, b, kind, at, std::move(source), event_id});
  }

  void AddOrganizations();
  std::string UniqueName(Language lang);
  std::string UniqueEmail(std::string_view name, std::string_view domain);
  void FillProfile(model::Member& m, const OrgSpec& org, const Facts& f);
  void AddChallenge(model::Member& m, const ChallengeSpec& c, bool solved);
  void AddMembers();
  // Every challenge text appears on at least one profile in its language, so
  // all the seed's themes (turnover, rosters, stock-outs, ...) are searchable.
  void CoverEveryChallenge();
  int FirstOrgOf(std::string_view sector) const;
  bool Special(Id m) const { return m == story_.anja || m == story_.pieter || m == story_.leader || m == story_.admin; }
  void ChooseGaps();

  // Probability scale for an online connection between x and y (before activity).
  double Affinity(Id x, Id y) const;
  void Connect(Id from, Id to, UnixTime at, std::string message = {});
  void AddConnections();
  void AddEvents();
  // Draws `count` distinct members, weighted by activity × the event's sector
  // weight, after `first` (who always come). Rejection sampling keeps it portable.
  std::vector<Id> DrawAttendees(const EventPlan& plan, std::vector<Id> first, int count, bool skip_inactive);
  // For each past event (upcoming = false: attendance) or upcoming one
  // (registrations): the pinned members, then the draw, into
  // Network::attendance; then `then` with the event's list.
  void AddAttendance(bool upcoming, const std::function<void(Id, const EventPlan&, const std::vector<Id>&)>& then);
  void AddPastAttendanceAndTables();
  void AddAnswers();
  void AddMeetingsAndVisits();
  void AddStoryOfAnjaAndPieter();
  // Every inactive member must have a history (otherwise they would be isolated).
  void EnsureInactiveHaveHistory();
  void AddRegistrations();
  void AddAccounts();
  void FinishLedger();

  Rng rng_{kSeed};
  model::Network net_;
  DemoStory story_;
  std::vector<Facts> facts_;
  std::set<std::string> names_;
  std::set<std::string> emails_;
  std::set<std::pair<Id, Id>> connected_;
  std::set<std::pair<Id, Id>> requested_;
  std::vector<std::pair<std::pair<Id, Id>, UnixTime>> met_;
};

}  // namespace verbinder::demo::internal
