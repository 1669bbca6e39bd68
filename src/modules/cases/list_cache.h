// ListCache: the rows of case lists just read, shown again while nothing they were read from has
// changed. A case worker's caseload and her organization's open cases are read over and over
// through a working day; each read walks seven b-trees per listed case (docs/performance.md,
// "Case lists read once per change").
//
// What it holds is what the database holds, as the database holds it — clear columns, sealed
// fields still sealed — and beside it each listed woman's key unwrapped, in libsodium's locked,
// guarded memory (security/keys.h), for as long as the rows are kept: unwrapping 113 keys was a
// fifth of a kept caseload's CPU. No field is kept opened; every request still decrypts her
// fields, decides access (break-glass grants, restrictions) and is audited. docs/security.md,
// "What stays in memory between requests", says why the keys and not the names.
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
#include "modules/people/person_cipher.h"
#include "security/actor.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::cases {

// user id → display name of each listed case's workers, as case_repo::WorkersOf gives them.
using WorkersByCase = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

struct ListedRows {
  std::vector<case_repo::ListedCase> cases;
  WorkersByCase workers;
  // person id → her key unwrapped from the wrapped key in cases, for every listed woman who has
  // one. Dropped (and wiped) with the rows.
  std::map<std::string, people::PersonCipher> keys;
  // For each of cases, in order, what a list looks up per row, found once when the rows are read
  // rather than in two maps on every read of them: its workers (never null; empty when it has
  // none) and her kept key (null when none is kept). They point into workers and keys.
  std::vector<const WorkersByCase::mapped_type*> workers_of;
  std::vector<const people::PersonCipher*> key_of;
};

class ListCache {
 public:
  // At most max_bytes of rows (counted by their strings, each kept key by its locked page), the
  // least recently used left out first. keyring unwraps the keys.
  explicit ListCache(security::Keyring& keyring, size_t max_bytes = kDefaultBytes)
      : keyring_(keyring), max_bytes_(max_bytes) {}

  // The list's rows as tx's snapshot holds them: from the cache when its organization's
  // generation is unchanged, else read (case_repo::List, WorkersOf), their keys unwrapped, and
  // kept. tx must be a read
  // transaction that has run no statement yet (its snapshot begins here, after Forget's last
  // call; one snapshot for the generation and the rows). A reader whose session the gate took
  // from memory has it confirmed first, by the generation's statement when the list can be kept
  // (security/session_confirmation.h).
  Result<std::shared_ptr<const ListedRows>> Read(store::Tx& tx, const case_repo::ListFilter& f,
                                                 const security::Actor* reader = nullptr);

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
  Result<Looked> Look(store::Tx& tx, const case_repo::ListFilter& f,
                      const security::Actor* reader = nullptr);
  void Keep(const Looked& looked, std::shared_ptr<const ListedRows> rows);

  // Drops every entry, and keeps none a read begun before this call would put back: an erasure
  // committed.
  void Forget();
  // Drops the entries of organizations whose generation moved since they were read; how many.
  Result<int> Sweep(store::Database& db);

  struct Counts {
    size_t entries = 0;
    size_t keys = 0;  // women's keys kept unwrapped
    size_t bytes = 0;
    int64_t hits = 0;
    int64_t misses = 0;
  };
  Counts Count() const;

  static constexpr size_t kDefaultBytes = size_t{16} << 20;
  // What a kept key occupies: sodium_malloc gives each 32-byte key a page of its own, locked,
  // between guard pages (8 KB resident, measured).
  static constexpr size_t kKeyBytes = 8192;

 private:
  struct Entry {
    std::string key;
    std::string org_id;
    int64_t generation = 0;
    size_t bytes = 0;
    size_t keys = 0;
    std::shared_ptr<const ListedRows> rows;
  };
  using Entries = std::list<Entry>;  // most recently used first

  void DropOrgBefore(const std::string& org_id, int64_t generation);
  void Erase(Entries::iterator it);

  security::Keyring& keyring_;
  const size_t max_bytes_;
  mutable std::mutex mu_;
  Entries entries_;
  std::map<std::string, Entries::iterator> by_key_;
  size_t bytes_ = 0;
  size_t keys_ = 0;
  int64_t forgotten_ = 0;  // how many times Forget was called
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace dandelion::cases
