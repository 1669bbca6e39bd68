// CaseCache: the rows a case read decides on and shows, kept for the next read of the same case
// while nothing they were read from has changed. A case is opened again and again through a
// working day; each read walks nine b-trees (the case, her person, her key, the case's workers,
// her other cases), and on a large organization most of their pages are not in memory
// (docs/performance.md, "A case read from kept rows").
//
// What it keeps is case_repo::CaseForCaller as the database holds it, packed into one buffer per
// case (a tenth of its size as C++ strings): clear columns, sealed fields still sealed, her key
// still wrapped. Nothing is kept opened or unwrapped; every read still unwraps her key, opens her
// fields, decides access for its own caller (assignment, role, restriction, a break-glass grant
// read afresh) and is audited. An entry is used only when nothing about her, and nothing that
// reaches every case, has changed in the reading transaction's snapshot since the generation it
// was read under (case_generation.h, StillCurrent), so a change by any process is never hidden,
// and a change to another woman's case leaves it in use; an erasure in this process drops every
// entry at once (Forget), one in another process within Sweep's period.
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
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "modules/cases/case_repo.h"
#include "security/actor.h"
#include "store/database.h"

namespace dandelion::cases {

// case_repo::FindForCaller for reader, a session the gate took from memory confirmed by its
// statement (or, when there is no such case, by one of its own): the read made when nothing kept
// answers.
Result<std::optional<case_repo::CaseForCaller>> FindConfirming(store::Tx& tx, const std::string& id,
                                                               const security::Actor& reader);

class CaseCache {
 public:
  // At most max_bytes of packed rows (each with its entry's own overhead), the least recently
  // used left out first.
  explicit CaseCache(size_t max_bytes = kDefaultBytes) : max_bytes_(max_bytes) {}

  // Case id's rows for reader as tx's snapshot holds them (assigned says whether reader works
  // it), or none when there is no such case: kept rows when reader's organization's generation is
  // the one they were read under, else case_repo::FindForCaller, kept when the case is of
  // reader's organization. A session the gate took from memory is confirmed by the first
  // statement (security/session_confirmation.h). tx must be a read transaction that has run no
  // statement yet.
  Result<std::optional<case_repo::CaseForCaller>> Read(store::Tx& tx, const std::string& id,
                                                       const security::Actor& reader);

  // Drops every entry, and keeps none a read begun before this call would put back: an erasure
  // committed.
  void Forget();
  // Drops the entries of women changed since they were read (and every entry of an organization
  // when a change reached every case); how many. Each sweep asks only for what changed since
  // the last one.
  Result<int> Sweep(store::Database& db);

  struct Counts {
    size_t entries = 0;
    size_t bytes = 0;
    int64_t hits = 0;
    int64_t misses = 0;
  };
  Counts Count() const;

  // About 15,000 cases of the benchmark's (docs/performance.md).
  static constexpr size_t kDefaultBytes = size_t{16} << 20;

  // The packed form, and back (public for the tests): every member but assigned and session.
  static std::string Pack(const case_repo::CaseForCaller& rows);
  static Result<case_repo::CaseForCaller> Unpack(std::string_view packed);

 private:
  struct Entry {
    std::string id;
    std::string org_id;
    std::string person_id;
    int64_t generation = 0;
    size_t bytes = 0;
    std::shared_ptr<const std::string> packed;
  };
  using Entries = std::list<Entry>;  // most recently used first

  // The packed rows of id when they were read for org_id (marked used), else null.
  std::shared_ptr<const std::string> Find(const std::string& id, const std::string& org_id,
                                          int64_t* generation, std::string* person_id);
  void Keep(const case_repo::CaseForCaller& found, int64_t forgotten);
  void Erase(Entries::iterator it);

  const size_t max_bytes_;
  mutable std::mutex mu_;
  Entries entries_;
  std::unordered_map<std::string, Entries::iterator> by_id_;
  size_t bytes_ = 0;
  int64_t forgotten_ = 0;  // how many times Forget was called
  // Each organization's generation when the last sweep read what changed.
  std::map<std::string, int64_t> swept_;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace dandelion::cases
