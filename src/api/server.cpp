// The only translation unit that includes RESTinio (slow to compile).
//
// RESTinio closes a connection without a word when a request breaks one of its
// limits or its parser (an unknown method, a 9 KiB URL, a 100 MB
// Content-Length). So every connection's bytes first pass a RequestGuard: a
// second HTTP parser (the same http_parser RESTinio uses) that checks our
// limits and holds each request back until it is complete and within them.
// A request that fails is replaced, from its first byte on, by a one-line
// "GET /<secret>/<status>" request with Connection: close; RESTinio handles
// it in order after any pipelined requests before it, HandleRaw answers it
// with the JSON error (414, 431, 413, 501, 400), and the guard discards
// whatever the client still sends (a refused body) until the connection
// closes, lingering a few seconds so the client reads the answer rather than
// a reset.
#include "api/server.h"

#include <http_parser.h>
#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <climits>
#include <cstdio>
#include <random>

#include "api/error_mapping.h"
#include "api/metrics.h"
#include "util/strings.h"

namespace verbinder::api {
namespace {

namespace asio = restinio::asio_ns;

// The limits (server.h). RESTinio's own are set above these as a backstop:
// the guard lets nothing through that would trip them.
constexpr size_t kMaxUrlBytes = 8 * 1024;
constexpr size_t kMaxFieldNameBytes = 256;
constexpr size_t kMaxFieldValueBytes = 8 * 1024;
constexpr size_t kMaxFieldCount = 100;
constexpr uint64_t kMaxWireBodyBytes = 8 * 1024 * 1024;
// After refusing a request: read and drop what the client still sends for at
// most this long / this much, then close.
constexpr auto kLingerTime = std::chrono::seconds(3);
constexpr uint64_t kMaxLingerBytes = 64 * 1024 * 1024;

// The path of the stand-in for a refused request; random per process, so no
// client can send it (and if one did, it would only get the same error).
const std::string& RejectPrefix() {
  static const std::string prefix = [] {
    std::random_device rd;
    char buf[64];
    std::snprintf(buf, sizeof buf, "/.refused-%08x%08x/", rd(), rd());
    return std::string(buf);
  }();
  return prefix;
}

// A second parser over one connection's incoming bytes. Not thread-safe: used
// on the connection's strand only.
class RequestGuard {
 public:
  RequestGuard() { Reset(); }
  RequestGuard(const RequestGuard&) = delete;
  RequestGuard& operator=(const RequestGuard&) = delete;

  // Consumes bytes read from the socket; appends to `out` those RESTinio may
  // parse: whole requests within the limits, or the stand-in for the first
  // one that is not (after which rejected() is true and nothing more is let
  // through).
  void Feed(const char* data, size_t n, std::string& out) {
    while (n > 0 && !rejected_) {
      const size_t used = http_parser_execute(&parser_, &Settings(), data, n);
      const auto err = HTTP_PARSER_ERRNO(&parser_);
      if (err != HPE_OK && err != HPE_PAUSED) {
        Reject(err, StartsLikeAMethod(data, std::min(used + 1, n)), out);
        return;
      }
      message_.append(data, used);
      data += used;
      n -= used;
      if (err == HPE_PAUSED) {  // paused by on_message_complete: one whole request
        out += message_;
        message_.clear();
        Reset();
      } else if (used == 0) {
        return;  // cannot happen with HPE_OK, but never spin
      }
    }
  }
  bool rejected() const { return rejected_; }

