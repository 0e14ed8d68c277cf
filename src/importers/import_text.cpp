#include "importers/import_text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>

#include "util/strings.h"

namespace verbinder::importers {
namespace {

std::string LineField(int line) {
  return "line " + std::to_string(line);
}

constexpr std::string_view kSaveAsUtf8 = "save it from Excel as \"CSV UTF-8\" and import that file";

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// UTF-16 code units (BOM already removed) → UTF-8. Line numbers in errors
// count the line breaks decoded so far.
Result<std::string> DecodeUtf16(std::string_view bytes, bool big_endian) {
  auto unit = [&](size_t i) -> uint16_t {
    auto b0 = static_cast<unsigned char>(bytes[2 * i]), b1 = static_cast<unsigned char>(bytes[2 * i + 1]);
    return big_endian ? static_cast<uint16_t>(b0 << 8 | b1) : static_cast<uint16_t>(b1 << 8 | b0);
  };
  const size_t n = bytes.size() / 2;
  std::string out;
  out.reserve(bytes.size());
  int line = 1;
  for (size_t i = 0; i < n; ++i) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 1 == n)
        return InvalidArgument("the file ends in the middle of a UTF-16 character: it looks cut off", LineField(line));
      uint32_t low = unit(i + 1);
      if (low < 0xDC00 || low > 0xDFFF)
        return InvalidArgument("the file is not valid UTF-16 (a lone surrogate)", LineField(line));
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      ++i;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return InvalidArgument("the file is not valid UTF-16 (a lone surrogate)", LineField(line));
    }
    if (cp == '\n') ++line;
    AppendUtf8(cp, out);
  }
  if (bytes.size() % 2)
    return InvalidArgument("the file ends in the middle of a UTF-16 character: it looks cut off", LineField(line));
  return out;
}

// UTF-16 without a BOM: plain-Latin text then has a NUL in every other byte.
bool LooksLikeBomlessUtf16(std::string_view bytes) {
  size_t pairs = std::min<size_t>(bytes.size() / 2, 512);
  if (pairs < 2) return false;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    zero_even += bytes[2 * i] == '\0';
    zero_odd += bytes[2 * i + 1] == '\0';
  }
  auto mostly = [&](size_t k) { return k * 10 >= pairs * 8; };
  auto hardly = [&](size_t k) { return k * 20 <= pairs; };
  return (mostly(zero_odd) && hardly(zero_even)) || (mostly(zero_even) && hardly(zero_odd));
}

std::string ToNfc(std::string text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return text;
  icu::StringPiece sp(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(sp, err) || U_FAILURE(err)) return text;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  err = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, sp, sink, nullptr, err);
  return U_FAILURE(err) ? text : out;
}

// Splits one physical line on `delim`, honouring simple quoting; fields trimmed.
std::vector<std::string> SplitHeaderLine(std::string_view line, char delim) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (c == delim && !quoted) {
      out.push_back(Trim(field));
      field.clear();
      continue;
    }
    field += c;
  }
  out.push_back(Trim(field));
  return out;
}

bool HasAll(const std::vector<std::string>& fields, const std::vector<std::string>& names) {
  for (const auto& want : names) {
    bool found = false;
    for (const auto& f : fields) found = found || EqualsIgnoreCase(f, want);
    if (!found) return false;
  }
  return true;
}

char MostFrequentDelimiter(std::string_view line) {
  char best = ',';
  size_t best_n = 0;
  for (char d : {',', ';', '\t'}) {
    size_t n = 0;
    bool quoted = false;
    for (char c : line) {
      if (c == '"')
        quoted = !quoted;
      else if (c == d && !quoted)
        ++n;
    }
    if (n > best_n) {
      best = d;
      best_n = n;
    }
  }
  return best;
}

struct LineSpan {
  size_t begin, end;  // [begin, end) without the line break
};

std::vector<LineSpan> PhysicalLines(std::string_view text) {
  std::vector<LineSpan> lines;
  size_t i = 0;
  while (i <= text.size()) {
    size_t nl = text.find('\n', i);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t stop = end;
    if (stop > i && text[stop - 1] == '\r') --stop;
    lines.push_back({i, stop});
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  return lines;
}

bool IsCombiningDiacritic(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

// Latin letters whose "accent" is not a combining mark in Unicode, so
// decomposition leaves them alone.
const char* LatinBaseOf(UChar32 c) {
  switch (c) {
    case 0x00D8:
    case 0x00F8:
      return "o";  // Ø ø
    case 0x0141:
    case 0x0142:
      return "l";  // Ł ł
    case 0x0110:
    case 0x0111:
      return "d";  // Đ đ
    case 0x00D0:
    case 0x00F0:
      return "d";  // Ð ð
    case 0x0126:
    case 0x0127:
      return "h";  // Ħ ħ
    case 0x0166:
    case 0x0167:
      return "t";  // Ŧ ŧ
    case 0x0131:
      return "i";  // ı
    case 0x00C6:
    case 0x00E6:
      return "ae";  // Æ æ
    case 0x0152:
    case 0x0153:
      return "oe";  // Œ œ
    case 0x00DE:
    case 0x00FE:
      return "th";  // Þ þ
    default:
      return nullptr;
  }
}

}  // namespace

Result<ImportText> DecodeImportText(std::string_view bytes) {
  ImportText out;
  if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) ||
      bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
    return InvalidArgument("the file is UTF-32 text, which is not read: " + std::string(kSaveAsUtf8), "file");
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    bool be = bytes[0] == '\xFE';
    VB_ASSIGN_OR_RETURN(out.utf8, DecodeUtf16(bytes.substr(2), be));
    out.encoding = be ? TextEncoding::kUtf16Be : TextEncoding::kUtf16Le;
  } else if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out.utf8 = std::string(bytes.substr(3));
    out.encoding = TextEncoding::kUtf8Bom;
  } else {
    if (bytes.find('\0') != std::string_view::npos && LooksLikeBomlessUtf16(bytes))
      return InvalidArgument("the file looks like UTF-16 text without a byte-order mark: " + std::string(kSaveAsUtf8),
                             "file");
    out.utf8 = std::string(bytes);
  }
  if (out.utf8.find('\0') != std::string::npos)
    return InvalidArgument("the file contains NUL bytes: it is binary, not CSV", "file");
  if (IsValidUtf8(out.utf8)) out.utf8 = ToNfc(std::move(out.utf8));
  return out;
}

