// Builds the demo network (see demo.h). The order of the steps is fixed and the
// single Rng is drawn from in that order, so the output never changes unless
// this file, demo_ledger.cpp or content*.cpp does. Here: the order of the steps,
// organizations, members and their profiles, the gaps, accounts and the
// finished ledger; the ties and events are in demo_ledger.cpp.
#include "demo/demo.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "demo/civil_time.h"
#include "demo/content.h"
#include "demo/demo_builder.h"
#include "demo/random.h"

namespace verbinder::demo {
namespace internal {
namespace {

constexpr int kIsolatedCount = 8;
constexpr int kInactiveCount = 20;

int SectorIndex(std::string_view sector) {
  constexpr std::string_view kKeys[] = {"care", "industry", "government", "education", "finance", "other"};
  for (int i = 0; i < 6; ++i)
    if (kKeys[i] == sector) return i;
  return 5;
}

}  // namespace

Demo Builder::Build() {
  net_.sectors = model::DefaultSectors();
  AddOrganizations();
  AddMembers();
  ChooseGaps();
  AddConnections();
  AddEvents();
  AddPastAttendanceAndTables();
  AddAnswers();
  AddMeetingsAndVisits();
  AddStoryOfAnjaAndPieter();
  EnsureInactiveHaveHistory();
  AddRegistrations();
  AddAccounts();
  FinishLedger();
  return Demo{std::move(net_), std::move(story_)};
}

void Builder::AddOrganizations() {
  for (const auto& spec : DemoOrganizations()) {
    model::Organization org;
    org.id = static_cast<Id>(net_.organizations.size()) + 1;
    org.name = std::string(spec.name);
    org.sector = std::string(spec.sector);
    org.city = std::string(spec.city);
    net_.organizations.push_back(std::move(org));
  }
}

std::string Builder::UniqueName(Language lang) {
  for (;;) {
    const bool en = lang == Language::kEnglish;
    std::string name(en ? rng_.Pick(InternationalFirstNames()) : rng_.Pick(DutchFirstNames()));
    name += ' ';
    name += en ? rng_.Pick(InternationalSurnames()) : rng_.Pick(DutchSurnames());
    if (names_.insert(name).second) return name;
  }
}

std::string Builder::UniqueEmail(std::string_view name, std::string_view domain) {
  const auto space = name.find(' ');
  std::string local;
  AppendSlug(name.substr(0, space), '.', &local);
  local += '.';
  AppendSlug(name.substr(space + 1), '.', &local);
  std::string email = local + "@" + std::string(domain);
  for (int n = 2; !emails_.insert(email).second; ++n) email = local + std::to_string(n) + "@" + std::string(domain);
  return email;
}

void Builder::FillProfile(model::Member& m, const OrgSpec& org, const Facts& f) {
  const bool en = f.lang == Language::kEnglish;
  if (m.title.empty()) m.title = std::string(rng_.Pick(TitlesFor(f.sub, f.lang)));
  m.region = "Twente";
  m.languages = {en ? "en" : "nl"};
  if (en) {
    if (rng_.Chance(0.35)) m.languages.push_back("nl");
    if (rng_.Chance(0.15)) m.languages.push_back("de");
  } else {
    if (rng_.Chance(0.65)) m.languages.push_back("en");
    if (rng_.Chance(0.2)) m.languages.push_back("de");
  }
  if (m.bio.empty())
    m.bio = m.title + (en ? " at " : " bij ") + std::string(org.name) + (en ? " in " : " in ") + std::string(org.city) +
            ".";

  // Expertise: one matching entry (sub-sector specific or sector-wide).
  std::vector<const ExpertiseSpec*> exp;
  for (const auto& e : ExpertiseTexts(f.lang))
    if (e.sector == org.sector && (e.sub.empty() || e.sub == f.sub)) exp.push_back(&e);
  if (!exp.empty() && m.expertise_tags.empty()) {
    const ExpertiseSpec* e = rng_.Pick(exp);
    for (size_t start = 0;;) {
      const auto bar = e->tags.find('|', start);
      m.expertise_tags.emplace_back(e->tags.substr(start, bar - start));
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    m.expertise_text = std::string(e->text);
  }

  // Challenges: 0, 1 or 2 distinct ones.
  std::vector<const ChallengeSpec*> pool;
  for (const auto& c : ChallengeTexts(f.lang))
    if (c.sector == org.sector && (c.sub.empty() || c.sub == f.sub)) pool.push_back(&c);
  const uint64_t roll = rng_.Below(4);
  const size_t count = std::min<size_t>(pool.size(), roll == 0 ? 0 : roll == 3 ? 2 : 1);
  rng_.Shuffle(pool.begin(), pool.end());
  for (size_t i = 0; i < count && m.challenges.size() < 2; ++i) AddChallenge(m, *pool[i], rng_.Chance(0.2));

  m.hosts_visits = (f.sector <= 1 || f.sector == 3) ? rng_.Chance(0.3) : rng_.Chance(0.1);
  if (m.hosts_visits)
    m.visit_location = std::string(org.visit_spot) + ", " + std::string(org.name) + ", " + std::string(org.city);
  const double v = rng_.Unit();
  m.visibility = v < 0.04   ? model::Visibility::kOrganizers
                 : v < 0.06 ? model::Visibility::kHidden
                            : model::Visibility::kMembers;
  m.consent_matchmaking = rng_.Chance(0.93);
  m.consent_newsletter = rng_.Chance(0.7);
  m.created_at = kYearAgo - rng_.Between(30, 700) * kDay + rng_.Between(8 * 3600, 17 * 3600);
  m.updated_at = m.created_at;
  for (const auto& c : m.challenges) m.updated_at = std::max(m.updated_at, c.updated_at);
}

void Builder::AddChallenge(model::Member& m, const ChallengeSpec& c, bool solved) {
  model::Challenge ch;
  ch.member_id = m.id;
  ch.title = std::string(c.title);
  ch.text = std::string(c.text);
  ch.status = solved ? model::ChallengeStatus::kSolved : model::ChallengeStatus::kOpen;
  ch.created_at = kDemoNow - rng_.Between(20, 300) * kDay - rng_.Between(0, 8 * 3600);
  ch.updated_at = std::min(kDemoNow - kDay, ch.created_at + rng_.Between(0, solved ? 120 : 30) * kDay);
  m.challenges.push_back(std::move(ch));
}

void Builder::AddMembers() {
  const auto orgs = DemoOrganizations();
  for (std::string_view n : {"Anja Kamphuis", "Pieter Lammerink", "Marloes Brinkman", "Ruben Assink"})
    names_.insert(std::string(n));
  for (std::string_view e : {kDemoLeaderEmail, kDemoAdminEmail, kDemoAnjaEmail, kDemoPieterEmail})
    emails_.insert(std::string(e));
  constexpr double kEnglishShare[] = {0.28, 0.32, 0.05, 0.30, 0.25, 0.2};
  for (int oi = 0; oi < static_cast<int>(orgs.size()); ++oi) {
    const OrgSpec& org = orgs[oi];
    for (int k = 0; k < org.size; ++k) {
      model::Member m;
      m.id = static_cast<Id>(net_.members.size()) + 1;
      Facts f;
      f.org = oi;
      f.sector = SectorIndex(org.sector);
      f.cluster = org.sector == "education" && oi < FirstOrgOf("education") + 2;
      // Sub-sector per member: organizations are single-sub except the network's own.
      f.sub = org.sub;
      f.activity = 0.5 + 2.5 * [&] {
        double u = rng_.Unit();
        return u * u * u;
      }();
      const bool special =
          (org.name == "Thuiszorg De Noaber" || org.name == "Twentse Precisie Onderdelen" || org.sub == "network") &&
          k < (org.sub == "network" ? 2 : 1);
      if (!special) f.lang = rng_.Chance(kEnglishShare[f.sector]) ? Language::kEnglish : Language::kDutch;

      if (special && org.name == "Thuiszorg De Noaber") {
        story_.anja = m.id;
        m.name = "Anja Kamphuis";
        m.title = "Wijkverpleegkundige";
        m.bio =
            "Wijkverpleegkundige in Hengelo-Noord. Onze wachtlijst groeit elke maand; ik wil weten hoe "
            "anderen de stroom van aanmelding tot eerste bezoek op orde krijgen.";
        m.expertise_tags = {"wijkverpleging", "triage", "zelfredzaamheid"};
        m.expertise_text = "Ik help graag bij het triëren van aanvragen en het inrichten van wijkteams.";
        f.activity = 1.6;
      } else if (special && org.name == "Twentse Precisie Onderdelen") {
        story_.pieter = m.id;
        m.name = "Pieter Lammerink";
        m.title = "Lean specialist";
        m.bio =
            "Lean specialist bij een onderdelenfabriek in Almelo. Ik verkort doorlooptijden voor de kost — "
            "en ben benieuwd hoe dat buiten de fabriek werkt.";
        m.expertise_tags = {"lean", "doorlooptijdverkorting", "value stream mapping", "SMED"};
        m.expertise_text =
            "Ik help organisaties wachttijd zichtbaar te maken en doorlooptijden te verkorten, "
            "ook buiten de fabriek. Kom gerust eens kijken in onze productiehal.";
        f.activity = 2.5;
      } else if (special && k == 0) {
        story_.leader = m.id;
        m.name = "Marloes Brinkman";
        m.title = "Netwerkleider";
        m.bio = "Ik leid het Netwerk Zorg & Industrie Twente en breng mensen samen die van elkaar kunnen leren.";
        m.expertise_tags = {"verbinden", "netwerken", "programmamaken"};
        m.expertise_text = "Ik breng mensen uit verschillende sectoren samen rond een vraagstuk.";
        f.activity = 4.0;
      } else if (special) {
        story_.admin = m.id;
        m.name = "Ruben Assink";
        m.title = "Functioneel beheerder";
        m.bio = "Beheer van het ledenplatform.";
        f.excluded = true;
        f.activity = 0;
      } else {
        m.name = UniqueName(f.lang);
      }
      if (m.id == story_.leader)
        m.email = std::string(kDemoLeaderEmail);
      else if (m.id == story_.admin)
        m.email = std::string(kDemoAdminEmail);
      else if (m.id == story_.anja)
        m.email = std::string(kDemoAnjaEmail);
      else if (m.id == story_.pieter)
        m.email = std::string(kDemoPieterEmail);
      else
        m.email = UniqueEmail(m.name, org.domain);
      m.organization_id = oi + 1;
      m.organization = std::string(org.name);
      m.sector = std::string(org.sector);
      FillProfile(m, org, f);
      facts_.push_back(f);
      net_.members.push_back(std::move(m));
    }
  }
  CoverEveryChallenge();
  // Story details that FillProfile must not randomise away.
  auto& anja = net_.members[story_.anja - 1];
  anja.challenges.clear();
  AddChallenge(anja, ChallengeTexts(Language::kDutch)[0], false);  // growing waiting list
  anja.hosts_visits = true;
  anja.visit_location = "wijkteam Hengelo-Noord, Thuiszorg De Noaber, Hengelo";
  anja.visibility = model::Visibility::kMembers;
  anja.consent_matchmaking = anja.consent_newsletter = true;
  auto& pieter = net_.members[story_.pieter - 1];
  pieter.hosts_visits = true;
  pieter.visit_location = "productiehal, Twentse Precisie Onderdelen, Almelo";
  pieter.visibility = model::Visibility::kMembers;
  pieter.consent_matchmaking = pieter.consent_newsletter = true;
  auto& leader = net_.members[story_.leader - 1];
  leader.challenges.clear();
  leader.visibility = model::Visibility::kMembers;
  leader.hosts_visits = false;
  leader.visit_location.clear();
  auto& admin = net_.members[story_.admin - 1];
  admin.visibility = model::Visibility::kHidden;
  admin.consent_matchmaking = false;
  admin.challenges.clear();
  admin.expertise_tags.clear();
  admin.expertise_text.clear();
  admin.hosts_visits = false;
  admin.visit_location.clear();
  for (auto* m : {&anja, &pieter, &leader, &admin}) {
    m->languages = {"nl", "en"};
    m->updated_at = m->created_at;
    for (const auto& c : m->challenges) m->updated_at = std::max(m->updated_at, c.updated_at);
  }
  if (net_.members.size() != static_cast<size_t>(kDemoMemberCount)) std::abort();  // content.cpp out of step
}

void Builder::CoverEveryChallenge() {
  for (Language lang : {Language::kDutch, Language::kEnglish}) {
    const std::string code = lang == Language::kEnglish ? "en" : "nl";
    for (const auto& spec : ChallengeTexts(lang)) {
      bool used = false;
      for (const auto& m : net_.members)
        for (const auto& c : m.challenges) used = used || c.title == spec.title;
      if (used) continue;
      model::Member* best = nullptr;
      for (auto& m : net_.members) {
        const Facts& f = facts_[m.id - 1];
        if (Special(m.id) || f.lang != lang || m.sector != spec.sector || (!spec.sub.empty() && f.sub != spec.sub))
          continue;
        if (!best || m.challenges.size() < best->challenges.size()) best = &m;
      }
      if (!best) continue;
      AddChallenge(*best, spec, false);
      best->updated_at = std::max(best->updated_at, best->challenges.back().updated_at);
    }
  }
}

int Builder::FirstOrgOf(std::string_view sector) const {
  const auto orgs = DemoOrganizations();
  for (int i = 0; i < static_cast<int>(orgs.size()); ++i)
    if (orgs[i].sector == sector) return i;
  return 0;
}

void Builder::ChooseGaps() {
  for (Id m = 1; m <= kDemoMemberCount; ++m) {
    if (IsGov(m)) story_.government.push_back(m);
    if (facts_[m - 1].cluster) story_.education_cluster.push_back(m);
  }
  // Isolated and inactive members come from care, industry, finance and other,
  // so they do not blur the government and education gaps.
  std::vector<Id> pool;
  for (Id m = 1; m <= kDemoMemberCount; ++m)
    if (!Special(m) && !IsGov(m) && !facts_[m - 1].cluster && facts_[m - 1].sector != 3) pool.push_back(m);
  rng_.Shuffle(pool.begin(), pool.end());
  for (int i = 0; i < kIsolatedCount; ++i) {
    const Id m = pool[i];
    facts_[m - 1].isolated = true;
    story_.isolated.push_back(m);
    if (i % 2 == 0) {  // half of them joined only recently
      auto& mem = net_.members[m - 1];
      mem.created_at = kDemoNow - rng_.Between(3, 20) * kDay;
      for (auto& c : mem.challenges) {
        c.created_at = mem.created_at + 3600;
        c.updated_at = c.created_at;
        c.status = model::ChallengeStatus::kOpen;
      }
      mem.updated_at = mem.created_at + 3600;
    }
  }
  for (int i = kIsolatedCount; i < kIsolatedCount + kInactiveCount; ++i) {
    facts_[pool[i] - 1].inactive = true;
    story_.inactive.push_back(pool[i]);
  }
  std::sort(story_.isolated.begin(), story_.isolated.end());
  std::sort(story_.inactive.begin(), story_.inactive.end());
  // A few brokers who connect widely.
  for (int i = kIsolatedCount + kInactiveCount; i < kIsolatedCount + kInactiveCount + 6; ++i)
    facts_[pool[i] - 1].activity = 3.5;
}

void Builder::AddAccounts() {
  const std::string password(kDemoPassword);
  net_.accounts.push_back({story_.leader, model::Role::kOrganizer, password});
  net_.accounts.push_back({story_.admin, model::Role::kAdmin, password});
  net_.accounts.push_back({story_.anja, model::Role::kMember, password});
  net_.accounts.push_back({story_.pieter, model::Role::kMember, password});
}

void Builder::FinishLedger() {
  auto& ledger = net_.interactions;
  std::sort(ledger.begin(), ledger.end(), [](const model::Interaction& x, const model::Interaction& y) {
    return std::tie(x.at, x.a, x.b, x.kind, x.event_id, x.source) <
           std::tie(y.at, y.a, y.b, y.kind, y.event_id, y.source);
  });
  for (size_t i = 0; i < ledger.size(); ++i) ledger[i].id = static_cast<Id>(i) + 1;
  // Challenges carry their member's id and a network-wide id in member order.
  Id next_challenge = 1;
  for (auto& m : net_.members)
    for (auto& c : m.challenges) {
      c.member_id = m.id;
      c.id = next_challenge++;
    }
}

}  // namespace internal

Demo BuildDemo() {
  return internal::Builder().Build();
}

model::Network BuildDemoNetwork() {
  return BuildDemo().network;
}

}  // namespace verbinder::demo
