// Builds the demo network (see demo.h). The order of the steps is fixed and the
// single Rng is drawn from in that order, so the output never changes unless
// this file or content.cpp does.
#include "demo/demo.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "demo/civil_time.h"
#include "demo/content.h"
#include "demo/random.h"

namespace verbinder::demo {
namespace {

using model::Id;
using model::InteractionKind;
using model::UnixTime;

constexpr uint64_t kSeed = 20261115;
constexpr UnixTime kDay = kSecondsPerDay;
constexpr UnixTime kYearAgo = kDemoNow - 365 * kDay;
// Inactive members' interactions all lie before this (~6.5 months before now).
constexpr UnixTime kInactiveBefore = kDemoNow - 200 * kDay;
constexpr int kIsolatedCount = 8;
constexpr int kInactiveCount = 20;
constexpr int kTableSize = 6;

static_assert(kDemoNow == AmsterdamTime(2026, 11, 15, 12));

// Story dates.
constexpr UnixTime kAnjaPieterConnected = AmsterdamTime(2026, 2, 9, 10, 14);
constexpr UnixTime kAnjaPieterMet = AmsterdamTime(2026, 4, 16, 17, 45);
constexpr UnixTime kAnjaPieterMeeting = AmsterdamTime(2026, 5, 12, 10, 0);
constexpr UnixTime kAnjaPieterVisit = AmsterdamTime(2026, 6, 18, 9, 30);

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

int SectorIndex(std::string_view sector) {
  constexpr std::string_view kKeys[] = {"care", "industry", "government", "education", "finance", "other"};
  for (int i = 0; i < 6; ++i)
    if (kKeys[i] == sector) return i;
  return 5;
}

std::pair<Id, Id> Ordered(Id x, Id y) {
  return x < y ? std::pair{x, y} : std::pair{y, x};
}

class Builder {
 public:
  Demo Build() {
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

  void AddOrganizations() {
    for (const auto& spec : DemoOrganizations()) {
      model::Organization org;
      org.id = static_cast<Id>(net_.organizations.size()) + 1;
      org.name = std::string(spec.name);
      org.sector = std::string(spec.sector);
      org.city = std::string(spec.city);
      net_.organizations.push_back(std::move(org));
    }
  }

  std::string UniqueName(Language lang) {
    for (;;) {
      const bool en = lang == Language::kEnglish;
      std::string name(en ? rng_.Pick(InternationalFirstNames()) : rng_.Pick(DutchFirstNames()));
      name += ' ';
      name += en ? rng_.Pick(InternationalSurnames()) : rng_.Pick(DutchSurnames());
      if (names_.insert(name).second) return name;
    }
  }

  std::string UniqueEmail(std::string_view name, std::string_view domain) {
    const auto space = name.find(' ');
    std::string local;
    AppendSlug(name.substr(0, space), '.', &local);
    local += '.';
    AppendSlug(name.substr(space + 1), '.', &local);
    std::string email = local + "@" + std::string(domain);
    for (int n = 2; !emails_.insert(email).second; ++n) email = local + std::to_string(n) + "@" + std::string(domain);
    return email;
  }

  void FillProfile(model::Member& m, const OrgSpec& org, const Facts& f) {
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
      m.bio = m.title + (en ? " at " : " bij ") + std::string(org.name) + (en ? " in " : " in ") +
              std::string(org.city) + ".";

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

  void AddChallenge(model::Member& m, const ChallengeSpec& c, bool solved) {
    model::Challenge ch;
    ch.member_id = m.id;
    ch.title = std::string(c.title);
    ch.text = std::string(c.text);
    ch.status = solved ? model::ChallengeStatus::kSolved : model::ChallengeStatus::kOpen;
    ch.created_at = kDemoNow - rng_.Between(20, 300) * kDay - rng_.Between(0, 8 * 3600);
    ch.updated_at = std::min(kDemoNow - kDay, ch.created_at + rng_.Between(0, solved ? 120 : 30) * kDay);
    m.challenges.push_back(std::move(ch));
  }

  void AddMembers() {
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

  // Every challenge text appears on at least one profile in its language, so
  // all the seed's themes (turnover, rosters, stock-outs, ...) are searchable.
  void CoverEveryChallenge() {
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

  int FirstOrgOf(std::string_view sector) const {
    const auto orgs = DemoOrganizations();
    for (int i = 0; i < static_cast<int>(orgs.size()); ++i)
      if (orgs[i].sector == sector) return i;
    return 0;
  }

  bool Special(Id m) const { return m == story_.anja || m == story_.pieter || m == story_.leader || m == story_.admin; }

  void ChooseGaps() {
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

  // Probability scale for an online connection between x and y (before activity).
  double Affinity(Id x, Id y) const {
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

  void Connect(Id from, Id to, UnixTime at, std::string message = {}) {
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

  void AddConnections() {
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

  void AddEvents() {
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

  // Draws `count` distinct members, weighted by activity × the event's sector
  // weight, after `first` (who always come). Rejection sampling keeps it portable.
  std::vector<Id> DrawAttendees(const EventPlan& plan, std::vector<Id> first, int count, bool skip_inactive) {
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

  void AddPastAttendanceAndTables() {
    for (Id e = 1; e <= static_cast<Id>(std::size(kEvents)); ++e) {
      const EventPlan& plan = kEvents[e - 1];
      if (plan.starts_at >= kDemoNow) continue;
      std::vector<Id> first = {story_.leader};
      if (e == kCongress2026) first = {story_.leader, story_.anja, story_.pieter};
      std::vector<Id> who = DrawAttendees(plan, first, plan.attendees, plan.starts_at >= kInactiveBefore);
      std::sort(who.begin(), who.end());
      for (Id m : who) net_.attendance.emplace_back(e, m);
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
    }
  }

  void AddAnswers() {
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
      AddInteraction(asker, helper, InteractionKind::kAnswered, RandomTime(kYearAgo, Latest(asker, helper)),
                     "question");
      ++made;
    }
  }

  void AddMeetingsAndVisits() {
    std::vector<std::pair<std::pair<Id, Id>, UnixTime>> meetings;
    std::set<std::pair<Id, Id>> seen;
    std::vector<size_t> order(met_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    rng_.Shuffle(order.begin(), order.end());
    for (size_t i : order) {
      if (meetings.size() >= 32) break;
      const auto [pair, met_at] = met_[i];
      if (!seen.insert(pair).second) continue;
      const UnixTime at = met_at + rng_.Between(7, 45) * kDay + rng_.Between(-2, 3) * 3600;
      if (at > Latest(pair.first, pair.second)) continue;
      AddInteraction(pair.first, pair.second, InteractionKind::kMeetingHeld, at, "meeting");
      meetings.push_back({pair, at});
    }
    int visits = 0;
    for (const auto& [pair, meeting_at] : meetings) {
      if (visits >= 11) break;
      const auto& ma = net_.members[pair.first - 1];
      const auto& mb = net_.members[pair.second - 1];
      if (!ma.hosts_visits && !mb.hosts_visits) continue;
      const UnixTime at = meeting_at + rng_.Between(14, 60) * kDay;
      if (at > Latest(pair.first, pair.second)) continue;
      AddInteraction(pair.first, pair.second, InteractionKind::kVisitHeld, at, "visit");
      ++visits;
    }
  }

  void AddStoryOfAnjaAndPieter() {
    const Id anja = story_.anja, pieter = story_.pieter;
    Connect(anja, pieter, kAnjaPieterConnected,
            "Hoi Pieter, ik las je bericht over doorlooptijden. Herkenbaar voor onze wachtlijst — zullen we "
            "verbinden?");
    AddInteraction(anja, pieter, InteractionKind::kMetAtEvent, kAnjaPieterMet, "event:" + std::to_string(kCongress2026),
                   kCongress2026);
    AddInteraction(anja, pieter, InteractionKind::kMeetingHeld, kAnjaPieterMeeting, "meeting");
    AddInteraction(anja, pieter, InteractionKind::kVisitHeld, kAnjaPieterVisit, "visit");
  }

  // Every inactive member must have a history (otherwise they would be isolated).
  void EnsureInactiveHaveHistory() {
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

  void AddRegistrations() {
    for (Id e = 1; e <= static_cast<Id>(std::size(kEvents)); ++e) {
      const EventPlan& plan = kEvents[e - 1];
      if (plan.starts_at < kDemoNow) continue;
      std::vector<Id> first = {story_.leader};
      if (e == kCongress2027) first = {story_.leader, story_.pieter, story_.anja};
      // Draw order is registration order.
      std::vector<Id> who = DrawAttendees(plan, first, plan.attendees, true);
      for (Id m : who) net_.attendance.emplace_back(e, m);
      if (e == kCongress2027)
        for (size_t i = static_cast<size_t>(plan.capacity); i < who.size(); ++i)
          story_.congress_2027_waitlist.push_back(who[i]);
    }
  }

  void AddAccounts() {
    const std::string password(kDemoPassword);
    net_.accounts.push_back({story_.leader, model::Role::kOrganizer, password});
    net_.accounts.push_back({story_.admin, model::Role::kAdmin, password});
    net_.accounts.push_back({story_.anja, model::Role::kMember, password});
    net_.accounts.push_back({story_.pieter, model::Role::kMember, password});
  }

  void FinishLedger() {
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

}  // namespace

Demo BuildDemo() {
  return Builder().Build();
}

model::Network BuildDemoNetwork() {
  return BuildDemo().network;
}

}  // namespace verbinder::demo
