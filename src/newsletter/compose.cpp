#include "newsletter/compose.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

#include <soci/soci.h>

#include "util/civil_time.h"
#include "domain/db_util.h"
#include "domain/members.h"
#include "newsletter/markdown.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using domain::Viewer;
using model::Id;

using util::AmsterdamCivil;
using util::Civil;

const char* MonthName(const std::string& lang, unsigned m) {
  static const char* nl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                             "september", "oktober", "november", "december"};
  static const char* en[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"};
  return (lang == "en" ? en : nl)[(m - 1) % 12];
}

std::string FormatWhen(const std::string& lang, int64_t t) {
  Civil c = AmsterdamCivil(t);
  char time[8];
  std::snprintf(time, sizeof time, "%02d:%02d", c.hour, c.minute);
  if (lang == "en") return std::string(MonthName(lang, c.m)) + " " + std::to_string(c.d) + ", " + std::to_string(c.y) + ", " + time;
  return std::to_string(c.d) + " " + MonthName(lang, c.m) + " " + std::to_string(c.y) + ", " + time + " uur";
}

// The texts of the e-mail in both languages.
struct Texts {
  const char* newsletter; const char* articles; const char* no_articles; const char* events; const char* free;
  const char* personal; const char* meet_at; const char* online_never_met; const char* other_sector;
  const char* questions; const char* questions_intro; const char* hosts; const char* hosts_intro;
  const char* read_more; const char* unsubscribe; const char* why; const char* by;
  const char* your_topics; const char* also; const char* none_on_topics;
};
const Texts& T(const std::string& lang) {
  static const Texts nl{"Nieuwsbrief", "Nieuwe kennisartikelen", "Deze maand geen nieuwe artikelen.",
                        "Binnenkort", "gratis", "Speciaal voor jou", "Wie moet je spreken op",
                        "jullie zijn online verbonden maar hebben elkaar nog niet ontmoet",
                        "uit een andere sector dan de jouwe", "Vraagstukken waar jij bij kunt helpen",
                        "Deze leden lopen ergens tegenaan waar jij verstand van hebt:", "Kom eens kijken",
                        "Leden bij jou in de buurt die bezoek ontvangen:", "Lees verder",
                        "Afmelden voor deze nieuwsbrief", "Je ontvangt dit omdat je je hebt aangemeld voor de nieuwsbrief.",
                        "door", "Over jouw onderwerpen", "Ook deze maand",
                        "Deze maand geen nieuwe artikelen over jouw onderwerpen."};
  static const Texts en{"Newsletter", "New knowledge articles", "No new articles this month.", "Coming up", "free",
                        "Just for you", "Whom to meet at", "you are connected online but have not met yet",
                        "from another sector than yours", "Questions you could help with",
                        "These members are running into something you know about:", "Come and have a look",
                        "Members near you who host visits:", "Read more", "Unsubscribe from this newsletter",
                        "You receive this because you subscribed to the newsletter.", "by", "On your topics",
                        "Also this month", "No new articles on your topics this month."};
  return lang == "en" ? en : nl;
}

std::string H(const std::string& s) { return HtmlEscape(s); }

constexpr int kMaxExpertiseWords = 500;

// The words of a member's expertise that can match a question: 4+ characters,
// no function words, at most 40 bytes (as the search index keeps them).
std::set<std::string> ExpertiseWords(const std::string& text) {
  std::set<std::string> out;
  for (const auto& w : domain::Words(text))
    if (Utf8Length(w) >= 4 && w.size() <= 40 && !domain::IsStopWord(w)) out.insert(w);
  while (out.size() > static_cast<size_t>(kMaxExpertiseWords)) out.erase(std::prev(out.end()));
  return out;
}

