// What the two caches of case rows share (list_cache.h, case_cache.h): the organization's list
// generation they keep rows under.
//
// The generation is a number per organization that triggers in the database (migration 0025)
// move on at every change to its cases, their workers, its people and their keys, and its
// workers' names; rows read in the same snapshot as a generation are what any later snapshot
// seeing that generation would read. The same triggers (migration 0027) stamp the woman each
// change was about with the generation it moved to (person_generations), and mark a change that
// reaches every case (a worker's name) in wide_at: rows about one woman read at generation g are
// still current while neither her stamp nor wide_at is above g, however far the organization's
// generation has moved for others.
#pragma once

#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "security/actor.h"
#include "store/database.h"

namespace dandelion::cases {

// org_id's generation in tx's snapshot; none when the organization has none.
Result<std::optional<int64_t>> GenerationOf(store::Tx& tx, const std::string& org_id);

// GenerationOf in the statement that confirms reader's remembered session
// (security/session_confirmation.h): driven by the session, so that one row always tells whether
// it is still there. Fails with security::kSessionUnconfirmed when it is not the one the gate
// decided on.
Result<std::optional<int64_t>> GenerationConfirming(store::Tx& tx, const std::string& org_id,
                                                    const security::Actor& reader);

// GenerationConfirming for an unconfirmed reader, else GenerationOf.
Result<std::optional<int64_t>> GenerationFor(store::Tx& tx, const std::string& org_id,
                                             const security::Actor& reader);

// Whether rows about person_id read in org_id's generation `generation` are what tx's snapshot
// holds: no change about her, and none that reaches every case, since. Confirms reader's
// remembered session in the same statement, like GenerationConfirming.
Result<bool> StillCurrent(store::Tx& tx, const std::string& org_id, const std::string& person_id,
                          int64_t generation, const security::Actor& reader);

// What changed in each organization since the generation last seen of it (since: organization →
// generation), read in one snapshot.
struct OrgChanges {
  int64_t generation = 0;
  int64_t wide_at = 0;
  // Whether changed holds every woman changed since since's generation: false for an
  // organization since does not name.
  bool known = false;
  // Woman → the generation of the last change about her, for those changed since.
  std::unordered_map<std::string, int64_t> changed;
};
Result<std::map<std::string, OrgChanges>> ChangesSince(store::Database& db,
                                                       const std::map<std::string, int64_t>& since);

// Every organization's generation, now.
Result<std::map<std::string, int64_t>> Generations(store::Database& db);

// The entries (each with org_id and generation) whose organization's generation moved on since
// they were read, or which has none now: erase(it) is called for each; how many.
template <class Entries, class Erase>
int EraseOutdated(Entries& entries, const std::map<std::string, int64_t>& generations,
                  Erase erase) {
  int erased = 0;
  for (auto it = entries.begin(); it != entries.end();) {
    auto next = std::next(it);
    auto g = generations.find(it->org_id);
    if (g == generations.end() || it->generation < g->second) {
      erase(it);
      ++erased;
    }
    it = next;
  }
  return erased;
}

}  // namespace dandelion::cases
