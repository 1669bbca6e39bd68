// ListCache: the rows of case lists just read, shown again while nothing they were read from has
// changed. A case worker's caseload and her organization's open cases are read over and over
// through a working day; each read walks seven b-trees per listed case (docs/performance.md,
// "Case lists read once per change").
//
// What it holds is what the database holds, as the database holds it: clear columns, sealed
// fields still sealed, each woman's key still wrapped. Nothing opened is kept; every request
// still unwraps, decrypts, decides access (break-glass grants, restrictions) and is audited.
// An entry is used only when its organization's list generation — moved on by triggers in the
// database (migration 0025) on any change to cases, their workers, people, their keys or the
// workers' names — is the one the reading transaction sees; so a change by any process is never
// hidden. Entries of older generations are dropped as soon as a read or Sweep sees a newer one;
// an erasure in this process drops every entry at once (Forget), one in another process within
// the sweep's period.
//
// Thread-safety: every member may be called from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/cases/case_repo.h"
#include "store/database.h"

namespace dandelion::cases {

// user id → display name of each listed case's workers, as case_repo::WorkersOf gives them.
using WorkersByCase = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

struct ListedRows {
  std::vector<case_repo::ListedCase> cases;
  WorkersByCase workers;
};

class ListCache {
 public:
  // At most max_bytes of rows (counted by their strings), the least recently used left out first.
  explicit ListCache(size_t max_bytes = kDefaultBytes) : max_bytes_(max_bytes) {}

  // The list's rows as tx's snapshot holds them: from the cache when its organization's
  // generation is unchanged, else read (case_repo::List, WorkersOf) and kept. tx must be a read
  // transaction that has run no statement yet (its snapshot begins here, after Forget's last
  // call; one snapshot for the generation and the rows).
  Result<std::shared_ptr<const ListedRows>> Read(store::Tx& tx, const case_repo::ListFilter& f);

  // Read in its two steps (tests put a Forget between them). Look: the kept rows (rows set), or
  // what Keep needs to keep the rows read instead. Keep: keeps them unless Forget was called
  // since the Look, or a newer read kept the same list.
  struct Looked {
    std::shared_ptr<const ListedRows> rows;  // kept rows still true in tx's snapshot, or null
    std::string key;
    std::string org_id;
    std::optional<int64_t> generation;  // none: the organization has none, nothing is kept
    int64_t forgotten = 0;              // Forget's count when the Look began
  };
  Result<Looked> Look(store::Tx& tx, const case_repo::ListFilter& f);
  void Keep(const Looked& looked, std::shared_ptr<const ListedRows> rows);

  // Drops every entry, and keeps none a read begun before this call would put back: an erasure
  // committed.
  void Forget();
  // Drops the entries of organizations whose generation moved since they were read; how many.
  Result<int> Sweep(store::Database& db);

  struct Counts {
    size_t entries = 0;
    size_t bytes = 0;
    int64_t hits = 0;
    int64_t misses = 0;
  };
  Counts Count() const;

  static constexpr size_t kDefaultBytes = size_t{16} << 20;

 private:
  struct Entry {
    std::string key;
    std::string org_id;
    int64_t generation = 0;
    size_t bytes = 0;
    std::shared_ptr<const ListedRows> rows;
  };
  using Entries = std::list<Entry>;  // most recently used first

  void DropOrgBefore(const std::string& org_id, int64_t generation);
  void Erase(Entries::iterator it);

  const size_t max_bytes_;
  mutable std::mutex mu_;
  Entries entries_;
  std::map<std::string, Entries::iterator> by_key_;
  size_t bytes_ = 0;
  int64_t forgotten_ = 0;  // how many times Forget was called
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace dandelion::cases
