// SurvivorService: collective statements and their signatures, a member's own page, and the
// published statements the public site shows (a count, never a name).
#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/service_support.h"
#include "modules/survivors/member_keys.h"
#include "modules/survivors/survivor_service.h"
#include "security/policy.h"

namespace dandelion::survivors {

namespace perm = security::perm;
using repo::StoredStatement;

namespace {

Error FieldError(const std::string& field, const std::string& reason) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  e.fields[field] = reason;
  return e;
}

}  // namespace

Result<StoredStatement> SurvivorService::LoadStatement(store::Tx& tx, const security::Actor& actor,
                                                       const std::string& id) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto s = TRY(repo::FindStatement(tx, id));
  if (!s || s->org_id != actor.org_id) return Fail(NotFound());
  return std::move(*s);
}

Result<Statement> SurvivorService::StatementView(store::Tx& tx, const Caller& c,
                                                 StoredStatement s) {
  Statement out;
  out.signatures = TRY(repo::SignatureCount(tx, s.id));
  out.minimum = TRY(MinimumOf(tx, s.org_id));
  if (!c.member_id.empty()) out.signed_by_caller = TRY(repo::HasSigned(tx, s.id, c.member_id));
  out.stored = std::move(s);
  return out;
}

Result<std::vector<Statement>> SurvivorService::Statements(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Statement>> {
    Caller c = TRY(CallerOf(tx, actor));
    std::vector<Statement> out;
    for (auto& s : TRY(repo::StatementsOf(tx, actor.org_id))) {
      if (s.status == "draft" && !IsCoordinator(c)) continue;
      out.push_back(TRY(StatementView(tx, c, std::move(s))));
    }
    return out;
  });
}

Result<Statement> SurvivorService::Draft(const security::Actor& actor, const StatementPatch& in) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Statement> {
    Caller c = TRY(CallerOf(tx, actor));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    if (Blank(in.title_ko.value_or(""))) return Fail(FieldError("title_ko", "field.required"));
    if (Blank(in.body_ko.value_or(""))) return Fail(FieldError("body_ko", "field.required"));
    StoredStatement s{.id = NewId(),
                      .org_id = actor.org_id,
                      .title_ko = *in.title_ko,
                      .title_en = in.title_en.value_or(""),
                      .body_ko = *in.body_ko,
                      .body_en = in.body_en.value_or(""),
                      .status = "draft",
                      .created_at = FormatRfc3339(clock_.Now()),
                      .created_by = actor.user_id};
    TRY(repo::InsertStatement(tx, s));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.statement.create",
                                               "survivor_statement", s.id, {"title", "body"})));
    return StatementView(tx, c, s);
  });
}

Result<Statement> SurvivorService::Redraft(const security::Actor& actor, const std::string& id,
                                           const StatementPatch& p) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Statement> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredStatement s = TRY(LoadStatement(tx, actor, id));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    if (s.status != "draft") return Fail(ErrorCode::kConflict, "survivors.not_draft");
    if (p.title_ko && Blank(*p.title_ko)) return Fail(FieldError("title_ko", "field.required"));
    if (p.body_ko && Blank(*p.body_ko)) return Fail(FieldError("body_ko", "field.required"));
    s.title_ko = p.title_ko.value_or(s.title_ko);
    s.title_en = p.title_en.value_or(s.title_en);
    s.body_ko = p.body_ko.value_or(s.body_ko);
    s.body_en = p.body_en.value_or(s.body_en);
    TRY(repo::UpdateStatement(tx, s));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.statement.update",
                                               "survivor_statement", s.id, {"title", "body"})));
    return StatementView(tx, c, s);
  });
}

Result<Statement> SurvivorService::Move(const security::Actor& actor, const std::string& id,
                                        const std::string& to) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Statement> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredStatement s = TRY(LoadStatement(tx, actor, id));
    if (!IsCoordinator(c)) return Fail(RoleRefused());
    if (!CanMove(s.status, to)) return Fail(ErrorCode::kConflict, "survivors.bad_status");
    if (to == "published") {
      int count = TRY(repo::SignatureCount(tx, s.id));
      if (!MeetsMinimum(count, TRY(MinimumOf(tx, s.org_id)))) {
        return Fail(ErrorCode::kConflict, "survivors.below_minimum");
      }
      s.published_at = FormatRfc3339(clock_.Now());
    }
    s.status = to;
    TRY(repo::UpdateStatement(tx, s));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.statement." + to,
                                               "survivor_statement", s.id, {"status"})));
    return StatementView(tx, c, s);
  });
}

