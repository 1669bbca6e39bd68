// SupervisionService: the one door to a supervisor's view of her team (issue "A working day for
// every role"): each worker's open caseload, cases nobody works, and the acts of the last 30
// days that a second person must look at — break-glass into a restricted case, closing a case —
// until she marks them reviewed.
//
// Everything here needs case.supervise and stays within the supervisor's organization. Reading
// the waiting acts opens break-glass reasons (sealed under each woman's key), so the read is
// audited like a case read; a review is a write, audited in its own transaction.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/supervision/supervision_repo.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::supervision {

struct Team {
  std::vector<supervision_repo::WorkerLoad> workers;
  int64_t unassigned_open_cases = 0;
  int no_contact_days = 0;  // what WorkerLoad::no_contact counted
};

struct WaitingAct {
  supervision_repo::PendingAct act;
  std::string reason;  // the break-glass reason, opened; "" for a closing
};

class SupervisionService {
 public:
  SupervisionService(store::Database& db, security::Keyring& keyring,
                     const security::AuditLog& audit, security::AuditBatcher& reads,
                     const Clock& clock)
      : db_(db), keyring_(keyring), audit_(audit), reads_(reads), clock_(clock) {}

  // no_contact_days: 1..365.
  Result<Team> TeamLoad(const security::Actor& actor, int no_contact_days);
  Result<security::Audited<std::vector<WaitingAct>>> Waiting(const security::Actor& actor);
  // 404 for an act not of her organization, 409 when already reviewed, 400 for an unknown kind.
  Result<void> MarkReviewed(const security::Actor& actor, const std::string& kind,
                            const std::string& subject_id);

  static constexpr int kWaitingDays = 30;
  static constexpr int kWaitingListed = 200;

 private:
  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
};

}  // namespace dandelion::supervision
