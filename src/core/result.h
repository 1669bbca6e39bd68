// Result<T>: the value-or-error type every layer returns.
//
// With g++ (the product build) this is std::expected<T, Error>. The libFuzzer build uses clang 14,
// whose concepts support cannot compile libstdc++ 12's <expected>; for that build only, a small
// stand-in with the same subset of the interface is used. Code must stay within that subset:
// has_value(), operator bool, value(), error(), operator*, operator->, and Fail()/Ok().
#pragma once

#include <utility>

#include "core/error.h"

#if defined(__cpp_lib_expected) || (defined(__has_include) && __has_include(<expected>) && \
                                    defined(__GNUC__) && !defined(__clang__))
#include <expected>
#define DANDELION_STD_EXPECTED 1
#endif

namespace dandelion {

#ifdef DANDELION_STD_EXPECTED

template <class T>
using Result = std::expected<T, Error>;

using Failure = std::unexpected<Error>;

#else

// Minimal stand-in for std::expected<T, Error>; see the file comment.
struct Failure {
  explicit Failure(Error e) : error_(std::move(e)) {}
  Error& error() { return error_; }
  Error error_;
};

template <class T>
class Result {
 public:
  Result(const T& v) : ok_(true), value_(v) {}  // NOLINT: implicit like std::expected
  Result(T&& v) : ok_(true), value_(std::move(v)) {}
  Result(Failure f) : ok_(false), error_(std::move(f.error_)) {}
  template <class U>
  requires std::is_constructible_v<T, U&&> &&
      (!std::is_same_v<std::decay_t<U>, Result>)&&(!std::is_same_v<std::decay_t<U>, Failure>)
          Result(U&& v)
      : ok_(true), value_(std::forward<U>(v)) {}
  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }
  T& operator*() { return value_; }
  const T& operator*() const { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  const Error& error() const { return error_; }
  Error& error() { return error_; }

 private:
  bool ok_;
  T value_{};
  Error error_{};
};

template <>
class Result<void> {
 public:
  Result() : ok_(true) {}
  Result(Failure f) : ok_(false), error_(std::move(f.error_)) {}
  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const {}
  const Error& error() const { return error_; }
  Error& error() { return error_; }

 private:
  bool ok_;
  Error error_{};
};

#endif

// Fail(code, key) builds the error branch of any Result.
inline Failure Fail(ErrorCode code, std::string message_key, std::string detail = {}) {
  return Failure(Error{code, std::move(message_key), {}, std::move(detail)});
}
inline Failure Fail(Error e) { return Failure(std::move(e)); }

// Ok() is the success value of Result<void>.
inline Result<void> Ok() { return {}; }

}  // namespace dandelion
