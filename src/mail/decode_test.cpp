// Base64 decoding of received mail (decode.h): RFC 4648's test vectors, the
// lenient reading mail needs (line breaks, padding, stray characters), and a
// round trip through mime.h's encoder over every byte value.
#include "mail/decode.h"

#include <gtest/gtest.h>

#include <string>

#include "mail/mime.h"

namespace verbinder::mail {
namespace {

// Input, expected bytes, and what the case is for.
struct DecodeCase {
  std::string in;
  std::string out;
  const char* what;
};

TEST(DecodeBase64Test, DecodesVectorsAndReadsMailLeniently) {
  const DecodeCase cases[] = {
      // RFC 4648, section 10.
      {"", "", "RFC 4648: empty"},
      {"Zg==", "f", "RFC 4648: one byte"},
      {"Zm8=", "fo", "RFC 4648: two bytes"},
      {"Zm9v", "foo", "RFC 4648: three bytes"},
      {"Zm9vYg==", "foob", "RFC 4648: four bytes"},
      {"Zm9vYmE=", "fooba", "RFC 4648: five bytes"},
      {"Zm9vYmFy", "foobar", "RFC 4648: six bytes"},
      // A body part as mail carries it: 76-character lines ending in CRLF.
      {"Zm9v\r\nYmFy\r\n", "foobar", "line breaks"},
      {" Zm9v YmFy\t", "foobar", "spaces and tabs"},
      {"Zm9v*YmFy", "foobar", "a stray character"},
      // Missing padding reads the same; a lone trailing character makes no byte.
      {"Zg", "f", "missing padding"},
      {"Zm9vY", "foo", "a lone trailing character"},
      // The two characters that differ between alphabets: + and / (not - and _).
      {"+/+/", "\xfb\xff\xbf", "the standard alphabet's + and /"},
      {"-_-_", "", "the URL alphabet's - and _ are skipped"},
  };
  for (const DecodeCase& c : cases) EXPECT_EQ(DecodeBase64(c.in), c.out) << c.what;
}

TEST(DecodeBase64Test, RoundTripsEveryByteThroughTheEncoder) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  EXPECT_EQ(DecodeBase64(Base64(all)), all);
  // Long input (far more bits than an int holds), with line breaks as in mail.
  std::string big;
  for (int i = 0; i < 5000; ++i) big += static_cast<char>((i * 7919) % 256);
  std::string encoded = Base64(big), wrapped;
  for (size_t i = 0; i < encoded.size(); i += 76) wrapped += encoded.substr(i, 76) + "\r\n";
  EXPECT_EQ(DecodeBase64(wrapped), big);
  for (size_t n = 0; n < 5; ++n) EXPECT_EQ(DecodeBase64(Base64(big.substr(0, n))), big.substr(0, n)) << n;
}

}  // namespace
}  // namespace verbinder::mail
