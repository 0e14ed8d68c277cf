// Errors as values. Every expected failure (bad input, not found, conflict, ...)
// travels as a Status or a Result<T> up to the edge (HTTP, CLI), where one table
// maps the code to an HTTP status or an exit code (api/error_mapping.h, cli/).
//
//   Result<int> ParsePort(std::string_view s);
//   auto r = ParsePort("80a");
//   if (!r) return r.status();          // propagate
//   int port = *r;
//
// Thread-safety: plain values; safe to copy between threads.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace verbinder {

// Protocol-neutral error codes. api/error_mapping.cpp maps each to an HTTP status.
enum class Code {
  kOk,
  kInvalidArgument,   // the caller sent something malformed; names a field
  kNotFound,          // the thing asked for does not exist (or is hidden from the caller)
  kAlreadyExists,     // unique key taken (e.g. e-mail)
  kConflict,          // state does not allow this now (e.g. accept an accepted request)
  kUnauthenticated,   // no or bad credentials
  kPermissionDenied,  // authenticated, but not allowed
  kTooManyRequests,   // throttled
  kPayloadTooLarge,   // body over the limit
  kUnsupportedMedia,  // wrong Content-Type
  kUnavailable,       // a dependency (database) is not reachable; retry later
  kInternal,          // a bug or an unexpected failure
};

std::string_view CodeName(Code code);  // "invalid_argument", "not_found", ...

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Code code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // The input field the error is about ("email", "row 12: email", ...), or empty.
  const std::string& field() const { return field_; }
  std::string ToString() const;

  // A stable, language-neutral key for what went wrong ("meeting.already_asked")
  // with named parameters ({"name", "Willem Hofstede"}). The API sends both; the
  // UI words them in the viewer's language, so the English `message` is for logs,
  // the CLI and API clients, never shown raw in the web UI. Member names in
  // params must already have passed the viewer's projection (domain/member_ref.h).
  //   return Conflict("you already asked " + name).WithReason("meeting.already_asked", {{"name", name}});
  using Params = std::vector<std::pair<std::string, std::string>>;
  Status& WithReason(std::string reason, Params params = {}) & {
    reason_ = std::move(reason);
    params_ = std::move(params);
    return *this;
  }
  Status&& WithReason(std::string reason, Params params = {}) && {
    reason_ = std::move(reason);
    params_ = std::move(params);
    return std::move(*this);
  }
  const std::string& reason() const { return reason_; }
  const Params& params() const { return params_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
  std::string reason_;
  Params params_;
};

inline Status InvalidArgument(std::string message, std::string field = {}) {
  return {Code::kInvalidArgument, std::move(message), std::move(field)};
}
inline Status NotFound(std::string message, std::string field = {}) {
  return {Code::kNotFound, std::move(message), std::move(field)};
}
inline Status AlreadyExists(std::string message, std::string field = {}) {
  return {Code::kAlreadyExists, std::move(message), std::move(field)};
}
inline Status Conflict(std::string message, std::string field = {}) {
  return {Code::kConflict, std::move(message), std::move(field)};
}
inline Status PermissionDenied(std::string message) {
  return {Code::kPermissionDenied, std::move(message)};
}
inline Status Unauthenticated(std::string message) {
  return {Code::kUnauthenticated, std::move(message)};
}
inline Status Internal(std::string message) {
  return {Code::kInternal, std::move(message)};
}

// Holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT implicit
  Result(Status status) : v_(std::move(status)) {  // NOLINT implicit
    assert(!std::get<Status>(v_).ok() && "Result built from an OK status");
  }

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace verbinder

// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` is a declaration ("auto x"), it cannot be parenthesised.
// Propagates a non-OK Status from an expression returning Status.
#define VB_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::verbinder::Status vb_status_ = (expr); \
    if (!vb_status_.ok()) return vb_status_; \
  } while (0)

#define VB_CONCAT_INNER(a, b) a##b
#define VB_CONCAT(a, b) VB_CONCAT_INNER(a, b)
// VB_ASSIGN_OR_RETURN(auto x, Foo()); — assigns the value or returns the Status.
#define VB_ASSIGN_OR_RETURN(lhs, expr)                                                        \
  auto VB_CONCAT(vb_result_, __LINE__) = (expr);                                              \
  if (!VB_CONCAT(vb_result_, __LINE__).ok()) return VB_CONCAT(vb_result_, __LINE__).status(); \
  lhs = std::move(VB_CONCAT(vb_result_, __LINE__)).value()
// NOLINTEND(bugprone-macro-parentheses)
