// A strict RFC 4180 CSV reader for imports and engine inputs. It reports
// broken quoting, binary junk, invalid UTF-8 and ragged rows with the 1-based
// line number, so an import can name the exact place that is wrong.
//
//   auto table = ReadCsvFile("members.csv");
//   if (!table) { std::cerr << table.status().ToString(); }
//   int col = table->Column("email");
//
// Thread-safety: stateless functions; CsvTable is a plain value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace verbinder {

struct CsvRow {
  int line = 0;  // 1-based line in the file where the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;  // trimmed, as in the file
  std::vector<CsvRow> rows;
  // Index of a header column (case-insensitive, surrounding spaces ignored), or -1.
  int Column(std::string_view name) const;
};

struct CsvOptions {
  char delimiter = ',';
  // Skip leading lines until one contains all these header names (case-insensitive).
  // Used for LinkedIn exports, which start with a "Notes:" preamble.
  std::vector<std::string> find_header;
  // Rows whose field count differs from the header are errors unless this is set.
  bool allow_ragged = false;
  // Skip rows that are entirely empty.
  bool skip_empty_rows = true;
};

// Parses CSV text. Errors: invalid UTF-8, NUL bytes, an unterminated quote,
// a character after a closing quote, an empty input, a missing header, a row
// with the wrong number of fields. All errors name the line.
Result<CsvTable> ParseCsv(std::string_view text, const CsvOptions& options = {});
Result<CsvTable> ReadCsvFile(const std::string& path, const CsvOptions& options = {});

// Reads a whole file; NotFound if it does not exist, InvalidArgument if it is a directory.
Result<std::string> ReadFile(const std::string& path);

}  // namespace verbinder
