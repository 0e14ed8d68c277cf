// The demo network's ties and events (see demo.h, demo_builder.h): online
// connections and open requests, the seven events with their attendance and
// borrel tables, answers, meetings and visits, the story of Anja and Pieter and
// the registrations for upcoming events. Steps of the Builder; demo.cpp runs
// them in order.
#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>

#include "demo/civil_time.h"
#include "demo/demo_builder.h"

namespace verbinder::demo::internal {
namespace {

constexpr int kTableSize = 6;

static_assert(kDemoNow == AmsterdamTime(2026, 11, 15, 12));

// Story dates.
constexpr UnixTime kAnjaPieterConnected = AmsterdamTime(2026, 2, 9, 10, 14);
constexpr UnixTime kAnjaPieterMet = AmsterdamTime(2026, 4, 16, 17, 45);
constexpr UnixTime kAnjaPieterMeeting = AmsterdamTime(2026, 5, 12, 10, 0);
constexpr UnixTime kAnjaPieterVisit = AmsterdamTime(2026, 6, 18, 9, 30);

constexpr EventPlan kEvents[] = {
    {"Eindejaarsborrel Zorg & Industrie",
     model::EventKind::kNetworkDrinks,
     "Een informele borrel om het jaar af te sluiten. Neem een collega mee uit een andere sector.",
     AmsterdamTime(2025, 12, 11, 17, 0),
     AmsterdamTime(2025, 12, 11, 19, 30),
     AmsterdamTime(2025, 12, 11, 17, 30),
     "Grand Café Stationsplein, Hengelo",
     80,
     0,
     55,
     {1.0, 1.0, 0.3, 0.6, 0.6, 1.0}},
    {"Inspiratiesessie: Lean in de zorg — van wachtlijst naar flow",
     model::EventKind::kInspirationSession,
     "Wat kan de wijkverpleging leren van een fabriek die doorlooptijden halveert? Twee korte verhalen uit de "
     "praktijk en daarna in gesprek aan tafels.\n\n*Gratis voor leden.*",
     AmsterdamTime(2026, 1, 22, 15, 0),
     AmsterdamTime(2026, 1, 22, 17, 30),
     AmsterdamTime(2026, 1, 22, 16, 45),
     "Hogeschool Tubantia, Enschede",
     50,
     0,
     42,
     {1.0, 0.7, 0.2, 0.5, 0.3, 1.0}},
    {"Congres Zorg & Industrie 2026",
     model::EventKind::kCongress,
     "## Zorg en industrie: leren van elkaar\n\nDe jaarlijkse ontmoeting van zorg en industrie in Twente. "
     "Sprekers uit ziekenhuizen, thuiszorg en maakbedrijven over personeel, planning en doorlooptijden — en "
     "natuurlijk de borrel achteraf.",
     AmsterdamTime(2026, 4, 16, 12, 30),
     AmsterdamTime(2026, 4, 16, 19, 0),
     AmsterdamTime(2026, 4, 16, 17, 15),
     "Evenementenhal Twentepoort, Hengelo",
     200,
     14500,
     180,
     {1.0, 1.0, 0.25, 0.55, 0.5, 0.9}},
    {"Inspiratiesessie: Energiekosten omlaag in fabriek en verpleeghuis",
     model::EventKind::kInspirationSession,
     "Een maakbedrijf en een zorggroep vertellen hoe zij hun energierekening met een kwart verlaagden.\n\n"
     "*Gratis voor leden.*",
     AmsterdamTime(2026, 9, 17, 15, 0),
     AmsterdamTime(2026, 9, 17, 17, 30),
     AmsterdamTime(2026, 9, 17, 16, 45),
     "Zonnepark Borne, bezoekerscentrum",
     40,
     0,
     31,
     {0.8, 1.0, 0.3, 0.3, 0.6, 1.0}},
    {"Netwerkborrel najaar",
     model::EventKind::kNetworkDrinks,
     "Bijpraten, kennismaken en vooruitkijken naar het congres van volgend jaar.",
     AmsterdamTime(2026, 10, 8, 17, 0),
     AmsterdamTime(2026, 10, 8, 19, 30),
     AmsterdamTime(2026, 10, 8, 17, 30),
     "Stadscafé De Waag, Almelo",
     80,
     0,
     48,
     {1.0, 1.0, 0.3, 0.5, 0.6, 1.0}},
    {"Inspiratiesessie: Roosteren zonder puzzelen",
     model::EventKind::kInspirationSession,
     "Wat leert de zorg van planning in de industrie? Een planner uit de logistiek en een teamleider uit de "
     "wijkverpleging laten zien hoe zij roosteren — daarna gaan we in kleine groepen aan de slag met jullie "
     "eigen rooster.\n\n*Gratis voor leden.*",
     AmsterdamTime(2026, 12, 3, 15, 0),
     AmsterdamTime(2026, 12, 3, 17, 30),
     0,
     "Zorgacademie Twente, Almelo",
     40,
     0,
     29,
     {1.0, 0.9, 0.2, 0.5, 0.3, 0.8}},
    {"Congres Zorg & Industrie 2027",
     model::EventKind::kCongress,
     "## Van contact naar verbinding\n\nHet tweede congres Zorg & Industrie. 's Middags sprekers, daarna "
     "netwerkrondes met tafels die zorg en industrie mengen, en de borrel.",
     AmsterdamTime(2027, 4, 15, 12, 30),
     AmsterdamTime(2027, 4, 15, 19, 0),
     0,
     "Evenementenhal Twentepoort, Hengelo",
     150,
     14500,
     168,
     {1.0, 1.0, 0.25, 0.55, 0.5, 0.9}},
};
constexpr Id kCongress2026 = 3;
constexpr Id kInspiration = 6;
constexpr Id kCongress2027 = 7;

// Who comes to an event before the draw, in registration order: the leader
// everywhere, and the story's pair at the two congresses.
struct Pinned {
  Id event;
  Id DemoStory::*who[3];
};
constexpr Pinned kPinned[] = {
    {kCongress2026, {&DemoStory::leader, &DemoStory::anja, &DemoStory::pieter}},
    {kCongress2027, {&DemoStory::leader, &DemoStory::pieter, &DemoStory::anja}},
};

// What follows a talk at the borrel: weeks later some pairs hold a 1:1
// meeting, and some of those pairs then visit one another. Each stage takes
// the pairs of the stage before in order, up to its count, at a random number
// of days after the stage before.
struct FollowUp {
  InteractionKind kind;
  const char* source;
  size_t count;
  int min_days, max_days;
  bool hour_jitter;  // a few hours around the moment of the stage before
  bool needs_host;   // one of the two hosts visits
};
constexpr FollowUp kFollowUps[] = {
    {InteractionKind::kMeetingHeld, "meeting", 32, 7, 45, true, false},
    {InteractionKind::kVisitHeld, "visit", 11, 14, 60, false, true},
};

}  // namespace

double Builder::Affinity(Id x, Id y) const {
  const Facts& fx = facts_[x - 1];
  const Facts& fy = facts_[y - 1];
  if (Forbidden(x, y)) return 0;
  if (IsGov(x) != IsGov(y)) return 0.0015;
  if (fx.org == fy.org) return 0.35;
  if (fx.cluster && fy.cluster) return 0.12;
  if (fx.sector == fy.sector) return fx.sector <= 1 ? 0.05 : 0.08;
  if ((fx.cluster && IsCare(y)) || (fy.cluster && IsCare(x))) return 0.05;
  if ((IsCare(x) && IsIndustry(y)) || (IsCare(y) && IsIndustry(x))) return 0.03;
  if (fx.sector == 5 || fy.sector == 5) return 0.03;
  return 0.015;
}

void Builder::Connect(Id from, Id to, UnixTime at, std::string message) {
  model::Connection c;
  c.id = static_cast<Id>(net_.connections.size()) + 1;
  c.from_member = from;
  c.to_member = to;
  c.status = model::ConnectionStatus::kAccepted;
  c.message = std::move(message);
  c.created_at = at - rng_.Between(600, 5 * kDay);
  c.updated_at = at;
  AddInteraction(from, to, InteractionKind::kConnected, at, "connection:" + std::to_string(c.id));
  connected_.insert(Ordered(from, to));
  net_.connections.push_back(std::move(c));
}

void Builder::AddConnections() {
  for (Id x = 1; x <= kDemoMemberCount; ++x) {
    for (Id y = x + 1; y <= kDemoMemberCount; ++y) {
      if (Out(x) || Out(y) || IsAnjaPieter(x, y)) continue;
      const double p = std::min(0.9, Affinity(x, y) * facts_[x - 1].activity * facts_[y - 1].activity);
      if (!rng_.Chance(p)) continue;
      const bool x_asks = rng_.Chance(0.5);
      const Id from = x_asks ? x : y;
      std::string message;
      if (rng_.Chance(0.2))
        message = facts_[from - 1].lang == Language::kEnglish ? "Good to connect — I saw your profile in the network."
                                                              : "Leuk om via het netwerk kennis te maken!";
      Connect(from, x_asks ? y : x, RandomTime(kYearAgo, Latest(x, y)), std::move(message));
    }
  }
  Connect(story_.leader, story_.admin, RandomTime(kYearAgo, kYearAgo + 30 * kDay));
  // Requests still open or turned down: no interaction in the ledger.
  for (int made = 0, tries = 0; made < 17 && tries < 10000; ++tries) {
    const Id x = static_cast<Id>(rng_.Between(1, kDemoMemberCount));
    const Id y = static_cast<Id>(rng_.Between(1, kDemoMemberCount));
    if (x == y || Out(x) || Out(y) || facts_[x - 1].inactive || facts_[y - 1].inactive || IsGov(x) != IsGov(y) ||
        Forbidden(x, y) || IsAnjaPieter(x, y) || connected_.count(Ordered(x, y)) || requested_.count(Ordered(x, y)))
      continue;
    requested_.insert(Ordered(x, y));
    model::Connection c;
    c.id = static_cast<Id>(net_.connections.size()) + 1;
    c.from_member = x;
    c.to_member = y;
    c.status = made < 12 ? model::ConnectionStatus::kPending : model::ConnectionStatus::kDeclined;
    c.created_at = kDemoNow - rng_.Between(1, 40) * kDay;
    c.updated_at =
        c.status == model::ConnectionStatus::kPending ? c.created_at : c.created_at + rng_.Between(1, 3) * kDay;
    net_.connections.push_back(std::move(c));
    ++made;
  }
}

void Builder::AddEvents() {
  for (const auto& plan : kEvents) {
    model::Event e;
    e.id = static_cast<Id>(net_.events.size()) + 1;
    e.title = std::string(plan.title);
    e.kind = plan.kind;
    e.description = std::string(plan.description);
    e.starts_at = plan.starts_at;
    e.ends_at = plan.ends_at;
    e.location = std::string(plan.location);
    e.capacity = plan.capacity;
    e.price_cents = plan.price_cents;
    e.registration_deadline = plan.starts_at - (plan.kind == model::EventKind::kCongress ? 14 : 2) * kDay;
    net_.events.push_back(std::move(e));
  }
  story_.congress_2026 = kCongress2026;
  story_.inspiration_session = kInspiration;
  story_.congress_2027 = kCongress2027;
}

std::vector<Id> Builder::DrawAttendees(const EventPlan& plan, std::vector<Id> first, int count, bool skip_inactive) {
  std::vector<char> taken(kDemoMemberCount + 1, 0);
  for (Id m : first) taken[m] = 1;
  std::vector<Id> out = std::move(first);
  while (static_cast<int>(out.size()) < count) {
    const Id m = static_cast<Id>(rng_.Between(1, kDemoMemberCount));
    if (taken[m] || Out(m) || (skip_inactive && facts_[m - 1].inactive)) continue;
    const double w = facts_[m - 1].activity * plan.sector_weight[facts_[m - 1].sector] / 4.0;
    if (!rng_.Chance(w)) continue;
    taken[m] = 1;
    out.push_back(m);
  }
  return out;
}

void Builder::AddAttendance(bool upcoming,
                            const std::function<void(Id, const EventPlan&, const std::vector<Id>&)>& then) {
  for (Id e = 1; e <= static_cast<Id>(std::size(kEvents)); ++e) {
    const EventPlan& plan = kEvents[e - 1];
    if ((plan.starts_at >= kDemoNow) != upcoming) continue;
    std::vector<Id> first = {story_.leader};
    for (const Pinned& p : kPinned) {
      if (p.event != e) continue;
      first.clear();
      for (Id DemoStory::*who : p.who) first.push_back(story_.*who);
    }
    // Members who went quiet are drawn only for events before that.
    std::vector<Id> who = DrawAttendees(plan, first, plan.attendees, plan.starts_at >= kInactiveBefore);
    // Past attendance by member id; registrations in draw order (= registration order).
    if (!upcoming) std::sort(who.begin(), who.end());
    for (Id m : who) net_.attendance.emplace_back(e, m);
    then(e, plan, who);
  }
}

void Builder::AddPastAttendanceAndTables() {
  AddAttendance(false, [this](Id e, const EventPlan& plan, const std::vector<Id>& who) {
    // The borrel: government members find each other; everyone else mixes.
    std::vector<Id> gov, rest;
    for (Id m : who) (IsGov(m) ? gov : rest).push_back(m);
    rng_.Shuffle(gov.begin(), gov.end());
    rng_.Shuffle(rest.begin(), rest.end());
    std::vector<Id> seats = gov;
    seats.insert(seats.end(), rest.begin(), rest.end());
    const double talk = e == kCongress2026 ? 0.45 : 0.5;
    for (size_t t = 0; t < seats.size(); t += kTableSize) {
      const size_t end = std::min(seats.size(), t + kTableSize);
      for (size_t i = t; i < end; ++i) {
        for (size_t j = i + 1; j < end; ++j) {
          const Id x = seats[i], y = seats[j];
          if (Forbidden(x, y) || IsAnjaPieter(x, y)) continue;
          if (!rng_.Chance(IsGov(x) != IsGov(y) ? 0.1 : talk)) continue;
          const UnixTime at = plan.borrel_at + rng_.Between(0, 90) * 60;
          AddInteraction(x, y, InteractionKind::kMetAtEvent, at, "event:" + std::to_string(e), e);
          met_.push_back({Ordered(x, y), at});
        }
      }
    }
  });
}

void Builder::AddAnswers() {
  constexpr int kAnswers = 110;
  for (int made = 0, tries = 0; made < kAnswers && tries < 100000; ++tries) {
    const Id asker = static_cast<Id>(rng_.Between(1, kDemoMemberCount));
    const Id helper = static_cast<Id>(rng_.Between(1, kDemoMemberCount));
    if (asker == helper || Out(asker) || Out(helper) || Forbidden(asker, helper) || IsAnjaPieter(asker, helper))
      continue;
    if (IsGov(asker) != IsGov(helper)) continue;
    // Questions are routed to other sectors first.
    const bool same = facts_[asker - 1].sector == facts_[helper - 1].sector;
    if (same && !IsGov(asker) && !rng_.Chance(0.3)) continue;
    AddInteraction(asker, helper, InteractionKind::kAnswered, RandomTime(kYearAgo, Latest(asker, helper)), "question");
    ++made;
  }
}

void Builder::AddMeetingsAndVisits() {
  // The borrel talks in random order, each pair once, feed the first stage.
  std::vector<std::pair<std::pair<Id, Id>, UnixTime>> before;
  {
    std::vector<size_t> order(met_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    rng_.Shuffle(order.begin(), order.end());
    std::set<std::pair<Id, Id>> seen;
    for (size_t i : order)
      if (seen.insert(met_[i].first).second) before.push_back(met_[i]);
  }
  for (const FollowUp& stage : kFollowUps) {
    std::vector<std::pair<std::pair<Id, Id>, UnixTime>> held;
    for (const auto& [pair, prev_at] : before) {
      if (held.size() >= stage.count) break;
      if (stage.needs_host && !net_.members[pair.first - 1].hosts_visits && !net_.members[pair.second - 1].hosts_visits)
        continue;
      UnixTime at = prev_at + rng_.Between(stage.min_days, stage.max_days) * kDay;
      if (stage.hour_jitter) at += rng_.Between(-2, 3) * 3600;
      if (at > Latest(pair.first, pair.second)) continue;
      AddInteraction(pair.first, pair.second, stage.kind, at, stage.source);
      held.push_back({pair, at});
    }
    before = std::move(held);
  }
}

void Builder::AddStoryOfAnjaAndPieter() {
  const Id anja = story_.anja, pieter = story_.pieter;
  Connect(anja, pieter, kAnjaPieterConnected,
          "Hoi Pieter, ik las je bericht over doorlooptijden. Herkenbaar voor onze wachtlijst — zullen we "
          "verbinden?");
  AddInteraction(anja, pieter, InteractionKind::kMetAtEvent, kAnjaPieterMet, "event:" + std::to_string(kCongress2026),
                 kCongress2026);
  AddInteraction(anja, pieter, InteractionKind::kMeetingHeld, kAnjaPieterMeeting, "meeting");
  AddInteraction(anja, pieter, InteractionKind::kVisitHeld, kAnjaPieterVisit, "visit");
}

void Builder::EnsureInactiveHaveHistory() {
  std::vector<int> count(kDemoMemberCount + 1, 0);
  for (const auto& in : net_.interactions) ++count[in.a], ++count[in.b];
  for (Id m : story_.inactive) {
    if (count[m] > 0) continue;
    for (Id o = 1; o <= kDemoMemberCount; ++o) {
      if (o == m || Out(o) || facts_[o - 1].org != facts_[m - 1].org || connected_.count(Ordered(m, o))) continue;
      Connect(o, m, RandomTime(kYearAgo, kInactiveBefore - kDay));
      ++count[m];
      break;
    }
  }
}

void Builder::AddRegistrations() {
  AddAttendance(true, [this](Id e, const EventPlan& plan, const std::vector<Id>& who) {
    if (e != kCongress2027) return;
    for (size_t i = static_cast<size_t>(plan.capacity); i < who.size(); ++i)
      story_.congress_2027_waitlist.push_back(who[i]);
  });
}

}  // namespace verbinder::demo::internal
