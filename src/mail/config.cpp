#include "mail/config.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <soci/soci.h>

#include "mail/dkim.h"
#include "util/strings.h"

namespace verbinder::mail {
namespace {

const char* const kKeys[] = {"mail.smtp_url",      "mail.smtp_user",    "mail.starttls", "mail.verify_tls",
                             "mail.from_email",    "mail.from_name",    "mail.base_url", "mail.dkim_domain",
                             "mail.dkim_selector", "mail.dkim_key_file"};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsPlainAsciiUrl(const std::string& url) {
  for (char ch : url)
    if (static_cast<unsigned char>(ch) <= 0x20 || ch == '<' || ch == '>' || ch == '"' ||
        static_cast<unsigned char>(ch) > 0x7E)
      return false;
  return true;
}

bool IsDnsLabelList(const std::string& s) {
  if (s.empty() || s.size() > 253) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) return false;
  return s.front() != '.' && s.back() != '.';
}

}  // namespace

Status CheckMailSetting(const std::string& key, const std::string& value) {
  if (!StartsWith(key, "mail.")) return Status::Ok();
  bool known = false;
  for (const char* k : kKeys) known = known || key == k;
  if (!known) {
    std::string list;
    for (const char* k : kKeys) list += (list.empty() ? "" : ", ") + std::string(k);
    if (key == "mail.smtp_password")
      return InvalidArgument("is never stored; set the environment variable VERBINDER_SMTP_PASSWORD", key);
    return InvalidArgument("is not a mail setting; known: " + list, key);
  }
  VB_RETURN_IF_ERROR(CheckHeaderValue(key, value));
  if (key == "mail.smtp_url" && !value.empty() &&
      ((!StartsWith(value, "smtp://") && !StartsWith(value, "smtps://")) || !IsPlainAsciiUrl(value)))
    return InvalidArgument("must be smtp://host:port or smtps://host:port", key);
  if (key == "mail.starttls" && value != "off" && value != "try" && value != "required")
    return InvalidArgument("must be off, try or required", key);
  if (key == "mail.verify_tls" && value != "true" && value != "false")
    return InvalidArgument("must be true or false", key);
  if (key == "mail.from_email" && !IsValidEmail(value)) return InvalidArgument("is not a valid e-mail address", key);
  if (key == "mail.base_url" &&
      ((!StartsWith(value, "https://") && !StartsWith(value, "http://")) || !IsPlainAsciiUrl(value)))
    return InvalidArgument("must start with https:// (or http:// for local testing) and be a plain ASCII URL", key);
  if ((key == "mail.dkim_domain" || key == "mail.dkim_selector") && !value.empty() && !IsDnsLabelList(value))
    return InvalidArgument("must be a DNS name (letters, digits, '.', '-', '_')", key);
  return Status::Ok();
}

Result<MailConfig> LoadMailConfig(soci::session& sql) {
  std::map<std::string, std::string> kv;
  {
    std::string k, v;
    soci::statement st = (sql.prepare << "SELECT key, value FROM settings WHERE key LIKE 'mail.%' OR key IN "
                                         "('newsletter.from_email', 'newsletter.from_name', 'newsletter.base_url')",
                          soci::into(k), soci::into(v));
    st.execute();
    while (st.fetch()) kv[k] = v;
  }
  auto get = [&](const std::string& key, const std::string& fallback_key) -> const std::string* {
    if (auto it = kv.find(key); it != kv.end() && !it->second.empty()) return &it->second;
    if (!fallback_key.empty())
      if (auto it = kv.find(fallback_key); it != kv.end() && !it->second.empty()) return &it->second;
    return nullptr;
  };
  MailConfig c;
  for (const auto& [k, v] : kv)
    if (StartsWith(k, "mail.")) VB_RETURN_IF_ERROR(CheckMailSetting(k, v));
  if (auto* v = get("mail.from_email", "newsletter.from_email")) c.from_email = *v;
  if (auto* v = get("mail.from_name", "newsletter.from_name")) c.from_name = *v;
  if (auto* v = get("mail.base_url", "newsletter.base_url")) c.base_url = *v;
  VB_RETURN_IF_ERROR(CheckHeaderValue("mail.from_name", c.from_name));
  if (!IsValidEmail(c.from_email)) return InvalidArgument("is not a valid e-mail address", "mail.from_email");
  if (auto* v = get("mail.smtp_url", "")) c.smtp.url = *v;
  if (auto* v = get("mail.smtp_user", "")) c.smtp.username = *v;
  if (const char* pw = std::getenv("VERBINDER_SMTP_PASSWORD")) c.smtp.password = pw;
  if (auto* v = get("mail.starttls", ""))
    c.smtp.starttls = *v == "off" ? StartTls::kOff : *v == "required" ? StartTls::kRequired : StartTls::kTry;
  if (auto* v = get("mail.verify_tls", "")) c.smtp.verify_tls = *v != "false";
  if (auto* v = get("mail.dkim_domain", "")) c.dkim.domain = *v;
  if (auto* v = get("mail.dkim_selector", "")) c.dkim.selector = *v;
  if (auto* v = get("mail.dkim_key_file", "")) {
    c.dkim.key_file = *v;
    std::ifstream f(*v, std::ios::binary);
    std::stringstream ss;
    if (f) ss << f.rdbuf();
    if (!f || ss.str().empty()) return InvalidArgument("cannot read the DKIM key file " + *v, "mail.dkim_key_file");
    c.dkim.private_key_pem = ss.str();
    VB_RETURN_IF_ERROR(CheckDkimKey(c.dkim.private_key_pem));
    if (c.dkim.domain.empty()) {
      auto at = c.from_email.rfind('@');
      c.dkim.domain = c.from_email.substr(at + 1);
    }
    if (c.dkim.selector.empty()) return InvalidArgument("must be set when mail.dkim_key_file is", "mail.dkim_selector");
  }
  c.configured = !c.smtp.url.empty() && !EndsWith(AsciiLower(c.from_email), ".invalid");
  return c;
}

Result<std::string> BuildMessage(const MailConfig& cfg, MailMessage m) {
  if (m.from.email.empty()) m.from = cfg.from();
  VB_ASSIGN_OR_RETURN(std::string raw, BuildMime(m));
  if (!cfg.dkim.enabled()) return raw;
  return DkimSign(cfg.dkim, raw);
}

}  // namespace verbinder::mail
