// Bed availability across the network: counts only, never a resident, a name or an address
// (docs/security.md: other organizations see counts). The directory and the dispatch board ask
// here; GET /api/v1/network/beds answers from here.
//
// A bed is free when it is in service, nobody stays in it and no dispatcher's hold on it is
// still running. A hold ends by itself at its expiry time, decided on every read, so it survives
// a restart and needs no timer.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace dandelion::shelters {

// Organization id → free beds now (organizations without any bed are absent).
Result<std::map<std::string, int>> FreeBedCounts(store::Tx& tx);
// The same at `now` (the server's clock, which test data dirs move).
Result<std::map<std::string, int>> FreeBedCounts(store::Tx& tx, TimePoint now);

// One facility's beds by kind.
struct FacilityBeds {
  std::string org_id;
  std::string facility_type;  // "" when the organization is not a support facility
  std::string region;
  struct Count {
    int total = 0;  // in service
    int free = 0;
  };
  std::map<std::string, Count> kinds;  // bed kind → counts
};
// Every organization with beds in service, by organization id.
Result<std::vector<FacilityBeds>> NetworkBeds(store::Tx& tx, TimePoint now);

// A dispatcher's running hold on a bed: the facility's staff name it at admission.
struct ActiveHold {
  std::string id;
  std::string expires_at;  // RFC 3339
};
// The running holds on org_id's beds, by bed id (the latest one where there are several).
Result<std::map<std::string, ActiveHold>> ActiveHolds(store::Tx& tx, const std::string& org_id,
                                                      TimePoint now);

}  // namespace dandelion::shelters
