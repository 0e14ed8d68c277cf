#include "importers/importers.h"

#include <soci/soci.h>

#include <map>
#include <string_view>
#include <unordered_set>

#include "domain/db_util.h"
#include "domain/network.h"
#include "domain/validation.h"
#include "importers/import_text.h"
#include "util/civil_time.h"
#include "util/linkedin_url.h"
#include "storage/transaction.h"
#include "util/csv.h"
#include "util/strings.h"

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

using util::DaysFromCivil;

int MonthIndex(std::string m) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  m = AsciiLower(m).substr(0, 3);
  if (m == "mei") m = "may";
  if (m == "okt") m = "oct";
  if (m == "maa" || m == "mrt") m = "mar";
  for (int i = 0; i < 12; ++i)
    if (m == kMonths[i]) return i + 1;
  return 0;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

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
    y = std::stoi(ymd[0]);
    m = std::stoi(ymd[1]);
    d = std::stoi(ymd[2]);
  } else if (parts.size() == 3) {
    std::string a = parts[0], b = parts[1], c = parts[2];
    if (!b.empty() && b.back() == ',') b.pop_back();
    if (AllDigits(a) && MonthIndex(b) && AllDigits(c)) {
      d = std::stoi(a);
      m = MonthIndex(b);
      y = std::stoi(c);
    } else if (MonthIndex(a) && AllDigits(b) && AllDigits(c)) {
      m = MonthIndex(a);
      d = std::stoi(b);
      y = std::stoi(c);
    } else
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  return DaysFromCivil(y, m, d) * 86400 + 12 * 3600;
}

