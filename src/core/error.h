// Error: the closed set of failure reasons shared by every layer, and their HTTP mapping.
//
// An Error carries a code (what kind of failure), a message key into the Korean/English
// catalog (messages.h), optional per-field reasons (also message keys) for validation errors,
// a detail string for logs only — detail never reaches a client — and ids the client may act on.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dandelion {

enum class ErrorCode {
  kInvalid,             // 400: the request's shape or values are wrong
  kUnauthenticated,     // 401: no valid session or credentials
  kMfaRequired,         // 401: a second factor is needed
  kForbidden,           // 403: signed in but not allowed (also a bad CSRF token)
  kBreakGlassRequired,  // 403: a restricted case; the caller may break the glass with a reason
  kReauthRequired,      // 403: the action needs a password (and code) entered in the last minutes
  kNotFound,            // 404: absent, or another organization's record
  kMethodNotAllowed,    // 405
  kTimeout,             // 408: the client was too slow to send its request
  kConflict,            // 409
  kTooLarge,            // 413
  kUnsupportedMedia,    // 415
  kRateLimited,         // 429: throttled, or a locked account
  kInternal,            // 500
  kUnavailable,         // 503: shutting down or overloaded
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

}  // namespace dandelion
