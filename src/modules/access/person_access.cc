#include "modules/access/person_access.h"

#include "security/policy.h"

namespace dandelion::access {

std::string_view PersonAccessName(PersonAccess access) {
  switch (access) {
    case PersonAccess::kAssigned:
      return "assigned";
    case PersonAccess::kSupervisor:
      return "supervisor";
    case PersonAccess::kBreakGlass:
      return "break_glass";
    case PersonAccess::kOrganization:
      return "organization";
  }
  return "organization";
}

std::string PersonDecision::Outcome() const {
  if (!allowed) return "break_glass_required";
  return access == PersonAccess::kBreakGlass ? "break_glass" : "ok";
}

Result<PersonDecision> DecidePersonAccess(store::Tx& tx, const security::Actor& actor,
                                          std::string_view person_id, TimePoint now,
                                          std::optional<bool> has_restricted_case) {
  const std::string person(person_id);
  PersonDecision out;
  if (has_restricted_case == false) return out;  // open to her organization's case roles
  store::Rows restricted =
      TRY(tx.Query("SELECT id FROM cases WHERE person_id = ? AND org_id = ? AND restricted <> 0 "
                   "ORDER BY opened_at DESC, id DESC",
                   {person, actor.org_id}));
  if (restricted.empty()) return out;
  out.restricted = true;
  for (const auto& row : restricted) out.restricted_cases.push_back(row.Text(0));

  if (security::HasRole(actor.roles, "supervisor")) {
    out.access = PersonAccess::kSupervisor;
    return out;
  }
  // Assigned to any of her cases: assignment is a supervisor's act (or the opener's, and opening
  // a case for her needs this same decision), and a worker of her unrestricted case already
  // works with her. Her restricted cases' own records stay behind cases::DecideAccess.
  auto assigned =
      TRY(tx.QueryOne("SELECT 1 FROM case_workers w JOIN cases c ON c.id = w.case_id "
                      "WHERE c.person_id = ? AND c.org_id = ? AND w.user_id = ? LIMIT 1",
                      {person, actor.org_id, actor.user_id}));
  if (assigned) {
    out.access = PersonAccess::kAssigned;
    return out;
  }
  auto glass = TRY(
      tx.QueryOne("SELECT 1 FROM break_glass g JOIN cases c ON c.id = g.case_id "
                  "WHERE c.person_id = ? AND c.org_id = ? AND c.restricted <> 0 AND g.user_id = ? "
                  "AND g.expires_at > ? LIMIT 1",
                  {person, actor.org_id, actor.user_id, FormatRfc3339(now)}));
  if (glass) {
    out.access = PersonAccess::kBreakGlass;
    return out;
  }
  out.allowed = false;
  return out;
}

Error BreakGlassRequired(std::string message_key, std::vector<std::string> cases) {
  Error e{ErrorCode::kBreakGlassRequired, std::move(message_key)};
  e.refs.emplace(std::string(kBreakGlassCases), std::move(cases));
  return e;
}

Error Refusal(const PersonDecision& decision) {
  return BreakGlassRequired("people.break_glass_required", decision.restricted_cases);
}

}  // namespace dandelion::access
