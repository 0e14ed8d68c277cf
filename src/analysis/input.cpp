#include "analysis/input.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "util/parallel.h"
#include "util/civil_time.h"
#include "util/csv.h"
#include "util/strings.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

namespace {

Day DaysFromCivil(int y, unsigned m, unsigned d) {
  return static_cast<Day>(util::DaysFromCivil(y, m, d));
}

std::string Where(const std::string& file, int line, std::string_view column) {
  std::string s = file + ": line " + std::to_string(line);
  if (!column.empty()) s += ", column '" + std::string(column) + "'";
  return s;
}

Status FileError(const std::string& file, const Status& status) {
  // The CSV reader names the line in field(); fold file + field + message into one line.
  std::string msg = file + ": ";
  if (!status.field().empty() && status.field() != "file") msg += status.field() + ": ";
  msg += status.message();
  return Status(status.code(), msg);
}

Result<CsvTable> TableFromText(const std::string& path, std::string_view text,
                               const std::vector<std::string>& required) {
  auto table = ParseCsv(text);
  if (!table) return FileError(path, table.status());
  for (const auto& col : required) {
    if (table->Column(col) < 0) {
      std::string msg = path;
      msg += ": line 1: missing column '";
      msg += col;
      msg += "' (header is: ";
      msg += Join(table->header, ",");
      msg += ")";
      return InvalidArgument(msg);
    }
  }
  return table;
}

// A whole regular file in one read (util's ReadFile copies it through a
// stream buffer that grows by doubling: 37 MB of ties became ~110 MB copied);
// anything unusual goes to ReadFile, which words the error.
Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    const auto size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (!ec && in) {
      std::string text(size, '\0');
      if (in.read(text.data(), static_cast<std::streamsize>(size)) && in.peek() == std::char_traits<char>::eof())
        return text;
    }
  }
  return ReadFile(path);
}

Result<CsvTable> ReadTable(const std::string& path, const std::vector<std::string>& required) {
  auto text = ReadWholeFile(path);
  if (!text) return FileError(path, text.status());
  return TableFromText(path, *text, required);
}

Result<double> ParseWeight(const std::string& file, int line, const std::string& text) {
  std::string t = Trim(text);
  double value = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(value) || value <= 0)
    return InvalidArgument(Where(file, line, "weight") + ": '" + t + "' is not a positive number");
  return value;
}

Result<Day> ParseDateField(const std::string& file, int line, std::string_view column, const std::string& text) {
  std::string t = Trim(text);
  if (t.empty()) return kNoDate;
  auto day = ParseDay(t);
  if (!day) return InvalidArgument(Where(file, line, column) + ": '" + t + "' is not a date (YYYY-MM-DD)");
  return *day;
}

Result<std::string> RequireId(const std::string& file, int line, std::string_view column, const std::string& text) {
  std::string t = Trim(text);
  if (t.empty()) return InvalidArgument(Where(file, line, column) + ": empty member id");
  return t;
}

