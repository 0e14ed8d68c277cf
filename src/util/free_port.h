// Test-only: a loopback TCP port that was free a moment ago, for tests that
// start a server (HTTP, SMTP sink) of their own.
//
//   const int port = util::testing::FreePort();
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace verbinder::util::testing {

inline int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    if (fd >= 0) ::close(fd);
    return 0;  // no port: the caller's listen/connect fails with a clear error
  }
  int port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

}  // namespace verbinder::util::testing
