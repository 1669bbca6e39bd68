// CaseService: the one door to cases (docs/domain.md, "Case"): open from intake, read, list,
// change, assign, restrict, close, reopen, break the glass of a restricted case, and the case
// timeline and the notifications it raises.
//
// Every call checks the role first, then the loaded case through CaseAccess (organization,
// restriction, assignment, break-glass): another organization's case answers 404 exactly as an
// unknown id does. Summary, safety plan and closure note are sealed under the person's key.
// Every read and write — and every refused attempt on an id — is audited in the same
// transaction as the work, with field names, never values.
//
// Opening, reads, break-glass, the timeline and notifications are in case_service.cc; the
// changes of a case in case_changes.cc; the caller's view of a case in case_view.h.
//
// Thread-safe: state lives in the database; ListCache keeps its own lock.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "modules/cases/case_access.h"
#include "modules/cases/case_cache.h"
#include "modules/cases/case_repo.h"
#include "modules/cases/list_cache.h"
#include "modules/cases/model.h"
#include "modules/network/org_service.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::cases {

struct CaseListQuery {
  std::string status;  // "" | "open" | "closed"
  bool assigned_to_me = false;
  std::string person_id;
  // A supervisor's team view: one worker's cases ("none": cases no active staff member works), one
  // risk level, cases with no contact for at least this many days (0: no bound).
  std::string worker;
  std::string risk_level;
  int no_contact_days = 0;
};

struct BreakGlassResult {
  std::string case_id;
  std::string expires_at;
};

// How long a break-glass grant lasts: a working day, then the glass must be broken again.
inline constexpr std::chrono::hours kBreakGlassFor{8};
inline constexpr int kMaxListed = 200;

class CaseService {
 public:
  // reads: the group commit that audits reads (security/audit_batcher.h).
  CaseService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
              security::AuditBatcher& reads, network::OrgService& orgs, const Clock& clock);

  // 403 without case.write; 400 naming bad fields; 404 for a person not of the caller's
  // organization. The caller is assigned to the new case.
  Result<Case> Open(const security::Actor& actor, const CaseFields& fields);
  // The same inside the caller's write transaction, fields already validated (a referral's
  // acceptance opens her case at the receiver together with her record).
  Result<Case> OpenIn(store::Tx& tx, const security::Actor& actor, const CaseFields& fields);
  // A read transaction; the case.read entry it owes travels with it (the reply waits for it).
  // A refused read is recorded before the refusal returns.
  Result<security::Audited<Case>> Get(const security::Actor& actor, const std::string& id);
  // Restricted cases the caller may not read are listed without their person and summary.
  // A read transaction, like Get: the case.list entry travels with the list.
  Result<security::Audited<std::vector<Case>>> List(const security::Actor& actor,
                                                    const CaseListQuery& query);
  Result<Case> Update(const security::Actor& actor, const std::string& id,
                      const CaseFields& fields);
  // Supervisors: replaces the assigned workers (active users of the organization holding a
  // case role).
  Result<Case> Assign(const security::Actor& actor, const std::string& id,
                      const std::vector<std::string>& user_ids);
  Result<Case> Restrict(const security::Actor& actor, const std::string& id, bool restricted);
  Result<Case> Close(const security::Actor& actor, const std::string& id, const std::string& reason,
                     const std::string& note);
  Result<Case> Reopen(const security::Actor& actor, const std::string& id,
                      const std::string& reason);
  // Grants the caller kBreakGlassFor on a restricted case of her organization, records the
  // sealed reason, audits case.break_glass and notifies every supervisor of the organization.
  Result<BreakGlassResult> BreakGlass(const security::Actor& actor, const std::string& id,
                                      const std::string& reason);
  // The case's timeline, newest first (at most 500), read without the database's writer; its
  // audit entry is owed before the reply leaves.
  Result<security::Audited<std::vector<case_repo::TimelineEvent>>> Timeline(
      const security::Actor& actor, const std::string& id);

  Result<std::vector<case_repo::Notification>> Notifications(const security::Actor& actor);
  Result<void> MarkNotificationRead(const security::Actor& actor, const std::string& id);

  // The sealed rows of lists just read (list_cache.h): the server forgets them when an erasure
  // commits and sweeps out what another process changed.
  ListCache& listed_rows() { return listed_rows_; }
  // The rows of cases just read (case_cache.h), forgotten and swept with the lists.
  CaseCache& kept_cases() { return kept_cases_; }

 private:
  using Change = std::function<Result<void>(store::Tx&, case_repo::StoredCase&, const CaseRef&,
                                            security::AuditEvent&)>;
  // Loads the case for writing, applies change, stores it, audits action and returns it.
  Result<Case> Mutate(const security::Actor& actor, const std::string& id,
                      std::string_view permission, std::string action, const Change& change);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  network::OrgService& orgs_;
  const Clock& clock_;
  ListCache listed_rows_;
  CaseCache kept_cases_;
};

}  // namespace dandelion::cases