// isspace() in the C locale, without the locale lookup.
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// The common ties.csv in one pass on all cores, straight into TieInput: plain
// ASCII, no quotes, lines ending in \n or \r\n, every row valid. Anything
// else — a quote, a byte >= 0x80, a NUL, a stray \r, a missing column, a
// ragged or invalid row — returns nullopt, and the caller takes the strict
// general reader, which reads the same rows the same way and words the error.
std::optional<std::vector<TieInput>> FastTies(std::string_view text) {
  // No quotes, no NUL, no byte-order mark, valid UTF-8 (checked only when a
  // byte is not ASCII).
  if (std::memchr(text.data(), '"', text.size()) || std::memchr(text.data(), '\0', text.size())) return std::nullopt;
  unsigned char high = 0;
  for (char c : text) high |= static_cast<unsigned char>(c);
  if ((high & 0x80) && (text.substr(0, 3) == "\xEF\xBB\xBF" || !IsValidUtf8(text))) return std::nullopt;
  const size_t header_end = std::min(text.find('\n'), text.size());
  std::string_view header_line = text.substr(0, header_end);
  if (!header_line.empty() && header_line.back() == '\r') header_line.remove_suffix(1);
  if (header_line.find('\r') != std::string_view::npos || TrimView(header_line).empty()) return std::nullopt;
  CsvTable header;
  for (const std::string& f : Split(header_line, ',')) header.header.emplace_back(TrimView(f));
  const int c_s = header.Column("source"), c_t = header.Column("target"), c_w = header.Column("weight");
  const int c_kind = header.Column("kind"), c_date = header.Column("date"), c_event = header.Column("event");
  if (c_s < 0 || c_t < 0 || c_w < 0) return std::nullopt;
  const size_t columns = header.header.size();

  // Slices of whole lines, one per core.
  const size_t body = std::min(header_end + 1, text.size());
  const int slices = static_cast<int>(std::min<size_t>(ResolveThreads(0), (text.size() - body) / (1 << 20) + 1));
  std::vector<size_t> cut(slices + 1, text.size());
  cut[0] = body;
  for (int k = 1; k < slices; ++k) {
    size_t at = std::max(cut[k - 1], body + (text.size() - body) * k / slices);
    const size_t nl = text.find('\n', at);
    cut[k] = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  std::vector<std::vector<TieInput>> parts(slices);
  std::vector<int> lines(slices, 0);  // lines in each slice
  std::vector<uint8_t> ok(slices, 1);
  RunThreads(slices, [&](int k) {
    std::vector<TieInput>& out = parts[k];
    std::vector<std::string_view> fields(columns);
    size_t i = cut[k];
    int line = 0;
    while (i < cut[k + 1]) {
      size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos || nl > cut[k + 1]) nl = cut[k + 1];
      std::string_view row = text.substr(i, nl - i);
      i = nl + 1;
      ++line;
      if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
      if (row.find('\r') != std::string_view::npos) {
        ok[k] = 0;
        return;
      }
      size_t found = 0, from = 0;
      bool empty = true;
      for (;;) {
        const size_t comma = std::min(row.find(',', from), row.size());
        std::string_view f = TrimView(row.substr(from, comma - from));
        empty = empty && f.empty();
        if (found < columns) fields[found] = f;
        ++found;
        if (comma == row.size()) break;
        from = comma + 1;
      }
      if (empty) continue;  // blank rows are skipped, as by the general reader
      if (found != columns || fields[c_s].empty() || fields[c_t].empty()) {
        ok[k] = 0;
        return;
      }
      TieInput t;
      t.line = line;  // within the slice; made absolute below
      t.source = fields[c_s];
      t.target = fields[c_t];
      std::string_view w = fields[c_w];
      auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), t.weight);
      if (w.empty() || ec != std::errc() || end != w.data() + w.size() || !std::isfinite(t.weight) || t.weight <= 0) {
        ok[k] = 0;
        return;
      }
      if (c_kind >= 0) {
        auto kind = model::ParseInteractionKind(AsciiLower(fields[c_kind]));
        if (!kind) {
          ok[k] = 0;
          return;
        }
        t.kind = *kind;
        t.has_kind = true;
      }
      if (c_date >= 0 && !fields[c_date].empty()) {
        auto day = ParseDay(fields[c_date]);
        if (!day) {
          ok[k] = 0;
          return;
        }
        t.date = *day;
      }
      if (c_event >= 0) t.event = fields[c_event];
      out.push_back(std::move(t));
    }
    lines[k] = line;
  });
  for (uint8_t good : ok)
    if (!good) return std::nullopt;
  std::vector<TieInput> ties = std::move(parts[0]);
  int first_line = 2;  // the header is line 1
  for (TieInput& t : ties) t.line += first_line - 1;
  for (int k = 1; k < slices; ++k) {
    first_line += lines[k - 1];
    for (TieInput& t : parts[k]) {
      t.line += first_line - 1;
      ties.push_back(std::move(t));
    }
  }
  return ties;
}

}  // namespace

