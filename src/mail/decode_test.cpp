// Base64 decoding of received mail (decode.h): RFC 4648's test vectors, the
// lenient reading mail needs (line breaks, padding, stray characters), and a
// round trip through mime.h's encoder over every byte value.
#include "mail/decode.h"

#include <gtest/gtest.h>

#include <string>

#include "mail/mime.h"

namespace verbinder::mail {
namespace {

TEST(DecodeBase64Test, Rfc4648Vectors) {
  EXPECT_EQ(DecodeBase64(""), "");
  EXPECT_EQ(DecodeBase64("Zg=="), "f");
  EXPECT_EQ(DecodeBase64("Zm8="), "fo");
  EXPECT_EQ(DecodeBase64("Zm9v"), "foo");
  EXPECT_EQ(DecodeBase64("Zm9vYg=="), "foob");
  EXPECT_EQ(DecodeBase64("Zm9vYmE="), "fooba");
  EXPECT_EQ(DecodeBase64("Zm9vYmFy"), "foobar");
}

TEST(DecodeBase64Test, SkipsLineBreaksAndStrayCharacters) {
  // A body part as mail carries it: 76-character lines ending in CRLF.
  EXPECT_EQ(DecodeBase64("Zm9v\r\nYmFy\r\n"), "foobar");
  EXPECT_EQ(DecodeBase64(" Zm9v YmFy\t"), "foobar");
  EXPECT_EQ(DecodeBase64("Zm9v*YmFy"), "foobar");
  // Missing padding reads the same; a lone trailing character makes no byte.
  EXPECT_EQ(DecodeBase64("Zg"), "f");
  EXPECT_EQ(DecodeBase64("Zm9vY"), "foo");
  // The two characters that differ between alphabets: + and / (not - and _).
  EXPECT_EQ(DecodeBase64("+/+/"), "\xfb\xff\xbf");
  EXPECT_EQ(DecodeBase64("-_-_"), "");
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
