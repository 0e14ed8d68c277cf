// The synthetic network generator (see generator.h). Works on compact
// integer arrays and only materialises model records at the end, so 100,000
// members / 1,000,000 interactions stay around a second and a few hundred MB.
// Here: the order of the passes, sectors, communities, members and budgets, and
// materialising the records; the ties and events are in generator_ties.cpp.
#include "demo/generator.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "demo/civil_time.h"
#include "demo/content.h"
#include "demo/generator_internal.h"
#include "demo/random.h"

namespace verbinder::demo {
namespace internal {
namespace {

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string Fill(std::string_view templ, std::string_view key, std::string_view value) {
  std::string out(templ);
  const auto pos = out.find(key);
  if (pos != std::string::npos) out.replace(pos, key.size(), value);
  return out;
}

}  // namespace

model::Network Generator::Run(GeneratorStats* stats) {
  net_.sectors = model::DefaultSectors();
  // Named passes, each timed when stats are asked for (the clock never
  // influences the output).
  const std::pair<std::string_view, void (Generator::*)()> passes[] = {
      {"sectors", &Generator::AssignSectorsAndFlags},
      {"communities", &Generator::BuildCommunitiesAndOrganizations},
      {"members", &Generator::BuildMembers},
      {"budgets", &Generator::PlanBudgets},
      {"online_ties", &Generator::DrawOnlineTies},
      {"events", &Generator::PlanEvents},
      {"tables", &Generator::SeatAndMeet},
      {"follow_ups", &Generator::FollowUps},
      {"answers", &Generator::Answers},
      {"materialise", &Generator::Materialise},
  };
  for (const auto& [name, pass] : passes) {
    const auto t0 = std::chrono::steady_clock::now();
    (this->*pass)();
    if (stats)
      stats->passes.push_back(
          {std::string(name), std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()});
  }
  if (stats) stats->tie_attempts = tie_attempts_;
  return std::move(net_);
}

void Generator::AssignSectorsAndFlags() {
  // Exact sector sizes by largest remainder.
  std::array<int64_t, kSectors> count{};
  std::array<double, kSectors> frac{};
  int64_t assigned = 0;
  for (int s = 0; s < kSectors; ++s) {
    const double want = static_cast<double>(n_) * kSectorShare[s];
    count[s] = static_cast<int64_t>(want);
    frac[s] = want - static_cast<double>(count[s]);
    assigned += count[s];
  }
  std::array<int, kSectors> order{0, 1, 2, 3, 4, 5};
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return frac[x] > frac[y]; });
  for (int i = 0; assigned < n_; i = (i + 1) % kSectors, ++assigned) ++count[order[i]];
  sector_.assign(n_ + 1, 0);
  std::vector<uint8_t> pool;
  pool.reserve(n_);
  for (int s = 0; s < kSectors; ++s) pool.insert(pool.end(), static_cast<size_t>(count[s]), static_cast<uint8_t>(s));
  rng_.Shuffle(pool.begin(), pool.end());
  std::copy(pool.begin(), pool.end(), sector_.begin() + 1);

  isolated_.assign(n_ + 1, 0);
  inactive_.assign(n_ + 1, 0);
  const int64_t iso = n_ >= 2 ? std::min<int64_t>(static_cast<int64_t>(n_ * opt_.isolated_fraction), n_ - 2) : n_;
  const int64_t ina = std::min<int64_t>(static_cast<int64_t>(n_ * opt_.inactive_fraction), n_ - iso);
  std::vector<uint32_t> ids(n_);
  for (uint32_t i = 0; i < n_; ++i) ids[i] = i + 1;
  for (int64_t i = 0; i < iso + ina; ++i) {  // partial Fisher–Yates
    const auto j = static_cast<size_t>(i) + rng_.Below(n_ - static_cast<uint64_t>(i));
    std::swap(ids[static_cast<size_t>(i)], ids[j]);
    (i < iso ? isolated_ : inactive_)[ids[static_cast<size_t>(i)]] = 1;
  }
}

