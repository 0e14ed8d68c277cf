// DKIM signatures (RFC 6376): RSA-SHA256, relaxed/relaxed canonicalisation,
// made in process with OpenSSL's libcrypto. mail::BuildMessage calls
// DkimSign when a key is configured; callers rarely need this header.
//
//   VB_ASSIGN_OR_RETURN(std::string signed_raw, DkimSign(cfg.dkim, raw));
//   std::cout << DkimDnsRecord(cfg.dkim.private_key_pem).value();  // "v=DKIM1; k=rsa; p=MIIB..."
//
// Signed header fields (those present): From, To, Subject, Date, Message-ID,
// Reply-To, List-Id, List-Unsubscribe, List-Unsubscribe-Post, MIME-Version,
// Content-Type, Content-Transfer-Encoding; From and Subject are over-signed
// (listed once more than present) so nobody can add a second one unnoticed.
//
// Thread-safety: safe for concurrent use; parsed keys are cached process-wide.
#pragma once

#include <string>

#include "util/status.h"

namespace verbinder::mail {

struct DkimConfig;

// InvalidArgument("mail.dkim_key_file") unless `pem` is an RSA private key of
// at least 1024 bits (2048 recommended).
Status CheckDkimKey(const std::string& pem);

// `raw` (a whole message, CRLF line ends) with a DKIM-Signature header in
// front. InvalidArgument when the key is unusable or `raw` has no header/body
// separator.
Result<std::string> DkimSign(const DkimConfig& dkim, const std::string& raw);

// The TXT record to publish at <selector>._domainkey.<domain>:
// "v=DKIM1; k=rsa; p=<base64 SubjectPublicKeyInfo>".
Result<std::string> DkimDnsRecord(const std::string& private_key_pem);

// The canonicalisations, exposed for tests.
std::string DkimRelaxedHeader(const std::string& name, const std::string& value);
std::string DkimRelaxedBody(const std::string& body);

}  // namespace verbinder::mail
