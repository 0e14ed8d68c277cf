#include "events/printable.h"

#include <cstdio>
#include <map>

#include "util/civil_time.h"

namespace verbinder::events {
namespace {

using util::Civil;

Civil Amsterdam(UnixTime t) {
  return util::AmsterdamCivil(t);
}

bool En(const std::string& lang) {
  return lang == "en";
}

const char* T(const std::string& lang, const char* nl, const char* en) {
  return En(lang) ? en : nl;
}

std::string Page(const std::string& lang, const std::string& title, const std::string& body) {
  return "<!doctype html>\n<html lang=\"" + std::string(En(lang) ? "en" : "nl") +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" +
         HtmlEscape(title) +
         "</title><style>"
         "body{font-family:sans-serif;margin:1.5rem;color:#111}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1."
         "5rem}"
         "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:4px 8px;"
         "border-bottom:1px solid #999}.why{color:#333;font-size:.9rem}.sheet{page-break-after:always;"
         "break-after:page}.sheet:last-child{page-break-after:auto;break-after:auto}"
         "@media print{body{margin:0}a{color:inherit;text-decoration:none}}"
         "</style></head><body>\n" +
         body + "</body></html>\n";
}

std::string Other(const ScheduledMeeting& m, Id me) {
  const std::string& n = m.a == me ? m.b_name : m.a_name;
  return n;
}

std::string MeetingsTable(const std::vector<ScheduledMeeting>& meetings, Id me, const std::string& lang) {
  if (meetings.empty())
    return std::string("<p>") + T(lang, "Geen afspraken ingepland.", "No meetings scheduled.") + "</p>\n";
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
  return "<p>" + AmsterdamDateTime(info.event.starts_at, lang) + " &middot; " + HtmlEscape(info.event.location) +
         "</p>\n";
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
            T(lang, "Ronde", "Round") + "</th><th>" + T(lang, "Tafel", "Table") + "</th><th>" + T(lang, "Met", "With") +
            "</th></tr></thead><tbody>\n";
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

std::string AllSchedulesHtml(const EventInfo& info, const std::vector<PersonSchedule>& people,
                             const std::string& lang) {
  std::string body;
  for (const auto& p : people)
    body += "<section class=\"sheet\"><h1>" + HtmlEscape(info.event.title) + "</h1>\n" + Heading(info, lang) + "<h2>" +
            T(lang, "Schema van ", "Schedule of ") + HtmlEscape(p.name) + "</h2>\n" +
            MeetingsTable(p.meetings, p.member_id, lang) + "</section>\n";
  if (people.empty())
    body = std::string("<h1>") + HtmlEscape(info.event.title) + "</h1><p>" +
           T(lang, "Nog geen schema's.", "No schedules yet.") + "</p>\n";
  return Page(lang, info.event.title, body);
}

std::string TableSheetsHtml(const EventInfo& info, const std::vector<ScheduledMeeting>& meetings,
                            const std::vector<SeatingPlan>& seatings, const std::string& lang,
                            const std::map<std::string, std::string>& sector_labels) {
  auto sector = [&](const std::string& key) {
    auto it = sector_labels.find(key);
    return HtmlEscape(it == sector_labels.end() ? key : it->second);
  };
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
      for (const auto& p : t->people)
        body += "<li>" + HtmlEscape(p.name) + " <span class=\"why\">" + sector(p.sector) + "</span></li>\n";
      if (t->hidden) body += "<li>+" + std::to_string(t->hidden) + "</li>\n";
      body += "</ul>\n";
    }
    body += "</section>\n";
  }
  if (all.empty())
    body = "<h1>" + HtmlEscape(info.event.title) + "</h1><p>" +
           T(lang, "Nog geen tafels ingedeeld.", "No tables assigned yet.") + "</p>\n";
  return Page(lang, info.event.title, body);
}

std::string DoorListHtml(const EventInfo& info, const std::vector<Registration>& registered, const std::string& lang) {
  std::string body = "<h1>" + HtmlEscape(info.event.title) + "</h1>\n" + Heading(info, lang) + "<h2>" +
                     T(lang, "Deurlijst", "Door list") + "</h2>\n";
  if (registered.empty())
    return Page(lang, info.event.title,
                body + "<p>" + T(lang, "Nog niemand aangemeld.", "Nobody has registered yet.") + "</p>\n");
  body += std::string("<table><thead><tr><th>") + T(lang, "Naam", "Name") + "</th><th>" +
          T(lang, "Aanmeldcode", "Check-in code") + "</th><th>" + T(lang, "Binnen", "Arrived") +
          "</th></tr></thead><tbody>\n";
  for (const auto& r : registered)
    body += "<tr><td>" +
            (r.member_name.empty() ? std::string(T(lang, "(afgeschermd profiel)", "(hidden profile)"))
                                   : HtmlEscape(r.member_name)) +
            "</td><td><code>" + HtmlEscape(r.checkin_code) + "</code></td><td>" +
            (r.checked_in_at ? std::string("&#10003; ") + T(lang, "binnen", "arrived") : std::string("&#9744;")) +
            "</td></tr>\n";
  body += "</tbody></table>\n";
  return Page(lang, info.event.title, body);
}

}  // namespace verbinder::events
