#include "security/audit_log.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "core/ids.h"
#include "security/policy.h"

namespace dandelion::security {
namespace {

// A checkpoint is signed automatically every this many entries, besides on demand.
constexpr int64_t kCheckpointEvery = 1000;
constexpr int kVerifyBatch = 2000;

constexpr const char* kColumns =
    "seq, at_ms, actor_user_id, actor_org_id, org_id, action, entity_type, entity_id, outcome, "
    "request_id, remote, fields, hash";

int64_t UnixMillis(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

ChainedAuditEntry ToChained(const store::Row& r) {
  ChainedAuditEntry c;
  AuditEntry& e = c.entry;
  e.seq = r.Int(0);
  e.at_ms = r.Int(1);
  e.actor_user_id = r.Text(2);
  e.actor_org_id = r.Text(3);
  e.org_id = r.Text(4);
  e.action = r.Text(5);
  e.entity_type = r.Text(6);
  e.entity_id = r.Text(7);
  e.outcome = r.Text(8);
  e.request_id = r.Text(9);
  e.remote = r.Text(10);
  e.fields = SplitRoles(r.Text(11));  // the same comma-separated form as roles
  c.hash = r.BlobBytes(12);
  return c;
}

// What a retired-key endorsement signs.
std::string EndorsementMessage(const std::string& public_key_hex, int64_t last_seq) {
  return "dandelion audit retired key v1\n" + public_key_hex + "\n" + std::to_string(last_seq);
}

std::optional<std::string> FromHex(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &len, nullptr) != 0 ||
      len * 2 != hex.size()) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

bool SignatureValid(const std::string& public_key, const std::string& message,
                    const std::string& signature) {
  return public_key.size() == crypto_sign_PUBLICKEYBYTES && signature.size() == crypto_sign_BYTES &&
         crypto_sign_verify_detached(
             reinterpret_cast<const unsigned char*>(signature.data()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(),
             reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

Failure Broken(const std::string& detail) {
  return Fail(ErrorCode::kConflict, "security.audit_broken", detail);
}

}  // namespace

AuditEvent ActorEvent(const Actor& actor, std::string action, std::string entity_type,
                      std::string entity_id, std::vector<std::string> fields, std::string org_id) {
  AuditEvent e;
  e.actor_user_id = actor.user_id;
  e.actor_org_id = actor.org_id;
  e.org_id = org_id.empty() ? actor.org_id : std::move(org_id);
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.entity_id = std::move(entity_id);
  e.fields = std::move(fields);
  e.request_id = actor.request_id;
  e.remote = actor.remote;
  return e;
}

AuditLog::AuditLog(const SecretKey& master_key, const Clock& clock)
    : signing_key_(AuditSigningKey::FromMasterKey(master_key)), clock_(clock) {}

std::string AuditLog::PublicKeyHex() const { return ToHex(signing_key_.public_key()); }

int64_t AuditLog::NowMillis() const { return UnixMillis(clock_.Now()); }

Result<int64_t> AuditLog::Append(store::Tx& tx, const AuditEvent& event) const {
  const FiledAuditEvent one{event, NowMillis()};
  return AppendFiled(tx, std::span(&one, 1));
}

Result<int64_t> AuditLog::AppendFiled(store::Tx& tx,
                                      std::span<const FiledAuditEvent> events) const {
  if (events.empty()) return int64_t{0};
  // Bumping the head first takes its row lock (PostgreSQL) before the previous hash is read, so
  // two transactions appending at once are serialized instead of both chaining from one hash;
  // RETURNING reads it in the same statement.
  auto head =
      TRY(tx.QueryOne("UPDATE audit_head SET seq = seq + ? WHERE id = 1 RETURNING seq, hash",
                      {static_cast<int64_t>(events.size())}));
  if (!head) return Fail(ErrorCode::kInternal, "error.internal", "audit_head row is missing");
  const int64_t first = head->Int(0) - static_cast<int64_t>(events.size()) + 1;
  std::string prev = head->BlobBytes(1);
  // The rows go to the database together (Tx::ExecMany: on PostgreSQL one round trip, not one
  // per entry), each time the head must name the last of them.
  static const std::string insert = std::string("INSERT INTO audit_log (") + kColumns +
                                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  std::vector<store::Params> rows;
  rows.reserve(std::min(events.size(), static_cast<size_t>(kCheckpointEvery)));
  for (size_t i = 0; i < events.size(); ++i) {
    const AuditEvent& event = events[i].event;
    AuditEntry e;
    e.seq = first + static_cast<int64_t>(i);
    if (e.seq == 1) prev = GenesisHash();
    e.at_ms = events[i].at_ms;
    e.actor_user_id = event.actor_user_id;
    e.actor_org_id = event.actor_org_id;
    e.org_id = event.org_id;
    e.action = event.action;
    e.entity_type = event.entity_type;
    e.entity_id = event.entity_id;
    e.outcome = event.outcome;
    e.request_id = event.request_id;
    e.remote = event.remote;
    e.fields = event.fields;
    auto hash = TRY(ChainHash(prev, e));
    rows.push_back({e.seq, e.at_ms, std::move(e.actor_user_id), std::move(e.actor_org_id),
                    std::move(e.org_id), std::move(e.action), std::move(e.entity_type),
                    std::move(e.entity_id), std::move(e.outcome), std::move(e.request_id),
                    std::move(e.remote), JoinRoles(e.fields), store::Blob{hash}});
    prev = std::move(hash);
    // A checkpoint signs the head, so the head must name this row first.
    if (e.seq % kCheckpointEvery == 0 || i + 1 == events.size()) {
      TRY(tx.ExecMany(insert, rows));
      rows.clear();
      if (auto u = tx.Exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1",
                           {e.seq, store::Blob{prev}});
          !u) {
        return Fail(u.error());
      }
    }
    if (e.seq % kCheckpointEvery == 0) {
      TRY(Checkpoint(tx));
    }
  }
  return head->Int(0);
}

Result<std::vector<AuditRecord>> AuditLog::Query(store::Tx& tx, const AuditQuery& q) const {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
  store::Params params;
  auto where = [&](const char* column, const std::string& value) {
    if (value.empty()) return;
    sql += std::string(" AND ") + column + " = ?";
    params.emplace_back(value);
  };
  where("org_id", q.org_id);
  where("entity_type", q.entity_type);
  where("entity_id", q.entity_id);
  where("actor_user_id", q.actor_user_id);
  where("action", q.action);
  if (q.before_seq > 0) {
    sql += " AND seq < ?";
    params.emplace_back(q.before_seq);
  }
  const size_t limit = static_cast<size_t>(std::clamp(q.limit, 1, 500));
  std::vector<AuditRecord> out;
  if (q.entity_type.empty() || q.entity_id.empty()) {
    sql += " ORDER BY seq DESC LIMIT ?";
    params.emplace_back(static_cast<int64_t>(limit));
    for (const auto& r : TRY(tx.Query(sql, params))) out.push_back(ToChained(r).entry);
    return out;
  }
  // One entity's entries, epoch by epoch from the newest (migrations 0026, 0030): in each epoch's
  // part of the index they are in seq order, so each epoch's arm reads at most what the page
  // still needs. Sixteen arms a statement: one statement per epoch was a round trip each on
  // PostgreSQL, thousands for a log of years.
  int64_t newest = q.before_seq - 1;
  if (q.before_seq <= 0) {
    auto head = TRY(tx.QueryOne("SELECT MAX(seq) FROM audit_log"));
    newest = head && !head->IsNull(0) ? head->Int(0) : 0;
  }
  const std::string arm = "SELECT * FROM (" + sql + " AND (seq >> " +
                          std::to_string(kEntityEpochBits) + ") = ? ORDER BY seq DESC LIMIT ?) e";
  for (int64_t epoch = newest >> kEntityEpochBits; epoch >= 0 && out.size() < limit;
       epoch -= kEpochsPerStatement) {
    const auto needed = static_cast<int64_t>(limit - out.size());
    std::string arms;
    store::Params in_epochs;
    for (int64_t e = epoch; e >= 0 && e > epoch - kEpochsPerStatement; --e) {
      arms += (arms.empty() ? "" : " UNION ALL ") + arm + std::to_string(epoch - e);
      in_epochs.insert(in_epochs.end(), params.begin(), params.end());
      in_epochs.emplace_back(e);
      in_epochs.emplace_back(needed);
    }
    in_epochs.emplace_back(needed);
    for (const auto& r : TRY(tx.Query(
             "SELECT * FROM (" + arms + ") epochs ORDER BY seq DESC LIMIT ?", in_epochs))) {
      out.push_back(ToChained(r).entry);
    }
  }
  return out;
}

Result<void> AuditLog::Verify(store::Tx& tx) const {
  std::string prev = GenesisHash();
  int64_t last_seq = 0;
  for (;;) {
    auto rows = TRY(tx.Query(
        std::string("SELECT ") + kColumns + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
        {last_seq, int64_t{kVerifyBatch}}));
    if (rows.empty()) break;
    std::vector<ChainedAuditEntry> batch;
    for (const auto& r : rows) batch.push_back(ToChained(r));
    // The batch must continue the sequence: a gap means rows were deleted.
    if (batch.front().entry.seq != last_seq + 1) {
      return Broken("audit row " + std::to_string(last_seq + 1) + " is missing");
    }
    if (auto bad = FirstBrokenEntry(prev, batch)) {
      const auto& e = batch[*bad].entry;
      int64_t expected = *bad == 0 ? last_seq + 1 : batch[*bad - 1].entry.seq + 1;
      if (e.seq != expected) {
        return Broken("audit row " + std::to_string(expected) + " is missing");
      }
      return Broken("audit row " + std::to_string(e.seq) +
                    " does not match the hash chain (changed, or an earlier row was)");
    }
    prev = batch.back().hash;
    last_seq = batch.back().entry.seq;
  }
  auto head = TRY(tx.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head && head->Int(0) != last_seq) {
    return Broken("audit row " + std::to_string(last_seq + 1) + " is missing (the log ends at " +
                  std::to_string(last_seq) + ", its head says " + std::to_string(head->Int(0)) +
                  ")");
  }
  auto checkpoints =
      TRY(tx.Query("SELECT seq, head_hash, at_ms, signature FROM audit_checkpoints "
                   "ORDER BY seq"));
  auto retired = TRY(RetiredKeys(tx));
  for (const auto& c : checkpoints) {
    AuditCheckpoint cp{c.Int(0), c.BlobBytes(1), c.Int(2), signing_key_.public_key(),
                       c.BlobBytes(3)};
    bool signed_ok = VerifyCheckpoint(signing_key_.public_key(), cp).has_value();
    for (const auto& k : retired) {
      if (signed_ok) break;
      signed_ok = cp.seq <= k.last_seq && VerifyCheckpoint(k.public_key, cp).has_value();
    }
    if (!signed_ok) {
      return Broken("checkpoint at audit row " + std::to_string(cp.seq) + " has a bad signature");
    }
    auto row = TRY(tx.QueryOne("SELECT hash FROM audit_log WHERE seq = ?", {cp.seq}));
    if (!row || row->BlobBytes(0) != cp.head_hash) {
      return Broken("audit row " + std::to_string(cp.seq) +
                    " differs from its signed checkpoint (the chain was rewritten)");
    }
  }
  return Ok();
}

Result<std::string> AuditLog::Checkpoint(store::Tx& tx) const {
  auto head = TRY(tx.QueryOne("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (!head || head->Int(0) == 0) {
    return Fail(ErrorCode::kConflict, "security.audit_empty", "the audit log is empty");
  }
  int64_t seq = head->Int(0);
  auto existing = TRY(tx.QueryOne(
      "SELECT seq, head_hash, at_ms, signature FROM audit_checkpoints WHERE seq = ?", {seq}));
  if (existing) {
    const store::Row& c = *existing;
    return CheckpointText(
        {c.Int(0), c.BlobBytes(1), c.Int(2), signing_key_.public_key(), c.BlobBytes(3)});
  }
  AuditCheckpoint cp =
      SignCheckpoint(signing_key_, seq, head->BlobBytes(1), UnixMillis(clock_.Now()));
  TRY(tx.Exec(
      "INSERT INTO audit_checkpoints (seq, head_hash, at_ms, signature) VALUES (?, ?, ?, ?)",
      {cp.seq, store::Blob{cp.head_hash}, cp.at_ms, store::Blob{cp.signature}}));
  return CheckpointText(cp);
}

Result<void> AuditLog::CompareKept(store::Tx& tx, const AuditCheckpoint& kept) const {
  bool signed_ok = VerifyCheckpoint(signing_key_.public_key(), kept).has_value();
  if (!signed_ok) {
    for (const auto& k : TRY(RetiredKeys(tx))) {
      signed_ok =
          signed_ok || (kept.seq <= k.last_seq && VerifyCheckpoint(k.public_key, kept).has_value());
    }
  }
  if (!signed_ok) {
    return Broken("the checkpoint kept outside the database (audit row " +
                  std::to_string(kept.seq) + ") is not signed by this data dir's key");
  }
  auto head = TRY(tx.QueryOne("SELECT seq FROM audit_head WHERE id = 1"));
  const int64_t last = head ? head->Int(0) : 0;
  if (last < kept.seq) {
    return Broken("the audit log has lost entries: it ends at row " + std::to_string(last) +
                  ", but the checkpoint kept outside the database was signed at row " +
                  std::to_string(kept.seq) +
                  " (the database was replaced by an older or empty one)");
  }
  auto row = TRY(tx.QueryOne("SELECT hash FROM audit_log WHERE seq = ?", {kept.seq}));
  if (!row || row->BlobBytes(0) != kept.head_hash) {
    return Broken("audit row " + std::to_string(kept.seq) +
                  " differs from the checkpoint kept outside the database (the log was "
                  "rewritten or replaced)");
  }
  return Ok();
}

Result<std::string> AuditLog::ExportCheckpoints(store::Tx& tx) const {
  auto rows =
      TRY(tx.Query("SELECT seq, head_hash, at_ms, signature FROM audit_checkpoints "
                   "ORDER BY seq"));
  std::string out;
  for (const auto& c : rows) {
    out += CheckpointText(
        {c.Int(0), c.BlobBytes(1), c.Int(2), signing_key_.public_key(), c.BlobBytes(3)});
    out += "\n";
  }
  return out;
}

Result<std::vector<AuditLog::RetiredKey>> AuditLog::RetiredKeys(store::Tx& tx) const {
  auto row = TRY(tx.QueryOne("SELECT value FROM kv_settings WHERE key = 'audit_retired_keys'"));
  std::vector<RetiredKey> out;
  if (!row) return out;
  std::istringstream lines(row->Text(0));
  std::string key_hex, signature_hex;
  int64_t last_seq = 0;
  while (lines >> key_hex >> last_seq >> signature_hex) {
    auto key = FromHex(key_hex);
    auto signature = FromHex(signature_hex);
    if (!key || !signature ||
        !SignatureValid(signing_key_.public_key(), EndorsementMessage(key_hex, last_seq),
                        *signature)) {
      return Broken("the retired audit signing key " + key_hex +
                    " is not endorsed by the current key");
    }
    out.push_back({*key, last_seq});
  }
  return out;
}

Result<std::vector<AuditLog::RetiredSigningKey>> AuditLog::RetiredSigningKeys(store::Tx& tx) const {
  std::vector<RetiredSigningKey> out;
  for (const auto& k : TRY(RetiredKeys(tx))) {
    auto row = TRY(tx.QueryOne("SELECT at_ms FROM audit_log WHERE seq = ?", {k.last_seq}));
    if (!row) return Broken("audit row " + std::to_string(k.last_seq) + " is missing");
    out.push_back({k.public_key, TimePoint(std::chrono::milliseconds(row->Int(0)))});
  }
  return out;
}

Result<void> AuditLog::AdoptRetiredKeys(store::Tx& tx, const AuditLog& previous) const {
  auto earlier = TRY(previous.RetiredKeys(tx));
  auto head = TRY(tx.QueryOne("SELECT seq FROM audit_head WHERE id = 1"));
  earlier.push_back({previous.signing_key_.public_key(), head ? head->Int(0) : 0});
  std::string text;
  for (const auto& k : earlier) {
    std::string key_hex = ToHex(k.public_key);
    text += key_hex + " " + std::to_string(k.last_seq) + " " +
            ToHex(signing_key_.Sign(EndorsementMessage(key_hex, k.last_seq))) + "\n";
  }
  TRY(
      tx.Exec("INSERT INTO kv_settings (key, value) VALUES ('audit_retired_keys', ?) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              {text}));
  return Ok();
}

}  // namespace dandelion::security