 private:
  static const http_parser_settings& Settings() {
    static const http_parser_settings settings = [] {
      http_parser_settings s;
      http_parser_settings_init(&s);
      s.on_message_begin = [](http_parser* p) { return Self(p).OnMessageBegin(); };
      s.on_url = [](http_parser* p, const char*, size_t n) { return Self(p).OnUrl(n); };
      s.on_header_field = [](http_parser* p, const char*, size_t n) { return Self(p).OnHeaderField(n); };
      s.on_header_value = [](http_parser* p, const char*, size_t n) { return Self(p).OnHeaderValue(n); };
      s.on_headers_complete = [](http_parser* p) { return Self(p).OnHeadersComplete(p); };
      s.on_body = [](http_parser* p, const char*, size_t n) { return Self(p).OnBody(n); };
      s.on_message_complete = [](http_parser* p) {
        http_parser_pause(p, 1);  // hand the request over before parsing the next one
        return 0;
      };
      return s;
    }();
    return settings;
  }
  static RequestGuard& Self(http_parser* p) { return *static_cast<RequestGuard*>(p->data); }

  void Reset() {
    http_parser_init(&parser_, HTTP_REQUEST);
    parser_.data = this;
    OnMessageBegin();
  }
  int OnMessageBegin() {
    url_ = name_ = value_ = fields_ = 0;
    body_ = 0;
    in_value_ = true;
    return 0;
  }
  int OnUrl(size_t n) { return (url_ += n) > kMaxUrlBytes ? Fail(414) : 0; }
  int OnHeaderField(size_t n) {
    if (in_value_) {  // a new field begins
      in_value_ = false;
      name_ = 0;
      if (++fields_ > kMaxFieldCount) return Fail(431);
    }
    return (name_ += n) > kMaxFieldNameBytes ? Fail(431) : 0;
  }
  int OnHeaderValue(size_t n) {
    if (!in_value_) {
      in_value_ = true;
      value_ = 0;
    }
    return (value_ += n) > kMaxFieldValueBytes ? Fail(431) : 0;
  }
  int OnHeadersComplete(http_parser* p) {
    // CONNECT would turn the connection into a tunnel: not something we do.
    if (p->method == HTTP_CONNECT) return Fail(501);
    // Refuse a declared body before reading it.
    if (p->content_length != ULLONG_MAX && p->content_length > kMaxWireBodyBytes) return Fail(413);
    return 0;
  }
  int OnBody(size_t n) { return (body_ += n) > kMaxWireBodyBytes ? Fail(413) : 0; }  // chunked bodies
  int Fail(int status) {
    status_ = status;
    return -1;
  }

  // Whether the request refused so far begins with a token of capitals: an
  // unknown method (501) rather than something that is not HTTP at all (400).
  bool StartsLikeAMethod(const char* data, size_t len) const {
    auto first = [](std::string_view s) {  // leading empty lines are allowed before a request
      const size_t at = s.find_first_not_of("\r\n");
      return at == std::string_view::npos ? '\0' : s[at];
    };
    char c = first(message_);
    if (c == '\0') c = first(std::string_view(data, len));
    return c >= 'A' && c <= 'Z';
  }

  void Reject(http_errno err, bool method_like, std::string& out) {
    int status = status_;  // set by the callback that refused, if one did
    if (status == 0 && err == HPE_INVALID_METHOD) status = method_like ? 501 : 400;
    if (status == 0 && err == HPE_HEADER_OVERFLOW) status = 431;  // the whole head over http_parser's 80 KiB
    if (status == 0) status = 400;
    message_.clear();
    out += "GET " + RejectPrefix() + std::to_string(status) + " HTTP/1.1\r\nHost: refused\r\nConnection: close\r\n\r\n";
    rejected_ = true;
  }

  http_parser parser_;
  std::string message_;  // the current request so far, held back until it is complete
  size_t url_ = 0, name_ = 0, value_ = 0, fields_ = 0;
  uint64_t body_ = 0;
  bool in_value_ = true;
  int status_ = 0;  // the HTTP status a callback refused the request with
  bool rejected_ = false;
};

// Reads and drops what a refused client still sends, for a while, before
// closing: closing a socket with unread data resets the connection, and the
// reset can destroy the error response before the client reads it.
class Lingerer : public std::enable_shared_from_this<Lingerer> {
 public:
  explicit Lingerer(asio::ip::tcp::socket socket)
      : strand_(asio::make_strand(socket.get_executor())), socket_(std::move(socket)), timer_(strand_) {}

