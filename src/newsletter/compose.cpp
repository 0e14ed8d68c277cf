#include "newsletter/compose.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include <soci/soci.h>

#include "demo/civil_time.h"
#include "domain/db_util.h"
#include "domain/members.h"
#include "newsletter/markdown.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using domain::Viewer;
using model::Id;

struct Civil { int64_t y; unsigned m, d; int hour, minute; };

// Inverse of DaysFromCivil (Howard Hinnant's civil_from_days).
void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

// Wall-clock time in Europe/Amsterdam.
Civil AmsterdamCivil(int64_t t) {
  auto at = [](int64_t local) {
    Civil c{};
    int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    CivilFromDays(days, c.y, c.m, c.d);
    int64_t secs = local - days * 86400;
    c.hour = static_cast<int>(secs / 3600);
    c.minute = static_cast<int>((secs % 3600) / 60);
    return c;
  };
  Civil c = at(t + 3600);
  if (demo::IsAmsterdamSummerTime(c.y, c.m, c.d)) c = at(t + 7200);
  return c;
}

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

std::string ArticleUrl(const NewsletterConfig& c, Id id) { return c.base_url + "/api/v1/articles/" + std::to_string(id); }

std::string Domain(const std::string& email) {
  auto at = email.rfind('@');
  return at == std::string::npos ? "localhost" : email.substr(at + 1);
}

}  // namespace

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
  int64_t start = demo::AmsterdamTime(y, m, 1, 0);
  int64_t end = m == 12 ? demo::AmsterdamTime(y + 1, 1, 1, 0) : demo::AmsterdamTime(y, m + 1, 1, 0);
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

Result<PersonalPart> Composer::Personal(const Subscriber& s) {
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
            "((i.a = :me4 AND i.b = m.id) OR (i.a = m.id AND i.b = :me5)) AND i.kind IN ('met_at_event', "
            "'meeting_held', 'visit_held')) ORDER BY online DESC, m.id LIMIT " + std::to_string(kMaxSuggestions),
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
    std::set<std::string> mine;
    for (const auto& w : domain::Words(tags + " " + text))
      if (Utf8Length(w) >= 4) mine.insert(w);
    if (!mine.empty()) {
      // Placeholders bind by position: add them in the order they appear in the query.
      std::vector<std::string> params;
      const std::string me_param = domain::Bind(params, std::to_string(me));
      std::string in;
      int n = 0;
      for (const auto& w : mine) {
        if (n++ >= 50) break;
        in += (in.empty() ? "" : ", ") + domain::Bind(params, "ch:" + w);
      }
      domain::DynStatement st(sql,
          "SELECT c.id, c.title, c.text, m.id, m.name FROM challenges c JOIN members m ON m.id = c.member_id WHERE "
          "c.status = 'open' AND m.id <> " + me_param + " AND " + visible +
          " AND c.member_id IN (SELECT member_id FROM member_terms WHERE term IN (" + in + ")) ORDER BY c.id LIMIT 200",
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
  const std::string unsub = config_.base_url + "/api/v1/newsletter/unsubscribe/" + unsubscribe_token;

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
    const std::string url = ArticleUrl(config_, a.id);
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
  m.unsubscribe_url = unsub;
  VB_ASSIGN_OR_RETURN(out.raw, mail::BuildMessage(config_.mail, m));  // DKIM-signed when configured
  return out;
}

}  // namespace verbinder::newsletter
