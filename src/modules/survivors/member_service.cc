// SurvivorService: who the caller is, settings, groups and members (meetings and peer contacts
// are in meeting_service.cc, statements and her own page in statement_service.cc).
#include <algorithm>

#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/network/model.h"
#include "modules/service_support.h"
#include "modules/survivors/member_keys.h"
#include "modules/survivors/survivor_service.h"
#include "security/policy.h"

namespace dandelion::survivors {

namespace perm = security::perm;
using repo::StoredGroup;
using repo::StoredMember;

Error RoleRefused() { return Error{ErrorCode::kForbidden, "survivors.role_required"}; }

namespace {
Error FieldError(const std::string& field, const std::string& reason) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  e.fields[field] = reason;
  return e;
}
}  // namespace

SurvivorService::SurvivorService(store::Database& db, security::Keyring& keyring,
                                 const security::AuditLog& audit, security::AuditBatcher& reads,
                                 const Clock& clock)
    : db_(db), keyring_(keyring), audit_(audit), reads_(reads), clock_(clock) {}

Result<Caller> SurvivorService::CallerOf(store::Tx& tx, const security::Actor& actor) {
  if (TRY(repo::OrgKind(tx, actor.org_id)) != kNetworkKind) return Fail(NotFound());
  Caller c;
  c.org_admin = security::HasRole(actor.roles, "org_admin");
  if (auto m = TRY(repo::MemberOfUser(tx, actor.user_id)); m && m->org_id == actor.org_id) {
    c.member_id = m->id;
    c.group_id = m->group_id;
    c.roles = SplitNetworkRoles(m->roles);
  } else if (!c.org_admin) {
    return Fail(ErrorCode::kForbidden, "survivors.not_linked");
  }
  return c;
}

Result<void> SurvivorService::CheckNetwork(const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    if (TRY(repo::OrgKind(tx, actor.org_id)) != kNetworkKind) return Fail(NotFound());
    return Ok();
  });
}

Result<StoredGroup> SurvivorService::LoadGroup(store::Tx& tx, const security::Actor& actor,
                                               const std::string& id) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto g = TRY(repo::FindGroup(tx, id));
  if (!g || g->org_id != actor.org_id) return Fail(NotFound());
  return std::move(*g);
}

Result<StoredMember> SurvivorService::LoadMember(store::Tx& tx, const security::Actor& actor,
                                                 const std::string& id) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto m = TRY(repo::FindMember(tx, id));
  if (!m || m->org_id != actor.org_id || m->status != "active") return Fail(NotFound());
  return std::move(*m);
}

Result<int> SurvivorService::MinimumOf(store::Tx& tx, const std::string& org_id) {
  int n = TRY(repo::StatementMinimum(tx, org_id));
  return n > 0 ? n : kDefaultStatementMinimum;
}

Result<Group> SurvivorService::GroupView(store::Tx& tx, StoredGroup g) {
  Group out;
  for (const auto& m : TRY(repo::MembersOf(tx, g.org_id, g.id))) {
    ++out.member_count;
    auto roles = SplitNetworkRoles(m.roles);
    if (std::find(roles.begin(), roles.end(), "facilitator") != roles.end()) {
      out.facilitators.emplace_back(m.id, m.alias);
    }
  }
  out.stored = std::move(g);
  return out;
}

Result<Member> SurvivorService::MemberView(store::Tx& tx, StoredMember m, bool open) {
  Member out;
  if (auto g = TRY(repo::FindGroup(tx, m.group_id))) out.group_name = g->name;
  if (!m.vouched_by.empty()) {
    if (auto v = TRY(repo::FindMember(tx, m.vouched_by))) out.vouched_by_alias = v->alias;
  }
  if (open) {
    auto key = TRY(MemberKey::Load(tx, keyring_, m.org_id, m.id));
    out.legal_name = TRY(key.Open("legal_name", m.legal_name));
    out.contact = TRY(key.Open("contact", m.contact));
    out.safe_contact = TRY(key.Open("safe_contact", m.safe_contact));
    out.opened = true;
  }
  out.stored = std::move(m);
  return out;
}

// ---- Settings -----------------------------------------------------------------------------------

Result<int> SurvivorService::Minimum(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<int> {
    if (!IsCoordinator(TRY(CallerOf(tx, actor)))) return Fail(RoleRefused());
    return MinimumOf(tx, actor.org_id);
  });
}

Result<int> SurvivorService::SetMinimum(const security::Actor& actor, int minimum) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<int> {
    if (!IsCoordinator(TRY(CallerOf(tx, actor)))) return Fail(RoleRefused());
    TRY(repo::SetStatementMinimum(tx, actor.org_id, minimum, FormatRfc3339(clock_.Now())));
    TRY(audit_.Append(tx,
                      security::ActorEvent(actor, "survivor.settings.update", "survivor_settings",
                                           actor.org_id, {"statement_minimum"})));
    return minimum;
  });
}