Result<MemberImportPlan> PlanMemberImport(const std::string& text, const std::set<std::string>& sectors,
                                          const std::set<std::string>& existing_emails) {
  ImportCsvOptions o;
  o.header = {"name", "email"};
  VB_ASSIGN_OR_RETURN(ImportCsv csv, ReadImportCsv(text, o));
  const CsvTable& t = csv.table;
  for (const char* required : {"name", "email"})
    if (t.Column(required) < 0)
      return InvalidArgument(std::string("missing required column '") + required + "'", "header");
  for (const auto& h : t.header) {
    bool known = false;
    for (const char* c : kMemberColumns) known = known || EqualsIgnoreCase(h, c);
    if (!known)
      return InvalidArgument("unknown column '" + h + "' (known: " +
                                 Join({std::begin(kMemberColumns), std::end(kMemberColumns)}, ", ") + ")",
                             "header");
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
    if (!m.linkedin_url.empty()) {
      auto url = NormalizeLinkedInUrl(m.linkedin_url);
      if (!url) {
        plan.errors.push_back(
            {row.line, "linkedin_url", "is not a LinkedIn profile URL like https://www.linkedin.com/in/name"});
        continue;
      }
      m.linkedin_url = *url;
    }
    auto hosts = ParseBool(col(row, "hosts_visits"));
    if (!hosts) {
      plan.errors.push_back({row.line, "hosts_visits", "must be yes or no"});
      continue;
    }
    m.hosts_visits = *hosts;
    std::string vis = AsciiLower(Trim(col(row, "visibility")));
    if (!vis.empty()) {
      auto v = model::ParseVisibility(vis);
      if (!v) {
        plan.errors.push_back({row.line, "visibility", "must be members, organizers or hidden"});
        continue;
      }
      m.visibility = *v;
    }
    Status s = domain::ValidateMember(m, sectors);
    if (!s.ok()) {
      plan.errors.push_back({row.line, s.field(), s.message()});
      continue;
    }
    if (existing_emails.count(m.email)) {
      plan.errors.push_back({row.line, "email", "a member with this e-mail already exists"});
      continue;
    }
    if (!seen.insert(m.email).second) {
      plan.errors.push_back({row.line, "email", "appears earlier in this file"});
      continue;
    }
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
  ImportCsvOptions o;
  o.header = {"First Name", "Last Name"};
  o.skip_preamble = true;        // the export starts with "Notes:" lines
  o.strict_field_count = false;  // a short or long row is that row's error, below
  VB_ASSIGN_OR_RETURN(ImportCsv csv, ReadImportCsv(text, o));
  const CsvTable& t = csv.table;
  for (const char* c : {"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"})
    if (t.Column(c) < 0)
      return InvalidArgument(std::string("missing column '") + c + "' in the LinkedIn export", "header");
  LinkedInPlan plan;
  std::map<std::string_view, int, std::less<>> columns;
  for (const char* c : {"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"})
    columns[c] = t.Column(c);
  auto col = [&](const CsvRow& r, std::string_view name) -> std::string {
    int i = columns.find(name)->second;
    return static_cast<size_t>(i) >= r.fields.size() ? std::string() : Trim(r.fields[i]);
  };
  const size_t width = t.header.size();
  for (size_t k = 0; k < t.rows.size(); ++k) {
    const CsvRow& row = t.rows[k];
    const bool last = k + 1 == t.rows.size();
    if (row.fields.size() > width) {
      plan.errors.push_back({row.line, "", "more fields than the header has"});
      continue;
    }
    if (row.fields.size() < width) {
      plan.errors.push_back(
          {row.line, "",
           "has " + std::to_string(row.fields.size()) + " of the header's " + std::to_string(width) + " fields"});
      continue;
    }
    LinkedInRow r;
    r.line = row.line;
    r.first_name = col(row, "First Name");
    r.last_name = col(row, "Last Name");
    std::string url = col(row, "URL");
    r.url = NormalizeLinkedInUrl(url).value_or(url);
    r.email = AsciiLower(col(row, "Email Address"));
    r.company = col(row, "Company");
    r.position = col(row, "Position");
    std::string on = col(row, "Connected On");
    std::optional<int64_t> date = on.empty() ? std::nullopt : ParseLinkedInDate(on);
    // A last row without a valid date and no line break after it is a row cut
    // off after its last delimiter ("…,05 Mar 20"): the file is incomplete.
    if (!date && last && !csv.ends_with_newline)
      return InvalidArgument("the last row's Connected On ('" + on +
                                 "') is not a complete date and the file ends "
                                 "there without a line break: the file looks cut off",
                             "line " + std::to_string(row.line));
    if (r.first_name.empty() && r.last_name.empty()) {
      plan.errors.push_back({row.line, "First Name", "no name"});
      continue;
    }
    if (!r.email.empty() && !IsValidEmail(r.email)) {
      plan.errors.push_back({row.line, "Email Address", "is not a valid e-mail address"});
      continue;
    }
    if (on.empty()) {
      plan.errors.push_back({row.line, "Connected On", "is missing (a date like '05 Mar 2024')"});
      continue;
    }
    if (!date) {
      plan.errors.push_back({row.line, "Connected On", "'" + on + "' is not a date like '05 Mar 2024'"});
      continue;
    }
    r.connected_on = *date;
    plan.rows.push_back(r);
  }
  return plan;
}

namespace {

// Key for matching LinkedIn URLs: the canonical form with its slug
// %-decoded and case-folded (non-ASCII letters too); another URL as typed,
// lowercased.
std::string UrlKey(const std::string& raw) {
  auto canonical = NormalizeLinkedInUrl(raw);
  if (!canonical) return AsciiLower(Trim(raw));
  std::string decoded;
  for (size_t i = 0; i < canonical->size(); ++i) {
    char c = (*canonical)[i];
    if (c == '%' && i + 2 < canonical->size()) {
      decoded += static_cast<char>(std::stoi(canonical->substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      decoded += c;
    }
  }
  return FoldCase(decoded);
}

std::string IdList(const std::vector<long long>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + std::to_string(ids[i]);
  return out;
}

}  // namespace

Result<LinkedInResult> ApplyLinkedInImport(storage::Database& db, model::Id member_id, const LinkedInPlan& plan,
                                           const Clock& clock) {
  // A row without its date is never dated "today": refuse the plan before writing.
  for (const auto& r : plan.rows)
    if (r.connected_on <= 0)
      return InvalidArgument("line " + std::to_string(r.line) + " has no Connected On date; nothing was imported",
                             "Connected On");
  return domain::WithSession<LinkedInResult>(db, [&](soci::session& sql) -> Result<LinkedInResult> {
    long long me = member_id, n = 0;
    sql << "SELECT count(*) FROM members WHERE id = :id", soci::use(me), soci::into(n);
    if (!n) return NotFound("no member with id " + std::to_string(member_id), "member");
    // Index members by e-mail, LinkedIn URL and folded name; a URL or name
    // shared by several members matches none of them.
    std::map<std::string, long long> by_email;
    std::map<std::string, std::vector<long long>> by_url, by_name;
    {
      long long id = 0;
      std::string email, url, name;
      soci::indicator url_ind = soci::i_ok;
      soci::statement st = (sql.prepare << "SELECT id, email, linkedin_url, name FROM members ORDER BY id",
                            soci::into(id), soci::into(email), soci::into(url, url_ind), soci::into(name));
      st.execute();
      while (st.fetch()) {
        by_email[AsciiLower(email)] = id;
        if (url_ind == soci::i_ok && !Trim(url).empty()) by_url[UrlKey(url)].push_back(id);
        by_name[FoldName(name)].push_back(id);
      }
    }
    LinkedInResult res;
    storage::Transaction tr(sql);
    std::set<long long> done;
    for (const auto& r : plan.rows) {
      long long other = 0;
      if (auto e = r.email.empty() ? by_email.end() : by_email.find(r.email); e != by_email.end()) {
        other = e->second;
      } else if (auto u = r.url.empty() ? by_url.end() : by_url.find(UrlKey(r.url)); u != by_url.end()) {
        if (u->second.size() > 1) {
          res.ambiguous.push_back({r.line, "URL",
                                   "the LinkedIn URL is on " + std::to_string(u->second.size()) +
                                       " members' profiles (ids " + IdList(u->second) + "): not linked"});
          continue;
        }
        other = u->second[0];
      } else if (auto it = by_name.find(FoldName(r.first_name + " " + r.last_name)); it != by_name.end()) {
        if (it->second.size() > 1) {
          res.ambiguous.push_back({r.line, "Last Name",
                                   "the name matches " + std::to_string(it->second.size()) + " members (ids " +
                                       IdList(it->second) +
                                       "): not linked; a LinkedIn URL on the right profile "
                                       "would decide"});
          continue;
        }
        other = it->second[0];
      }
      if (!other || other == me) {
        ++res.not_members;
        continue;
      }
      ++res.matched;
      if (!done.insert(other).second) {
        ++res.already;
        continue;
      }
      long long a = std::min(me, other), b = std::max(me, other), cnt = 0;
      sql << "SELECT count(*) FROM interactions WHERE a = :a AND b = :b AND source = 'import:linkedin'", soci::use(a),
          soci::use(b), soci::into(cnt);
      if (cnt) {
        ++res.already;
        continue;
      }
      model::Interaction in{0, a, b, model::InteractionKind::kConnected, r.connected_on, "import:linkedin", 0};
      domain::AppendInteraction(sql, in);
      ++res.added;
    }
    tr.commit();
    return res;
  });
}

}  // namespace verbinder::importers
