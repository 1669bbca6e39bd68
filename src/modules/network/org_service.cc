#include "modules/network/org_service.h"

#include "core/ids.h"
#include "modules/network/org_repo.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::network {

namespace {

bool IsSlug(const std::string& s) {
  if (s.size() < 2 || s.size() > 32) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return s.front() != '-' && s.back() != '-';
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Result<void> ValidateNewOrganization(const NewOrganization& in) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  if (!IsSlug(in.slug)) e.Field("slug", "network.slug_format");
  if (in.name.empty()) {
    e.Field("name", "field.required");
  } else if (CodePoints(in.name) > 100) {
    e.Field("name", "field.too_long");
  }
  if (!IsOrgKind(in.kind)) e.Field("kind", "field.unknown_value");
  if (!IsRegion(in.region)) e.Field("region", "field.unknown_value");
  if (!in.facility_type.empty() &&
      (in.kind != "support_facility" || !IsFacilityType(in.facility_type))) {
    e.Field("facility_type", "field.unknown_value");
  }
  if (!e.fields.empty()) return Fail(e);
  return Ok();
}

OrgService::OrgService(store::Database& db, security::Keyring& keyring,
                       const security::AuditLog& audit, const Clock& clock)
    : db_(db), keyring_(keyring), audit_(audit), clock_(clock) {}

Result<Organization> OrgService::Create(const security::Actor& actor,
                                        const NewOrganization& input) {
  if (!actor.is_console() && !security::Allows(security::perm::kOrgCreate, actor.roles)) {
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  }
  TRY(ValidateNewOrganization(input));
  Organization org{NewId(),
                   input.slug,
                   input.name,
                   input.kind,
                   input.facility_type,
                   input.region,
                   FormatRfc3339(clock_.Now())};
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    if (TRY(org_repo::FindBySlug(tx, org.slug))) {
      return Fail(
          Error{ErrorCode::kConflict, "network.slug_taken"}.Field("slug", "network.slug_taken"));
    }
    TRY(org_repo::Insert(tx, org));
    TRY(keyring_.CreateOrgKey(tx, org.id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "org.create", "organization", org.id,
                                               {"slug", "name", "kind", "region"}, org.id)));
    return Ok();
  }));
  return org;
}

Result<std::vector<Organization>> OrgService::List(const security::Actor& actor) {
  if (!actor.is_console() && actor.user_id.empty()) {
    return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  }
  return db_.ReadValue([](store::Tx& tx) { return org_repo::List(tx); });
}

Result<std::vector<Organization>> OrgService::PublicDirectory() {
  auto all = TRY(db_.ReadValue([](store::Tx& tx) { return org_repo::List(tx); }));
  std::vector<Organization> out;
  for (auto& o : all) {
    if (o.kind == "secretariat") continue;
    if (o.kind == "support_facility") {
      out.push_back({.id = "", .slug = "", .name = "", .kind = o.kind, .region = ""});
      continue;
    }
    out.push_back(std::move(o));
  }
  return out;
}

Result<Organization> OrgService::Get(const security::Actor& actor, const std::string& id_or_slug) {
  if (!actor.is_console() && actor.user_id.empty()) {
    return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  }
  std::optional<Organization> found = TRY(db_.ReadValue([&](store::Tx& tx) {
    return LooksLikeId(id_or_slug) ? org_repo::FindById(tx, id_or_slug)
                                   : org_repo::FindBySlug(tx, id_or_slug);
  }));
  if (!found) return Fail(NotFound());
  return std::move(*found);
}

}  // namespace dandelion::network
