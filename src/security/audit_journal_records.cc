#include "security/audit_journal_records.h"

#include <sodium.h>

#include "security/encoding.h"
#include "security/policy.h"

namespace dandelion::security {
namespace {

constexpr std::string_view kRecordMagic = "AJR1";
constexpr size_t kHashBytes = 16;
// No group comes near this (at most AuditBatcher::kMaxBatch entries of ids and names): a larger
// length is damage, not a record.
constexpr uint32_t kMaxPayload = 64u << 20;

std::string RecordHash(std::string_view identity, std::string_view lengths,
                       std::string_view payload) {
  static_assert(kJournalIdentityChars >= crypto_generichash_KEYBYTES_MIN &&
                kJournalIdentityChars <= crypto_generichash_KEYBYTES_MAX);
  std::string hash(kHashBytes, '\0');
  crypto_generichash_state state;
  crypto_generichash_init(&state, Bytes(identity), identity.size(), kHashBytes);
  crypto_generichash_update(&state, Bytes(lengths), lengths.size());
  crypto_generichash_update(&state, Bytes(payload), payload.size());
  crypto_generichash_final(&state, MutableBytes(hash), kHashBytes);
  return hash;
}

// Reads one length-prefixed text at *at, moving past it.
bool ReadText(std::string_view in, size_t* at, std::string* out) {
  auto size = ReadU32(in, *at);
  if (!size || in.size() - *at - 4 < *size) return false;
  out->assign(in.substr(*at + 4, *size));
  *at += 4 + *size;
  return true;
}

bool ReadU64(std::string_view in, size_t* at, uint64_t* out) {
  auto high = ReadU32(in, *at);
  auto low = ReadU32(in, *at + 4);
  if (!high || !low) return false;
  *out = (uint64_t{*high} << 32) | *low;
  *at += 8;
  return true;
}

}  // namespace

std::string JournalHeader(std::string_view identity) {
  return std::string(kJournalMagic) + std::string(identity);
}

std::string JournalIdentity(std::string_view header) {
  if (header.size() != kJournalHeaderSize || !header.starts_with(kJournalMagic)) return "";
  return std::string(header.substr(kJournalMagic.size()));
}

void AppendJournalRecord(std::string& out, std::string_view identity,
                         std::span<const FiledAuditEvent> events) {
  std::string payload;
  for (const auto& [e, at_ms] : events) {
    AppendU64(payload, static_cast<uint64_t>(at_ms));
    for (std::string_view text :
         {std::string_view(e.actor_user_id), std::string_view(e.actor_org_id),
          std::string_view(e.org_id), std::string_view(e.action), std::string_view(e.entity_type),
          std::string_view(e.entity_id), std::string_view(e.outcome),
          std::string_view(e.request_id), std::string_view(e.remote)}) {
      AppendLengthPrefixed(payload, text);
    }
    AppendLengthPrefixed(payload, JoinRoles(e.fields));
  }
  std::string lengths;
  AppendU32(lengths, static_cast<uint32_t>(payload.size()));
  AppendU32(lengths, static_cast<uint32_t>(events.size()));
  out.append(kRecordMagic);
  out.append(lengths);
  out.append(RecordHash(identity, lengths, payload));
  out.append(payload);
}

size_t JournalRecordSize(std::string_view header) {
  if (header.size() < kRecordHeaderSize || !header.starts_with(kRecordMagic)) return 0;
  const uint32_t payload = *ReadU32(header, 4);
  if (payload > kMaxPayload) return 0;
  return kRecordHeaderSize + payload;
}

bool ParseJournalRecord(std::string_view record, std::string_view identity,
                        std::vector<FiledAuditEvent>& out) {
  const size_t size = JournalRecordSize(record);
  if (size == 0 || record.size() != size) return false;
  const std::string_view lengths = record.substr(4, 8);
  const std::string_view payload = record.substr(kRecordHeaderSize);
  const std::string hash = RecordHash(identity, lengths, payload);
  if (sodium_memcmp(hash.data(), record.data() + 12, kHashBytes) != 0) return false;
  const uint32_t count = *ReadU32(record, 8);
  std::vector<FiledAuditEvent> parsed;
  parsed.reserve(std::min<size_t>(count, payload.size() / 48));  // 48: an entry's least bytes
  size_t at = 0;
  for (uint32_t i = 0; i < count; ++i) {
    FiledAuditEvent f;
    AuditEvent& e = f.event;
    uint64_t at_ms = 0;
    std::string fields;
    if (!ReadU64(payload, &at, &at_ms)) return false;
    for (std::string* text :
         {&e.actor_user_id, &e.actor_org_id, &e.org_id, &e.action, &e.entity_type, &e.entity_id,
          &e.outcome, &e.request_id, &e.remote, &fields}) {
      if (!ReadText(payload, &at, text)) return false;
    }
    f.at_ms = static_cast<int64_t>(at_ms);
    e.fields = SplitRoles(fields);
    parsed.push_back(std::move(f));
  }
  if (at != payload.size()) return false;
  for (auto& f : parsed) out.push_back(std::move(f));
  return true;
}

}  // namespace dandelion::security
