#include "mail/dkim.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "mail/config.h"
#include "mail/mime.h"
#include "util/strings.h"

namespace verbinder::mail {
namespace {

struct PkeyDeleter {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Pkey = std::shared_ptr<EVP_PKEY>;

// Parses a PEM private key; nullptr when it is not one.
Pkey ParseKey(const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (!bio) return nullptr;
  EVP_PKEY* k = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  return k ? Pkey(k, PkeyDeleter{}) : nullptr;
}

// Parsed keys by PEM text: parsing costs more than hashing a message.
Result<Pkey> CachedKey(const std::string& pem) {
  static std::mutex mu;
  static std::map<std::string, Pkey>* cache = new std::map<std::string, Pkey>();
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache->find(pem); it != cache->end()) return it->second;
  VB_RETURN_IF_ERROR(CheckDkimKey(pem));
  Pkey k = ParseKey(pem);
  if (cache->size() > 16) cache->clear();
  (*cache)[pem] = k;
  return k;
}

bool IsWsp(char c) {
  return c == ' ' || c == '\t';
}

std::string Sha256(const std::string& data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(md), len);
}

struct Field {
  std::string name, value;
};  // value: everything after ':' incl. folding

std::vector<Field> ParseHeader(const std::string& head) {
  std::vector<Field> out;
  size_t i = 0;
  while (i < head.size()) {
    size_t eol = head.find("\r\n", i);
    if (eol == std::string::npos) eol = head.size();
    std::string line = head.substr(i, eol - i);
    i = eol + 2;
    if (!line.empty() && IsWsp(line[0]) && !out.empty()) {
      out.back().value += "\r\n" + line;
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    out.push_back({line.substr(0, colon), line.substr(colon + 1)});
  }
  return out;
}

}  // namespace

Status CheckDkimKey(const std::string& pem) {
  Pkey k = ParseKey(pem);
  if (!k) return InvalidArgument("is not a PEM private key", "mail.dkim_key_file");
  if (EVP_PKEY_get_base_id(k.get()) != EVP_PKEY_RSA)
    return InvalidArgument("must be an RSA key (rsa-sha256)", "mail.dkim_key_file");
  if (EVP_PKEY_get_bits(k.get()) < 1024)
    return InvalidArgument("is shorter than 1024 bits (use 2048)", "mail.dkim_key_file");
  return Status::Ok();
}

std::string DkimRelaxedHeader(const std::string& name, const std::string& value) {
  std::string out = AsciiLower(name);
  // Trim the name's trailing whitespace (before the colon).
  while (!out.empty() && IsWsp(out.back())) out.pop_back();
  out += ':';
  std::string v;
  bool space = false;
  for (char c : value) {
    if (c == '\r' || c == '\n') continue;  // unfold
    if (IsWsp(c)) {
      space = true;
      continue;
    }
    if (space && !v.empty()) v += ' ';
    space = false;
    v += c;
  }
  return out + v;  // leading and trailing whitespace dropped
}

std::string DkimRelaxedBody(const std::string& body) {
  std::string out;
  out.reserve(body.size());
  size_t i = 0;
  while (i < body.size()) {
    size_t eol = body.find("\r\n", i);
    bool last = eol == std::string::npos;
    if (last) eol = body.size();
    std::string line;
    bool space = false;
    for (size_t j = i; j < eol; ++j) {
      char c = body[j];
      if (IsWsp(c)) {
        space = true;
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += c;
    }
    // Trailing whitespace is dropped (space pending at the end is not emitted).
    out += line;
    out += "\r\n";
    i = last ? body.size() : eol + 2;
  }
  // Remove all trailing empty lines.
  while (out.size() >= 4 && out.compare(out.size() - 4, 4, "\r\n\r\n") == 0) out.resize(out.size() - 2);
  if (out == "\r\n") out.clear();
  return out;
}

Result<std::string> DkimSign(const DkimConfig& dkim, const std::string& raw) {
  if (!dkim.enabled()) return InvalidArgument("no DKIM domain, selector and key configured", "mail.dkim_key_file");
  size_t sep = raw.find("\r\n\r\n");
  if (sep == std::string::npos) return InvalidArgument("message has no header/body separator", "raw");
  const std::string head = raw.substr(0, sep + 2);
  const std::string body = raw.substr(sep + 4);
  VB_ASSIGN_OR_RETURN(Pkey key, CachedKey(dkim.private_key_pem));

  static const char* kSign[] = {"From",
                                "To",
                                "Subject",
                                "Date",
                                "Message-ID",
                                "Reply-To",
                                "List-Id",
                                "List-Unsubscribe",
                                "List-Unsubscribe-Post",
                                "MIME-Version",
                                "Content-Type",
                                "Content-Transfer-Encoding"};
  std::vector<Field> fields = ParseHeader(head);
  std::string h_tag, signed_input;
  for (const char* name : kSign) {
    const std::string lname = AsciiLower(name);
    // Instances are signed bottom-up; our messages hold each field once.
    std::vector<const Field*> found;
    for (const auto& f : fields)
      if (AsciiLower(f.name) == lname) found.push_back(&f);
    for (size_t i = found.size(); i-- > 0;) {
      h_tag += (h_tag.empty() ? "" : ":") + lname;
      signed_input += DkimRelaxedHeader(found[i]->name, found[i]->value) + "\r\n";
    }
    if (lname == "from" || lname == "subject") h_tag += (h_tag.empty() ? "" : ":") + lname;  // over-sign
  }
  const std::string bh = Base64(Sha256(DkimRelaxedBody(body)));
  // Folded for readability; the b= value goes last and unfolded.
  std::string sig_value = " v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + dkim.domain + "; s=" + dkim.selector +
                          ";\r\n\th=" + h_tag + ";\r\n\tbh=" + bh + ";\r\n\tb=";
  signed_input += DkimRelaxedHeader("DKIM-Signature", sig_value);  // no trailing CRLF

  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSignUpdate(ctx.get(), signed_input.data(), signed_input.size()) != 1 ||
      EVP_DigestSignFinal(ctx.get(), nullptr, &len) != 1)
    return Status(Code::kInternal, "DKIM signing failed (OpenSSL)", "mail.dkim_key_file");
  std::string sig(len, '\0');
  if (EVP_DigestSignFinal(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len) != 1)
    return Status(Code::kInternal, "DKIM signing failed (OpenSSL)", "mail.dkim_key_file");
  sig.resize(len);
  return "DKIM-Signature:" + sig_value + Base64(sig) + "\r\n" + raw;
}

Result<std::string> DkimDnsRecord(const std::string& private_key_pem) {
  VB_RETURN_IF_ERROR(CheckDkimKey(private_key_pem));
  Pkey k = ParseKey(private_key_pem);
  unsigned char* der = nullptr;
  int n = i2d_PUBKEY(k.get(), &der);
  if (n <= 0) return Status(Code::kInternal, "cannot encode the public key", "mail.dkim_key_file");
  std::string spki(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return "v=DKIM1; k=rsa; p=" + Base64(spki);
}

}  // namespace verbinder::mail
