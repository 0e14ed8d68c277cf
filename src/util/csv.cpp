#include "util/csv.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/strings.h"

namespace verbinder {
namespace {

std::string LineField(int line) {
  return "line " + std::to_string(line);
}

// Parses records; each record remembers the line it starts on.
Status ParseRecords(std::string_view text, char delim, std::vector<CsvRow>* out) {
  size_t i = 0;
  int line = 1;
  const size_t n = text.size();
  while (i < n) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool in_record = true;
    while (in_record) {
      field.clear();
      if (i < n && text[i] == '"') {
        ++i;
        int quote_line = line;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field += c;
          ++i;
        }
        if (!closed)
          return InvalidArgument("unterminated quoted field (opened on line " + std::to_string(quote_line) + ")",
                                 LineField(quote_line));
        if (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r')
          return InvalidArgument("unexpected character after a closing quote", LineField(line));
      } else {
        while (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') return InvalidArgument("a quote inside an unquoted field", LineField(line));
          field += text[i++];
        }
      }
      row.fields.push_back(field);
      if (i < n && text[i] == delim) {
        ++i;
        continue;
      }
      // End of record.
      if (i < n && text[i] == '\r') ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      in_record = false;
    }
    out->push_back(std::move(row));
  }
  return Status::Ok();
}

bool RowEmpty(const CsvRow& r) {
  for (const auto& f : r.fields)
    if (!Trim(f).empty()) return false;
  return true;
}

}  // namespace

int CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (EqualsIgnoreCase(Trim(header[i]), Trim(name))) return static_cast<int>(i);
  return -1;
}

Result<CsvTable> ParseCsv(std::string_view text, const CsvOptions& options) {
  // Strip a UTF-8 byte-order mark (Excel writes one).
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (Trim(text).empty()) return InvalidArgument("the file is empty", "file");
  if (text.find('\0') != std::string_view::npos)
    return InvalidArgument("the file contains NUL bytes: it is binary, not CSV", "file");
  if (!IsValidUtf8(text)) {
    // Find the line with the first bad byte.
    size_t lo = 0;
    int line = 1;
    while (true) {
      size_t nl = text.find('\n', lo);
      std::string_view l = text.substr(lo, nl == std::string_view::npos ? std::string_view::npos : nl - lo);
      if (!IsValidUtf8(l)) break;
      if (nl == std::string_view::npos) break;
      lo = nl + 1;
      ++line;
    }
    return InvalidArgument("the file is not valid UTF-8", LineField(line));
  }
  std::vector<CsvRow> records;
  VB_RETURN_IF_ERROR(ParseRecords(text, options.delimiter, &records));
  size_t h = 0;
  if (!options.find_header.empty()) {
    for (; h < records.size(); ++h) {
      CsvTable probe;
      probe.header = records[h].fields;
      bool all = true;
      for (const auto& want : options.find_header)
        if (probe.Column(want) < 0) {
          all = false;
          break;
        }
      if (all) break;
    }
    if (h == records.size()) {
      return InvalidArgument("no header line with the columns " + Join(options.find_header, ", ") + " was found",
                             "header");
    }
  }
  while (h < records.size() && RowEmpty(records[h])) ++h;
  if (h == records.size()) return InvalidArgument("the file has no header line", "header");
  CsvTable table;
  for (auto& f : records[h].fields) table.header.push_back(Trim(f));
  for (size_t r = h + 1; r < records.size(); ++r) {
    auto& row = records[r];
    if (options.skip_empty_rows && RowEmpty(row)) continue;
    if (!options.allow_ragged && row.fields.size() != table.header.size()) {
      return InvalidArgument(
          "expected " + std::to_string(table.header.size()) + " fields but found " + std::to_string(row.fields.size()),
          LineField(row.line));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFound("no such file: " + path, "file");
  if (std::filesystem::is_directory(path, ec)) return InvalidArgument("is a directory, not a file: " + path, "file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("cannot open " + path, "file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<CsvTable> ReadCsvFile(const std::string& path, const CsvOptions& options) {
  VB_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseCsv(text, options);
}

}  // namespace verbinder
