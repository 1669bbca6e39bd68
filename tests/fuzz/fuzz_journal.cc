// libFuzzer target: the audit journal's records (security/audit_journal_records.h), the bytes the
// server reads back from a file a crash or a power loss may have cut short or mangled.
//
// The first byte picks what the rest is:
//   even: a record as found on disk -> JournalRecordSize() and ParseJournalRecord(); random bytes
//         almost never pass the keyed hash, which is the point: nothing that fails it is read;
//   odd:  the payload of a record whose header and hash are made right here (the next four bytes
//         its entry count), so that the entries' parsing itself meets every shape of bytes.
// Besides crashes and sanitizer reports it checks what the journal relies on, aborting when one
// breaks: a refused record leaves the output as it was; entries parsed from a record come back
// the same when written again and read again.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "security/audit_journal_records.h"

namespace {

using namespace dandelion::security;  // NOLINT: fuzz target brevity

constexpr std::string_view kIdentity = "0123456789abcdef0123456789abcdef";

void Check(bool ok) {
  if (!ok) std::abort();
}

void PutU32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

// The record's own layout, written out independently of the code under test: "AJR1", the
// lengths, BLAKE2b-128 keyed with the identity over the lengths and the payload, the payload.
std::string RecordAround(std::string_view payload, uint32_t count) {
  std::string lengths;
  PutU32(lengths, static_cast<uint32_t>(payload.size()));
  PutU32(lengths, count);
  unsigned char hash[16];
  crypto_generichash_state state;
  crypto_generichash_init(&state, reinterpret_cast<const unsigned char*>(kIdentity.data()),
                          kIdentity.size(), sizeof hash);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(lengths.data()),
                            lengths.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(payload.data()),
                            payload.size());
  crypto_generichash_final(&state, hash, sizeof hash);
  return "AJR1" + lengths + std::string(reinterpret_cast<const char*>(hash), sizeof hash) +
         std::string(payload);
}

bool Same(const FiledAuditEvent& a, const FiledAuditEvent& b) {
  const AuditEvent& x = a.event;
  const AuditEvent& y = b.event;
  return a.at_ms == b.at_ms && x.actor_user_id == y.actor_user_id &&
         x.actor_org_id == y.actor_org_id && x.org_id == y.org_id && x.action == y.action &&
         x.entity_type == y.entity_type && x.entity_id == y.entity_id && x.outcome == y.outcome &&
         x.fields == y.fields && x.request_id == y.request_id && x.remote == y.remote;
}

void ParseAndCheck(std::string_view record) {
  const size_t size = JournalRecordSize(record);
  Check(size == 0 || size >= kRecordHeaderSize);
  std::vector<FiledAuditEvent> out(1);  // an entry already there must stay as it is
  out[0].event.action = "before";
  if (!ParseJournalRecord(record, kIdentity, out)) {
    Check(out.size() == 1 && out[0].event.action == "before");
    return;
  }
  Check(size == record.size());
  // Written again and read again: the same entries (fields come back without empty names, so
  // compare after one round, as the chain would hold them).
  std::vector<FiledAuditEvent> parsed(out.begin() + 1, out.end());
  std::string again;
  AppendJournalRecord(again, kIdentity, parsed);
  std::vector<FiledAuditEvent> reread;
  Check(ParseJournalRecord(again, kIdentity, reread));
  Check(reread.size() == parsed.size());
  for (size_t i = 0; i < parsed.size(); ++i) Check(Same(reread[i], parsed[i]));
  // Another journal's key never reads it.
  std::vector<FiledAuditEvent> other;
  Check(!ParseJournalRecord(again, "fedcba9876543210fedcba9876543210", other) && other.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const bool ready = sodium_init() >= 0;
  Check(ready);
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    (void)JournalIdentity(rest);
    ParseAndCheck(rest);
    return 0;
  }
  if (rest.size() < 4) return 0;
  const uint32_t count = (uint32_t{static_cast<uint8_t>(rest[0])} << 24) |
                         (uint32_t{static_cast<uint8_t>(rest[1])} << 16) |
                         (uint32_t{static_cast<uint8_t>(rest[2])} << 8) |
                         uint32_t{static_cast<uint8_t>(rest[3])};
  ParseAndCheck(RecordAround(rest.substr(4), count));
  return 0;
}
