// What the files of EmergencyService share (intake, status changes, escalation, coverage and
// measures are implemented in files of their own): the audit entity, the 400 every validator
// starts from, and the acknowledgement every first action records. Internal to the module.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/result.h"
#include "modules/emergency/model.h"
#include "security/audit_log.h"

namespace dandelion::emergency::detail {

inline constexpr std::string_view kEntity = "help_request";

inline Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

inline std::vector<std::string> Names(std::span<const std::string_view> names) {
  return {names.begin(), names.end()};
}

// A request's first acknowledgement, by the first action anyone takes on it: it stops the
// escalation clock.
inline void MarkAcknowledged(HelpRequest& h, TimePoint now) {
  if (h.acknowledged_at.empty()) h.acknowledged_at = FormatRfc3339(now);
  if (h.status == "new") h.status = "acknowledged";
  h.ack_due_at.reset();
}

inline Result<void> RequireStatus(const HelpRequest& h,
                                  std::initializer_list<std::string_view> allowed) {
  for (auto s : allowed) {
    if (h.status == s) return Ok();
  }
  return Fail(ErrorCode::kConflict, "emergency.wrong_status");
}

// The trace of attempt on a request that is not the caller's: probing another organization's ids
// leaves one, as for people, naming no field.
inline security::AuditEvent ProbeOf(security::AuditEvent attempt) {
  attempt.fields.clear();
  attempt.outcome = "not_found";
  return attempt;
}

// The event of the system itself (escalation, a flood's alert): no user, no address.
inline security::AuditEvent SystemEvent(std::string action, const std::string& org_id,
                                        const std::string& id) {
  security::AuditEvent e;
  e.org_id = org_id;
  e.action = std::move(action);
  e.entity_type = std::string(kEntity);
  e.entity_id = id;
  e.request_id = "escalator";
  e.remote = "system";
  return e;
}

}  // namespace dandelion::emergency::detail