Result<Statement> SurvivorService::SetSignature(const security::Actor& actor, const std::string& id,
                                                bool sign) {
  TRY(RequirePermission(actor, perm::kSurvivorSelf));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Statement> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredStatement s = TRY(LoadStatement(tx, actor, id));
    if (c.member_id.empty()) return Fail(ErrorCode::kForbidden, "survivors.not_linked");
    if (s.status == "draft") return Fail(NotFound());
    if (sign && !SignableStatus(s.status)) {
      return Fail(ErrorCode::kConflict, "survivors.not_signable");
    }
    bool had = TRY(repo::HasSigned(tx, s.id, c.member_id));
    if (sign && !had) TRY(repo::Sign(tx, s.id, c.member_id, FormatRfc3339(clock_.Now())));
    if (!sign && had) TRY(repo::Unsign(tx, s.id, c.member_id));
    if (sign != had) {
      TRY(audit_.Append(
          tx, security::ActorEvent(actor,
                                   sign ? "survivor.statement.sign" : "survivor.statement.withdraw",
                                   "survivor_statement", s.id, {})));
    }
    return StatementView(tx, c, s);
  });
}

// ---- Her own page -------------------------------------------------------------------------------

Result<security::Audited<MePage>> SurvivorService::Me(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kSurvivorSelf));
  auto page = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<MePage> {
    Caller c = TRY(CallerOf(tx, actor));
    if (c.member_id.empty()) return Fail(ErrorCode::kForbidden, "survivors.not_linked");
    MePage page;
    auto m = TRY(LoadMember(tx, actor, c.member_id));
    page.member = TRY(MemberView(tx, m, true));
    page.group = TRY(repo::FindGroup(tx, m.group_id));
    const std::string now = FormatRfc3339(clock_.Now());
    for (auto& meeting : TRY(repo::MeetingsOf(tx, m.group_id, now, 10))) {
      page.meetings.push_back(TRY(MeetingView(tx, c, std::move(meeting))));
    }
    auto g = TRY(tx.QueryOne(
        "SELECT id, title_ko, title_en, starts_at, venue FROM events WHERE org_id = ? AND "
        "kind = 'gathering' AND ends_at >= ? ORDER BY starts_at, id LIMIT 1",
        {actor.org_id, now}));
    if (g)
      page.gathering =
          MePage::Gathering{g->Text(0), g->Text(1), g->Text(2), g->Text(3), g->Text(4)};
    for (auto& s : TRY(repo::StatementsOf(tx, actor.org_id))) {
      if (SignableStatus(s.status)) page.statements.push_back(TRY(StatementView(tx, c, s)));
    }
    return page;
  }));
  auto e = security::ActorEvent(actor, "survivor.self.read", "survivor_member",
                                page.member.stored.id, {"contact", "safe_contact"});
  return security::Audited<MePage>{std::move(page), security::PendingAudit(reads_, std::move(e))};
}

Result<std::pair<std::string, std::string>> SurvivorService::SetMyContact(
    const security::Actor& actor, std::optional<std::string> contact,
    std::optional<std::string> safe) {
  TRY(RequirePermission(actor, perm::kSurvivorSelf));
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::pair<std::string, std::string>> {
    Caller c = TRY(CallerOf(tx, actor));
    if (c.member_id.empty()) return Fail(ErrorCode::kForbidden, "survivors.not_linked");
    auto m = TRY(LoadMember(tx, actor, c.member_id));
    auto key = TRY(MemberKey::Load(tx, keyring_, m.org_id, m.id));
    if (contact) m.contact = key.Seal("contact", *contact);
    if (safe) m.safe_contact = key.Seal("safe_contact", *safe);
    TRY(repo::UpdateMember(tx, m));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.self.contact", "survivor_member",
                                               m.id, {"contact", "safe_contact"})));
    return std::pair(TRY(key.Open("contact", m.contact)),
                     TRY(key.Open("safe_contact", m.safe_contact)));
  });
}

// ---- The public site ----------------------------------------------------------------------------

namespace {
PublicStatement ToPublic(const StoredStatement& s, int count) {
  return {s.id, s.title_ko, s.title_en, s.body_ko, s.body_en, s.published_at, count};
}
}  // namespace

Result<std::vector<PublicStatement>> SurvivorService::PublicStatements() {
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<PublicStatement>> {
    std::vector<PublicStatement> out;
    for (const auto& s : TRY(repo::PublishedStatements(tx))) {
      int count = TRY(repo::SignatureCount(tx, s.id));
      if (OnSite(s.status, count, TRY(MinimumOf(tx, s.org_id)))) {
        out.push_back(ToPublic(s, count));
      }
    }
    return out;
  });
}

Result<std::optional<PublicStatement>> SurvivorService::PublicStatementById(const std::string& id) {
  if (!LooksLikeId(id)) return std::optional<PublicStatement>();
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::optional<PublicStatement>> {
    auto s = TRY(repo::FindStatement(tx, id));
    if (!s) return std::optional<PublicStatement>();
    int count = TRY(repo::SignatureCount(tx, s->id));
    if (!OnSite(s->status, count, TRY(MinimumOf(tx, s->org_id)))) {
      return std::optional<PublicStatement>();
    }
    return std::optional(ToPublic(*s, count));
  });
}

}  // namespace dandelion::survivors
