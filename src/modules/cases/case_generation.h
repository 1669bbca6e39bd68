// What the two caches of case rows share (list_cache.h, case_cache.h): the organization's list
// generation they keep rows under.
//
// The generation is a number per organization that triggers in the database (migration 0025)
// move on at every change to its cases, their workers, its people and their keys, and its
// workers' names; rows read in the same snapshot as a generation are what any later snapshot
// seeing that generation would read.
#pragma once

#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>

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
