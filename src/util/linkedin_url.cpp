#include "util/linkedin_url.h"

#include <vector>

namespace verbinder {
namespace {

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && LowerAscii(s.substr(0, prefix.size())) == prefix;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// One path segment in canonical form, or nullopt (bad escape, space or
// control character, empty).
std::optional<std::string> CanonicalSegment(std::string_view seg) {
  std::string out;
  static const char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < seg.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(seg[i]);
    if (c == '%') {
      if (i + 2 >= seg.size()) return std::nullopt;  // "%" or "%A" at the end
      int hi = HexValue(seg[i + 1]), lo = HexValue(seg[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<unsigned char>(hi * 16 + lo);
      i += 2;
    }
    if (c <= 0x20 || c == 0x7F) return std::nullopt;
    if (Unreserved(c)) {
      out += Lower(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

bool IsLinkedInHost(std::string host) {
  if (!host.empty() && host.back() == '.') host.pop_back();
  host = LowerAscii(host);
  static constexpr std::string_view kBase = "linkedin.com";
  if (host == kBase) return true;
  if (host.size() <= kBase.size() + 1) return false;
  std::string_view label(host.data(), host.size() - kBase.size() - 1);
  if (std::string_view(host).substr(label.size()) != ".linkedin.com") return false;
  for (char c : label)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;  // one label, no dots
  return true;
}

}  // namespace

std::optional<std::string> NormalizeLinkedInUrl(std::string_view url) {
  size_t b = 0, e = url.size();
  while (b < e && (url[b] == ' ' || url[b] == '\t' || url[b] == '\r' || url[b] == '\n')) ++b;
  while (e > b && (url[e - 1] == ' ' || url[e - 1] == '\t' || url[e - 1] == '\r' || url[e - 1] == '\n')) --e;
  std::string_view s = url.substr(b, e - b);
  if (StartsWithNoCase(s, "https://"))
    s.remove_prefix(8);
  else if (StartsWithNoCase(s, "http://"))
    s.remove_prefix(7);
  else if (StartsWithNoCase(s, "//"))
    s.remove_prefix(2);
  else if (s.find("://") != std::string_view::npos)
    return std::nullopt;  // another scheme
  size_t host_end = s.find_first_of("/?#");
  std::string_view authority = s.substr(0, host_end);
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // user info: not a plain profile link
  if (size_t colon = authority.find(':'); colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    authority = authority.substr(0, colon);
  }
  if (!IsLinkedInHost(std::string(authority))) return std::nullopt;
  if (host_end == std::string_view::npos || s[host_end] != '/') return std::nullopt;
  std::string_view path = s.substr(host_end);
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<std::string_view> segs;
  for (size_t i = 0; i < path.size();) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) segs.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  if (!segs.empty() && LowerAscii(segs[0]) == "mwlite") segs.erase(segs.begin());
  if (segs.size() >= 2 && LowerAscii(segs[0]) == "in") {
    auto slug = CanonicalSegment(segs[1]);
    if (!slug) return std::nullopt;
    return "https://www.linkedin.com/in/" + *slug;
  }
  // The old public form: /pub/<name>/<x>/<y>/<z> (not /pub/dir/…, a search).
  if (segs.size() == 5 && LowerAscii(segs[0]) == "pub" && LowerAscii(segs[1]) != "dir") {
    std::string out = "https://www.linkedin.com/pub";
    for (size_t i = 1; i < segs.size(); ++i) {
      auto seg = CanonicalSegment(segs[i]);
      if (!seg) return std::nullopt;
      out += "/" + *seg;
    }
    return out;
  }
  return std::nullopt;
}

}  // namespace verbinder
