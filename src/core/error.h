// Error: the closed set of failure reasons shared by every layer, and their HTTP mapping.
//
// An Error carries a code (what kind of failure), a message key into the Korean/English
// catalog (messages.h), optional per-field reasons (also message keys) for validation errors,
// a detail string for logs only — detail never reaches a client — and ids the client may act on.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion {

// Every code once: its name in C++, its wire name, its HTTP status. The enum, CodeName,
// HttpStatus, AllErrorCodes and the OpenAPI document's enum of codes (http/openapi.cc) are all
// made from this one list, so they cannot disagree.
// clang-format off
#define DANDELION_ERROR_CODES(X)                                                                  \
  X(kInvalid,            "invalid",                400) /* the request's shape or values */      \
  X(kUnauthenticated,    "unauthenticated",        401) /* no valid session or credentials */    \
  X(kMfaRequired,        "mfa_required",           401) /* a second factor is needed */          \
  X(kForbidden,          "forbidden",              403) /* not allowed (also a bad CSRF token) */\
  X(kBreakGlassRequired, "break_glass_required",   403) /* a restricted case; she may break the  \
                                                           glass with a reason */                \
  X(kReauthRequired,     "reauth_required",        403) /* needs a password (and code) entered   \
                                                           in the last minutes */                \
  X(kNotFound,           "not_found",              404) /* absent, or another organization's */  \
  X(kMethodNotAllowed,   "method_not_allowed",     405)                                          \
  X(kTimeout,            "timeout",                408) /* the client was too slow to send */    \
  X(kConflict,           "conflict",               409)                                          \
  X(kConsentRequired,    "consent_required",       409) /* her consent does not cover what is     \
                                                           to be shared with whom */             \
  X(kExcluded,           "excluded",               409) /* she asked never to be sent there */   \
  X(kRuleExceeded,       "rule_exceeded",          409) /* a fund's rule (cap, months, monthly    \
                                                           amount) would be broken */            \
  X(kBudgetExceeded,     "budget_exceeded",        409) /* a fund's yearly budget would be        \
                                                           overspent */                          \
  X(kTooLarge,           "too_large",              413)                                          \
  X(kUnsupportedMedia,   "unsupported_media_type", 415)                                          \
  X(kRateLimited,        "rate_limited",           429) /* throttled, or a locked account */     \
  X(kInternal,           "internal",               500)                                          \
  X(kUnavailable,        "unavailable",            503) /* shutting down or overloaded */
// clang-format on

enum class ErrorCode {
#define DANDELION_ERROR_CODE_ENUMERATOR(name, wire, status) name,
  DANDELION_ERROR_CODES(DANDELION_ERROR_CODE_ENUMERATOR)
#undef DANDELION_ERROR_CODE_ENUMERATOR
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message_key;                    // key in the message catalog
  std::map<std::string, std::string> fields;  // field name -> message key
  std::string detail;                         // for logs only, never sent to a client
  // Ids a client may act on, sent as "refs": {name: [ids]} (e.g. the cases whose glass she may
  // break). Ids only, never a personal value.
  std::map<std::string, std::vector<std::string>> refs;
  // A refusal whose record must stay: store::Database::Write() commits what its function wrote
  // (the audit entry of the refused attempt, nothing else) and still returns this error. Set it
  // with RecordedRefusal() where a refusal is decided, never on an error after other writes.
  bool commits = false;
  // For rule_exceeded and budget_exceeded: which limit would be broken (a fund's "cap",
  // "monthly", "months", "approved" or "budget") and what remains under it (whole KRW, or months
  // for "months"), sent as "limit": {"name", "remaining"}. Amounts only, never a personal value.
  std::string limit;
  int64_t remaining = 0;

  // Adds a field reason and returns *this, so validators can chain.
  Error& Field(std::string name, std::string key) {
    fields.emplace(std::move(name), std::move(key));
    return *this;
  }
};

// A refusal decided inside a write transaction that must keep its record: the transaction
// commits and the caller still gets the error (see Error::commits).
inline Error RecordedRefusal(Error error) {
  error.commits = true;
  return error;
}

// The wire name of a code, e.g. "not_found".
std::string_view CodeName(ErrorCode code);

// The HTTP status for a code; the only such mapping in the project.
int HttpStatus(ErrorCode code);

// Every code, in the order of DANDELION_ERROR_CODES.
std::span<const ErrorCode> AllErrorCodes();

}  // namespace dandelion
