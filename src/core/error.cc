#include "core/error.h"

namespace dandelion {

std::string_view CodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return "invalid";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kMfaRequired:
      return "mfa_required";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kBreakGlassRequired:
      return "break_glass_required";
    case ErrorCode::kReauthRequired:
      return "reauth_required";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kTimeout:
      return "timeout";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kUnsupportedMedia:
      return "unsupported_media_type";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kUnavailable:
      return "unavailable";
  }
  return "internal";
}

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kMfaRequired:
      return 401;
    case ErrorCode::kForbidden:
    case ErrorCode::kBreakGlassRequired:
    case ErrorCode::kReauthRequired:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kTimeout:
      return 408;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMedia:
      return 415;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kUnavailable:
      return 503;
  }
  return 500;
}

}  // namespace dandelion
