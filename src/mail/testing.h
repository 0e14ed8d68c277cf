// Test helpers for anything that sends mail (header only, for *_test.cpp):
// a fake SMTP transport that records messages, and a small parser for the
// messages mail::BuildMime produces (headers unfolded, parts decoded).
//
//   mail::testing::FakeTransport smtp;  smtp.reject.insert("bounce@x.example");
//   ... sender.Send(...) ...
//   auto parsed = mail::testing::ParseMail(smtp.sent[0].data);
//   EXPECT_EQ(mail::testing::DecodeHeader(parsed.headers["subject"]), "Welkom");
#pragma once

#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "mail/decode.h"
#include "mail/smtp.h"

namespace verbinder::mail::testing {

// Records every message; can refuse some recipients (5xx) or fail from the
// n-th call on (a transient error, as an unreachable server).
class FakeTransport : public SmtpTransport {
 public:
  struct Sent {
    std::string from, to, data;
  };
  SendResult Send(const std::string& from, const std::string& to, const std::string& data) override {
    ++calls;
    if (fail_from_call > 0 && calls >= fail_from_call) return {Outcome::kTransient, "connection refused"};
    if (reject.count(to)) return {Outcome::kRejected, "550 mailbox unavailable"};
    sent.push_back({from, to, data});
    return {Outcome::kSent, "250"};
  }
  std::vector<Sent> sent;
  std::set<std::string> reject;
  int calls = 0;
  int fail_from_call = 0;  // 0 = never
};

inline std::string DecodeQuotedPrintable(const std::string& in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '=' && i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
      i += 2;
      continue;
    }
    if (in[i] == '=' && i + 1 < in.size() && in[i + 1] == '\n') {
      i += 1;
      continue;
    }
    if (in[i] == '=' && i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
      continue;
    }
    if (in[i] == '\r') continue;
    out += in[i];
  }
  return out;
}

// Production's decoder (mail/decode.h), under the name the tests use.
using mail::DecodeBase64;

// A parsed message: unfolded headers (first occurrence per lowercased name;
// `header_count` counts them all) and the decoded text and HTML parts.
struct ParsedMail {
  std::map<std::string, std::string> headers;
  std::map<std::string, int> header_count;
  std::string text, html, raw_head;
  bool crlf_only = true;  // every line ended in CRLF
};

inline ParsedMail ParseMail(const std::string& raw) {
  ParsedMail m;
  for (size_t i = 0; i < raw.size(); ++i)
    if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) m.crlf_only = false;
  std::string s;
  for (char c : raw)
    if (c != '\r') s += c;
  auto end = s.find("\n\n");
  m.raw_head = s.substr(0, end);
  std::string body = end == std::string::npos ? "" : s.substr(end + 2);
  std::string name, value;
  auto flush = [&] {
    if (name.empty()) return;
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!m.headers.count(lower)) m.headers[lower] = value;
    ++m.header_count[lower];
    name.clear();
  };
  size_t pos = 0;
  while (pos <= m.raw_head.size()) {
    auto nl = m.raw_head.find('\n', pos);
    std::string line = m.raw_head.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t'))
      value += line;  // folded: keep the space
    else {
      flush();
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        name = line.substr(0, colon);
        value = line.substr(colon + 1);
        while (!value.empty() && value[0] == ' ') value.erase(0, 1);
      }
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  flush();
  // Split the parts on the boundary (or a single text/plain part).
  auto ct = m.headers["content-type"];
  auto b = ct.find("boundary=\"");
  if (b == std::string::npos) {
    if (ct.find("text/plain") != std::string::npos) m.text = DecodeQuotedPrintable(body);
    return m;
  }
  std::string boundary = ct.substr(b + 10, ct.find('"', b + 10) - b - 10);
  size_t at = 0;
  while ((at = body.find("--" + boundary + "\n", at)) != std::string::npos) {
    at += boundary.size() + 3;
    auto head_end = body.find("\n\n", at);
    std::string head = body.substr(at, head_end - at);
    auto next = body.find("\n--" + boundary, head_end);
    std::string content = DecodeQuotedPrintable(body.substr(head_end + 2, next - head_end - 2));
    if (head.find("text/plain") != std::string::npos) m.text = content;
    if (head.find("text/html") != std::string::npos) m.html = content;
  }
  return m;
}

// Decodes a header made of RFC 2047 B-encoded UTF-8 words (or plain ASCII).
inline std::string DecodeHeader(const std::string& v) {
  std::string out;
  size_t i = 0;
  while (i < v.size()) {
    auto start = v.find("=?UTF-8?B?", i);
    if (start == std::string::npos) {
      out += v.substr(i);
      break;
    }
    std::string between = v.substr(i, start - i);
    if (between.find_first_not_of(" \t") != std::string::npos) out += between;
    auto end = v.find("?=", start + 10);
    out += DecodeBase64(v.substr(start + 10, end - start - 10));
    i = end + 2;
  }
  return out;
}

}  // namespace verbinder::mail::testing