Result<ImportCsv> ReadImportCsv(std::string_view bytes, const ImportCsvOptions& options) {
  VB_ASSIGN_OR_RETURN(ImportText decoded, DecodeImportText(bytes));
  ImportCsv out;
  out.encoding = decoded.encoding;
  std::string text = std::move(decoded.utf8);
  if (Trim(text).empty()) return InvalidArgument("the file is empty", "file");
  out.ends_with_newline = text.back() == '\n' || text.back() == '\r';
  const auto lines = PhysicalLines(text);
  size_t header_line = lines.size();
  if (options.skip_preamble) {
    for (size_t i = 0; i < lines.size() && header_line == lines.size(); ++i) {
      std::string_view l(text.data() + lines[i].begin, lines[i].end - lines[i].begin);
      for (char d : {',', '\t', ';'}) {
        if (HasAll(SplitHeaderLine(l, d), options.header)) {
          header_line = i;
          out.delimiter = d;
          break;
        }
      }
    }
    if (header_line == lines.size())
      return InvalidArgument("no header line with the columns " + Join(options.header, ", ") + " was found", "header");
    // The preamble is free text, not CSV (a stray quote in it must not break
    // the file): blank it, keeping its line breaks so line numbers stay right.
    size_t start = lines[header_line].begin;
    text = std::string(header_line, '\n') + text.substr(start);
  } else {
    for (const auto& span : lines) {
      std::string_view l(text.data() + span.begin, span.end - span.begin);
      if (!Trim(l).empty()) {
        out.delimiter = MostFrequentDelimiter(l);
        break;
      }
    }
  }
  CsvOptions csv;
  csv.delimiter = out.delimiter;
  csv.allow_ragged = true;  // field counts are checked below, with better messages
  auto table = ParseCsv(text, csv);
  if (!table.ok()) {
    const Status& s = table.status();
    if (s.message().rfind("unterminated quoted field", 0) == 0)
      return InvalidArgument(s.message() + ": the file looks cut off", s.field());
    if (s.message().rfind("the file is not valid UTF-8", 0) == 0)  // e.g. Excel's plain "CSV" (Windows-1252)
      return InvalidArgument(s.message() + ": " + std::string(kSaveAsUtf8), s.field());
    return s;
  }
  out.table = std::move(*table);
  const auto& rows = out.table.rows;
  const size_t width = out.table.header.size();
  if (!rows.empty() && rows.back().fields.size() < width) {
    return InvalidArgument("the last row has " + std::to_string(rows.back().fields.size()) + " of the header's " +
                               std::to_string(width) + " fields: the file looks cut off",
                           LineField(rows.back().line));
  }
  if (options.strict_field_count) {
    for (const auto& row : rows)
      if (row.fields.size() != width)
        return InvalidArgument(
            "expected " + std::to_string(width) + " fields but found " + std::to_string(row.fields.size()),
            LineField(row.line));
  }
  return out;
}

std::string FoldName(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return AsciiLower(Trim(utf8));
  icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString decomposed = nfkd->normalize(in, err);
  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (IsCombiningDiacritic(c)) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !folded.isEmpty()) folded.append(static_cast<UChar>(u' '));
    pending_space = false;
    if (const char* base = LatinBaseOf(c))
      folded.append(icu::UnicodeString(base, -1, icu::UnicodeString::kInvariant));
    else
      folded.append(c);
  }
  folded.foldCase();
  icu::UnicodeString composed = nfc->normalize(folded, err);
  if (U_FAILURE(err)) return AsciiLower(Trim(utf8));
  std::string out;
  composed.toUTF8String(out);
  return out;
}

std::string FoldCase(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return AsciiLower(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString n = nfc->normalize(u, err);
  n.foldCase();
  if (U_FAILURE(err)) return AsciiLower(utf8);
  std::string out;
  n.toUTF8String(out);
  return out;
}

}  // namespace verbinder::importers
