#include "modules/case_records/record_door.h"

#include "core/ids.h"
#include "modules/people/person_repo.h"

namespace dandelion::case_records {

Result<void> OnCase(const Deps& deps, const security::Actor& actor, std::string_view permission,
                    const std::string& case_id, std::string_view action, const CaseWork& work) {
  TRY(RequirePermission(actor, permission));
  if (!LooksLikeId(case_id)) return Fail(NotFound());
  return deps.db.Write([&](store::Tx& tx) -> Result<void> {
    cases::CaseRef ref =
        TRY(cases::LoadCase(tx, deps.audit, actor, case_id, action, deps.clock.Now()));
    return work(tx, ref);
  });
}

Result<void> OnRecord(const Deps& deps, const security::Actor& actor, std::string_view permission,
                      std::string_view table, std::string_view entity_type, const std::string& id,
                      std::string_view action, const CaseWork& work) {
  TRY(RequirePermission(actor, permission));
  if (!LooksLikeId(id)) return Fail(NotFound());
  return deps.db.Write([&](store::Tx& tx) -> Result<void> {
    auto row = TRY(
        tx.QueryOne("SELECT case_id, org_id FROM " + std::string(table) + " WHERE id = ?", {id}));
    if (!row || row->Text(1) != actor.org_id) {
      // Probing ids of records leaves a trace, as probing case ids does.
      auto e = security::ActorEvent(actor, std::string(action), std::string(entity_type), id);
      e.outcome = "not_found";
      TRY(deps.audit.Append(tx, e));
      return Fail(RecordedRefusal(NotFound()));
    }
    cases::CaseRef ref =
        TRY(cases::LoadCase(tx, deps.audit, actor, row->Text(0), action, deps.clock.Now()));
    return work(tx, ref);
  });
}

Result<void> AuditRecord(const Deps& deps, store::Tx& tx, const security::Actor& actor,
                         const cases::CaseRef& ref, std::string action, std::string entity_type,
                         std::string entity_id, std::vector<std::string> fields) {
  auto e = security::ActorEvent(actor, std::move(action), std::move(entity_type),
                                std::move(entity_id), std::move(fields), ref.org_id);
  // Work done under a break-glass grant says so, as a case read under one does.
  if (ref.access == cases::Access::kBreakGlass) e.outcome = "break_glass";
  if (auto s = deps.audit.Append(tx, e); !s) return Fail(s.error());
  return Ok();
}

Result<std::string> DisplayName(store::Tx& tx, const std::string& user_id) {
  auto row = tx.QueryOne("SELECT display_name FROM users WHERE id = ?", {user_id});
  if (!row) return Fail(row.error());
  return *row ? (*row)->Text(0) : std::string();
}

Result<PersonBrief> BriefOf(store::Tx& tx, const people::PersonCipher& cipher,
                            const std::string& person_id) {
  auto stored = people::person_repo::FindById(tx, person_id);
  if (!stored) return Fail(stored.error());
  if (!*stored) return Fail(ErrorCode::kNotFound, "people.erased", "person row is gone");
  PersonBrief out{.id = person_id, .code = (*stored)->code};
  auto alias = cipher.Open("alias", (*stored)->alias);
  if (!alias) return Fail(alias.error());
  auto safe = cipher.Open("safe_contact", (*stored)->safe_contact);
  if (!safe) return Fail(safe.error());
  out.alias = std::move(*alias);
  out.safe_contact = std::move(*safe);
  return out;
}

}  // namespace dandelion::case_records
