// Parsing the OpenID Connect provider file.
#include "oidc/config.h"

#include <cstdlib>
#include <fstream>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "util/strings.h"

namespace verbinder::oidc {
namespace {

bool ValidName(const std::string& n) {
  if (n.empty() || n.size() > 32) return false;
  for (char c : n)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string FirstLine(const std::string& s) {
  auto nl = s.find_first_of("\r\n");
  return Trim(nl == std::string::npos ? s : s.substr(0, nl));
}

Status Bad(const std::string& where, const std::string& what) {
  return InvalidArgument("oidc config: " + where + ": " + what, "oidc_config");
}

}  // namespace

const ProviderConfig* OidcConfig::Find(std::string_view name) const {
  for (const auto& p : providers)
    if (p.name == name) return &p;
  return nullptr;
}

bool IsAllowedProviderUrl(std::string_view url) {
  if (url.starts_with("https://")) return url.size() > 8;
  for (std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
    if (url.starts_with(host) && (url.size() == host.size() || url[host.size()] == ':' || url[host.size()] == '/'))
      return true;
  return false;
}

Result<OidcConfig> ParseOidcConfig(std::string_view text,
                                   const std::function<std::optional<std::string>(const std::string&)>& env,
                                   const std::function<Result<std::string>(const std::string&)>& read_file) {
  OidcConfig cfg;
  std::vector<std::pair<std::string, std::map<std::string, std::string>>> sections;
  std::map<std::string, std::string> global;
  std::istringstream in{std::string(text)};
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') continue;
    std::string where = "line " + std::to_string(n);
    if (t.front() == '[') {
      if (t.back() != ']') return Bad(where, "a section is written [name]");
      std::string name = Trim(t.substr(1, t.size() - 2));
      if (!ValidName(name)) return Bad(where, "a provider's name is a-z, 0-9 and '-', at most 32 characters");
      for (const auto& s : sections)
        if (s.first == name) return Bad(where, "provider [" + name + "] appears twice");
      sections.push_back({name, {}});
      continue;
    }
    auto eq = t.find('=');
    if (eq == std::string::npos) return Bad(where, "expected `name = value`");
    std::string k = Trim(t.substr(0, eq)), v = Trim(t.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    auto& target = sections.empty() ? global : sections.back().second;
    if (target.count(k)) return Bad(where, "`" + k + "` given twice");
    target[k] = v;
  }
  for (const auto& [k, v] : global) {
    if (k != "base_url") return Bad("`" + k + "`", "unknown setting before the first [provider] (only base_url)");
    cfg.base_url = v;
  }
  while (!cfg.base_url.empty() && cfg.base_url.back() == '/') cfg.base_url.pop_back();
  if (!cfg.base_url.empty() && !cfg.base_url.starts_with("https://") && !cfg.base_url.starts_with("http://"))
    return Bad("base_url", "must start with https:// (or http:// for a test on this machine)");
  if (cfg.base_url.empty() && !sections.empty())
    return Bad("base_url",
               "is required: the address members open verbinder at (e.g. https://netwerk.example.nl); "
               "the redirect URI is <base_url>/auth/oidc/<name>/callback");
  static const std::set<std::string> kKnown = {
      "preset", "label", "issuer", "tenant", "client_id", "client_secret_file", "client_secret_env", "scopes"};
  for (auto& [name, kv] : sections) {
    std::string where = "[" + name + "]";
    for (const auto& [k, v] : kv) {
      if (k == "client_secret")
        return Bad(where,
                   "put the client secret in a file (client_secret_file) or the environment (client_secret_env)");
      if (!kKnown.count(k)) return Bad(where, "unknown setting `" + k + "`");
    }
    ProviderConfig p;
    p.name = name;
    p.preset = kv.count("preset") ? kv["preset"] : "generic";
    if (p.preset == "linkedin") {
      p.issuer = "https://www.linkedin.com/oauth";
      p.label = "LinkedIn";
    } else if (p.preset == "entra") {
      std::string tenant = kv["tenant"];
      if (tenant.empty() || tenant == "common" || tenant == "organizations" || tenant == "consumers")
        return Bad(where, "preset entra needs `tenant` = the organisation's tenant id (a GUID or domain)");
      for (char c : tenant)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'))
          return Bad(where, "`tenant` is a GUID or a domain name");
      p.issuer = "https://login.microsoftonline.com/" + tenant + "/v2.0";
      p.label = "Microsoft";
      p.accept_xms_edov = true;
    } else if (p.preset != "generic") {
      return Bad(where, "preset must be linkedin, entra or generic");
    }
    if (kv.count("tenant") && p.preset != "entra") return Bad(where, "`tenant` is only for preset entra");
    if (kv.count("issuer")) {
      if (p.preset != "generic") return Bad(where, "preset " + p.preset + " sets the issuer itself");
      p.issuer = kv["issuer"];
    }
    if (p.issuer.empty()) return Bad(where, "`issuer` is required (the provider's URL, as in its discovery document)");
    if (!IsAllowedProviderUrl(p.issuer)) return Bad(where, "`issuer` must be an https:// URL");
    if (kv.count("label")) p.label = kv["label"];
    if (p.label.empty()) p.label = name;
    if (p.label.size() > 60) return Bad(where, "`label` is at most 60 characters");
    if (kv.count("scopes")) p.scopes = kv["scopes"];
    if ((" " + p.scopes + " ").find(" openid ") == std::string::npos) return Bad(where, "`scopes` must include openid");
    p.client_id = kv["client_id"];
    if (p.client_id.empty()) return Bad(where, "`client_id` is required");
    if (kv.count("client_secret_file") == kv.count("client_secret_env"))
      return Bad(where, "give exactly one of client_secret_file and client_secret_env");
    if (kv.count("client_secret_file")) {
      auto s = read_file(kv["client_secret_file"]);
      if (!s)
        return Bad(where, "cannot read client_secret_file " + kv["client_secret_file"] + ": " + s.status().message());
      p.client_secret = FirstLine(*s);
    } else {
      auto s = env(kv["client_secret_env"]);
      if (!s) return Bad(where, "the environment variable " + kv["client_secret_env"] + " is not set");
      p.client_secret = FirstLine(*s);
    }
    if (p.client_secret.empty()) return Bad(where, "the client secret is empty");
    cfg.providers.push_back(std::move(p));
  }
  return cfg;
}

Result<OidcConfig> LoadOidcConfig(const std::string& path) {
  auto read = [](const std::string& file) -> Result<std::string> {
    std::ifstream f(file, std::ios::binary);
    if (!f) return NotFound("no such file or not readable", "file");
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
  };
  auto text = read(path);
  if (!text) return InvalidArgument("oidc config: cannot read " + path, "oidc_config");
  return ParseOidcConfig(
      *text,
      [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        if (!v) return std::nullopt;
        return std::string(v);
      },
      read);
}

}  // namespace verbinder::oidc
