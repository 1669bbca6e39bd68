// ShelterService: extensions of a stay, asked for by staff and decided by a supervisor, never
// past the legal maximum the stay was given at admission.
#include "core/ids.h"
#include "modules/people/person_cipher.h"
#include "modules/service_support.h"
#include "modules/shelters/shelter_internal.h"
#include "modules/shelters/shelter_service.h"
#include "security/policy.h"

namespace dandelion::shelters {
namespace {

using namespace internal;
namespace perm = security::perm;

constexpr std::string_view kExtensions = "shelter_extensions";

constexpr const char* kColumns =
    "SELECT e.id, e.stay_id, p.code, e.until_on, e.reason, e.status, e.requested_at, "
    "s.max_end_on, s.person_id FROM shelter_extensions e "
    "JOIN shelter_stays s ON s.id = e.stay_id JOIN people p ON p.id = s.person_id ";

struct Row {
  Extension e;
  std::string sealed_reason;
  std::string person_id;
};

Row ToRow(const store::Row& r) {
  return {.e = {.id = r.Text(0),
                .stay_id = r.Text(1),
                .person_code = r.Text(2),
                .until_on = r.Text(3),
                .status = r.Text(5),
                .requested_at = r.Text(6),
                .max_end_on = r.Text(7)},
          .sealed_reason = r.BlobBytes(4),
          .person_id = r.Text(8)};
}

// The reason opened under her key ("" once she is erased).
Result<Extension> Opened(store::Tx& tx, security::Keyring& keyring, const std::string& org_id,
                         Row row) {
  auto cipher = people::PersonCipher::Load(tx, keyring, org_id, row.person_id);
  if (cipher) {
    row.e.reason = TRY(cipher->OpenRecord(kExtensions, "reason", row.e.id, row.sealed_reason));
  }
  return std::move(row.e);
}

}  // namespace

Result<Extension> ShelterService::RequestExtension(const security::Actor& actor,
                                                   const std::string& stay_id,
                                                   const std::string& until_on,
                                                   const std::string& reason) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  auto until = ParseDay(until_on);
  if (!until) bad.Field("until_on", until_on.empty() ? "field.required" : "field.invalid_date");
  if (Blank(reason)) bad.Field("reason", "field.required");
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Extension> {
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, stay_id));
    if (!stay) return Fail(NotFound());
    if (!stay->exited_on.empty()) return Fail(Conflict("shelter.stay_ended"));
    if (*until <= *ParseDay(stay->planned_end_on)) {
      return Fail(Invalid().Field("until_on", "shelter.not_an_extension"));
    }
    // The law's maximum is the stay's own: the limit in force when she was admitted.
    if (*until > *ParseDay(stay->max_end_on)) {
      return Fail(Invalid().Field("until_on", "shelter.past_legal_max"));
    }
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, stay->person_id));
    Extension e{.id = NewId(),
                .stay_id = stay->id,
                .person_code = stay->person_code,
                .until_on = FormatDay(*until),
                .reason = reason,
                .status = "pending",
                .requested_at = now,
                .max_end_on = stay->max_end_on};
    TRY(tx.Exec(
        "INSERT INTO shelter_extensions (id, org_id, stay_id, until_on, reason, status, "
        "requested_by, requested_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
        {e.id, actor.org_id, e.stay_id, e.until_on,
         store::Blob{cipher.SealRecord(kExtensions, "reason", e.id, reason)}, actor.user_id, now}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.extension.request",
                                               "shelter_extension", e.id, {"until_on", "reason"})));
    return e;
  });
}

Result<security::Audited<std::vector<Extension>>> ShelterService::PendingExtensions(
    const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kCaseSupervise));
  auto items = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Extension>> {
    std::vector<Extension> out;
    for (const auto& r :
         TRY(tx.Query(std::string(kColumns) +
                          "WHERE e.org_id = ? AND e.status = 'pending' ORDER BY e.requested_at",
                      {actor.org_id}))) {
      out.push_back(TRY(Opened(tx, keyring_, actor.org_id, ToRow(r))));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "shelter.extension.list", "organization", actor.org_id,
                                {"reason"});
  return security::Audited<std::vector<Extension>>{std::move(items),
                                                   security::PendingAudit(reads_, std::move(e))};
}

Result<Extension> ShelterService::DecideExtension(const security::Actor& actor,
                                                  const std::string& id, bool approve) {
  TRY(RequirePermission(actor, perm::kCaseSupervise));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Extension> {
    auto row = TRY(
        tx.QueryOne(std::string(kColumns) + "WHERE e.id = ? AND e.org_id = ?", {id, actor.org_id}));
    if (!row) return Fail(NotFound());
    Row r = ToRow(*row);
    if (r.e.status != "pending") return Fail(Conflict("shelter.extension_decided"));
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, r.e.stay_id));
    if (!stay || !stay->exited_on.empty()) return Fail(Conflict("shelter.stay_ended"));
    r.e.status = approve ? "approved" : "refused";
    TRY(tx.Exec(
        "UPDATE shelter_extensions SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        {r.e.status, actor.user_id, now, id}));
    if (approve) {
      TRY(tx.Exec("UPDATE shelter_stays SET planned_end_on = ? WHERE id = ?",
                  {r.e.until_on, r.e.stay_id}));
    }
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.extension.decide",
                                               "shelter_extension", id, {"status"})));
    return Opened(tx, keyring_, actor.org_id, std::move(r));
  });
}

}  // namespace dandelion::shelters
