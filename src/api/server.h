// The HTTP server: RESTinio on Boost.Asio, feeding requests into an App.
// Limits are explicit (see server.cpp): URL 8 KiB, 100 header fields of at
// most 8 KiB, bodies over 8 MiB are cut off at the socket and bodies over
// 1 MiB get 413 from the App; 30 s to read a request, to handle it and to
// write the response; 16 pipelined requests per connection.
//
//   Server server(app, {.host = "127.0.0.1", .port = 8080, .threads = 4});
//   VB_RETURN_IF_ERROR(server.Start());   // returns once listening
//   server.Wait();                        // until Stop() or SIGINT/SIGTERM handling by the caller
//
// Thread-safety: Start/Stop/Wait from one controlling thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "api/app.h"
#include "util/status.h"

namespace verbinder::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  size_t threads = 4;
};

class Server {
 public:
  Server(App& app, ServerOptions options);
  ~Server();

  Status Start();
  void Stop();
  void Wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Percent-decodes a URL component; false on a malformed escape or invalid UTF-8.
bool PercentDecode(std::string_view in, std::string* out, bool plus_is_space);

}  // namespace verbinder::api
