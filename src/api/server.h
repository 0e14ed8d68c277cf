// The HTTP server: RESTinio on Boost.Asio, feeding requests into an App.
// Limits are explicit (see server.cpp), and each is answered with a JSON
// error before the connection closes: a URL over 8 KiB → 414; a header name
// over 256 bytes, a value over 8 KiB, more than 100 headers or a head over
// 80 KiB → 431; a body over 8 MiB → 413 (from Content-Length, before the body
// is read); a method HTTP does not know → 501; a malformed request → 400.
// JSON bodies over 1 MiB get 413 from the App. 30 s to read a request, to
// handle it and to write the response; 16 pipelined requests per connection.
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
