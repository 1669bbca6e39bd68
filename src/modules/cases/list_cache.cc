#include "modules/cases/list_cache.h"

#include <utility>

#include "modules/cases/case_generation.h"
#include "security/session_confirmation.h"

namespace dandelion::cases {
namespace {

// The filter as a key: every member, each length-prefixed so that no two filters meet.
std::string KeyOf(const case_repo::ListFilter& f) {
  std::string key;
  for (const std::string* s :
       {&f.org_id, &f.status, &f.assigned_to, &f.person_id, &f.no_contact_since, &f.risk_level}) {
    key += std::to_string(s->size());
    key += ':';
    key += *s;
  }
  key += f.unassigned ? 'u' : '-';
  key += f.with_person_restricted ? 'r' : '-';
  key += std::to_string(f.limit);
  return key;
}

// About what the rows occupy: their strings, a fixed amount per string and per row, and the
// locked page of each kept key.
size_t BytesOf(const ListedRows& rows) {
  constexpr size_t kPerString = 32;
  size_t n = 0;
  auto add = [&](const std::string& s) { n += s.capacity() + kPerString; };
  for (const auto& l : rows.cases) {
    const auto& c = l.c;
    for (const std::string* s : {&c.id,
                                 &c.org_id,
                                 &c.person_id,
                                 &c.number,
                                 &c.status,
                                 &c.intake_channel,
                                 &c.situation,
                                 &c.risk_level,
                                 &c.summary,
                                 &c.safety_plan,
                                 &c.opened_at,
                                 &c.closed_at,
                                 &c.closure_reason,
                                 &c.closure_note,
                                 &c.reopen_reason,
                                 &c.last_contact_at,
                                 &c.created_by,
                                 &c.updated_at,
                                 &l.person_code,
                                 &l.legal_name,
                                 &l.alias,
                                 &l.safe_contact,
                                 &l.card}) {
      add(*s);
    }
    if (l.key) add(l.key->wrapped);
    n += sizeof(l) + 2 * sizeof(void*);  // and its entries in workers_of and key_of
  }
  for (const auto& [id, workers] : rows.workers) {
    add(id);
    for (const auto& [user, name] : workers) {
      add(user);
      add(name);
    }
  }
  return n + rows.keys.size() * ListCache::kKeyBytes;
}

// Fills rows.workers_of and rows.key_of, once rows.workers and rows.keys are complete.
void IndexRows(ListedRows& rows) {
  static const WorkersByCase::mapped_type kNoWorkers;
  rows.workers_of.reserve(rows.cases.size());
  rows.key_of.reserve(rows.cases.size());
  for (const auto& listed : rows.cases) {
    const auto workers = rows.workers.find(listed.c.id);
    rows.workers_of.push_back(workers == rows.workers.end() ? &kNoWorkers : &workers->second);
    const auto key = rows.keys.find(listed.c.person_id);
    rows.key_of.push_back(key == rows.keys.end() ? nullptr : &key->second);
  }
}

}  // namespace

Result<ListCache::Looked> ListCache::Look(store::Tx& tx, const case_repo::ListFilter& f,
                                          const security::Actor* reader) {
  Looked looked{.key = KeyOf(f), .org_id = f.org_id};
  {
    std::lock_guard lock(mu_);
    looked.forgotten = forgotten_;
  }
  // The generation first: the rows read after it come from the same snapshot, so rows kept
  // under it are the rows any later transaction seeing it would read.
  looked.generation = reader != nullptr ? TRY(GenerationFor(tx, f.org_id, *reader))
                                        : TRY(GenerationOf(tx, f.org_id));
  if (!looked.generation) return looked;
  std::lock_guard lock(mu_);
  DropOrgBefore(f.org_id, *looked.generation);
  if (auto it = by_key_.find(looked.key);
      it != by_key_.end() && it->second->generation == *looked.generation) {
    entries_.splice(entries_.begin(), entries_, it->second);
    ++hits_;
    looked.rows = it->second->rows;
  } else {
    ++misses_;
  }
  return looked;
}

Result<std::shared_ptr<const ListedRows>> ListCache::Read(store::Tx& tx,
                                                          const case_repo::ListFilter& f,
                                                          const security::Actor* reader) {
  // "No contact for N days" counts back from this second, so no two reads ask for the same
  // list: such a list is read and not kept, nor its keys unwrapped ahead of need.
  const bool keepable = f.no_contact_since.empty();
  Looked looked;
  if (keepable) {
    looked = TRY(Look(tx, f, reader));
    if (looked.rows) return looked.rows;
  } else if (reader != nullptr) {
    TRY(security::ConfirmSessionIn(tx, *reader));
  }
  auto rows = std::make_shared<ListedRows>();
  rows->cases = TRY(case_repo::List(tx, f));
  std::vector<std::string> ids;
  ids.reserve(rows->cases.size());
  for (const auto& listed : rows->cases) ids.push_back(listed.c.id);
  rows->workers = TRY(case_repo::WorkersOf(tx, ids));
  if (!keepable) {
    IndexRows(*rows);
    return std::shared_ptr<const ListedRows>(std::move(rows));
  }
  for (const auto& listed : rows->cases) {
    const std::string& person_id = listed.c.person_id;
    if (listed.person_erased || !listed.key || rows->keys.count(person_id)) continue;
    rows->keys.emplace(person_id, TRY(people::PersonCipher::Unwrap(tx, keyring_, listed.c.org_id,
                                                                   person_id, listed.key)));
  }
  IndexRows(*rows);
  Keep(looked, rows);
  return std::shared_ptr<const ListedRows>(std::move(rows));
}

void ListCache::Keep(const Looked& looked, std::shared_ptr<const ListedRows> rows) {
  // An organization without a generation (none should be) is read every time, never kept.
  if (!looked.generation) return;
  Entry entry{.key = looked.key,
              .org_id = looked.org_id,
              .generation = *looked.generation,
              .bytes = BytesOf(*rows),
              .keys = rows->keys.size(),
              .rows = std::move(rows)};
  std::lock_guard lock(mu_);
  // Read on a snapshot from before an erasure: perhaps with her key, which must not come back.
  if (forgotten_ != looked.forgotten || entry.bytes > max_bytes_) return;
  if (auto it = by_key_.find(entry.key); it != by_key_.end()) {
    // A transaction on an older snapshot does not replace what a newer one read.
    if (it->second->generation > entry.generation) return;
    Erase(it->second);
  }
  while (!entries_.empty() && bytes_ + entry.bytes > max_bytes_) Erase(std::prev(entries_.end()));
  bytes_ += entry.bytes;
  keys_ += entry.keys;
  entries_.push_front(std::move(entry));
  by_key_[entries_.front().key] = entries_.begin();
}

void ListCache::DropOrgBefore(const std::string& org_id, int64_t generation) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    auto next = std::next(it);
    if (it->org_id == org_id && it->generation < generation) Erase(it);
    it = next;
  }
}

void ListCache::Erase(Entries::iterator it) {
  bytes_ -= it->bytes;
  keys_ -= it->keys;
  by_key_.erase(it->key);
  entries_.erase(it);
}

void ListCache::Forget() {
  std::lock_guard lock(mu_);
  entries_.clear();
  by_key_.clear();
  bytes_ = 0;
  keys_ = 0;
  ++forgotten_;
}

Result<int> ListCache::Sweep(store::Database& db) {
  const auto generations = TRY(Generations(db));
  std::lock_guard lock(mu_);
  return EraseOutdated(entries_, generations, [this](Entries::iterator it) { Erase(it); });
}

ListCache::Counts ListCache::Count() const {
  std::lock_guard lock(mu_);
  return Counts{
      .entries = entries_.size(), .keys = keys_, .bytes = bytes_, .hits = hits_, .misses = misses_};
}

}  // namespace dandelion::cases