void Generator::BuildCommunitiesAndOrganizations() {
  community_.assign(n_ + 1, 0);
  org_.assign(n_ + 1, 0);
  const auto cities = DutchCities();
  std::array<std::vector<uint32_t>, kSectors> by_sector;
  for (uint32_t m = 1; m <= n_; ++m) by_sector[sector_[m]].push_back(m);
  for (int s = 0; s < kSectors; ++s) {
    const auto subs = SubsectorsOf(net_.sectors[static_cast<size_t>(s)].key);
    const auto& list = by_sector[s];
    for (size_t begin = 0; begin < list.size();) {
      const size_t size = std::min(list.size() - begin, static_cast<size_t>(rng_.Between(30, 250)));
      const uint32_t c = static_cast<uint32_t>(communities_.size());
      Community comm;
      comm.sector = s;
      comm.city = static_cast<uint32_t>(rng_.Below(cities.size()));
      comm.sub = rng_.Pick(subs);
      communities_.push_back(comm);
      for (size_t i = begin; i < begin + size;) {
        const size_t org_size =
            std::min(begin + size - i, static_cast<size_t>(1 + rng_.Below(4) * (1 + rng_.Below(12))));
        const uint32_t o = NewOrganization(comm);
        for (size_t k = i; k < i + org_size; ++k) {
          org_[list[k]] = o;
          community_[list[k]] = c;
        }
        i += org_size;
      }
      begin += size;
    }
  }
}

uint32_t Generator::NewOrganization(const Community& comm) {
  const CitySpec& city = DutchCities()[comm.city];
  std::string name = Fill(rng_.Pick(OrganizationPatterns(comm.sub)), "{city}", city.city);
  name = Fill(name, "{name}", rng_.Pick(DutchSurnames()));
  if (!name.empty()) name[0] = Capitalized(name.substr(0, 1))[0];
  model::Organization org;
  org.id = static_cast<Id>(net_.organizations.size()) + 1;
  org.sector = net_.sectors[static_cast<size_t>(comm.sector)].key;
  org.city = std::string(city.city);
  std::string domain;
  AppendSlug(name, '-', &domain);
  domain += '-' + std::to_string(org.id) + ".example";
  org.name = std::move(name);
  org_domain_.push_back(std::move(domain));
  org_sub_.push_back(comm.sub);
  const auto id = static_cast<uint32_t>(org.id);
  net_.organizations.push_back(std::move(org));
  return id;
}

void Generator::BuildMembers() {
  // Slugs of the name tables, once.
  auto slugs = [](std::span<const std::string_view> names) {
    std::vector<std::string> out;
    for (auto n : names) {
      std::string s;
      AppendSlug(n, '.', &s);
      out.push_back(std::move(s));
    }
    return out;
  };
  const auto nl_first = DutchFirstNames(), nl_last = DutchSurnames();
  const auto int_first = InternationalFirstNames(), int_last = InternationalSurnames();
  const auto s_nl_first = slugs(nl_first), s_nl_last = slugs(nl_last);
  const auto s_int_first = slugs(int_first), s_int_last = slugs(int_last);

  // Expertise tags and challenge topics per (language, sector).
  std::array<std::array<std::vector<std::string_view>, kSectors>, 2> tags;
  std::array<std::array<std::vector<std::string_view>, kSectors>, 2> topics;
  for (int l = 0; l < 2; ++l) {
    const Language lang = l ? Language::kEnglish : Language::kDutch;
    for (const auto& e : ExpertiseTexts(lang)) {
      const int s = SectorOf(e.sector);
      for (size_t start = 0;;) {
        const auto bar = e.tags.find('|', start);
        tags[l][s].push_back(e.tags.substr(start, bar - start));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
      }
    }
    for (const auto& t : GeneratorTopics()) topics[l][SectorOf(t.sector)].push_back(l ? t.en : t.nl);
  }

  net_.members.resize(n_);
  for (uint32_t id = 1; id <= n_; ++id) {
    model::Member& m = net_.members[id - 1];
    m.id = id;
    const int s = sector_[id];
    const bool international = rng_.Chance(0.15);
    const bool en = international || rng_.Chance(0.12);
    const Language lang = en ? Language::kEnglish : Language::kDutch;
    const size_t fi = rng_.Below(international ? int_first.size() : nl_first.size());
    const size_t li = rng_.Below(international ? int_last.size() : nl_last.size());
    m.name = std::string(international ? int_first[fi] : nl_first[fi]) + ' ' +
             std::string(international ? int_last[li] : nl_last[li]);
    const auto& org = net_.organizations[org_[id] - 1];
    m.email = (international ? s_int_first[fi] : s_nl_first[fi]) + '.' +
              (international ? s_int_last[li] : s_nl_last[li]) + '.' + std::to_string(id) + '@' +
              org_domain_[org_[id] - 1];
    m.organization_id = org.id;
    m.organization = org.name;
    m.sector = net_.sectors[static_cast<size_t>(s)].key;
    m.title = std::string(rng_.Pick(TitlesFor(org_sub_[org_[id] - 1], lang)));
    m.region = std::string(DutchCities()[communities_[community_[id]].city].region);
    m.languages = {en ? "en" : "nl"};
    if (rng_.Chance(0.5)) m.languages.emplace_back(en ? "nl" : "en");
    m.hosts_visits = rng_.Chance(0.15);
    if (m.hosts_visits) m.visit_location = org.name + ", " + org.city;
    const double v = rng_.Unit();
    m.visibility = v < 0.03   ? model::Visibility::kOrganizers
                   : v < 0.04 ? model::Visibility::kHidden
                              : model::Visibility::kMembers;
    m.consent_matchmaking = rng_.Chance(0.95);
    m.consent_newsletter = rng_.Chance(0.6);
    m.created_at = start_ - static_cast<UnixTime>(rng_.Below(730)) * kDay - static_cast<UnixTime>(rng_.Below(kDay));
    m.updated_at = m.created_at;
    if (!opt_.with_text) continue;
    m.bio = m.title + (en ? " at " : " bij ") + org.name + ".";
    const auto& my_tags = tags[en][s];
    if (!my_tags.empty()) {
      const auto t1 = rng_.Pick(my_tags), t2 = rng_.Pick(my_tags);
      m.expertise_tags.emplace_back(t1);
      if (t2 != t1) m.expertise_tags.emplace_back(t2);
      m.expertise_text = std::string(en ? "Happy to help with " : "Ik help graag met ") + std::string(t1) +
                         (t2 != t1 ? (en ? " and " : " en ") + std::string(t2) : std::string()) + ".";
    }
    const uint64_t roll = rng_.Below(20);
    const int challenges = roll < 10 ? 0 : roll < 17 ? 1 : 2;
    const auto& my_topics = topics[en][s];
    for (int k = 0; k < challenges && !my_topics.empty(); ++k) {
      const auto topic = rng_.Pick(my_topics);
      model::Challenge c;
      c.id = ++challenge_ids_;
      c.member_id = id;
      c.title = Capitalized(topic);
      c.text = Fill(rng_.Pick(ChallengeTemplates(lang)), "{t}", topic);
      c.status = rng_.Chance(0.2) ? model::ChallengeStatus::kSolved : model::ChallengeStatus::kOpen;
      c.created_at = TimeBefore(opt_.now - kDay);
      c.updated_at = std::min(opt_.now - 1, c.created_at + static_cast<UnixTime>(rng_.Below(60)) * kDay);
      m.updated_at = std::max(m.updated_at, c.updated_at);
      m.challenges.push_back(std::move(c));
    }
  }
}

