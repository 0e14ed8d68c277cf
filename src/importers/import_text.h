// Reading an uploaded CSV the way people actually produce it: UTF-8 with or
// without a BOM, Excel's "Unicode text" (UTF-16 with BOM, tab-separated),
// Dutch Excel's semicolon CSV, LinkedIn's "Notes:" preamble, Mac-made NFD
// text — and recognising a file that was cut off. Also the name key the
// LinkedIn import matches on.
//
//   ImportCsvOptions o; o.header = {"First Name", "Last Name"}; o.skip_preamble = true;
//   auto csv = ReadImportCsv(file_bytes, o);   // error names the file or the line
//   FoldName("Ánja  DE VRIES") == FoldName("anja de vries")
//
// Uses ICU (icu-uc) for normalisation and case folding. Thread-safety: pure
// functions (ICU's normaliser instances are immutable singletons).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/csv.h"
#include "util/status.h"

namespace verbinder::importers {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };

struct ImportText {
  std::string utf8;  // without a BOM; NFC when the input was valid UTF-8
  TextEncoding encoding = TextEncoding::kUtf8;
};

// Bytes of a file → UTF-8 text in NFC. A UTF-8 BOM is dropped; UTF-16 LE or BE
// with a BOM is converted (line breaks kept, so line numbers stay those of the
// file). Errors (field "file" or "line N"): UTF-16 that ends in the middle of
// a character ("looks cut off") or has an unpaired surrogate; UTF-16 without a
// BOM and UTF-32 ("save it as CSV UTF-8"); NUL bytes ("binary, not CSV").
// Invalid UTF-8 is returned unchanged, for ParseCsv to report with its line.
Result<ImportText> DecodeImportText(std::string_view bytes);

struct ImportCsvOptions {
  // Column names that identify the header line (case-insensitive).
  std::vector<std::string> header;
  // The header may come after free-text lines (LinkedIn's "Notes:"): the
  // first line that has all `header` names as fields is the header; the lines
  // before it are not parsed as CSV. Otherwise the first non-empty line is.
  bool skip_preamble = false;
  // Every row must have as many fields as the header (else the first wrong
  // row fails the whole file). Without it, rows are returned as they are —
  // except a short last row, which always fails (see ReadImportCsv).
  bool strict_field_count = true;
};

struct ImportCsv {
  CsvTable table;  // row lines are those of the file
  char delimiter = ',';
  TextEncoding encoding = TextEncoding::kUtf8;
  bool ends_with_newline = false;  // the text's last byte is a line break
};

// DecodeImportText, then the delimiter (',', ';' or tab: whichever the header
// line has most of), then ParseCsv. A last row with fewer fields than the
// header, or a quoted field still open at the end, means the file was cut
// off: an error naming that line, so nothing of it is imported.
Result<ImportCsv> ReadImportCsv(std::string_view bytes, const ImportCsvOptions& options);

// The key two names are compared by: compatibility-decomposed (so "ĳ" is
// "ij"), the combining diacritical marks removed (é → e, also from NFD input),
// ø ł đ ħ ŧ ı ð → o l d h t i d, æ œ þ → ae oe th, full Unicode case folding
// (ß → ss), whitespace runs → one space, trimmed, then NFC.
std::string FoldName(std::string_view utf8);

// NFC and full Unicode case folding, nothing else (no accent removal).
std::string FoldCase(std::string_view utf8);

}  // namespace verbinder::importers
