// What every module's handlers share: the security layer's view of the caller, and turning a
// service's error into the contract's JSON error reply in the caller's language.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <memory>

#include "http/json_body.h"
#include "http/request.h"
#include "security/actor.h"
#include "security/audit_batcher.h"

namespace dandelion {

inline security::Actor ActorOf(const http::Request& request) {
  security::Actor a;
  a.user_id = request.principal.user_id;
  a.org_id = request.principal.org_id;
  a.session_id = request.principal.session_id;
  a.roles = request.principal.roles;
  a.mfa_complete = request.principal.mfa_complete;
  a.reauth_at = request.principal.reauth_at;
  a.request_id = request.request_id;
  a.remote = request.remote_address;
  return a;
}

// The reply's wait for the audit entry a read owes (http::Response::await_commit).
inline std::function<void(std::function<void(bool)>)> AwaitAudit(security::PendingAudit audit) {
  auto owed = std::make_shared<security::PendingAudit>(std::move(audit));
  return [owed](std::function<void(bool)> done) { owed->Submit(std::move(done)); };
}

inline http::Response Refuse(const http::Request& request, const Error& error) {
  return http::ErrorResponse(error, request.lang, request.request_id);
}

}  // namespace dandelion
