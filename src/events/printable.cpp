#include "events/printable.h"

#include <cstdio>
#include <map>

namespace verbinder::events {
namespace {

// Days since 1970-01-01 → civil date (H. Hinnant's algorithm).
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

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// Unix time of the last Sunday of a month, 01:00 UTC (the EU switch moment).
int64_t LastSunday0100Utc(int64_t y, unsigned m) {
  int64_t last = DaysFromCivil(y, m + 1, 1) - 1;  // m is 3 or 10
  int64_t weekday = (last + 4) % 7;                // 0 = Sunday (1970-01-01 was a Thursday)
  return (last - weekday) * 86400 + 3600;
}

struct Civil {
  int64_t y;
  unsigned m, d;
  int hour, minute, weekday;
};

Civil Amsterdam(UnixTime t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, y, m, d);
  const bool summer = t >= LastSunday0100Utc(y, 3) && t < LastSunday0100Utc(y, 10);
  const int64_t local = t + (summer ? 7200 : 3600);
  days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  Civil c{};
  CivilFromDays(days, c.y, c.m, c.d);
  const int64_t secs = local - days * 86400;
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>((secs % 3600) / 60);
  c.weekday = static_cast<int>((days + 4) % 7);
  return c;
}

bool En(const std::string& lang) { return lang == "en"; }

const char* T(const std::string& lang, const char* nl, const char* en) { return En(lang) ? en : nl; }

std::string Page(const std::string& lang, const std::string& title, const std::string& body) {
  return "<!doctype html>\n<html lang=\"" + std::string(En(lang) ? "en" : "nl") +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + HtmlEscape(title) + "</title><style>"
         "body{font-family:sans-serif;margin:1.5rem;color:#111}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem}"
         "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:4px 8px;"
         "border-bottom:1px solid #999}.why{color:#333;font-size:.9rem}.sheet{page-break-after:always;"
         "break-after:page}.sheet:last-child{page-break-after:auto;break-after:auto}"
         "@media print{body{margin:0}a{color:inherit;text-decoration:none}}"
         "</style></head><body>\n" + body + "</body></html>\n";
}

std::string Other(const ScheduledMeeting& m, Id me) {
  const std::string& n = m.a == me ? m.b_name : m.a_name;
  return n;
}

std::string MeetingsTable(const std::vector<ScheduledMeeting>& meetings, Id me, const std::string& lang) {
  if (meetings.empty()) return std::string("<p>") + T(lang, "Geen afspraken ingepland.", "No meetings scheduled.") + "</p>\n";
  std::string out = std::string("<table><thead><tr><th>") + T(lang, "Tijd", "Time") + "</th><th>" +
                    T(lang, "Tafel", "Table") + "</th><th>" + T(lang, "Met", "With") + "</th><th>" +
                    T(lang, "Waarom", "Why") + "</th></tr></thead><tbody>\n";
  for (const auto& m : meetings) {
    std::string other = Other(m, me);
    out += "<tr><td>" + AmsterdamClock(m.starts_at) + "&ndash;" + AmsterdamClock(m.ends_at) + "</td><td>" +
           std::to_string(m.table) + "</td><td>" +
           (other.empty() ? std::string(T(lang, "(afgeschermd profiel)", "(hidden profile)")) : HtmlEscape(other)) +
           "</td><td class=\"why\">" + HtmlEscape(m.why) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string Heading(const EventInfo& info, const std::string& lang) {
  return "<p>" + AmsterdamDateTime(info.event.starts_at, lang) + " &middot; " + HtmlEscape(info.event.location) + "</p>\n";
}

}  // namespace

std::string AmsterdamClock(UnixTime t) {
  Civil c = Amsterdam(t);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", c.hour, c.minute);
  return buf;
}

std::string AmsterdamDateTime(UnixTime t, const std::string& lang) {
  static const char* days_nl[] = {"zo", "ma", "di", "wo", "do", "vr", "za"};
  static const char* days_en[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months_nl[] = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
  static const char* months_en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Civil c = Amsterdam(t);
  return std::string(En(lang) ? days_en[c.weekday] : days_nl[c.weekday]) + " " + std::to_string(c.d) + " " +
         (En(lang) ? months_en[c.m - 1] : months_nl[c.m - 1]) + " " + std::to_string(c.y) + " " + AmsterdamClock(t);
}

std::string PersonalScheduleHtml(const EventInfo& info, Id viewer_id, const std::string& name,
                                 const std::vector<ScheduledMeeting>& meetings, const std::vector<MyTable>& tables,
                                 const std::string& lang) {
  std::string body = "<h1>" + HtmlEscape(info.event.title) + "</h1>\n" + Heading(info, lang) + "<h2>" +
                     T(lang, "Schema van ", "Schedule of ") + HtmlEscape(name) + "</h2>\n" +
                     MeetingsTable(meetings, viewer_id, lang);
  if (!tables.empty()) {
    body += std::string("<h2>") + T(lang, "Groepstafels", "Group tables") + "</h2>\n<table><thead><tr><th>" +
            T(lang, "Ronde", "Round") + "</th><th>" + T(lang, "Tafel", "Table") + "</th><th>" +
            T(lang, "Met", "With") + "</th></tr></thead><tbody>\n";
    for (const auto& t : tables) {
      std::string who;
      for (const auto& p : t.tablemates) who += (who.empty() ? "" : ", ") + HtmlEscape(p.name);
      if (t.hidden) who += (who.empty() ? "+" : ", +") + std::to_string(t.hidden);
      body += "<tr><td>" + HtmlEscape(t.title) + " " + std::to_string(t.round) + "</td><td>" + std::to_string(t.table) +
              "</td><td>" + who + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
  }
  return Page(lang, info.event.title, body);
}

std::string AllSchedulesHtml(const EventInfo& info, const std::vector<PersonSchedule>& people, const std::string& lang) {
  std::string body;
  for (const auto& p : people)
    body += "<section class=\"sheet\"><h1>" + HtmlEscape(info.event.title) + "</h1>\n" + Heading(info, lang) + "<h2>" +
            T(lang, "Schema van ", "Schedule of ") + HtmlEscape(p.name) + "</h2>\n" +
            MeetingsTable(p.meetings, p.member_id, lang) + "</section>\n";
  if (people.empty()) body = std::string("<h1>") + HtmlEscape(info.event.title) + "</h1><p>" +
                             T(lang, "Nog geen schema's.", "No schedules yet.") + "</p>\n";
  return Page(lang, info.event.title, body);
}

std::string TableSheetsHtml(const EventInfo& info, const std::vector<ScheduledMeeting>& meetings,
                            const std::vector<SeatingPlan>& seatings, const std::string& lang) {
  std::map<int, std::vector<const ScheduledMeeting*>> by_table;
  for (const auto& m : meetings)
    if (m.status == "scheduled") by_table[m.table].push_back(&m);
  std::map<int, std::vector<std::pair<const SeatingPlan*, const SeatingTable*>>> groups;
  for (const auto& s : seatings)
    for (const auto& t : s.tables) groups[t.table].push_back({&s, &t});
  std::map<int, bool> all;
  for (auto& [t, v] : by_table) all[t] = true;
  for (auto& [t, v] : groups) all[t] = true;
  std::string body;
  for (auto& [table, unused] : all) {
    body += "<section class=\"sheet\"><h1>" + std::string(T(lang, "Tafel ", "Table ")) + std::to_string(table) +
            "</h1>\n<p>" + HtmlEscape(info.event.title) + "</p>\n";
    if (by_table.count(table)) {
      body += std::string("<h2>") + T(lang, "Afspraken", "Meetings") + "</h2><table><thead><tr><th>" +
              T(lang, "Tijd", "Time") + "</th><th>" + T(lang, "Wie", "Who") + "</th></tr></thead><tbody>\n";
      for (const auto* m : by_table[table]) {
        auto name = [&](const std::string& n) {
          return n.empty() ? std::string(T(lang, "(afgeschermd profiel)", "(hidden profile)")) : HtmlEscape(n);
        };
        body += "<tr><td>" + AmsterdamClock(m->starts_at) + "&ndash;" + AmsterdamClock(m->ends_at) + "</td><td>" +
                name(m->a_name) + " &amp; " + name(m->b_name) + "</td></tr>\n";
      }
      body += "</tbody></table>\n";
    }
    for (auto [plan, t] : groups[table]) {
      body += "<h2>" + HtmlEscape(plan->seating.title) + " &middot; " + T(lang, "ronde ", "round ") +
              std::to_string(t->round) + "</h2><ul>\n";
      for (const auto& p : t->people) body += "<li>" + HtmlEscape(p.name) + " <span class=\"why\">" +
                                              HtmlEscape(p.sector) + "</span></li>\n";
      if (t->hidden) body += "<li>+" + std::to_string(t->hidden) + "</li>\n";
      body += "</ul>\n";
    }
    body += "</section>\n";
  }
  if (all.empty()) body = "<h1>" + HtmlEscape(info.event.title) + "</h1><p>" +
                          T(lang, "Nog geen tafels ingedeeld.", "No tables assigned yet.") + "</p>\n";
  return Page(lang, info.event.title, body);
}

}  // namespace verbinder::events
