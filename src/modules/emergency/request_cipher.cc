#include "modules/emergency/request_cipher.h"

#include <array>

#include "security/field_cipher.h"

namespace dandelion::emergency {
namespace {

using request_repo::StoredHelpRequest;

constexpr std::string_view kSealed[] = {
    "situation",    "location",       "contact",        "safe_contact",         "dispatch_note",
    "resolve_note", "police_station", "police_officer", "police_report_number", "police_outcome"};

// The request's clear members, in kSealed order.
std::array<std::string*, 10> ClearMembers(HelpRequest& r) {
  return {&r.situation,      &r.location,       &r.contact,
          &r.safe_contact,   &r.dispatch_note,  &r.resolve_note,
          &r.police.station, &r.police.officer, &r.police.report_number,
          &r.police.outcome};
}

// The row's sealed columns, in kSealed order.
std::array<std::string*, 10> SealedMembers(StoredHelpRequest& r) {
  return {&r.situation,      &r.location,       &r.contact,
          &r.safe_contact,   &r.dispatch_note,  &r.resolve_note,
          &r.police_station, &r.police_officer, &r.police_report_number,
          &r.police_outcome};
}

}  // namespace

std::span<const std::string_view> SealedColumns() { return kSealed; }

Result<StoredHelpRequest> SealRequest(store::Tx& tx, security::Keyring& keyring,
                                      const HelpRequest& clear) {
  auto key = TRY(keyring.CurrentOrgKey(tx, clear.assigned_org_id));
  StoredHelpRequest out;
  static_cast<RequestState&>(out) = clear;
  out.police_notified_at = clear.police.notified_at;
  HelpRequest plain = clear;
  auto from = ClearMembers(plain);
  auto to = SealedMembers(out);
  for (size_t i = 0; i < to.size(); ++i) {
    if (from[i]->empty()) continue;
    *to[i] = security::EncryptField(
        *key.key, key.version, {out.assigned_org_id, kRequestsTable, kSealed[i], out.id}, *from[i]);
  }
  return out;
}

Result<HelpRequest> OpenRequest(store::Tx& tx, security::Keyring& keyring,
                                const StoredHelpRequest& row) {
  HelpRequest out;
  static_cast<RequestState&>(out) = row;
  out.police.notified_at = row.police_notified_at;
  StoredHelpRequest sealed = row;
  auto from = SealedMembers(sealed);
  auto to = ClearMembers(out);
  for (size_t i = 0; i < to.size(); ++i) {
    const std::string& blob = *from[i];
    if (blob.empty()) continue;
    auto version = TRY(security::FieldKeyVersion(blob));
    auto key = TRY(keyring.OrgKeyVersion(tx, out.assigned_org_id, version));
    auto plain = security::DecryptField(
        *key.key, {out.assigned_org_id, kRequestsTable, kSealed[i], out.id}, blob);
    if (!plain) {
      return Fail(ErrorCode::kInternal, "error.internal", "help request field does not decrypt");
    }
    *to[i] = std::move(*plain);
  }
  return out;
}

}  // namespace dandelion::emergency
