#include "importers/importers.h"

#include <soci/soci.h>

#include <map>
#include <string_view>
#include <unordered_set>

#include "domain/db_util.h"
#include "domain/network.h"
#include "domain/validation.h"
#include "util/csv.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::importers {
namespace {

std::vector<std::string> SplitList(const std::string& s, char sep) {
  std::vector<std::string> out;
  for (auto& part : Split(s, sep)) {
    std::string t = Trim(part);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

std::optional<bool> ParseBool(const std::string& s) {
  std::string v = AsciiLower(Trim(s));
  if (v.empty() || v == "no" || v == "false" || v == "0" || v == "nee") return false;
  if (v == "yes" || v == "true" || v == "1" || v == "ja") return true;
  return std::nullopt;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int MonthIndex(std::string m) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  m = AsciiLower(m).substr(0, 3);
  if (m == "mei") m = "may";
  if (m == "okt") m = "oct";
  if (m == "maa") m = "mar";
  for (int i = 0; i < 12; ++i)
    if (m == kMonths[i]) return i + 1;
  return 0;
}

bool AllDigits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

}  // namespace

std::string RowError::ToString() const {
  return "line " + std::to_string(line) + (field.empty() ? "" : ": " + field) + ": " + message;
}

std::optional<int64_t> ParseLinkedInDate(const std::string& raw) {
  std::string s = Trim(raw);
  int y = 0, m = 0, d = 0;
  auto parts = SplitList(s, ' ');
  if (parts.size() == 1 && s.size() == 10 && s[4] == '-' && s[7] == '-') {
    auto ymd = Split(s, '-');
    if (!AllDigits(ymd[0]) || !AllDigits(ymd[1]) || !AllDigits(ymd[2])) return std::nullopt;
    y = std::stoi(ymd[0]); m = std::stoi(ymd[1]); d = std::stoi(ymd[2]);
  } else if (parts.size() == 3) {
    std::string a = parts[0], b = parts[1], c = parts[2];
    if (!b.empty() && b.back() == ',') b.pop_back();
    if (AllDigits(a) && MonthIndex(b) && AllDigits(c)) { d = std::stoi(a); m = MonthIndex(b); y = std::stoi(c); }
    else if (MonthIndex(a) && AllDigits(b) && AllDigits(c)) { m = MonthIndex(a); d = std::stoi(b); y = std::stoi(c); }
    else return std::nullopt;
  } else {
    return std::nullopt;
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  return DaysFromCivil(y, m, d) * 86400 + 12 * 3600;
}

Result<MemberImportPlan> PlanMemberImport(const std::string& text, const std::set<std::string>& sectors,
                                          const std::set<std::string>& existing_emails) {
  VB_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text));
  for (const char* required : {"name", "email"})
    if (t.Column(required) < 0) return InvalidArgument(std::string("missing required column '") + required + "'", "header");
  for (const auto& h : t.header) {
    bool known = false;
    for (const char* c : kMemberColumns) known = known || EqualsIgnoreCase(h, c);
    if (!known) return InvalidArgument("unknown column '" + h + "' (known: " + Join({std::begin(kMemberColumns), std::end(kMemberColumns)}, ", ") + ")", "header");
  }
  MemberImportPlan plan;
  plan.network.sectors = {};
  std::map<std::string, model::Id> orgs;
  std::unordered_set<std::string> seen;
  // Column positions looked up once, not per row and field.
  std::map<std::string_view, int, std::less<>> columns;
  for (const char* c : kMemberColumns) columns[c] = t.Column(c);
  auto col = [&](const CsvRow& r, std::string_view name) -> std::string {
    int i = columns.find(name)->second;
    return i < 0 ? std::string() : r.fields[i];
  };
  plan.network.members.reserve(t.rows.size());
  plan.lines.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    ++plan.rows;
    model::Member m;
    m.name = col(row, "name");
    m.email = col(row, "email");
    m.organization = Trim(col(row, "organization"));
    m.title = Trim(col(row, "title"));
    m.sector = AsciiLower(Trim(col(row, "sector")));
    m.region = Trim(col(row, "region"));
    m.languages = SplitList(col(row, "languages"), ';');
    m.bio = col(row, "bio");
    m.expertise_tags = SplitList(col(row, "expertise_tags"), ';');
    m.expertise_text = col(row, "expertise_text");
    for (const auto& title : SplitList(col(row, "challenges"), '|')) {
      model::Challenge c;
      c.title = title;
      m.challenges.push_back(c);
    }
    m.visit_location = Trim(col(row, "visit_location"));
    m.linkedin_url = Trim(col(row, "linkedin_url"));
    auto hosts = ParseBool(col(row, "hosts_visits"));
    if (!hosts) { plan.errors.push_back({row.line, "hosts_visits", "must be yes or no"}); continue; }
    m.hosts_visits = *hosts;
    std::string vis = AsciiLower(Trim(col(row, "visibility")));
    if (!vis.empty()) {
      auto v = model::ParseVisibility(vis);
      if (!v) { plan.errors.push_back({row.line, "visibility", "must be members, organizers or hidden"}); continue; }
      m.visibility = *v;
    }
    Status s = domain::ValidateMember(m, sectors);
    if (!s.ok()) { plan.errors.push_back({row.line, s.field(), s.message()}); continue; }
    if (existing_emails.count(m.email)) { plan.errors.push_back({row.line, "email", "a member with this e-mail already exists"}); continue; }
    if (!seen.insert(m.email).second) { plan.errors.push_back({row.line, "email", "appears earlier in this file"}); continue; }
    if (!m.organization.empty()) {
      std::string key = AsciiLower(m.organization);
      auto it = orgs.find(key);
      if (it == orgs.end()) {
        plan.network.organizations.push_back({0, m.organization, m.sector, ""});
        it = orgs.emplace(key, static_cast<model::Id>(plan.network.organizations.size())).first;
      }
      m.organization_id = it->second;
    }
    plan.network.members.push_back(std::move(m));
    plan.lines.push_back(row.line);
  }
  if (plan.rows == 0) return InvalidArgument("the file has a header but no rows", "file");
  return plan;
}

