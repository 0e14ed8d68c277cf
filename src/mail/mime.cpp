#include "mail/mime.h"

#include <cctype>
#include <ctime>

#include "util/strings.h"

namespace verbinder::mail {
namespace {

bool IsPrintableAscii(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

// Length of the UTF-8 sequence starting with lead byte c (1 for anything odd).
size_t Utf8SeqLen(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// A stable boundary from the message id. "=_" cannot occur in quoted-printable
// output (a literal '=' is always encoded as =3D), so it never clashes with a body.
std::string Boundary(const std::string& seed) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : seed) h = (h ^ c) * 1099511628211ULL;
  char buf[32];
  std::snprintf(buf, sizeof buf, "=_vb_%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

Status CheckHeaderValue(const std::string& field, const std::string& value) {
  if (!IsValidUtf8(value)) return InvalidArgument("is not valid UTF-8", field);
  for (char c : value)
    if (c == '\r' || c == '\n' || c == '\0') return InvalidArgument("must not contain line breaks", field);
  return Status::Ok();
}

std::string Base64(const std::string& in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += k[v & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// Folds a printable-ASCII header value at spaces so no line exceeds ~78 characters.
std::string FoldAscii(const std::string& text) {
  if (text.size() <= 70) return text;
  std::string out;
  size_t col = 0, i = 0;
  while (i < text.size()) {
    size_t sp = text.find(' ', i + 1);
    std::string word = text.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
    if (col > 0 && col + word.size() > 70 && word.size() > 1) {
      out += "\r\n";  // the word begins with its space: folding whitespace
      col = 0;
    }
    out += word;
    col += word.size();
    i = sp == std::string::npos ? text.size() : sp;
  }
  return out;
}

std::string EncodeHeaderWords(const std::string& text) {
  if (IsPrintableAscii(text)) return FoldAscii(text);
  // "=?UTF-8?B?" + base64 + "?=" ≤ 75 chars → ≤ 63 base64 chars → ≤ 45 bytes per word.
  constexpr size_t kMaxBytes = 45;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size()) {
      size_t n = Utf8SeqLen(static_cast<unsigned char>(text[end]));
      if (end + n - i > kMaxBytes) break;
      end += n;
    }
    if (end == i) end = std::min(text.size(), i + 1);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string FormatMailbox(const Mailbox& mb) {
  if (mb.name.empty()) return mb.email;
  std::string name;
  if (IsPrintableAscii(mb.name)) {
    name = "\"";
    for (char c : mb.name) {
      if (c == '"' || c == '\\') name += '\\';
      name += c;
    }
    name += "\"";
  } else {
    name = EncodeHeaderWords(mb.name);
  }
  return name + " <" + mb.email + ">";
}

std::string MakeMessageId(const std::string& local, const std::string& from_email) {
  std::string l;
  for (char c : local) l += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '-';
  if (l.empty()) l = "message";
  auto at = from_email.rfind('@');
  std::string domain = at == std::string::npos ? "localhost" : from_email.substr(at + 1);
  std::string d;
  for (char c : domain) d += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-') ? c : '-';
  return "<" + l + "@" + (d.empty() ? "localhost" : d) + ">";
}

std::string Rfc5322Date(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string QuotedPrintable(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 16);
  size_t col = 0;
  // A line holds at most 75 characters before a soft break's '=' (76 in all).
  auto breaks_before = [&](size_t n) { return col + n > 75; };
  // Appends a token of 1 or 3 characters (a plain one or "=XX"), with a soft
  // line break first when it would not fit.
  auto emit = [&](const char* token, size_t n) {
    if (breaks_before(n)) {
      out.append("=\r\n", 3);
      col = 0;
    }
    out.append(token, n);
    col += n;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r') continue;
    if (c == '\n') {
      out.append("\r\n", 2);
      col = 0;
      continue;
    }
    bool line_end = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    bool plain = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !line_end);
    // A '.' at the start of a line is encoded, so SMTP dot-stuffing never
    // matters — also at the start of the line a soft break opens.
    if (c == '.' && (col == 0 || breaks_before(1))) plain = false;
    if (plain) {
      const char one = static_cast<char>(c);
      emit(&one, 1);
    } else {
      const char three[3] = {'=', hex[c >> 4], hex[c & 15]};
      emit(three, 3);
    }
  }
  return out;
}

Result<std::string> BuildMime(const MailMessage& m) {
  VB_RETURN_IF_ERROR(CheckHeaderValue("from.name", m.from.name));
  VB_RETURN_IF_ERROR(CheckHeaderValue("to.name", m.to.name));
  VB_RETURN_IF_ERROR(CheckHeaderValue("reply_to.name", m.reply_to.name));
  if (!m.reply_to.email.empty() && !IsValidEmail(m.reply_to.email))
    return InvalidArgument("is not a valid e-mail address", "reply_to.email");
  VB_RETURN_IF_ERROR(CheckHeaderValue("subject", m.subject));
  VB_RETURN_IF_ERROR(CheckHeaderValue("message_id", m.message_id));
  VB_RETURN_IF_ERROR(CheckHeaderValue("list_id", m.list_id));
  VB_RETURN_IF_ERROR(CheckHeaderValue("unsubscribe_url", m.unsubscribe_url));
  if (!IsValidEmail(m.from.email)) return InvalidArgument("is not a valid e-mail address", "from.email");
  if (!IsValidEmail(m.to.email)) return InvalidArgument("is not a valid e-mail address", "to.email");
  if (m.message_id.size() < 5 || m.message_id.front() != '<' || m.message_id.back() != '>' ||
      m.message_id.find('@') == std::string::npos)
    return InvalidArgument("must look like <local@domain>", "message_id");
  if (m.date <= 0) return InvalidArgument("must be set (Unix seconds)", "date");
  if (!IsPrintableAscii(m.list_id) || !IsPrintableAscii(m.unsubscribe_url) || !IsPrintableAscii(m.message_id))
    return InvalidArgument("list headers and the Message-ID must be ASCII", "message_id");
  for (const auto& [k, v] : m.extra_headers) {
    VB_RETURN_IF_ERROR(CheckHeaderValue(k, v));
    if (!IsPrintableAscii(k) || !IsPrintableAscii(v) || k.find(':') != std::string::npos)
      return InvalidArgument("extra headers must be printable ASCII", k);
  }
  const std::string b = Boundary(m.message_id + m.to.email);
  std::string out;
  auto h = [&](const std::string& name, const std::string& value) { out += name + ": " + value + "\r\n"; };
  h("Date", Rfc5322Date(m.date));
  h("From", FormatMailbox(m.from));
  h("To", FormatMailbox(m.to));
  h("Subject", EncodeHeaderWords(m.subject));
  if (!m.reply_to.email.empty()) h("Reply-To", FormatMailbox(m.reply_to));
  h("Message-ID", m.message_id);
  if (!m.list_id.empty()) h("List-Id", m.list_id);
  if (!m.unsubscribe_url.empty()) {
    h("List-Unsubscribe", "<" + m.unsubscribe_url + ">");
    h("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }
  for (const auto& [k, v] : m.extra_headers) h(k, v);
  h("MIME-Version", "1.0");
  if (m.html.empty()) {
    h("Content-Type", "text/plain; charset=UTF-8");
    h("Content-Transfer-Encoding", "quoted-printable");
    out += "\r\n";
    out += QuotedPrintable(m.text) + "\r\n";
    return out;
  }
  h("Content-Type", "multipart/alternative; boundary=\"" + b + "\"");
  out += "\r\n";
  out += "This is a multi-part message in MIME format.\r\n";
  out += "--" + b + "\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += QuotedPrintable(m.text) + "\r\n";
  out += "--" + b + "\r\n";
  out += "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += QuotedPrintable(m.html) + "\r\n";
  out += "--" + b + "--\r\n";
  return out;
}

}  // namespace verbinder::mail