// Percent-encodes what RFC 6068 does not allow as is in a mailto address or query.
std::string MailtoEscape(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || std::strchr("@.-_~!$'()*+;:", c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Domain(const std::string& email) {
  auto at = email.rfind('@');
  return at == std::string::npos ? "localhost" : email.substr(at + 1);
}

}  // namespace

std::string ArticlePageUrl(const std::string& base_url, Id article_id) {
  return base_url + "/articles/" + std::to_string(article_id);
}

std::string UnsubscribeMailto(const std::string& address, const std::string& token) {
  return "mailto:" + MailtoEscape(address) + "?subject=" + MailtoEscape("unsubscribe " + token);
}

Result<NewsletterConfig> LoadConfig(storage::Database& db) {
  return domain::WithSession<NewsletterConfig>(db, [&](soci::session& sql) -> Result<NewsletterConfig> {
    NewsletterConfig c;
    VB_ASSIGN_OR_RETURN(c.mail, mail::LoadMailConfig(sql));
    c.from = c.mail.from();
    c.base_url = c.mail.base_url;
    std::string v;
    sql << "SELECT value FROM settings WHERE key = 'newsletter.list_name'", soci::into(v);
    if (sql.got_data()) c.list_name = v;
    v.clear();
    sql << "SELECT value FROM settings WHERE key = 'newsletter.rate'", soci::into(v);
    if (sql.got_data() && !v.empty()) {
      char* end = nullptr;
      double r = std::strtod(v.c_str(), &end);
      if (!end || *end != '\0' || r < 0 || r > 100000)
        return InvalidArgument("must be messages per second (0 = no limit)", "newsletter.rate");
      c.rate = r;
    }
    return c;
  });
}

Status ValidateConfig(const NewsletterConfig& c) {
  VB_RETURN_IF_ERROR(mail::CheckHeaderValue("from_name", c.from.name));
  VB_RETURN_IF_ERROR(mail::CheckHeaderValue("list_name", c.list_name));
  VB_RETURN_IF_ERROR(mail::CheckHeaderValue("base_url", c.base_url));
  if (!IsValidEmail(c.from.email)) return InvalidArgument("is not a valid e-mail address", "from_email");
  if (!StartsWith(c.base_url, "https://") && !StartsWith(c.base_url, "http://"))
    return InvalidArgument("must start with https:// (or http:// for local testing)", "base_url");
  for (char ch : c.base_url)
    if (ch == ' ' || ch == '<' || ch == '>' || ch == '"' || static_cast<unsigned char>(ch) > 0x7E)
      return InvalidArgument("must be a plain ASCII URL", "base_url");
  return Status::Ok();
}

Result<std::pair<int64_t, int64_t>> MonthRange(const std::string& month) {
  const Status bad = InvalidArgument("must be a month like 2026-11", "month");
  if (month.size() != 7 || month[4] != '-') return bad;
  for (int i : {0, 1, 2, 3, 5, 6})
    if (month[i] < '0' || month[i] > '9') return bad;
  int64_t y = std::stoi(month.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(month.substr(5, 2)));
  if (m < 1 || m > 12 || y < 2000 || y > 2200) return bad;
  int64_t start = util::AmsterdamTime(y, m, 1, 0);
  int64_t end = m == 12 ? util::AmsterdamTime(y + 1, 1, 1, 0) : util::AmsterdamTime(y, m + 1, 1, 0);
  return std::make_pair(start, end);
}

std::string MonthOf(int64_t t) {
  Civil c = AmsterdamCivil(t);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02u", static_cast<long long>(c.y), c.m);
  return buf;
}

std::string Composer::MessageId(const std::string& month, Id subscriber_id) const {
  return "<newsletter." + month + "." + std::to_string(subscriber_id) + "@" + Domain(config_.from.email) + ">";
}

Result<Issue> Composer::LoadIssue(const std::string& month) {
  VB_ASSIGN_OR_RETURN(auto range, MonthRange(month));
  Issue issue;
  issue.month = month;
  issue.composed_at = clock_.Now();
  ArticleService articles(db_, clock_);
  ArticleFilter f;
  f.status = ArticleStatus::kPublished;
  f.published_from = range.first;
  f.published_to = range.second;
  f.limit = domain::kMaxPageSize;
  // Anonymous viewer: only what is public goes into the shared part.
  VB_ASSIGN_OR_RETURN(auto page, articles.List(Viewer{}, f));
  issue.articles = std::move(page.items);
  std::reverse(issue.articles.begin(), issue.articles.end());  // oldest first reads like a month
  // Upcoming: events starting after the later of now and the month's start.
  const int64_t from = std::max(issue.composed_at, range.first);
  auto events = domain::WithSession<std::vector<EventItem>>(db_, [&](soci::session& sql) -> Result<std::vector<EventItem>> {
    std::vector<EventItem> out;
    EventItem e;
    long long id = 0, starts = 0, f2 = from;
    int price = 0;
    soci::statement st = (sql.prepare << "SELECT id, title, kind, starts_at, location, price_cents FROM events "
                                         "WHERE starts_at >= :f ORDER BY starts_at, id LIMIT " + std::to_string(kMaxEvents),
                          soci::use(f2), soci::into(id), soci::into(e.title), soci::into(e.kind), soci::into(starts),
                          soci::into(e.location), soci::into(price));
    st.execute();
    while (st.fetch()) {
      e.id = id;
      e.starts_at = starts;
      e.free = price == 0;
      out.push_back(e);
    }
    return out;
  });
  if (!events) return events.status();
  issue.events = std::move(*events);
  VB_ASSIGN_OR_RETURN(issue.topics, ListTopics(db_));
  if (issue.articles.empty() && issue.events.empty())
    return Conflict("nothing to send for " + month + ": no articles were published that month and no events are coming up",
                    "month");
  return issue;
}

Result<PersonalPart> Composer::PersonalBySql(const Subscriber& s) {
  PersonalPart p;
  if (s.member_id <= 0) return p;
  return domain::WithSession<PersonalPart>(db_, [&](soci::session& sql) -> Result<PersonalPart> {
    long long me = s.member_id, now = clock_.Now();
    std::string name, sector, region, tags, text, role_s;
    int consent = 0;
    soci::indicator sector_ind = soci::i_ok;
    sql << "SELECT name, sector, region, expertise_tags, expertise_text, consent_matchmaking FROM members WHERE id = :id",
        soci::use(me), soci::into(name), soci::into(sector, sector_ind), soci::into(region), soci::into(tags),
        soci::into(text), soci::into(consent);
    if (!sql.got_data()) return p;  // the member is gone: no personal part
    if (sector_ind != soci::i_ok) sector.clear();
    sql << "SELECT role FROM accounts WHERE member_id = :id", soci::use(me), soci::into(role_s);
    Viewer viewer{s.member_id, sql.got_data() ? model::ParseRole(role_s).value_or(model::Role::kMember) : model::Role::kMember};
    const std::string visible = viewer.VisibleSql("m");
    const std::string pair_cond = "((i.a = :me1 AND i.b = m.id) OR (i.a = m.id AND i.b = :me2))";

    // 1. Whom to meet at the next event they are registered for.
    if (consent) {
      long long ev = 0;
      std::string title;
      sql << "SELECT e.id, e.title FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.member_id = :me AND "
             "r.status = 'registered' AND e.starts_at > :now ORDER BY e.starts_at, e.id LIMIT 1",
          soci::use(me), soci::use(now), soci::into(ev), soci::into(title);
      if (sql.got_data()) {
        p.event_id = ev;
        p.event_title = title;
        long long id = 0;
        int online = 0;
        PersonSuggestion ps;
        soci::statement st = (sql.prepare <<
            "SELECT m.id, m.name, COALESCE(o.name, ''), COALESCE(m.sector, ''), CASE WHEN EXISTS (SELECT 1 FROM "
            "interactions i WHERE " + pair_cond + ") THEN 1 ELSE 0 END AS online FROM registrations r JOIN members m ON "
            "m.id = r.member_id LEFT JOIN organizations o ON o.id = m.organization_id WHERE r.event_id = :ev AND "
            "r.status = 'registered' AND m.id <> :me3 AND m.consent_matchmaking = 1 AND " + visible +
            " AND COALESCE(m.sector, '') <> :sector AND NOT EXISTS (SELECT 1 FROM interactions i WHERE " +
            "((i.a = :me4 AND i.b = m.id) OR (i.a = m.id AND i.b = :me5)) AND i.kind IN (" + model::FaceToFaceKindsSql() +
            ")) ORDER BY online DESC, m.id LIMIT " + std::to_string(kMaxSuggestions),
            soci::use(me), soci::use(me), soci::use(ev), soci::use(me), soci::use(sector), soci::use(me), soci::use(me),
            soci::into(id), soci::into(ps.name), soci::into(ps.organization), soci::into(ps.sector), soci::into(online));
        st.execute();
        while (st.fetch()) {
          ps.member_id = id;
          ps.reason = online ? T(s.language).online_never_met : T(s.language).other_sector;
          p.people.push_back(ps);
        }
      }
    }

    // 2. Open questions that match what they can help with.
    std::set<std::string> mine = ExpertiseWords(tags + " " + text);
    if (!mine.empty()) {
      // Placeholders bind by position: add them in the order they appear in the query.
      std::vector<std::string> params;
      const std::string me_param = domain::Bind(params, std::to_string(me));
      std::string in;
      int n = 0;
      for (const auto& w : mine) {
        if (n++ >= kMaxExpertiseWords) break;
        in += (in.empty() ? "" : ", ") + domain::Bind(params, "ch:" + w);
      }
      domain::DynStatement st(sql,
          "SELECT c.id, c.title, c.text, m.id, m.name FROM challenges c JOIN members m ON m.id = c.member_id WHERE "
          "c.status = 'open' AND m.id <> " + me_param + " AND " + visible +
          " AND c.member_id IN (SELECT member_id FROM member_terms WHERE term IN (" + in + ")) ORDER BY c.id",
          params);
      long long cid = 0, mid = 0;
      std::string title, ctext, mname;
      st.Into(cid); st.Into(title); st.Into(ctext); st.Into(mid); st.Into(mname);
      std::vector<std::pair<int, QuestionSuggestion>> scored;
      if (st.Execute()) {
        do {
          int score = 0;
          for (const auto& w : domain::Words(title + " " + ctext)) score += mine.count(w) ? 1 : 0;
          if (score > 0) scored.push_back({score, {cid, mid, title, mname}});
        } while (st.Fetch());
      }
      std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (size_t i = 0; i < scored.size() && i < static_cast<size_t>(kMaxSuggestions); ++i) p.questions.push_back(scored[i].second);
    }

    // 3. Members nearby who host visits.
    if (!region.empty()) {
      long long id = 0;
      HostSuggestion h;
      soci::statement st = (sql.prepare <<
          "SELECT m.id, m.name, COALESCE(o.name, ''), m.visit_location FROM members m LEFT JOIN organizations o ON "
          "o.id = m.organization_id WHERE m.hosts_visits = 1 AND m.id <> :me AND m.region = :region AND " + visible +
          " ORDER BY m.id LIMIT " + std::to_string(kMaxSuggestions),
          soci::use(me), soci::use(region), soci::into(id), soci::into(h.name), soci::into(h.organization),
          soci::into(h.location));
      st.execute();
      while (st.fetch()) {
        h.member_id = id;
        p.hosts.push_back(h);
      }
    }
    return p;
  });
}

// ---- The in-memory index behind Personal() ----

struct IndexedMember {
  std::string name, organization, sector, region, visit_location, expertise;
  model::Visibility visibility = model::Visibility::kMembers;
  model::Role role = model::Role::kMember;
  bool consent = false, hosts = false;
};

struct IndexedEvent {
  Id id = 0;
  std::string title;
  std::vector<Id> registrants;  // sorted
};

struct IndexedChallenge {
  Id id = 0, member = 0;
  std::string title, member_name;
  model::Visibility visibility = model::Visibility::kHidden;  // the author's
};

class PersonalIndex {
 public:
  std::unordered_map<Id, IndexedMember> members;
  std::vector<IndexedEvent> events;                 // upcoming, by (starts_at, id)
  std::unordered_map<Id, size_t> next_event;        // member → index into events
  // Ties among co-registrants: (a << 32 | b), a < b → bit 1 any interaction, bit 2 face to face.
  std::unordered_map<uint64_t, uint8_t> ties;
  std::unordered_map<Id, std::vector<Id>> tied;     // member → co-registrants with a tie (sorted)
  std::vector<IndexedChallenge> challenges;         // open, by id
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> postings;  // word → (challenge, count)
  std::unordered_map<std::string, std::vector<Id>> hosts_by_region;  // sorted ids
  // Ranked questions per (role, expertise words): members with the same words see the same list.
  mutable std::mutex ranked_mu;
  mutable std::unordered_map<std::string, std::pair<std::vector<uint32_t>, bool>> ranked;  // top, complete?

  static uint64_t Key(Id a, Id b) {
    if (a > b) std::swap(a, b);
    return (static_cast<uint64_t>(a) << 32) | static_cast<uint64_t>(b);
  }
  uint8_t Tie(Id a, Id b) const {
    auto it = ties.find(Key(a, b));
    return it == ties.end() ? 0 : it->second;
  }
};

Result<std::shared_ptr<const PersonalIndex>> Composer::Index() {
  std::lock_guard<std::mutex> lock(index_mu_);
  if (index_) return index_;
  auto built = domain::WithSession<std::shared_ptr<PersonalIndex>>(
      db_, [&](soci::session& sql) -> Result<std::shared_ptr<PersonalIndex>> {
        auto x = std::make_shared<PersonalIndex>();
        const long long now = clock_.Now();
        {
          long long id = 0;
          int consent = 0, hosts = 0;
          std::string name, org, sector, region, loc, tags, text, vis, role;
          soci::indicator sector_ind = soci::i_ok, role_ind = soci::i_ok;
          soci::statement st = (sql.prepare <<
              "SELECT m.id, m.name, COALESCE(o.name, ''), m.sector, m.region, m.visit_location, m.expertise_tags, "
              "m.expertise_text, m.visibility, m.consent_matchmaking, m.hosts_visits, a.role FROM members m LEFT JOIN "
              "organizations o ON o.id = m.organization_id LEFT JOIN accounts a ON a.member_id = m.id",
              soci::into(id), soci::into(name), soci::into(org), soci::into(sector, sector_ind), soci::into(region),
              soci::into(loc), soci::into(tags), soci::into(text), soci::into(vis), soci::into(consent),
              soci::into(hosts), soci::into(role, role_ind));
          st.execute();
          while (st.fetch()) {
            IndexedMember& m = x->members[id];
            m.name = name;
            m.organization = org;
            m.sector = sector_ind == soci::i_ok ? sector : "";
            m.region = region;
            m.visit_location = loc;
            m.expertise = tags + " " + text;
            m.visibility = model::ParseVisibility(vis).value_or(model::Visibility::kHidden);
            m.role = role_ind == soci::i_ok ? model::ParseRole(role).value_or(model::Role::kMember) : model::Role::kMember;
            m.consent = consent != 0;
            m.hosts = hosts != 0;
            if (m.hosts) x->hosts_by_region[region].push_back(id);
          }
          for (auto& [r, ids] : x->hosts_by_region) std::sort(ids.begin(), ids.end());
        }
        {
          // Upcoming events in order, their registrants, and each member's next one.
          long long eid = 0, mid = 0, starts = 0;
          std::string title;
          std::unordered_map<Id, size_t> at;
          soci::statement st = (sql.prepare <<
              "SELECT e.id, e.title, e.starts_at, r.member_id FROM events e JOIN registrations r ON r.event_id = e.id "
              "WHERE r.status = 'registered' AND e.starts_at > :now ORDER BY e.starts_at, e.id, r.member_id",
              soci::use(now), soci::into(eid), soci::into(title), soci::into(starts), soci::into(mid));
          st.execute();
          while (st.fetch()) {
            auto it = at.find(eid);
            if (it == at.end()) {
              it = at.emplace(eid, x->events.size()).first;
              x->events.push_back({eid, title, {}});
            }
            x->events[it->second].registrants.push_back(mid);
            x->next_event.emplace(mid, it->second);  // the first (earliest) wins
          }
        }
        {
          // Ties between members registered for the same upcoming event.
          long long a = 0, b = 0;
          std::string kind;
          soci::statement st = (sql.prepare <<
              "SELECT DISTINCT i.a, i.b, i.kind FROM interactions i JOIN registrations r1 ON r1.member_id = i.a JOIN "
              "registrations r2 ON r2.member_id = i.b AND r2.event_id = r1.event_id JOIN events e ON e.id = r1.event_id "
              "WHERE r1.status = 'registered' AND r2.status = 'registered' AND e.starts_at > :now",
              soci::use(now), soci::into(a), soci::into(b), soci::into(kind));
          st.execute();
          while (st.fetch()) {
            uint8_t& t = x->ties[PersonalIndex::Key(a, b)];
            if (t == 0) {
              x->tied[a].push_back(b);
              x->tied[b].push_back(a);
            }
            t |= 1;
            if (auto k = model::ParseInteractionKind(kind); k && model::IsFaceToFace(*k)) t |= 2;
          }
          for (auto& [m, ids] : x->tied) std::sort(ids.begin(), ids.end());
        }
        {
          // Open challenges and a word index over their title and text.
          long long cid = 0, mid = 0;
          std::string title, text;
          soci::statement st = (sql.prepare << "SELECT id, member_id, title, text FROM challenges WHERE status = 'open' "
                                               "ORDER BY id",
                                soci::into(cid), soci::into(mid), soci::into(title), soci::into(text));
          st.execute();
          std::unordered_map<std::string, uint32_t> counts;
          while (st.fetch()) {
            const uint32_t idx = static_cast<uint32_t>(x->challenges.size());
            auto author = x->members.find(mid);
            if (author == x->members.end()) continue;
            x->challenges.push_back({cid, mid, title, author->second.name, author->second.visibility});
            counts.clear();
            for (auto& w : domain::Words(title + " " + text)) ++counts[w];
            for (const auto& [w, n] : counts) x->postings[w].push_back({idx, n});
          }
        }
        return x;
      });
  if (!built) return built.status();
  index_ = std::move(*built);
  return index_;
}

Result<PersonalPart> Composer::Personal(const Subscriber& s) {
  PersonalPart p;
  if (s.member_id <= 0) return p;
  VB_ASSIGN_OR_RETURN(auto x, Index());
  auto me_it = x->members.find(s.member_id);
  if (me_it == x->members.end()) return p;  // the member is gone: no personal part
  const Id me = s.member_id;
  const IndexedMember& mine = me_it->second;
  const Viewer viewer{me, mine.role};
  auto visible = [&](Id id, const IndexedMember& m) { return viewer.CanSee(id, m.visibility); };
  const Texts& t = T(s.language);

  // 1. Whom to meet at the next event they are registered for.
  if (mine.consent) {
    if (auto ev = x->next_event.find(me); ev != x->next_event.end()) {
      const IndexedEvent& e = x->events[ev->second];
      p.event_id = e.id;
      p.event_title = e.title;
      auto candidate = [&](Id id) -> const IndexedMember* {
        if (id == me) return nullptr;
        auto it = x->members.find(id);
        if (it == x->members.end()) return nullptr;
        const IndexedMember& m = it->second;
        if (!m.consent || !visible(id, m) || m.sector == mine.sector) return nullptr;
        if (x->Tie(me, id) & 2) return nullptr;  // met face to face already
        return &m;
      };
      auto add = [&](Id id, const IndexedMember& m, bool online) {
        p.people.push_back({id, m.name, m.organization, m.sector, online ? t.online_never_met : t.other_sector});
      };
      // Online ties first (co-registrants only), then everyone else, each by id.
      if (auto tied = x->tied.find(me); tied != x->tied.end())
        for (Id id : tied->second) {
          if (p.people.size() >= static_cast<size_t>(kMaxSuggestions)) break;
          if (!std::binary_search(e.registrants.begin(), e.registrants.end(), id)) continue;
          if (const IndexedMember* m = candidate(id)) add(id, *m, true);
        }
      for (Id id : e.registrants) {
        if (p.people.size() >= static_cast<size_t>(kMaxSuggestions)) break;
        if (x->Tie(me, id) & 1) continue;  // tied ones came above (or were met)
        if (const IndexedMember* m = candidate(id)) add(id, *m, false);
      }
    }
  }

  // 2. Open questions that share words with their expertise. The ranking
  // depends only on the words and the viewer's role (own questions are dropped
  // afterwards), so it is computed once per distinct (role, words).
  std::set<std::string> words = ExpertiseWords(mine.expertise);
  if (!words.empty()) {
    constexpr size_t kKeep = kMaxSuggestions + 8;  // room for the member's own questions
    std::string key(1, static_cast<char>('0' + static_cast<int>(mine.role)));
    for (const auto& w : words) key += w + ' ';
    std::pair<std::vector<uint32_t>, bool> top;
    bool cached = false;
    {
      std::lock_guard<std::mutex> lock(x->ranked_mu);
      if (auto it = x->ranked.find(key); it != x->ranked.end()) { top = it->second; cached = true; }
    }
    auto rank = [&](size_t keep, Id exclude) {
      // Scores in a reusable dense array; the best `keep` by (score desc, id asc).
      thread_local std::vector<int> score;
      thread_local std::vector<uint32_t> touched;
      if (score.size() < x->challenges.size()) score.assign(x->challenges.size(), 0);
      touched.clear();
      for (const auto& w : words)
        if (auto it = x->postings.find(w); it != x->postings.end())
          for (const auto& [c, n] : it->second) {
            if (score[c] == 0) touched.push_back(c);
            score[c] += static_cast<int>(n);
          }
      auto better = [&](uint32_t a, uint32_t b) { return score[a] != score[b] ? score[a] > score[b] : a < b; };
      std::vector<uint32_t> best;  // sorted by `better`, at most keep
      size_t eligible = 0;
      for (uint32_t c : touched) {
        const IndexedChallenge& ch = x->challenges[c];
        if (ch.member == exclude || !viewer.CanSee(-1, ch.visibility)) continue;
        ++eligible;
        if (best.size() == keep && !better(c, best.back())) continue;
        best.insert(std::upper_bound(best.begin(), best.end(), c, better), c);
        if (best.size() > keep) best.pop_back();
      }
      for (uint32_t c : touched) score[c] = 0;
      return std::make_pair(best, eligible <= keep);
    };
    if (!cached) {
      top = rank(kKeep, 0);
      std::lock_guard<std::mutex> lock(x->ranked_mu);
      if (x->ranked.size() < 200000) x->ranked.emplace(key, top);
    }
    std::vector<uint32_t> chosen;
    for (uint32_t c : top.first)
      if (x->challenges[c].member != me && chosen.size() < static_cast<size_t>(kMaxSuggestions)) chosen.push_back(c);
    if (chosen.size() < static_cast<size_t>(kMaxSuggestions) && !top.second)
      chosen = rank(kMaxSuggestions, me).first;  // many of the top ones were their own
    for (uint32_t c : chosen) {
      const IndexedChallenge& ch = x->challenges[c];
      p.questions.push_back({ch.id, ch.member, ch.title, ch.member_name});
    }
  }

  // 3. Members nearby who host visits.
  if (!mine.region.empty())
    if (auto it = x->hosts_by_region.find(mine.region); it != x->hosts_by_region.end())
      for (Id id : it->second) {
        if (p.hosts.size() >= static_cast<size_t>(kMaxSuggestions)) break;
        const IndexedMember& m = x->members.at(id);
        if (id == me || !visible(id, m)) continue;
        p.hosts.push_back({id, m.name, m.organization, m.visit_location});
      }
  return p;
}

Result<ComposedMessage> Composer::ComposeFor(const Issue& issue, const Subscriber& s, const std::string& unsubscribe_token,
                                             const Overrides& overrides) {
  VB_RETURN_IF_ERROR(ValidateConfig(config_));
  ComposedMessage out;
  out.subscriber = s;
  VB_ASSIGN_OR_RETURN(out.personal, Personal(s));
  const std::string& lang = s.language;
  const Texts& t = T(lang);
  VB_ASSIGN_OR_RETURN(auto range, MonthRange(issue.month));
  Civil mc = AmsterdamCivil(range.first);
  std::string month_label = std::string(MonthName(lang, mc.m)) + " " + std::to_string(mc.y);
  const std::string title = (config_.list_name.empty() ? std::string(t.newsletter) : config_.list_name);
  out.subject = overrides.subject_prefix + title + " \xE2\x80\x94 " + month_label;  // em dash
  out.message_id = overrides.message_id.empty() ? MessageId(issue.month, s.id) : overrides.message_id;
  // List-Unsubscribe carries the API URL (the RFC 8058 one-click POST) and a mailto
  // (RFC 2369, for clients without one-click); the link in the text opens the web
  // page that asks for a click and offers the preferences.
  const std::string unsub_post = config_.base_url + "/api/v1/newsletter/unsubscribe/" + unsubscribe_token;
  const std::string unsub = config_.base_url + "/newsletter/unsubscribe/" + unsubscribe_token;

  std::string text, html;
  const std::string h2 = "<h2 style=\"font-size:19px;margin:24px 0 8px;color:#1d4e5f;\">";
  const std::string p_style = "<p style=\"margin:0 0 12px;\">";
  text += out.subject + "\n" + std::string(Utf8Length(out.subject), '=') + "\n\n";
  html += "<!DOCTYPE html>\n<html lang=\"" + H(lang) + "\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + H(out.subject) +
          "</title></head>\n<body style=\"margin:0;padding:0;background:#f3f1ec;\">\n"
          "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f3f1ec;\">"
          "<tr><td align=\"center\" style=\"padding:16px;\">\n"
          "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;max-width:600px;"
          "background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222222;\">"
          "<tr><td style=\"padding:24px;\">\n"
          "<h1 style=\"font-size:24px;margin:0 0 16px;color:#1d4e5f;\">" + H(out.subject) + "</h1>\n";

  // Articles: the subscriber's topics first, or only (topics.h).
  const ArticleOrder order = OrderForSubscriber(issue.articles, s, issue.topics);
  const std::string articles_title = order.personalised ? t.your_topics : t.articles;
  text += articles_title + "\n" + std::string(Utf8Length(articles_title), '-') + "\n";
  html += h2 + H(articles_title) + "</h2>\n";
  if (order.mine.empty()) {
    const char* none = order.personalised ? t.none_on_topics : t.no_articles;
    text += std::string(none) + "\n";
    html += p_style + H(none) + "</p>\n";
  }
  std::vector<const Article*> listed;
  for (size_t i : order.mine) listed.push_back(&issue.articles[i]);
  if (!order.others.empty()) listed.push_back(nullptr);  // the "also this month" heading
  for (size_t i : order.others) listed.push_back(&issue.articles[i]);
  for (const Article* ap : listed) {
    if (!ap) {
      text += "\n" + std::string(t.also) + "\n" + std::string(Utf8Length(t.also), '-') + "\n";
      html += h2 + H(t.also) + "</h2>\n";
      continue;
    }
    const Article& a = *ap;
    const std::string url = ArticlePageUrl(config_.base_url, a.id);
    text += "* " + a.title + (a.author_name.empty() ? "" : " (" + std::string(t.by) + " " + a.author_name + ")") + "\n";
    if (!a.summary.empty()) text += "  " + a.summary + "\n";
    text += "  " + url + "\n\n";
    html += "<h3 style=\"font-size:17px;margin:16px 0 4px;\"><a href=\"" + H(url) + "\" style=\"color:#1d4e5f;\">" +
            H(a.title) + "</a></h3>\n";
    if (!a.author_name.empty()) html += "<p style=\"margin:0 0 4px;color:#666666;font-size:14px;\">" + H(t.by) + " " + H(a.author_name) + "</p>\n";
    if (!a.summary.empty()) html += p_style + H(a.summary) + "</p>\n";
    html += p_style + "<a href=\"" + H(url) + "\" style=\"color:#1d4e5f;\">" + H(t.read_more) + " &rarr;</a></p>\n";
  }

  // Events.
  if (!issue.events.empty()) {
    text += "\n" + std::string(t.events) + "\n" + std::string(Utf8Length(t.events), '-') + "\n";
    html += h2 + H(t.events) + "</h2>\n<ul style=\"margin:0 0 12px;padding-left:20px;\">\n";
    for (const auto& e : issue.events) {
      std::string when = FormatWhen(lang, e.starts_at);
      text += "* " + e.title + " - " + when + (e.location.empty() ? "" : ", " + e.location) +
              (e.free ? " (" + std::string(t.free) + ")" : "") + "\n";
      html += "<li style=\"margin:0 0 6px;\"><strong>" + H(e.title) + "</strong><br>" + H(when) +
              (e.location.empty() ? "" : ", " + H(e.location)) +
              (e.free ? " <span style=\"background:#e3f1e4;color:#22652b;padding:1px 6px;border-radius:3px;font-size:13px;\">" +
                            H(t.free) + "</span>" : "") + "</li>\n";
    }
    html += "</ul>\n";
  }

  // The personal part.
  const PersonalPart& p = out.personal;
  if (!p.empty()) {
    text += "\n" + std::string(t.personal) + "\n" + std::string(Utf8Length(t.personal), '-') + "\n";
    html += h2 + H(t.personal) + "</h2>\n";
    if (!p.people.empty()) {
      text += std::string(t.meet_at) + " " + p.event_title + ":\n";
      html += p_style + "<strong>" + H(t.meet_at) + " " + H(p.event_title) + ":</strong></p>\n<ul style=\"margin:0 0 12px;padding-left:20px;\">\n";
      for (const auto& x : p.people) {
        std::string who = x.name + (x.organization.empty() ? "" : " (" + x.organization + ")");
        text += "* " + who + " - " + x.reason + "\n";
        html += "<li>" + H(who) + " &mdash; " + H(x.reason) + "</li>\n";
      }
      html += "</ul>\n";
      text += "\n";
    }
    if (!p.questions.empty()) {
      text += std::string(t.questions) + ": " + t.questions_intro + "\n";
      html += p_style + "<strong>" + H(t.questions) + "</strong><br>" + H(t.questions_intro) +
              "</p>\n<ul style=\"margin:0 0 12px;padding-left:20px;\">\n";
      for (const auto& q : p.questions) {
        text += "* " + q.title + " - " + q.member_name + "\n";
        html += "<li>" + H(q.title) + " &mdash; " + H(q.member_name) + "</li>\n";
      }
      html += "</ul>\n";
      text += "\n";
    }
    if (!p.hosts.empty()) {
      text += std::string(t.hosts) + ": " + t.hosts_intro + "\n";
      html += p_style + "<strong>" + H(t.hosts) + "</strong><br>" + H(t.hosts_intro) +
              "</p>\n<ul style=\"margin:0 0 12px;padding-left:20px;\">\n";
      for (const auto& h : p.hosts) {
        std::string who = h.name + (h.organization.empty() ? "" : " (" + h.organization + ")") +
                          (h.location.empty() ? "" : ", " + h.location);
        text += "* " + who + "\n";
        html += "<li>" + H(who) + "</li>\n";
      }
      html += "</ul>\n";
    }
  }

  // Footer with the visible unsubscribe link.
  text += "\n--\n" + std::string(t.why) + "\n" + t.unsubscribe + ": " + unsub + "\n";
  html += "<p style=\"margin:32px 0 0;font-size:13px;color:#666666;\">" + H(t.why) + "<br><a href=\"" + H(unsub) +
          "\" style=\"color:#666666;\">" + H(t.unsubscribe) + "</a></p>\n"
          "</td></tr></table>\n</td></tr></table>\n</body></html>\n";

  mail::MailMessage m;
  m.from = config_.from;
  m.to = {"", s.email};
  m.subject = out.subject;
  m.text = text;
  m.html = html;
  m.message_id = out.message_id;
  m.date = clock_.Now();
  m.list_id = "<newsletter." + Domain(config_.from.email) + ">";
  // Both forms in one header, the https one first (RFC 8058 requires it in the
  // header; RFC 2369 lets the client pick). mail::MailMessage::unsubscribe_url
  // takes one URL only, so the two list headers go in as they are.
  m.extra_headers = {{"List-Unsubscribe", "<" + unsub_post + ">, <" + UnsubscribeMailto(config_.from.email, unsubscribe_token) + ">"},
                     {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  VB_ASSIGN_OR_RETURN(out.raw, mail::BuildMessage(config_.mail, m));  // DKIM-signed when configured
  return out;
}

}  // namespace verbinder::newsletter
