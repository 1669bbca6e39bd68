// Actor: who is doing something, as services see it — the signed-in user with the facts of the
// request that the audit log records. Built from the session by the HTTP gate, or by the
// command line for an operator at the server's console.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dandelion::security {

struct Actor {
  std::string user_id;  // "" for anonymous callers and the command line
  std::string org_id;
  std::string session_id;
  std::vector<std::string> roles;
  bool mfa_complete = false;
  int64_t reauth_at = 0;  // unix seconds of the last re-authentication, 0 = never
  std::string request_id;
  std::string remote;  // client address, or "cli" for the command line
  // Set when the security gate took the session from memory instead of the database: the hash of
  // its token and what the gate decided on. A read that accepts this confirms the session in its
  // own statement (security/session_confirmation.h); everything else is given confirmed actors.
  std::string unconfirmed_session;
  std::string session_fingerprint;

  // An operator at the server's console (`dandelion org add`, `user add`): trusted because they
  // hold the data dir and its master key, and audited as "cli".
  static Actor Console() {
    Actor a;
    a.remote = "cli";
    a.request_id = "cli";
    return a;
  }
  bool is_console() const { return user_id.empty() && remote == "cli"; }
};

}  // namespace dandelion::security
