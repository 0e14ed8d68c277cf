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
#include "newsletter/compose_internal.h"
#include "newsletter/edition.h"
#include "markdown/markdown.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using domain::Viewer;
using model::Id;

using internal::T;
using internal::Texts;
using util::AmsterdamCivil;
using util::Civil;

const char* MonthName(const std::string& lang, unsigned m) {
  static const char* nl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                             "juli",    "augustus", "september", "oktober", "november", "december"};
  static const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};
  return (lang == "en" ? en : nl)[(m - 1) % 12];
}

std::string FormatWhen(const std::string& lang, int64_t t) {
  Civil c = AmsterdamCivil(t);
  char time[8];
  std::snprintf(time, sizeof time, "%02d:%02d", c.hour, c.minute);
  if (lang == "en")
    return std::string(MonthName(lang, c.m)) + " " + std::to_string(c.d) + ", " + std::to_string(c.y) + ", " + time;
  return std::to_string(c.d) + " " + MonthName(lang, c.m) + " " + std::to_string(c.y) + ", " + time + " uur";
}

std::string H(const std::string& s) {
  return HtmlEscape(s);
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

namespace internal {

const Texts& T(const std::string& lang) {
  static const Texts nl{"Nieuwsbrief",
                        "Nieuwe kennisartikelen",
                        "Deze maand geen nieuwe artikelen.",
                        "Binnenkort",
                        "gratis",
                        "Speciaal voor jou",
                        "Wie moet je spreken op",
                        "Vraag een gesprek aan op de pagina van het evenement",
                        "Vragen die jij kunt beantwoorden",
                        "Het netwerk legde deze vragen aan jou voor; je hebt ze nog niet beantwoord:",
                        "Je kreeg deze vraag omdat",
                        "Kom eens kijken",
                        "Leden bij jou in de buurt die bezoek ontvangen:",
                        "Lees verder",
                        "Afmelden voor deze nieuwsbrief",
                        "Je ontvangt dit omdat je je hebt aangemeld voor de nieuwsbrief.",
                        "door",
                        "Over jouw onderwerpen",
                        "Ook deze maand",
                        "Deze maand geen nieuwe artikelen over jouw onderwerpen."};
  static const Texts en{"Newsletter",
                        "New knowledge articles",
                        "No new articles this month.",
                        "Coming up",
                        "free",
                        "Just for you",
                        "Whom to meet at",
                        "Ask for a meeting on the event page",
                        "Questions you could answer",
                        "The network put these questions to you; you have not answered them yet:",
                        "You were asked because",
                        "Come and have a look",
                        "Members near you who host visits:",
                        "Read more",
                        "Unsubscribe from this newsletter",
                        "You receive this because you subscribed to the newsletter.",
                        "by",
                        "On your topics",
                        "Also this month",
                        "No new articles on your topics this month."};
  return lang == "en" ? en : nl;
}

}  // namespace internal

std::string ArticlePageUrl(const std::string& base_url, Id article_id) {
  return base_url + "/articles/" + std::to_string(article_id);
}

std::string EventPageUrl(const std::string& base_url, Id event_id) {
  return base_url + "/events/" + std::to_string(event_id);
}

std::string QuestionPageUrl(const std::string& base_url, Id question_id) {
  return base_url + "/questions/" + std::to_string(question_id);
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
  const Status bad = InvalidArgument("must be a month like 2026-11", "month").WithReason("newsletter.month_format");
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
  VB_ASSIGN_OR_RETURN(auto edition, LoadEdition(db_, month));
  if (edition) {
    issue.edited = true;
    issue.intro_nl = edition->intro_nl;
    issue.intro_en = edition->intro_en;
    ArticleService articles(db_, clock_);
    for (Id id : edition->article_ids)
      if (auto a = articles.Get(Viewer{}, id)) issue.articles.push_back(std::move(*a));  // unpublished since: left out
    VB_ASSIGN_OR_RETURN(issue.events, EventsById(db_, edition->event_ids));
  } else {
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
    auto events =
        domain::WithSession<std::vector<EventItem>>(db_, [&](soci::session& sql) -> Result<std::vector<EventItem>> {
          std::vector<EventItem> out;
          EventItem e;
          long long id = 0, starts = 0, f2 = from;
          int price = 0;
          soci::statement st = (sql.prepare << "SELECT id, title, kind, starts_at, location, price_cents FROM events "
                                               "WHERE starts_at >= :f ORDER BY starts_at, id LIMIT " +
                                                   std::to_string(kMaxEvents),
                                soci::use(f2), soci::into(id), soci::into(e.title), soci::into(e.kind),
                                soci::into(starts), soci::into(e.location), soci::into(price));
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
  }
  VB_ASSIGN_OR_RETURN(issue.topics, ListTopics(db_));
  if (issue.articles.empty() && issue.events.empty() && issue.intro_nl.empty() && issue.intro_en.empty())
    return Conflict(
               "nothing to send for " + month + ": no articles were published that month and no events are coming up",
               "month")
        .WithReason("newsletter.nothing_to_send", {{"month", month}});
  return issue;
}

Result<ComposedMessage> Composer::ComposeFor(const Issue& issue, const Subscriber& s,
                                             const std::string& unsubscribe_token, const Overrides& overrides) {
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
  html +=
      "<!DOCTYPE html>\n<html lang=\"" + H(lang) +
      "\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
      H(out.subject) +
      "</title></head>\n<body style=\"margin:0;padding:0;background:#f3f1ec;\">\n"
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f3f1ec;\">"
      "<tr><td align=\"center\" style=\"padding:16px;\">\n"
      "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" "
      "style=\"width:100%;max-width:600px;"
      "background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222222;\">"
      "<tr><td style=\"padding:24px;\">\n"
      "<h1 style=\"font-size:24px;margin:0 0 16px;color:#1d4e5f;\">" +
      H(out.subject) + "</h1>\n";

  // The leader's introduction, in the subscriber's language when written in it.
  const std::string& intro = lang == "en" ? (issue.intro_en.empty() ? issue.intro_nl : issue.intro_en)
                                          : (issue.intro_nl.empty() ? issue.intro_en : issue.intro_nl);
  if (!intro.empty()) {
    text += intro + "\n\n";
    html += "<div style=\"margin:0 0 16px;\">" + markdown::RenderMarkdown(intro) + "</div>\n";
  }

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
    if (!a.author_name.empty())
      html +=
          "<p style=\"margin:0 0 4px;color:#666666;font-size:14px;\">" + H(t.by) + " " + H(a.author_name) + "</p>\n";
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
              (e.free ? " <span style=\"background:#e3f1e4;color:#22652b;padding:1px "
                        "6px;border-radius:3px;font-size:13px;\">" +
                            H(t.free) + "</span>"
                      : "") +
              "</li>\n";
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
      html += p_style + "<strong>" + H(t.meet_at) + " " + H(p.event_title) +
              ":</strong></p>\n<ul style=\"margin:0 0 12px;padding-left:20px;\">\n";
      for (const auto& x : p.people) {
        std::string who = x.name + (x.organization.empty() ? "" : " (" + x.organization + ")");
        text += "* " + who + " - " + x.reason + "\n";
        html += "<li style=\"margin:0 0 6px;\">" + H(who) + " &mdash; " + H(x.reason) + "</li>\n";
      }
      html += "</ul>\n";
      const std::string url = EventPageUrl(config_.base_url, p.event_id);
      text += std::string(t.meet_link) + ": " + url + "\n\n";
      html += p_style + "<a href=\"" + H(url) + "\" style=\"color:#1d4e5f;\">" + H(t.meet_link) + "</a></p>\n";
    }
    if (!p.questions.empty()) {
      text += std::string(t.questions) + ": " + t.questions_intro + "\n";
      html += p_style + "<strong>" + H(t.questions) + "</strong><br>" + H(t.questions_intro) +
              "</p>\n<ul style=\"margin:0 0 12px;padding-left:20px;\">\n";
      for (const auto& q : p.questions) {
        const std::string url = QuestionPageUrl(config_.base_url, q.question_id);
        text += "* " + q.title + " - " + q.asker_name + "\n";
        const std::string why = q.reason.empty() ? "" : std::string(t.asked_because) + ": " + q.reason;
        if (!why.empty()) text += "  " + why + "\n";
        text += "  " + url + "\n";
        html += "<li style=\"margin:0 0 6px;\"><a href=\"" + H(url) + "\" style=\"color:#1d4e5f;\">" + H(q.title) +
                "</a> &mdash; " + H(q.asker_name) +
                (why.empty() ? "" : "<br><span style=\"color:#666666;font-size:14px;\">" + H(why) + "</span>") +
                "</li>\n";
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
          "\" style=\"color:#666666;\">" + H(t.unsubscribe) +
          "</a></p>\n"
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
  m.extra_headers = {
      {"List-Unsubscribe", "<" + unsub_post + ">, <" + UnsubscribeMailto(config_.from.email, unsubscribe_token) + ">"},
      {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
  VB_ASSIGN_OR_RETURN(out.raw, mail::BuildMessage(config_.mail, m));  // DKIM-signed when configured
  return out;
}

}  // namespace verbinder::newsletter