int Generator::SectorOf(std::string_view key) {
  constexpr std::string_view kKeys[kSectors] = {"care", "industry", "government", "education", "finance", "other"};
  for (int i = 0; i < kSectors; ++i)
    if (kKeys[i] == key) return i;
  return kSectors - 1;
}

void Generator::PlanBudgets() {
  groups_community_.resize(communities_.size());
  for (uint32_t m = 1; m <= n_; ++m) {
    if (!Active(m)) continue;
    all_.members.push_back(m);
    groups_sector_[sector_[m]].members.push_back(m);
    groups_community_[community_[m]].members.push_back(m);
  }
  if (all_.members.size() < 2) {
    target_ = 0;
    return;
  }
  const auto share = [&](double x) { return static_cast<int64_t>(std::llround(static_cast<double>(target_) * x)); };
  const auto active = static_cast<int64_t>(all_.members.size());
  connected_ = std::min(share(kConnectedShare), active * (active - 1) / 4);
  met_ = share(kMetAtEventShare);
  meetings_ = share(kMeetingShare);
  visits_ = share(kVisitShare);
  // Cross-sector mixing: weight of target sector t seen from s.
  for (int s = 0; s < kSectors; ++s) {
    double total = 0;
    for (int t = 0; t < kSectors; ++t) {
      double w = (t == s || groups_sector_[t].members.empty()) ? 0 : kSectorShare[t];
      if ((s == kCare && t == kIndustry) || (s == kIndustry && t == kCare)) w *= 2.5;
      if (t == kGovernment) w *= 0.1;
      total += w;
      mix_[s][t] = total;
    }
    for (int t = 0; t < kSectors; ++t) mix_[s][t] = total > 0 ? mix_[s][t] / total : 0;
  }
  ledger_.reserve(static_cast<size_t>(target_));
}

