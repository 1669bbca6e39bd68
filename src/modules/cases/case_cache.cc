#include "modules/cases/case_cache.h"

#include <algorithm>
#include <utility>

#include "modules/cases/case_generation.h"
#include "security/session_confirmation.h"

namespace dandelion::cases {
namespace {

// What an entry costs besides its packed rows: its place in the list and the index, its id,
// organization id and person id, the buffer's own control block (measured sizes rounded up).
constexpr size_t kEntryOverhead = 320;

// Packing: each string as its length (a varint) and bytes, each number as a varint of its
// zigzag encoding, each flag as a byte.
class Packer {
 public:
  void Put(std::string_view s) {
    Put(static_cast<int64_t>(s.size()));
    out_.append(s);
  }
  void Put(int64_t v) {
    uint64_t z = (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
    while (z >= 0x80) {
      out_.push_back(static_cast<char>(z | 0x80));
      z >>= 7;
    }
    out_.push_back(static_cast<char>(z));
  }
  void Flag(bool b) { out_.push_back(b ? '\1' : '\0'); }
  std::string Done() {
    out_.shrink_to_fit();
    return std::move(out_);
  }

 private:
  std::string out_;
};

class Unpacker {
 public:
  explicit Unpacker(std::string_view in) : in_(in) {}
  int64_t Int() {
    uint64_t z = 0;
    for (int shift = 0; shift < 64 && !bad_; shift += 7) {
      if (in_.empty()) break;
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      z |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    }
    bad_ = true;
    return 0;
  }
  std::string Text() {
    const int64_t n = Int();
    if (bad_ || n < 0 || static_cast<uint64_t>(n) > in_.size()) {
      bad_ = true;
      return {};
    }
    std::string out(in_.substr(0, static_cast<size_t>(n)));
    in_.remove_prefix(static_cast<size_t>(n));
    return out;
  }
  bool Flag() {
    if (in_.empty()) {
      bad_ = true;
      return false;
    }
    const bool b = in_.front() != '\0';
    in_.remove_prefix(1);
    return b;
  }
  bool ok() const { return !bad_ && in_.empty(); }

