// The only translation unit that includes RESTinio (slow to compile).
#include "api/server.h"

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "util/strings.h"

namespace verbinder::api {
namespace {

using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

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
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status < 400 ? "OK" : "Error";
  }
}

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void Send(const restinio::request_handle_t& req, const Response& r, bool head) {
  auto resp = req->create_response(restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)},
                                                                Reason(r.status)});
  if (!r.content_type.empty()) resp.append_header(restinio::http_field::content_type, r.content_type);
  resp.append_header("X-Content-Type-Options", "nosniff");
  bool cache_set = false;
  for (const auto& [k, v] : r.headers) {
    resp.append_header(k, v);
    cache_set = cache_set || EqualsIgnoreCase(k, "Cache-Control");
  }
  if (!cache_set) resp.append_header("Cache-Control", "no-store");  // API answers are personal
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
          for (char& c : val) if (c == '+') c = ' ';
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
    Send(req, resp, head);
    return restinio::request_accepted();
  }
};

Server::Server(App& app, ServerOptions options) : impl_(new Impl{app, std::move(options), nullptr}) {}

Server::~Server() { Stop(); }

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
                        .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                      .max_url_size(8 * 1024)
                                                      .max_field_name_size(256)
                                                      .max_field_value_size(8 * 1024)
                                                      .max_field_count(100)
                                                      .max_body_size(8 * 1024 * 1024));
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
