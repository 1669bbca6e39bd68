// What the campaign service's files share (campaign_service.cc: campaigns and their views;
// route_service.cc: stops, linked events, materials, press; public_service.cc: the public
// answers; partner_service.cc: partners and co-organizers).
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "modules/campaigns/model.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::campaigns::parts {

namespace perm = security::perm;

inline Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }
inline Error Conflict(std::string key) { return Error{ErrorCode::kConflict, std::move(key)}; }
// Seen but not editable.
inline Error NotEditor() { return Error{ErrorCode::kForbidden, "campaigns.not_editor"}; }

inline std::string Fmt(TimePoint t) { return FormatRfc3339(t); }

// A file's checks (the policy documents' rules): a name, a known type, not empty; the size is
// checked before (kTooLarge).
inline void CheckFile(const std::string& name, const std::string& content_type,
                      const std::string& content, Error& bad) {
  if (Blank(name) || name.size() > 200 || name.find_first_of("/\\\r\n") != std::string::npos) {
    bad.Field("name", "field.required");
  }
  if (!IsOneOf(kFileTypes, content_type)) bad.Field("content_type", "campaigns.file_type");
  if (content.empty()) bad.Field("file", "field.empty");
}

}  // namespace dandelion::campaigns::parts
