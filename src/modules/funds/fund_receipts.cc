// Receipts of ledger entries (docs/api-funds.md, "Receipts"): a photo or PDF of what the money
// paid for, encrypted like her case files (a secretstream under its own random key, the key
// wrapped by her key, the file name sealed), so erasing her shreds them. The ledger is
// append-only, so a receipt is never deleted: a wrong one is withdrawn (hidden, kept, the reason
// sealed). Another organization's entry or receipt answers NotFound().
#include <optional>
#include <sstream>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/case_records/model.h"
#include "modules/funds/fund_service.h"
#include "modules/funds/fund_support.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/service_support.h"
#include "security/file_cipher.h"
#include "security/policy.h"

namespace dandelion::funds {
namespace {

namespace perm = security::perm;

constexpr std::string_view kReceipts = "fund_receipts";

using internal::Invalid;

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

ReceiptInfo InfoOf(const fund_repo::Receipt& r, std::string name) {
  return {.id = r.id,
          .entry_id = r.entry_id,
          .file_name = std::move(name),
          .size = r.size,
          .content_type = r.content_type,
          .uploaded_at = r.uploaded_at,
          .uploaded_by = r.uploaded_by,
          .withdrawn = !r.withdrawn_at.empty()};
}

// Whether the caller may handle her receipts: finance and org_admin handle every woman's money
// papers; case roles follow her restriction. Nothing when she may; the refused decision
// otherwise. Another organization's, an unknown or an erased woman answers NotFound().
Result<std::optional<access::PersonDecision>> RefusedReceipts(store::Tx& tx,
                                                              const security::Actor& actor,
                                                              const std::string& person_id,
                                                              TimePoint now) {
  auto row = TRY(people::person_repo::FindById(tx, person_id));
  if (!row || row->org_id != actor.org_id || !row->erased_at.empty()) return Fail(NotFound());
  if (security::HasRole(actor.roles, "finance") || security::HasRole(actor.roles, "org_admin")) {
    return std::nullopt;
  }
  auto reach = TRY(access::DecidePersonAccess(tx, actor, person_id, now));
  if (reach.allowed) return std::nullopt;
  return reach;
}

// The refused attempt at action on her receipts, as its audit entry names it.
security::AuditEvent RefusalEvent(const security::Actor& actor, const std::string& action,
                                  const std::string& person_id,
                                  const access::PersonDecision& refused) {
  auto e = security::ActorEvent(actor, action, "person", person_id);
  e.outcome = refused.Outcome();
  return e;
}

}  // namespace

bool ReceiptTypeMatches(std::string_view content_type, std::string_view bytes) {
  if (content_type == "image/jpeg") return StartsWith(bytes, "\xFF\xD8\xFF");
  if (content_type == "image/png") return StartsWith(bytes, "\x89PNG\r\n\x1A\n");
  if (content_type == "application/pdf") return StartsWith(bytes, "%PDF-");
  if (content_type == "image/webp") {
    return bytes.size() >= 12 && StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP";
  }
  if (content_type == "image/heic") return bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp";
  return false;
}

Result<void> FundService::ReachReceipts(store::Tx& tx, const security::Actor& actor,
                                        const std::string& person_id, const std::string& action) {
  auto refused = TRY(RefusedReceipts(tx, actor, person_id, clock_.Now()));
  if (!refused) return Ok();
  TRY(audit_.Append(tx, RefusalEvent(actor, action, person_id, *refused)));
  return Fail(RecordedRefusal(access::Refusal(*refused)));
}

Result<ReceiptInfo> FundService::AddReceipt(const security::Actor& actor,
                                            const std::string& entry_id,
                                            const std::string& file_name,
                                            const std::string& content_type,
                                            const std::string& bytes) {
  TRY(RequirePermission(actor, perm::kFundReceiptWrite));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<ReceiptInfo> {
    auto entry = LooksLikeId(entry_id) ? TRY(fund_repo::FindEntry(tx, actor.org_id, entry_id))
                                       : std::nullopt;
    if (!entry) return Fail(NotFound());
    const std::string action = "funds.receipt.create";  // the audit action
    TRY(ReachReceipts(tx, actor, entry->person_id, action));
    // The same name and size limits as her case files; the type is checked against the bytes.
    auto checked = case_records::ValidateFile("other", file_name, bytes.size());
    Error bad = checked ? Invalid() : checked.error();
    if (!ReceiptTypeMatches(content_type, bytes) && !bytes.empty()) {
      bad.Field("content_type", "funds.receipt_type");
    }
    if (!bad.fields.empty()) return Fail(bad);
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, entry->person_id));
    fund_repo::Receipt r{.id = NewId(),
                         .entry_id = entry->id,
                         .org_id = actor.org_id,
                         .person_id = entry->person_id,
                         .content_type = content_type,
                         .size = static_cast<int64_t>(bytes.size()),
                         .uploaded_by = actor.user_id,
                         .uploaded_at = now};
    r.name = cipher.SealRecord(kReceipts, "name", r.id, file_name);
    security::SecretKey file_key = security::SecretKey::Random();
    std::istringstream plain(bytes);
    std::ostringstream sealed;
    TRY(security::EncryptStream(file_key, plain, sealed));
    r.file_key = cipher.WrapFileKey(file_key, r.id);
    r.content = sealed.str();
    TRY(fund_repo::InsertReceipt(tx, r));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "funds.receipt.create", "fund_receipt", r.id,
                                               {"name", "content_type", "content"})));
    return InfoOf(r, file_name);
  });
}