  void Start() {
    timer_.expires_after(kLingerTime);
    timer_.async_wait(asio::bind_executor(strand_, [self = shared_from_this()](const asio::error_code& ec) {
      if (!ec) self->Close();
    }));
    Read();
  }

 private:
  void Read() {
    socket_.async_read_some(asio::buffer(buf_), asio::bind_executor(strand_, [self = shared_from_this()](
                                                                                 const asio::error_code& ec, size_t n) {
                              self->total_ += n;
                              if (ec || self->total_ > kMaxLingerBytes) {
                                self->timer_.cancel();
                                self->Close();
                                return;
                              }
                              self->Read();
                            }));
  }
  void Close() {
    asio::error_code ignored;
    socket_.close(ignored);
  }

  asio::strand<asio::ip::tcp::socket::executor_type> strand_;
  asio::ip::tcp::socket socket_;
  asio::steady_timer timer_;
  std::array<char, 16 * 1024> buf_{};
  uint64_t total_ = 0;
};

// RESTinio's stream socket (Traits::stream_socket_t): a TCP socket whose reads
// pass through a RequestGuard. Used as RESTinio uses a socket: from the
// connection's strand only.
class GuardedSocket {
 public:
  using executor_type = asio::ip::tcp::socket::executor_type;

  explicit GuardedSocket(asio::io_context& io) : socket_(io) {}
  GuardedSocket(GuardedSocket&&) = default;
  GuardedSocket& operator=(GuardedSocket&&) = default;

  asio::ip::tcp::socket& lowest_layer() { return socket_; }
  const asio::ip::tcp::socket& lowest_layer() const { return socket_; }
  executor_type get_executor() { return socket_.get_executor(); }
  auto remote_endpoint() const { return socket_.remote_endpoint(); }
  bool is_open() const { return socket_.is_open(); }
  template <typename... Args>
  void cancel(Args&&... args) {
    socket_.cancel(std::forward<Args>(args)...);
  }
  template <typename... Args>
  void shutdown(asio::ip::tcp::socket::shutdown_type what, Args&&... args) {
    // A refused client may still be sending: keep reading (Lingerer), stop writing.
    if (Refused()) what = asio::ip::tcp::socket::shutdown_send;
    socket_.shutdown(what, std::forward<Args>(args)...);
  }
  void close() {
    if (Refused() && socket_.is_open()) {
      std::make_shared<Lingerer>(std::move(socket_))->Start();
      return;
    }
    socket_.close();
  }

  template <typename Buffers, typename Handler>
  void async_read_some(const Buffers& buffers, Handler&& handler) {
    if (!state_) state_ = std::make_unique<State>();
    if (!state_->ready.empty()) {
      const size_t n = Deliver(buffers);
      auto ex = asio::get_associated_executor(handler, socket_.get_executor());
      asio::post(ex, [h = std::forward<Handler>(handler), n]() mutable { h(asio::error_code{}, n); });
      return;
    }
    ReadMore(buffers, std::forward<Handler>(handler));
  }

  template <typename... Args>
  auto async_write_some(Args&&... args) {
    return socket_.async_write_some(std::forward<Args>(args)...);
  }

 private:
  struct State {
    RequestGuard guard;
    std::string ready;  // checked bytes RESTinio has not read yet
    std::array<char, 16 * 1024> in{};
  };

  bool Refused() const { return state_ && state_->guard.rejected(); }

  template <typename Buffers>
  size_t Deliver(const Buffers& buffers) {
    const size_t n = asio::buffer_copy(buffers, asio::buffer(state_->ready));
    state_->ready.erase(0, n);
    return n;
  }