// ---- Groups -------------------------------------------------------------------------------------

Result<std::vector<Group>> SurvivorService::Groups(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Group>> {
    TRY(CallerOf(tx, actor));
    std::vector<Group> out;
    for (auto& g : TRY(repo::GroupsOf(tx, actor.org_id))) out.push_back(TRY(GroupView(tx, g)));
    return out;
  });
}

Result<Group> SurvivorService::CreateGroup(const security::Actor& actor, const std::string& name,
                                           const std::string& region) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Group> {
    if (!IsCoordinator(TRY(CallerOf(tx, actor)))) return Fail(RoleRefused());
    if (Blank(name)) return Fail(FieldError("name", "field.required"));
    if (!network::IsRegion(region)) return Fail(FieldError("region", "field.unknown_value"));
    StoredGroup g{NewId(), actor.org_id, name, region, FormatRfc3339(clock_.Now())};
    TRY(repo::InsertGroup(tx, g));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.group.create", "survivor_group",
                                               g.id, {"name", "region"})));
    return GroupView(tx, g);
  });
}

Result<Group> SurvivorService::UpdateGroup(const security::Actor& actor, const std::string& id,
                                           std::optional<std::string> name,
                                           std::optional<std::string> region) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Group> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredGroup g = TRY(LoadGroup(tx, actor, id));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    if (name && Blank(*name)) return Fail(FieldError("name", "field.required"));
    if (region && !network::IsRegion(*region)) {
      return Fail(FieldError("region", "field.unknown_value"));
    }
    if (name) g.name = *name;
    if (region) g.region = *region;
    TRY(repo::UpdateGroup(tx, g));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.group.update", "survivor_group",
                                               g.id, {"name", "region"})));
    return GroupView(tx, g);
  });
}

// ---- Members ------------------------------------------------------------------------------------

Result<std::vector<Member>> SurvivorService::Members(const security::Actor& actor,
                                                     const std::string& group_id) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Member>> {
    Caller c = TRY(CallerOf(tx, actor));
    std::string group = group_id;
    if (!IsCoordinator(c)) {
      if (!HasNetworkRole(c, "facilitator")) return Fail(RoleRefused());
      if (!group.empty() && group != c.group_id) return Fail(NotFound());
      group = c.group_id;
    } else if (!group.empty()) {
      TRY(LoadGroup(tx, actor, group));
    }
    std::vector<Member> out;
    for (auto& m : TRY(repo::MembersOf(tx, actor.org_id, group))) {
      out.push_back(TRY(MemberView(tx, std::move(m), false)));
    }
    return out;
  });
}

Result<Member> SurvivorService::Admit(const security::Actor& actor, const MemberInput& in) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  if (Error e = ValidateMember(in.alias, in.roles); !e.fields.empty()) return Fail(e);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Member> {
    Caller c = TRY(CallerOf(tx, actor));
    if (!IsCoordinator(c) && !HasNetworkRole(c, "facilitator")) return Fail(RoleRefused());
    if (!LooksLikeId(in.group_id)) return Fail(FieldError("group_id", "field.unknown_value"));
    auto group = TRY(repo::FindGroup(tx, in.group_id));
    if (!group || group->org_id != actor.org_id) {
      return Fail(FieldError("group_id", "field.unknown_value"));
    }
    if (!RunsGroup(c, group->id)) return Fail(RoleRefused());
    std::string voucher = c.member_id;
    const bool founding = TRY(GroupView(tx, *group)).facilitators.empty();
    if (IsCoordinator(c) && founding && in.vouched_by.empty()) {
      voucher = "";  // a new group's first members: the coordinator admits them herself
    } else if (IsCoordinator(c) && !(HasNetworkRole(c, "facilitator") && c.group_id == group->id)) {
      auto v = LooksLikeId(in.vouched_by) ? TRY(repo::FindMember(tx, in.vouched_by))
                                          : std::optional<StoredMember>();
      auto roles = v ? SplitNetworkRoles(v->roles) : std::vector<std::string>();
      if (!v || v->org_id != actor.org_id || v->status != "active" || v->group_id != group->id ||
          std::find(roles.begin(), roles.end(), "facilitator") == roles.end()) {
        return Fail(FieldError("vouched_by", "survivors.voucher_not_facilitator"));
      }
      voucher = v->id;
    }
    if (TRY(repo::AliasTaken(tx, actor.org_id, in.alias, ""))) {
      return Fail(ErrorCode::kConflict, "survivors.alias_taken");
    }
    StoredMember m{.id = NewId(),
                   .org_id = actor.org_id,
                   .group_id = group->id,
                   .alias = in.alias,
                   .joined_on = in.joined_on.empty() ? KoreaDate(clock_.Now()) : in.joined_on,
                   .roles = JoinNetworkRoles(in.roles),
                   .vouched_by = voucher,
                   .status = "active",
                   .created_at = FormatRfc3339(clock_.Now())};
    TRY(repo::InsertMember(tx, m));
    auto key = TRY(MemberKey::Create(tx, keyring_, actor.org_id, m.id));
    m.legal_name = key.Seal("legal_name", in.legal_name);
    m.contact = key.Seal("contact", in.contact);
    m.safe_contact = key.Seal("safe_contact", in.safe_contact);
    TRY(repo::UpdateMember(tx, m));
    TRY(audit_.Append(
        tx, security::ActorEvent(
                actor, "survivor.member.admit", "survivor_member", m.id,
                {"group:" + m.group_id, "voucher:" + (voucher.empty() ? "founding" : voucher)})));
    return MemberView(tx, m, IsCoordinator(c));
  });
}

