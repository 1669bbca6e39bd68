// Sessions confirmed by the read they serve (docs/security.md, "Authentication";
// docs/performance.md, "A case read confirms its own session").
//
// Every signed-in request is checked against the sessions table before its handler runs: one
// statement of its own, which on PostgreSQL costs about as much as the read it guards. For the
// reads that ask for it (http::Route::session_confirmed_by_read), the security gate may instead
// take the session from what AuthService remembered of its last full check (at most
// kRememberSeconds old) and mark the actor unconfirmed. The read's own statement then reads the
// session and its account again, in the read's snapshot, and the read stands only when every
// column the gate's decision depended on is unchanged (SessionFingerprint); otherwise it fails
// with kSessionUnconfirmed, nothing of it is sent or audited, and the dispatcher runs the request
// again after a full check. An ended session, a disabled account or changed roles are therefore
// refused at once, by any process's change: the check moved into the read, it did not go.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "security/account_repo.h"
#include "security/actor.h"
#include "store/database.h"

namespace dandelion::security {

// The message key of the failure a read gives when its session must be checked in full first.
// The dispatcher acts on it; no caller ever sees it.
inline constexpr const char* kSessionUnconfirmed = "security.session_unconfirmed";

// Every column of the session and its account that the gate's decision or the actor it builds
// depends on, encoded unambiguously and digested (BLAKE2b): kSessionFingerprintBytes.
inline constexpr size_t kSessionFingerprintBytes = 32;
std::string SessionFingerprint(const SessionRecord& session, const Account& account);
// Whether a and b are the same fingerprint, in constant time; never for one of the wrong size.
bool SameFingerprint(std::string_view a, std::string_view b);

// Ok when actor's session needs no confirmation, or fresh (read in the caller's snapshot) is the
// session the gate decided on; kSessionUnconfirmed otherwise (gone, or changed).
Result<void> ConfirmSession(const Actor& actor,
                            const std::optional<account_repo::SessionAndAccount>& fresh);
// ConfirmSession given fresh's fingerprint ("" when there is no session).
Result<void> ConfirmFingerprint(const Actor& actor, std::string_view fresh);

// ConfirmSession with the session read in tx, for a read whose own statement could not bring it
// (an unknown case id, a list that is never kept). Reads nothing for a confirmed actor.
Result<void> ConfirmSessionIn(store::Tx& tx, const Actor& actor);

// What a read answers with error, decided before its statement confirmed the session: for an
// unconfirmed actor, kSessionUnconfirmed, so that the request runs again after a full check and
// every answer to a remembered session comes after its confirmation (a bad query included).
Error BeforeConfirmation(const Actor& actor, Error error);

}  // namespace dandelion::security