Result<security::Audited<std::vector<ReceiptInfo>>> FundService::Receipts(
    const security::Actor& actor, const std::string& entry_id) {
  TRY(RequirePermission(actor, perm::kFundReceiptRead));
  const std::string action = "funds.receipt.list";  // the audit action
  const TimePoint now = clock_.Now();
  std::string person_id, entry_read;
  std::optional<access::PersonDecision> refused;
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<ReceiptInfo>> {
    auto entry = LooksLikeId(entry_id) ? TRY(fund_repo::FindEntry(tx, actor.org_id, entry_id))
                                       : std::nullopt;
    if (!entry) return Fail(NotFound());
    person_id = entry->person_id;
    entry_read = entry->id;
    std::vector<ReceiptInfo> out;
    refused = TRY(RefusedReceipts(tx, actor, entry->person_id, now));
    if (refused) return out;
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, entry->person_id));
    for (const auto& r : TRY(fund_repo::ReceiptsOf(tx, entry->id))) {
      out.push_back(InfoOf(r, TRY(cipher.OpenRecord(kReceipts, "name", r.id, r.name))));
    }
    return out;
  }));
  if (refused) {
    // The refused attempt is recorded before the refusal leaves.
    return Fail(
        reads_.Refuse(RefusalEvent(actor, action, person_id, *refused), access::Refusal(*refused)));
  }
  auto e = security::ActorEvent(actor, action, "fund_entry", entry_read, {"name"});
  return security::Audited<std::vector<ReceiptInfo>>{std::move(out),
                                                     security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<ReceiptFile>> FundService::DownloadReceipt(const security::Actor& actor,
                                                                    const std::string& id) {
  TRY(RequirePermission(actor, perm::kFundReceiptRead));
  const std::string action = "funds.receipt.read";  // the audit action
  const TimePoint now = clock_.Now();
  // Read without the database's writer: decrypting a receipt in a write transaction would hold
  // every change in the network back for as long.
  std::string person_id;
  std::optional<access::PersonDecision> refused;
  auto file = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<ReceiptFile> {
    auto r = LooksLikeId(id) ? TRY(fund_repo::FindReceipt(tx, actor.org_id, id)) : std::nullopt;
    if (!r) return Fail(NotFound());
    person_id = r->person_id;
    refused = TRY(RefusedReceipts(tx, actor, r->person_id, now));
    if (refused) return ReceiptFile{};
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, r->person_id));
    std::string name = TRY(cipher.OpenRecord(kReceipts, "name", r->id, r->name));
    security::SecretKey key = TRY(cipher.UnwrapFileKey(r->file_key, r->id));
    std::istringstream sealed(r->content);
    std::ostringstream plain;
    if (!security::DecryptStream(key, sealed, plain)) {
      return Fail(ErrorCode::kInternal, "error.internal", "receipt does not decrypt");
    }
    return ReceiptFile{.info = InfoOf(*r, std::move(name)), .bytes = std::move(plain).str()};
  }));
  if (refused) {
    // The refused attempt is recorded before the refusal leaves.
    return Fail(
        reads_.Refuse(RefusalEvent(actor, action, person_id, *refused), access::Refusal(*refused)));
  }
  auto e = security::ActorEvent(actor, action, "fund_receipt", file.info.id, {"name", "content"});
  return security::Audited<ReceiptFile>{std::move(file),
                                        security::PendingAudit(reads_, std::move(e))};
}

Result<ReceiptInfo> FundService::WithdrawReceipt(const security::Actor& actor,
                                                 const std::string& id, const std::string& reason) {
  TRY(RequirePermission(actor, perm::kFundReceiptWrite));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<ReceiptInfo> {
    auto r = LooksLikeId(id) ? TRY(fund_repo::FindReceipt(tx, actor.org_id, id)) : std::nullopt;
    if (!r) return Fail(NotFound());
    const std::string action = "funds.receipt.withdraw";  // the audit action
    TRY(ReachReceipts(tx, actor, r->person_id, action));
    if (Blank(reason)) return Fail(Invalid().Field("reason", "field.required"));
    if (!r->withdrawn_at.empty()) {
      return Fail(Error{ErrorCode::kConflict, "funds.receipt_withdrawn"});
    }
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, r->person_id));
    TRY(fund_repo::WithdrawReceipt(
        tx, r->id, actor.user_id, now,
        cipher.SealRecord(kReceipts, "withdrawal_reason", r->id, reason)));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "funds.receipt.withdraw", "fund_receipt",
                                               r->id, {"withdrawn_at", "withdrawal_reason"})));
    r->withdrawn_at = now;
    return InfoOf(*r, TRY(cipher.OpenRecord(kReceipts, "name", r->id, r->name)));
  });
}

}  // namespace dandelion::funds
