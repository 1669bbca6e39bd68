// Result<T>: the value-or-error type every layer returns, and TRY, the one way to pass an error on.
//
// A Result may not be ignored ([[nodiscard]]): a write whose failure nobody looks at is a bug.
// With g++ (the product build) Result is std::expected<T, Error>, wrapped only to carry
// [[nodiscard]]. The libFuzzer build uses clang 14,
// whose concepts support cannot compile libstdc++ 12's <expected>; for that build only, a small
// stand-in with the same subset of the interface is used. Code must stay within that subset:
// has_value(), operator bool, value(), error(), operator*, operator->, and Fail()/Ok().
#pragma once

#include <type_traits>
#include <utility>

#include "core/error.h"

#if defined(__cpp_lib_expected) || (defined(__has_include) && __has_include(<expected>) && \
                                    defined(__GNUC__) && !defined(__clang__))
#include <expected>
#define DANDELION_STD_EXPECTED 1
#endif

namespace dandelion {

#ifdef DANDELION_STD_EXPECTED

using Failure = std::unexpected<Error>;

template <class T>
class [[nodiscard]] Result : public std::expected<T, Error> {
 public:
  using std::expected<T, Error>::expected;
  Result(const std::expected<T, Error>& e) : std::expected<T, Error>(e) {}  // NOLINT: implicit
  Result(std::expected<T, Error>&& e) : std::expected<T, Error>(std::move(e)) {}  // NOLINT
};

#else

// Minimal stand-in for std::expected<T, Error>; see the file comment.
struct Failure {
  explicit Failure(Error e) : error_(std::move(e)) {}
  Error& error() { return error_; }
  Error error_;
};

template <class T>
class [[nodiscard]] Result {
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
class [[nodiscard]] Result<void> {
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

namespace detail {
// TRY's value: the held value, moved out by value (never a reference into TRY's temporary).
template <class R>
auto TryRelease(R& r) {
  if constexpr (std::is_void_v<decltype(r.value())>) {
    return;
  } else {
    return std::move(*r);
  }
}
}  // namespace detail

}  // namespace dandelion

// TRY(expr): evaluates a Result; on error returns that error from the enclosing function (which
// must itself return a Result), otherwise is the value (nothing for Result<void>).
//
//   Person p = TRY(repo.Load(id));
//   TRY(RequirePermission(actor, perm::kPersonWrite));
//
// A GNU statement expression, which g++ and clang (the fuzzing build) both accept.
#define TRY(expr)                                                             \
  ({                                                                          \
    auto _dandelion_try = (expr);                                             \
    if (!_dandelion_try) return ::dandelion::Failure(_dandelion_try.error()); \
    ::dandelion::detail::TryRelease(_dandelion_try);                          \
  })
