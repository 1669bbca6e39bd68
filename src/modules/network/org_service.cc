#include "modules/network/org_service.h"

#include "core/ids.h"
#include "modules/network/org_repo.h"
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
  if (auto ok = ValidateNewOrganization(input); !ok) return Fail(ok.error());
  Organization org{NewId(),
                   input.slug,
                   input.name,
                   input.kind,
                   input.facility_type,
                   input.region,
                   FormatRfc3339(clock_.Now())};
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto existing = org_repo::FindBySlug(tx, org.slug);
    if (!existing) return Fail(existing.error());
    if (*existing) {
      Error e{ErrorCode::kConflict, "network.slug_taken"};
      e.Field("slug", "network.slug_taken");
      return Fail(e);
    }
    if (auto s = org_repo::Insert(tx, org); !s) return s;
    if (auto s = keyring_.CreateOrgKey(tx, org.id); !s) return s;
    security::AuditEvent entry = security::ActorEvent(actor, "org.create", "organization", org.id,
                                                      {"slug", "name", "kind", "region"}, org.id);
    if (auto s = audit_.Append(tx, entry); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return org;
}

Result<std::vector<Organization>> OrgService::List(const security::Actor& actor) {
  if (!actor.is_console() && actor.user_id.empty()) {
    return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  }
  std::vector<Organization> out;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto list = org_repo::List(tx);
    if (!list) return Fail(list.error());
    out = std::move(*list);
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<Organization> OrgService::Get(const security::Actor& actor, const std::string& id_or_slug) {
  if (!actor.is_console() && actor.user_id.empty()) {
    return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  }
  std::optional<Organization> found;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto o = LooksLikeId(id_or_slug) ? org_repo::FindById(tx, id_or_slug)
                                     : org_repo::FindBySlug(tx, id_or_slug);
    if (!o) return Fail(o.error());
    found = *o;
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (!found) return Fail(ErrorCode::kNotFound, "error.not_found");
  return *found;
}

}  // namespace dandelion::network
