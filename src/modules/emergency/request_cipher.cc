#include "modules/emergency/request_cipher.h"

#include <array>

#include "security/field_cipher.h"

namespace dandelion::emergency {
namespace {

constexpr std::string_view kSealed[] = {
    "situation",    "location",       "contact",        "safe_contact",         "dispatch_note",
    "resolve_note", "police_station", "police_officer", "police_report_number", "police_outcome"};

// The request's sealed members, in kSealed order.
std::array<std::string*, 10> Members(HelpRequest& r) {
  return {&r.situation,      &r.location,       &r.contact,
          &r.safe_contact,   &r.dispatch_note,  &r.resolve_note,
          &r.police.station, &r.police.officer, &r.police.report_number,
          &r.police.outcome};
}

}  // namespace

std::span<const std::string_view> SealedColumns() { return kSealed; }

Result<HelpRequest> SealRequest(store::Tx& tx, security::Keyring& keyring,
                                const HelpRequest& clear) {
  auto key = keyring.CurrentOrgKey(tx, clear.assigned_org_id);
  if (!key) return Fail(key.error());
  HelpRequest out = clear;
  auto members = Members(out);
  for (size_t i = 0; i < members.size(); ++i) {
    std::string& value = *members[i];
    if (value.empty()) continue;
    value = security::EncryptField(
        *key->key, key->version, {out.assigned_org_id, kRequestsTable, kSealed[i], out.id}, value);
  }
  return out;
}

Result<HelpRequest> OpenRequest(store::Tx& tx, security::Keyring& keyring,
                                const HelpRequest& sealed) {
  HelpRequest out = sealed;
  auto members = Members(out);
  for (size_t i = 0; i < members.size(); ++i) {
    std::string& blob = *members[i];
    if (blob.empty()) continue;
    auto version = security::FieldKeyVersion(blob);
    if (!version) return Fail(version.error());
    auto key = keyring.OrgKeyVersion(tx, out.assigned_org_id, *version);
    if (!key) return Fail(key.error());
    auto plain = security::DecryptField(
        *key->key, {out.assigned_org_id, kRequestsTable, kSealed[i], out.id}, blob);
    if (!plain) {
      return Fail(ErrorCode::kInternal, "error.internal", "help request field does not decrypt");
    }
    blob = std::move(*plain);
  }
  return out;
}

}  // namespace dandelion::emergency