std::optional<Day> ParseDay(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t pos, size_t len, int* out) {
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, *out);
    return ec == std::errc() && p == text.data() + pos + len;
  };
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d)) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string FormatDay(Day day) {
  if (day == kNoDate) return "";
  // Howard Hinnant's civil_from_days.
  int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Result<NetworkInput> LoadNetworkFiles(const InputPaths& paths) {
  NetworkInput input;
  if (paths.members.empty() && paths.ties.empty() && paths.attendance.empty())
    return InvalidArgument("give --members with --ties and/or --attendance");
  if (paths.ties.empty() && paths.attendance.empty()) return InvalidArgument("give --ties and/or --attendance");

  if (!paths.members.empty()) {
    input.members_given = true;
    input.members_source = paths.members;
    VB_ASSIGN_OR_RETURN(CsvTable table, ReadTable(paths.members, {"id", "name", "sector"}));
    const int c_id = table.Column("id"), c_name = table.Column("name"), c_sector = table.Column("sector");
    std::vector<int> extra;
    for (size_t c = 0; c < table.header.size(); ++c) {
      int ci = static_cast<int>(c);
      if (ci == c_id || ci == c_name || ci == c_sector) continue;
      extra.push_back(ci);
      input.attribute_names.push_back(Trim(table.header[c]));
    }
    std::unordered_set<std::string> seen;
    input.members.reserve(table.rows.size());
    for (const auto& row : table.rows) {
      MemberInput m;
      VB_ASSIGN_OR_RETURN(m.id, RequireId(paths.members, row.line, "id", row.fields[c_id]));
      if (!seen.insert(m.id).second)
        return InvalidArgument(Where(paths.members, row.line, "id") + ": duplicate member id '" + m.id + "'");
      m.name = Trim(row.fields[c_name]);
      m.sector = Trim(row.fields[c_sector]);
      for (int c : extra) m.attributes.push_back(row.fields[c]);
      input.members.push_back(std::move(m));
    }
  }

  bool fast_ties = false;
  CsvTable ties_table;
  if (!paths.ties.empty()) {
    input.ties_source = paths.ties;
    auto text = ReadWholeFile(paths.ties);
    if (!text) return FileError(paths.ties, text.status());
    if (auto fast = FastTies(*text)) {
      input.ties = std::move(*fast);
      fast_ties = true;
    } else {
      VB_ASSIGN_OR_RETURN(ties_table, TableFromText(paths.ties, *text, {"source", "target", "weight"}));
    }
  }
  if (!paths.ties.empty() && !fast_ties) {
    const CsvTable& table = ties_table;
    const int c_s = table.Column("source"), c_t = table.Column("target"), c_w = table.Column("weight");
    const int c_kind = table.Column("kind"), c_date = table.Column("date"), c_event = table.Column("event");
    // Rows are converted in slices on all cores (a million rows take a while);
    // the first bad row in file order is the one reported.
    auto convert = [&](const CsvRow& row) -> Result<TieInput> {
      TieInput t;
      t.line = row.line;
      VB_ASSIGN_OR_RETURN(t.source, RequireId(paths.ties, row.line, "source", row.fields[c_s]));
      VB_ASSIGN_OR_RETURN(t.target, RequireId(paths.ties, row.line, "target", row.fields[c_t]));
      VB_ASSIGN_OR_RETURN(t.weight, ParseWeight(paths.ties, row.line, row.fields[c_w]));
      if (c_kind >= 0) {
        std::string k = AsciiLower(Trim(row.fields[c_kind]));
        auto kind = model::ParseInteractionKind(k);
        if (!kind)
          return InvalidArgument(Where(paths.ties, row.line, "kind") + ": unknown kind '" + k +
                                 "' (connected, answered, met_at_event, meeting_held, visit_held)");
        t.kind = *kind;
        t.has_kind = true;
      }
      if (c_date >= 0) {
        VB_ASSIGN_OR_RETURN(t.date, ParseDateField(paths.ties, row.line, "date", row.fields[c_date]));
      }
      if (c_event >= 0) t.event = Trim(row.fields[c_event]);
      return t;
    };
    const size_t rows = table.rows.size();
    const int slices = static_cast<int>(std::min<size_t>(ResolveThreads(0), rows / 20000 + 1));
    input.ties.resize(rows);
    std::vector<Status> first_error(slices);
    RunThreads(slices, [&](int k) {
      for (size_t i = rows * k / slices, end = rows * (k + 1) / slices; i < end; ++i) {
        auto t = convert(table.rows[i]);
        if (!t) {
          first_error[k] = t.status();
          return;
        }
        input.ties[i] = std::move(*t);
      }
    });
    for (const Status& e : first_error) VB_RETURN_IF_ERROR(e);
  }

  if (!paths.attendance.empty()) {
    input.attendance_source = paths.attendance;
    VB_ASSIGN_OR_RETURN(CsvTable table, ReadTable(paths.attendance, {"member", "event"}));
    const int c_m = table.Column("member"), c_e = table.Column("event"), c_date = table.Column("date");
    for (const auto& row : table.rows) {
      AttendanceInput a;
      a.line = row.line;
      VB_ASSIGN_OR_RETURN(a.member, RequireId(paths.attendance, row.line, "member", row.fields[c_m]));
      a.event = Trim(row.fields[c_e]);
      if (a.event.empty()) return InvalidArgument(Where(paths.attendance, row.line, "event") + ": empty event");
      if (c_date >= 0) {
        VB_ASSIGN_OR_RETURN(a.date, ParseDateField(paths.attendance, row.line, "date", row.fields[c_date]));
      }
      input.attendance.push_back(std::move(a));
    }
  }
  return input;
}

NetworkInput InputFromLedger(const std::vector<model::Member>& members, const std::vector<model::Interaction>& ledger,
                             const std::vector<std::pair<model::Id, model::Id>>& attendance) {
  NetworkInput input;
  input.members_given = true;
  input.members.reserve(members.size());
  for (const auto& m : members) {
    input.members.push_back({std::to_string(m.id), m.name, m.sector, {}});
  }
  input.ties.reserve(ledger.size());
  for (const auto& in : ledger) {
    TieInput t;
    t.source = std::to_string(in.a);
    t.target = std::to_string(in.b);
    t.weight = model::KindWeight(in.kind);
    t.kind = in.kind;
    t.has_kind = true;
    t.date = in.at > 0 ? static_cast<Day>(in.at / 86400) : kNoDate;
    if (in.event_id != 0) t.event = std::to_string(in.event_id);
    input.ties.push_back(std::move(t));
  }
  for (const auto& [event, member] : attendance)
    input.attendance.push_back({std::to_string(member), std::to_string(event), kNoDate, 0});
  return input;
}

}  // namespace verbinder::analysis