void Generator::Materialise() {
  std::sort(ledger_.begin(), ledger_.end(), [](const Entry& x, const Entry& y) {
    return std::tie(x.at, x.a, x.b, x.kind, x.event, x.b_asked) < std::tie(y.at, y.a, y.b, y.kind, y.event, y.b_asked);
  });
  net_.interactions.resize(ledger_.size());
  net_.connections.reserve(static_cast<size_t>(connected_));
  for (size_t i = 0; i < ledger_.size(); ++i) {
    const Entry& e = ledger_[i];
    model::Interaction& in = net_.interactions[i];
    in.id = static_cast<Id>(i) + 1;
    in.a = e.a;
    in.b = e.b;
    in.kind = static_cast<InteractionKind>(e.kind);
    in.at = e.at;
    in.source = "generate";
    in.event_id = e.event;
    if (in.kind == InteractionKind::kConnected) {
      model::Connection c;
      c.id = static_cast<Id>(net_.connections.size()) + 1;
      c.from_member = e.b_asked ? e.b : e.a;
      c.to_member = e.b_asked ? e.a : e.b;
      c.status = model::ConnectionStatus::kAccepted;
      c.created_at = e.at - static_cast<UnixTime>((e.a * 2654435761u + e.b) % (3 * kDay));
      c.updated_at = e.at;
      net_.connections.push_back(std::move(c));
    }
  }
  std::vector<Entry>().swap(ledger_);

  const auto cities = DutchCities();
  for (size_t i = 0; i < events_.size(); ++i) {
    const PlannedEvent& p = events_[i];
    model::Event e;
    e.id = static_cast<Id>(i) + 1;
    e.kind = p.kind;
    e.starts_at = p.starts_at;
    e.ends_at = p.starts_at + (p.kind == model::EventKind::kCongress ? 6 : 3) * 3600;
    const CitySpec& city = cities[rng_.Below(cities.size())];
    e.location = std::string(city.city);
    int64_t year = 1970;
    while (DaysFromCivil(year + 1, 1, 1) * kDay <= p.starts_at) ++year;
    switch (p.kind) {
      case model::EventKind::kCongress:
        e.title = "Congres Zorg & Industrie " + std::string(city.region) + " " + std::to_string(year);
        e.price_cents = static_cast<int>(rng_.Between(95, 195)) * 100;
        break;
      case model::EventKind::kInspirationSession: {
        const auto& topic = rng_.Pick(GeneratorTopics());
        e.title = "Inspiratiesessie: " + Capitalized(topic.nl);
        break;
      }
      case model::EventKind::kNetworkDrinks:
        e.title = "Netwerkborrel " + std::string(city.city);
        break;
    }
    e.description = "Gegenereerde bijeenkomst in " + std::string(city.city) + ".";
    // Capacity: room for everyone at past events; the first upcoming event is overbooked.
    const int n = static_cast<int>(p.attendees.size());
    e.capacity = p.upcoming ? p.size : std::max(n, p.size) + 10;
    e.registration_deadline = p.starts_at - 2 * kDay;
    for (uint32_t m : p.attendees) net_.attendance.emplace_back(e.id, m);
    net_.events.push_back(std::move(e));
  }
}

}  // namespace internal

Status ValidateGeneratorOptions(const GeneratorOptions& o) {
  if (o.members < 1 || o.members > kMaxGeneratedMembers)
    return Status(Code::kInvalidArgument, "members must be between 1 and " + std::to_string(kMaxGeneratedMembers),
                  "members");
  if (o.interactions < -1 || o.interactions > kMaxGeneratedInteractions)
    return Status(Code::kInvalidArgument,
                  "interactions must be between 0 and " + std::to_string(kMaxGeneratedInteractions), "interactions");
  if (o.interactions == -1 && 10 * o.members > kMaxGeneratedInteractions)
    return Status(Code::kInvalidArgument, "10 × members exceeds the interaction limit; set interactions",
                  "interactions");
  if (o.events < -1 || o.events > 1'000'000)
    return Status(Code::kInvalidArgument, "events must be between 0 and 1000000", "events");
  if (o.upcoming_events < 0 || o.upcoming_events > 1000)
    return Status(Code::kInvalidArgument, "upcoming_events must be between 0 and 1000", "upcoming_events");
  if (o.history_days < 1 || o.history_days > 36500)
    return Status(Code::kInvalidArgument, "history_days must be between 1 and 36500", "history_days");
  if (!(o.isolated_fraction >= 0 && o.isolated_fraction <= 0.5))
    return Status(Code::kInvalidArgument, "isolated_fraction must be between 0 and 0.5", "isolated_fraction");
  if (!(o.inactive_fraction >= 0 && o.inactive_fraction <= 0.5))
    return Status(Code::kInvalidArgument, "inactive_fraction must be between 0 and 0.5", "inactive_fraction");
  return Status::Ok();
}

model::Network GenerateNetwork(const GeneratorOptions& options, GeneratorStats* stats) {
  return internal::Generator(options).Run(stats);
}

}  // namespace verbinder::demo