Result<domain::LoadStats> ApplyMemberImport(storage::Database& db, const MemberImportPlan& plan, const Clock& clock,
                                            const domain::ProgressFn& progress) {
  return domain::LoadNetwork(db, plan.network, clock, progress);
}

Result<LinkedInPlan> ParseLinkedInConnections(const std::string& text) {
  CsvOptions o;
  o.find_header = {"First Name", "Last Name"};
  o.allow_ragged = true;  // LinkedIn rows sometimes lack trailing empty fields
  VB_ASSIGN_OR_RETURN(CsvTable t, ParseCsv(text, o));
  for (const char* c : {"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"})
    if (t.Column(c) < 0) return InvalidArgument(std::string("missing column '") + c + "' in the LinkedIn export", "header");
  LinkedInPlan plan;
  auto col = [&](const CsvRow& r, const char* name) -> std::string {
    int i = t.Column(name);
    return i < 0 || static_cast<size_t>(i) >= r.fields.size() ? std::string() : Trim(r.fields[i]);
  };
  for (const auto& row : t.rows) {
    if (row.fields.size() > t.header.size()) { plan.errors.push_back({row.line, "", "more fields than the header has"}); continue; }
    LinkedInRow r;
    r.line = row.line;
    r.first_name = col(row, "First Name");
    r.last_name = col(row, "Last Name");
    r.url = col(row, "URL");
    r.email = AsciiLower(col(row, "Email Address"));
    r.company = col(row, "Company");
    r.position = col(row, "Position");
    if (r.first_name.empty() && r.last_name.empty()) { plan.errors.push_back({row.line, "First Name", "no name"}); continue; }
    if (!r.email.empty() && !IsValidEmail(r.email)) { plan.errors.push_back({row.line, "Email Address", "is not a valid e-mail address"}); continue; }
    std::string on = col(row, "Connected On");
    if (!on.empty()) {
      auto d = ParseLinkedInDate(on);
      if (!d) { plan.errors.push_back({row.line, "Connected On", "is not a date like '12 Mar 2024'"}); continue; }
      r.connected_on = *d;
    }
    plan.rows.push_back(r);
  }
  return plan;
}

Result<LinkedInResult> ApplyLinkedInImport(storage::Database& db, model::Id member_id, const LinkedInPlan& plan,
                                           const Clock& clock) {
  return domain::WithSession<LinkedInResult>(db, [&](soci::session& sql) -> Result<LinkedInResult> {
    long long me = member_id, n = 0;
    sql << "SELECT count(*) FROM members WHERE id = :id", soci::use(me), soci::into(n);
    if (!n) return NotFound("no member with id " + std::to_string(member_id), "member");
    // Index members by e-mail, LinkedIn URL and name.
    std::map<std::string, long long> by_email, by_url;
    std::map<std::string, std::vector<long long>> by_name;
    {
      long long id = 0;
      std::string email, url, name;
      soci::statement st = (sql.prepare << "SELECT id, email, linkedin_url, name FROM members", soci::into(id),
                            soci::into(email), soci::into(url), soci::into(name));
      st.execute();
      while (st.fetch()) {
        by_email[AsciiLower(email)] = id;
        if (!url.empty()) by_url[AsciiLower(Trim(url))] = id;
        by_name[AsciiLower(Trim(name))].push_back(id);
      }
    }
    LinkedInResult res;
    storage::Transaction tr(sql);
    std::set<long long> done;
    for (const auto& r : plan.rows) {
      long long other = 0;
      if (!r.email.empty() && by_email.count(r.email)) other = by_email[r.email];
      else if (!r.url.empty() && by_url.count(AsciiLower(r.url))) other = by_url[AsciiLower(r.url)];
      else {
        auto it = by_name.find(AsciiLower(Trim(r.first_name + " " + r.last_name)));
        if (it != by_name.end() && it->second.size() == 1) other = it->second[0];
      }
      if (!other || other == me) { ++res.not_members; continue; }
      ++res.matched;
      if (!done.insert(other).second) { ++res.already; continue; }
      long long a = std::min(me, other), b = std::max(me, other), cnt = 0;
      sql << "SELECT count(*) FROM interactions WHERE a = :a AND b = :b AND source = 'import:linkedin'", soci::use(a),
          soci::use(b), soci::into(cnt);
      if (cnt) { ++res.already; continue; }
      model::Interaction in{0, a, b, model::InteractionKind::kConnected, r.connected_on ? r.connected_on : clock.Now(),
                            "import:linkedin", 0};
      domain::AppendInteraction(sql, in);
      ++res.added;
    }
    tr.commit();
    return res;
  });
}

}  // namespace verbinder::importers