Result<security::Audited<Member>> SurvivorService::GetMember(const security::Actor& actor,
                                                             const std::string& id) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  auto member = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<Member> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredMember m = TRY(LoadMember(tx, actor, id));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    return MemberView(tx, m, true);
  }));
  auto e = security::ActorEvent(actor, "survivor.member.read", "survivor_member", member.stored.id,
                                {"legal_name", "contact", "safe_contact"});
  return security::Audited<Member>{std::move(member), security::PendingAudit(reads_, std::move(e))};
}

Result<Member> SurvivorService::UpdateMember(const security::Actor& actor, const std::string& id,
                                             const MemberPatch& p) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Member> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredMember m = TRY(LoadMember(tx, actor, id));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    std::vector<std::string> changed;
    if (p.alias) {
      if (Blank(*p.alias)) return Fail(FieldError("alias", "field.required"));
      if (TRY(repo::AliasTaken(tx, actor.org_id, *p.alias, m.id))) {
        return Fail(ErrorCode::kConflict, "survivors.alias_taken");
      }
      m.alias = *p.alias;
      changed.push_back("alias");
    }
    if (p.group_id) {
      auto g = LooksLikeId(*p.group_id) ? TRY(repo::FindGroup(tx, *p.group_id))
                                        : std::optional<StoredGroup>();
      if (!g || g->org_id != actor.org_id) {
        return Fail(FieldError("group_id", "field.unknown_value"));
      }
      m.group_id = g->id;
      changed.push_back("group_id");
    }
    if (p.roles) {
      if (Error e = ValidateMember("x", *p.roles); !e.fields.empty()) return Fail(e);
      m.roles = JoinNetworkRoles(*p.roles);
      changed.push_back("roles");
    }
    auto key = TRY(MemberKey::Load(tx, keyring_, m.org_id, m.id));
    if (p.legal_name) m.legal_name = key.Seal("legal_name", *p.legal_name);
    if (p.contact) m.contact = key.Seal("contact", *p.contact);
    if (p.safe_contact) m.safe_contact = key.Seal("safe_contact", *p.safe_contact);
    if (p.legal_name) changed.push_back("legal_name");
    if (p.contact) changed.push_back("contact");
    if (p.safe_contact) changed.push_back("safe_contact");
    TRY(repo::UpdateMember(tx, m));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.member.update", "survivor_member",
                                               m.id, changed)));
    return MemberView(tx, m, true);
  });
}

Result<Member> SurvivorService::LinkAccount(const security::Actor& actor, const std::string& id,
                                            const std::string& user_id) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Member> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredMember m = TRY(LoadMember(tx, actor, id));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    if (!user_id.empty()) {
      auto row = TRY(tx.QueryOne("SELECT org_id, roles FROM users WHERE id = ?", {user_id}));
      if (!row || row->Text(0) != actor.org_id ||
          !security::HasRole(security::SplitRoles(row->Text(1)), "survivor_member")) {
        return Fail(FieldError("user_id", "survivors.not_member_account"));
      }
      if (auto other = TRY(repo::MemberOfUser(tx, user_id)); other && other->id != m.id) {
        return Fail(ErrorCode::kConflict, "survivors.account_linked");
      }
    }
    m.user_id = user_id;
    TRY(repo::UpdateMember(tx, m));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.member.link", "survivor_member",
                                               m.id, {"user_id"})));
    return MemberView(tx, m, false);
  });
}

Result<void> SurvivorService::Erase(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  std::string erased;
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredMember m = TRY(LoadMember(tx, actor, id));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    const std::string account = TRY(repo::EraseMember(tx, m.id, clock_.Now()));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.member.erase", "survivor_member",
                                               m.id, {"key", "sealed_fields", "signatures"})));
    if (!account.empty()) {
      TRY(audit_.Append(tx, security::ActorEvent(actor, "user.disable", "user", account,
                                                 {"disabled_at", "sessions"})));
    }
    erased = m.id;
    return Ok();
  }));
  // Only once her erasure committed: the journal must never name a member still on record.
  if (erasure_recorder_) erasure_recorder_(erased);
  return Ok();
}

}  // namespace dandelion::survivors