  // Reads from the socket until the guard lets something through (or drops
  // everything once it refused a request); completes on the handler's
  // executor, so this runs on the connection's strand.
  template <typename Buffers, typename Handler>
  void ReadMore(const Buffers& buffers, Handler handler) {
    auto ex = asio::get_associated_executor(handler, socket_.get_executor());
    State* st = state_.get();
    socket_.async_read_some(asio::buffer(st->in),
                            asio::bind_executor(ex, [this, st, buffers, h = std::move(handler)](
                                                        const asio::error_code& ec, size_t n) mutable {
                              if (ec) {
                                h(ec, 0);
                                return;
                              }
                              if (!st->guard.rejected()) st->guard.Feed(st->in.data(), n, st->ready);
                              if (st->ready.empty()) {
                                ReadMore(buffers, std::move(h));
                                return;
                              }
                              const size_t k = Deliver(buffers);
                              h(ec, k);
                            }));
  }

  asio::ip::tcp::socket socket_;
  std::unique_ptr<State> state_;  // made on the first read: the acceptor's spare sockets never need one
};

// How RESTinio starts a connection on our socket (found by argument-dependent
// lookup, as its own overloads for TCP and TLS sockets are).
template <typename Connection, typename StartRead, typename Failed>
void prepare_connection_and_start_read(GuardedSocket&, Connection&, StartRead start_read, Failed) {
  start_read();
}
[[maybe_unused]] restinio::impl::tls_socket_t* make_tls_socket_pointer_for_state_listener(GuardedSocket&) noexcept {
  return nullptr;
}

using Traits =
    restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t,
                       restinio::details::autodetect_request_handler_type, restinio::default_strand_t, GuardedSocket>;

// The JSON answer to a request the guard refused.
Response RefusalResponse(int status) {
  switch (status) {
    case 414:
      return ErrorResponse(414, "uri_too_long", "the URL is longer than " + std::to_string(kMaxUrlBytes) + " bytes",
                           "url");
    case 431:
      return ErrorResponse(431, "headers_too_large",
                           "a header is longer than " + std::to_string(kMaxFieldValueBytes) +
                               " bytes, or there are more than " + std::to_string(kMaxFieldCount) + " headers",
                           "headers");
    case 413:
      return ErrorResponse(413, "payload_too_large",
                           "the body is larger than " + std::to_string(kMaxWireBodyBytes) + " bytes", "body");
    case 501:
      return ErrorResponse(501, "not_implemented", "unknown HTTP method", "method");
    default:
      return ErrorResponse(400, "invalid_argument", "malformed HTTP request", "request");
  }
}

Method ToMethod(const restinio::http_method_id_t& m) {
  if (m == restinio::http_method_get()) return Method::kGet;
  if (m == restinio::http_method_post()) return Method::kPost;
  if (m == restinio::http_method_put()) return Method::kPut;
  if (m == restinio::http_method_patch()) return Method::kPatch;
  if (m == restinio::http_method_delete()) return Method::kDelete;
  if (m == restinio::http_method_head()) return Method::kHead;
  if (m == restinio::http_method_options()) return Method::kOptions;
  return Method::kOther;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return status < 400 ? "OK" : "Error";
  }
}

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void Send(const restinio::request_handle_t& req, Response r, bool head, bool close = false) {
  FinishResponse(r);  // App::Handle did this already; the server's own answers need it too
  auto resp = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)}, Reason(r.status)});
  if (!r.content_type.empty()) resp.append_header(restinio::http_field::content_type, r.content_type);
  for (const auto& [k, v] : r.headers) resp.append_header(k, v);
  if (close) resp.connection_close();
  if (!head) resp.set_body(r.body);
  resp.done();
}

}  // namespace

bool PercentDecode(std::string_view in, std::string* out, bool plus_is_space) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int h = HexVal(in[i + 1]), l = HexVal(in[i + 2]);
      if (h < 0 || l < 0) return false;
      *out += static_cast<char>(h * 16 + l);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      *out += ' ';
    } else {
      *out += c;
    }
  }
  return IsValidUtf8(*out);
}

