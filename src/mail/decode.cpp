// Decoding what arrives by mail (decode.h).
#include "mail/decode.h"

namespace verbinder::mail {

std::string DecodeBase64(const std::string& in) {
  std::string out;
  out.reserve(in.size() / 4 * 3);
  int val = 0, bits = -8;
  for (unsigned char c : in) {
    int d;
    if (c >= 'A' && c <= 'Z')
      d = c - 'A';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      d = c - '0' + 52;
    else if (c == '+')
      d = 62;
    else if (c == '/')
      d = 63;
    else
      continue;
    val = ((val << 6) + d) & 0xFFFFFF;  // keep the bits not yet emitted; no overflow on long input
    bits += 6;
    if (bits >= 0) {
      out += static_cast<char>((val >> bits) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

}  // namespace verbinder::mail