 private:
  std::string_view in_;
  bool bad_ = false;
};

// The members packed below, counted: a member added to these structs must be packed too (the
// round-trip test compares every one).
static_assert(sizeof(case_repo::StoredCase) == 600 && sizeof(case_repo::ListedCase) == 832,
              "a member was added: pack it in CaseCache::Pack and Unpack");

}  // namespace

std::string CaseCache::Pack(const case_repo::CaseForCaller& rows) {
  Packer p;
  const case_repo::ListedCase& l = rows.listed;
  const case_repo::StoredCase& c = l.c;
  for (const std::string* s :
       {&c.id, &c.org_id, &c.person_id, &c.number, &c.status, &c.intake_channel, &c.situation,
        &c.risk_level, &c.summary, &c.safety_plan, &c.opened_at, &c.closed_at, &c.closure_reason,
        &c.closure_note, &c.reopen_reason, &c.last_contact_at, &c.created_by, &c.updated_at}) {
    p.Put(*s);
  }
  p.Put(c.number_year);
  p.Put(c.number_seq);
  p.Flag(c.restricted);
  p.Flag(l.person_erased);
  for (const std::string* s : {&l.person_code, &l.legal_name, &l.alias, &l.safe_contact, &l.card}) {
    p.Put(*s);
  }
  p.Flag(l.key.has_value());
  if (l.key) {
    p.Put(l.key->version);
    p.Put(l.key->wrapped);
    p.Put(l.key->org_key_version);
  }
  p.Flag(l.person_restricted.has_value());
  if (l.person_restricted) p.Flag(*l.person_restricted);
  p.Put(static_cast<int64_t>(rows.workers.size()));
  for (const auto& [user, name] : rows.workers) {
    p.Put(user);
    p.Put(name);
  }
  p.Flag(rows.generation.has_value());
  if (rows.generation) p.Put(*rows.generation);
  return p.Done();
}

Result<case_repo::CaseForCaller> CaseCache::Unpack(std::string_view packed) {
  Unpacker u(packed);
  case_repo::CaseForCaller rows;
  case_repo::ListedCase& l = rows.listed;
  case_repo::StoredCase& c = l.c;
  for (std::string* s :
       {&c.id, &c.org_id, &c.person_id, &c.number, &c.status, &c.intake_channel, &c.situation,
        &c.risk_level, &c.summary, &c.safety_plan, &c.opened_at, &c.closed_at, &c.closure_reason,
        &c.closure_note, &c.reopen_reason, &c.last_contact_at, &c.created_by, &c.updated_at}) {
    *s = u.Text();
  }
  c.number_year = u.Int();
  c.number_seq = u.Int();
  c.restricted = u.Flag();
  l.person_erased = u.Flag();
  for (std::string* s : {&l.person_code, &l.legal_name, &l.alias, &l.safe_contact, &l.card}) {
    *s = u.Text();
  }
  if (u.Flag()) {
    people::person_repo::StoredPersonKey key;
    key.version = u.Int();
    key.wrapped = u.Text();
    key.org_key_version = u.Int();
    l.key = std::move(key);
  }
  if (u.Flag()) l.person_restricted = u.Flag();
  const int64_t workers = u.Int();
  for (int64_t i = 0; i < workers && i < 10000; ++i) {
    std::string user = u.Text();
    rows.workers.emplace_back(std::move(user), u.Text());
  }
  if (u.Flag()) rows.generation = u.Int();
  if (!u.ok()) return Fail(ErrorCode::kInternal, "error.internal", "a kept case is malformed");
  return rows;
}

Result<std::optional<case_repo::CaseForCaller>> FindConfirming(store::Tx& tx, const std::string& id,
                                                               const security::Actor& reader) {
  auto found = TRY(case_repo::FindForCaller(tx, id, reader.user_id, reader.unconfirmed_session));
  if (!found) {
    TRY(security::ConfirmSessionIn(tx, reader));
  } else {
    TRY(security::ConfirmSession(reader, found->session));
  }
  return found;
}

Result<std::optional<case_repo::CaseForCaller>> CaseCache::Read(store::Tx& tx,
                                                                const std::string& id,
                                                                const security::Actor& reader) {
  int64_t forgotten = 0;
  {
    std::lock_guard lock(mu_);
    forgotten = forgotten_;
  }
  std::optional<case_repo::CaseForCaller> found;
  int64_t kept_generation = 0;
  std::string person_id;
  if (auto kept = Find(id, reader.org_id, &kept_generation, &person_id)) {
    // Whether anything about her, or anything that reaches every case, changed since the rows
    // were read, alone in the snapshot's first statement: when nothing did, they are what the
    // database would give.
    if (TRY(StillCurrent(tx, reader.org_id, person_id, kept_generation, reader))) {
      case_repo::CaseForCaller out = TRY(Unpack(*kept));
      out.assigned = std::any_of(out.workers.begin(), out.workers.end(),
                                 [&](const auto& w) { return w.first == reader.user_id; });
      std::lock_guard lock(mu_);
      ++hits_;
      return std::optional<case_repo::CaseForCaller>(std::move(out));
    }
    // Changed since: read afresh (the session was confirmed by StillCurrent).
    found = TRY(case_repo::FindForCaller(tx, id, reader.user_id));
  } else {
    found = TRY(FindConfirming(tx, id, reader));
  }
  {
    std::lock_guard lock(mu_);
    ++misses_;
  }
  // Only what reader's organization's generation can vouch for is kept; another organization's
  // case is refused as unknown anyway.
  if (found && found->generation && found->listed.c.org_id == reader.org_id &&
      !found->listed.person_erased) {
    Keep(*found, forgotten);
  }
  return found;
}

std::shared_ptr<const std::string> CaseCache::Find(const std::string& id, const std::string& org_id,
                                                   int64_t* generation, std::string* person_id) {
  std::lock_guard lock(mu_);
  auto it = by_id_.find(id);
  if (it == by_id_.end() || it->second->org_id != org_id) return nullptr;
  entries_.splice(entries_.begin(), entries_, it->second);
  *generation = it->second->generation;
  *person_id = it->second->person_id;
  return it->second->packed;
}

void CaseCache::Keep(const case_repo::CaseForCaller& found, int64_t forgotten) {
  // Who reads it next is asked afresh; the session was only this read's (Pack leaves both out).
  auto packed = std::make_shared<const std::string>(Pack(found));
  Entry entry{.id = found.listed.c.id,
              .org_id = found.listed.c.org_id,
              .person_id = found.listed.c.person_id,
              .generation = *found.generation,
              .bytes = packed->capacity() + kEntryOverhead,
              .packed = std::move(packed)};
  std::lock_guard lock(mu_);
  // Read on a snapshot from before an erasure: perhaps her wrapped key, which must not come back.
  if (forgotten_ != forgotten || entry.bytes > max_bytes_) return;
  // Read on a snapshot older than the last sweep saw: a change about her the sweep has already
  // passed over may have come between, and no later sweep would look for it.
  if (auto swept = swept_.find(entry.org_id);
      swept != swept_.end() && entry.generation < swept->second) {
    return;
  }
  if (auto it = by_id_.find(entry.id); it != by_id_.end()) {
    // A transaction on an older snapshot does not replace what a newer one read.
    if (it->second->generation > entry.generation) return;
    Erase(it->second);
  }
  while (!entries_.empty() && bytes_ + entry.bytes > max_bytes_) Erase(std::prev(entries_.end()));
  bytes_ += entry.bytes;
  entries_.push_front(std::move(entry));
  by_id_[entries_.front().id] = entries_.begin();
}

void CaseCache::Erase(Entries::iterator it) {
  bytes_ -= it->bytes;
  by_id_.erase(it->id);
  entries_.erase(it);
}

void CaseCache::Forget() {
  std::lock_guard lock(mu_);
  entries_.clear();
  by_id_.clear();
  bytes_ = 0;
  ++forgotten_;
}

Result<int> CaseCache::Sweep(store::Database& db) {
  std::map<std::string, int64_t> since;
  {
    std::lock_guard lock(mu_);
    since = swept_;
  }
  const std::map<std::string, OrgChanges> changes = TRY(ChangesSince(db, since));
  std::lock_guard lock(mu_);
  int erased = 0;
  for (auto it = entries_.begin(); it != entries_.end();) {
    auto next = std::next(it);
    auto org = changes.find(it->org_id);
    bool outdated = org == changes.end() || it->generation < org->second.wide_at;
    if (!outdated && !org->second.known) {
      // Nothing is known of what changed before this organization's first sweep.
      outdated = it->generation < org->second.generation;
    } else if (!outdated) {
      auto her = org->second.changed.find(it->person_id);
      outdated = her != org->second.changed.end() && it->generation < her->second;
    }
    if (outdated) {
      Erase(it);
      ++erased;
    }
    it = next;
  }
  swept_.clear();
  for (const auto& [org, c] : changes) swept_[org] = c.generation;
  return erased;
}

CaseCache::Counts CaseCache::Count() const {
  std::lock_guard lock(mu_);
  return Counts{.entries = entries_.size(), .bytes = bytes_, .hits = hits_, .misses = misses_};
}

}  // namespace dandelion::cases