struct Server::Impl {
  App& app;
  ServerOptions options;
  std::unique_ptr<restinio::running_server_instance_t<restinio::http_server_t<Traits>>> running;

  restinio::request_handling_status_t HandleRaw(const restinio::request_handle_t& req) {
    Request r;
    const auto& h = req->header();
    r.method = ToMethod(h.method());
    const bool head = r.method == Method::kHead;
    std::string raw_path(h.path());
    if (StartsWith(raw_path, RejectPrefix())) {  // the stand-in for a request the guard refused
      const int status = std::atoi(raw_path.c_str() + RejectPrefix().size());
      app.metrics().Record("OTHER", "refused", status, 0);
      Send(req, RefusalResponse(status), false, true);
      return restinio::request_accepted();
    }
    Response resp;
    bool ok = PercentDecode(raw_path, &r.path, false);
    if (!ok) {
      resp = ErrorResponse(InvalidArgument("malformed percent-encoding or invalid UTF-8 in the path", "path"));
    } else {
      auto q = restinio::try_parse_query<restinio::parse_query_traits::javascript_compatible>(h.query());
      if (!q) {
        resp = ErrorResponse(InvalidArgument("malformed query string", "query"));
        ok = false;
      } else {
        for (const auto& [k, v] : *q) {
          std::string key(k), val(v);
          std::string dk, dv;
          // RESTinio already percent-decoded; check UTF-8 and map '+' to space as forms send it.
          for (char& c : val)
            if (c == '+') c = ' ';
          if (!IsValidUtf8(key) || !IsValidUtf8(val)) {
            resp = ErrorResponse(InvalidArgument("query parameter is not valid UTF-8", key));
            ok = false;
            break;
          }
          r.query[key] = val;
        }
      }
    }
    if (ok) {
      for (const auto& f : h) r.headers[AsciiLower(f.name())] = f.value();
      r.body = req->body();
      r.remote_address = req->remote_endpoint().address().to_string();
      resp = app.Handle(std::move(r));
    }
    Send(req, std::move(resp), head);
    return restinio::request_accepted();
  }
};

Server::Server(App& app, ServerOptions options) : impl_(new Impl{app, std::move(options), nullptr}) {}

Server::~Server() {
  Stop();
}

Status Server::Start() {
  try {
    auto* impl = impl_.get();
    auto settings = restinio::server_settings_t<Traits>{}
                        .address(impl->options.host)
                        .port(impl->options.port)
                        .request_handler([impl](auto req) { return impl->HandleRaw(req); })
                        .read_next_http_message_timelimit(std::chrono::seconds(30))
                        .write_http_response_timelimit(std::chrono::seconds(30))
                        .handle_request_timeout(std::chrono::seconds(30))
                        .max_pipelined_requests(16)
                        .buffer_size(16 * 1024)
                        .concurrent_accepts_count(impl->options.threads)
                        // A backstop only: the RequestGuard answers these limits first.
                        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                      .max_url_size(2 * kMaxUrlBytes)
                                                      .max_field_name_size(2 * kMaxFieldNameBytes)
                                                      .max_field_value_size(2 * kMaxFieldValueBytes)
                                                      .max_field_count(2 * kMaxFieldCount)
                                                      .max_body_size(2 * kMaxWireBodyBytes));
    impl->running = restinio::run_async<Traits>(restinio::own_io_context(), std::move(settings), impl->options.threads);
  } catch (const std::exception& e) {
    return Status(Code::kUnavailable, "cannot listen on " + impl_->options.host + ":" +
                                          std::to_string(impl_->options.port) + ": " + e.what());
  }
  return Status::Ok();
}

void Server::Stop() {
  if (impl_ && impl_->running) {
    impl_->running->stop();
    impl_->running->wait();
    impl_->running.reset();
  }
}

void Server::Wait() {
  if (impl_ && impl_->running) impl_->running->wait();
}

}  // namespace verbinder::api
