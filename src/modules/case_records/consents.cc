#include "modules/case_records/consents.h"

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/people/person_repo.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "consents";
constexpr const char* kColumns =
    "id, person_id, kind, scope_fields, scope_org_id, method, given_at, expires_at, revoked_at, "
    "recorded_by";

Consent FromRow(const store::Row& row, TimePoint now) {
  Consent c{.id = row.Text(0),
            .person_id = row.Text(1),
            .kind = row.Text(2),
            .scope_fields = people::SplitList(row.Text(3)),
            .scope_org_id = row.Text(4),
            .method = row.Text(5),
            .given_at = row.Text(6),
            .expires_at = row.Text(7),
            .revoked_at = row.Text(8),
            .recorded_by = row.Text(9)};
  c.state = ConsentState(c.expires_at, c.revoked_at, now);
  return c;
}

// Her open cases' timelines show the consent too (a case worker reads her story there).
Result<void> NoteOnTimelines(store::Tx& tx, const std::string& person_id, const std::string& org_id,
                             TimePoint at, const std::string& id, const std::string& label,
                             const std::string& actor_id) {
  auto rows = tx.Query(
      "SELECT id, number FROM cases WHERE person_id = ? AND org_id = ? AND status = 'open'",
      {person_id, org_id});
  if (!rows) return Fail(rows.error());
  for (const auto& row : *rows) {
    cases::CaseRef ref{.id = row.Text(0),
                       .org_id = org_id,
                       .person_id = person_id,
                       .number = row.Text(1),
                       .status = "open"};
    if (auto t = cases::AppendTimeline(tx, ref, at, "consent", id, label, actor_id); !t) return t;
  }
  return Ok();
}

}  // namespace

Result<void> Consents::OnPerson(const security::Actor& actor, std::string_view permission,
                                std::string_view action, std::string_view entity_type,
                                const std::string& entity_id, const FindPerson& find,
                                const PersonWork& work) {
  if (auto ok = RequirePermission(actor, permission); !ok) return ok;
  if (!LooksLikeId(entity_id)) return Fail(NotFound());
  std::optional<Error> refusal;
  auto r = deps_.db.Write([&](store::Tx& tx) -> Result<void> {
    auto person_id = find(tx);
    if (!person_id) return Fail(person_id.error());
    Result<std::optional<people::person_repo::StoredPerson>> found = std::nullopt;
    if (!person_id->empty()) found = people::person_repo::FindById(tx, *person_id);
    if (!found) return Fail(found.error());
    if (!*found || (*found)->org_id != actor.org_id || !(*found)->erased_at.empty()) {
      // Another organization's person, an unknown id and an erased person look alike here;
      // the attempt is recorded.
      auto e =
          security::ActorEvent(actor, std::string(action), std::string(entity_type), entity_id);
      e.outcome = "not_found";
      if (auto s = deps_.audit.Append(tx, e); !s) return Fail(s.error());
      refusal = NotFound();
      return Ok();
    }
    // Her consents are hers: a restricted woman's are closed as she is.
    auto reach = access::DecidePersonAccess(tx, actor, *person_id, deps_.clock.Now());
    if (!reach) return Fail(reach.error());
    if (!reach->allowed) {
      auto e =
          security::ActorEvent(actor, std::string(action), std::string(entity_type), entity_id);
      e.outcome = reach->Outcome();
      if (auto s = deps_.audit.Append(tx, e); !s) return Fail(s.error());
      refusal = access::Refusal(*reach);
      return Ok();
    }
    return work(tx, (*found)->org_id, reach->Outcome());
  });
  if (!r) return r;
  if (refusal) return Fail(*refusal);
  return Ok();
}

Result<Consent> Consents::Give(const security::Actor& actor, const std::string& person_id,
                               const ConsentFields& fields) {
  Consent out;
  auto r = OnPerson(
      actor, security::perm::kCaseWrite, "consent.create", "person", person_id,
      [&](store::Tx&) -> Result<std::string> { return person_id; },
      [&](store::Tx& tx, const std::string& org_id, const std::string& outcome) -> Result<void> {
        const TimePoint now = deps_.clock.Now();
        if (auto ok = ValidateConsent(fields, now); !ok) return ok;
        if (!fields.scope_org_id.empty()) {
          auto org =
              LooksLikeId(fields.scope_org_id)
                  ? tx.QueryOne("SELECT 1 FROM organizations WHERE id = ?", {fields.scope_org_id})
                  : Result<std::optional<store::Row>>(std::nullopt);
          if (!org) return Fail(org.error());
          if (!*org) {
            return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("scope.org_id",
                                                                          "field.unknown_value"));
          }
        }
        out = Consent{.id = NewId(),
                      .person_id = person_id,
                      .kind = fields.kind,
                      .scope_fields = fields.scope_fields,
                      .scope_org_id = fields.scope_org_id,
                      .method = fields.method,
                      .given_at = FormatRfc3339(now),
                      .expires_at = fields.expires_at ? FormatRfc3339(*fields.expires_at) : "",
                      .recorded_by = actor.user_id,
                      .state = "active"};
        auto s = tx.Exec(
            "INSERT INTO consents (id, person_id, org_id, kind, scope_fields, scope_org_id, "
            "method, given_at, expires_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {out.id, person_id, org_id, out.kind, people::JoinList(out.scope_fields),
             TextOrNull(out.scope_org_id), out.method, out.given_at, TextOrNull(out.expires_at),
             actor.user_id});
        if (!s) return Fail(s.error());
        if (auto t = NoteOnTimelines(tx, person_id, org_id, now, out.id, out.kind, actor.user_id);
            !t)
          return t;
        std::vector<std::string> names = {"kind", "method"};
        if (!fields.scope_fields.empty()) names.emplace_back("scope.fields");
        if (!fields.scope_org_id.empty()) names.emplace_back("scope.org_id");
        if (fields.expires_at) names.emplace_back("expires_at");
        auto e = security::ActorEvent(actor, "consent.create", "consent", out.id, names, org_id);
        e.outcome = outcome;
        if (auto a = deps_.audit.Append(tx, e); !a) return Fail(a.error());
        return Ok();
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<Consent>> Consents::List(const security::Actor& actor,
                                            const std::string& person_id) {
  std::vector<Consent> out;
  auto r = OnPerson(
      actor, security::perm::kCaseRead, "consent.list", "person", person_id,
      [&](store::Tx&) -> Result<std::string> { return person_id; },
      [&](store::Tx& tx, const std::string& org_id, const std::string& outcome) -> Result<void> {
        auto rows = tx.Query(std::string("SELECT ") + kColumns +
                                 " FROM consents WHERE person_id = ? "
                                 "ORDER BY given_at DESC, id DESC",
                             {person_id});
        if (!rows) return Fail(rows.error());
        const TimePoint now = deps_.clock.Now();
        for (const auto& row : *rows) out.push_back(FromRow(row, now));
        auto e = security::ActorEvent(actor, "consent.list", "person", person_id, {}, org_id);
        e.outcome = outcome;  // "break_glass" when under a grant
        if (auto a = deps_.audit.Append(tx, e); !a) return Fail(a.error());
        return Ok();
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<Consent> Consents::Revoke(const security::Actor& actor, const std::string& id,
                                 const std::string& reason) {
  std::string person_id;  // whose consent it is, found inside the door's transaction
  auto find = [&](store::Tx& tx) -> Result<std::string> {
    auto row = tx.QueryOne("SELECT person_id FROM consents WHERE id = ?", {id});
    if (!row) return Fail(row.error());
    if (*row) person_id = (*row)->Text(0);
    return person_id;
  };
  Consent out;
  auto r = OnPerson(
      actor, security::perm::kCaseWrite, "consent.revoke", "consent", id, find,
      [&](store::Tx& tx, const std::string& org_id, const std::string& outcome) -> Result<void> {
        auto row = tx.QueryOne(
            std::string("SELECT ") + kColumns + " FROM consents WHERE id = ? AND person_id = ?",
            {id, person_id});
        if (!row) return Fail(row.error());
        if (!*row) return Fail(NotFound());
        const TimePoint now = deps_.clock.Now();
        Consent c = FromRow(**row, now);
        if (c.state == "revoked") {
          return Fail(ErrorCode::kConflict, "case_records.consent_already_revoked");
        }
        auto cipher = people::PersonCipher::Load(tx, deps_.keyring, org_id, person_id);
        if (!cipher) return Fail(cipher.error());
        c.revoked_at = FormatRfc3339(now);
        c.state = "revoked";
        auto s = tx.Exec(
            "UPDATE consents SET revoked_at = ?, revoke_reason = ?, revoked_by = ? WHERE id = ?",
            {c.revoked_at, BlobOrNull(cipher->SealRecord(kTable, "revoke_reason", id, reason)),
             actor.user_id, id});
        if (!s) return Fail(s.error());
        if (auto t = NoteOnTimelines(tx, person_id, org_id, now, id, "revoked", actor.user_id); !t)
          return t;
        std::vector<std::string> names = {"revoked_at"};
        if (!reason.empty()) names.emplace_back("revoke_reason");
        auto e = security::ActorEvent(actor, "consent.revoke", "consent", id, names, org_id);
        e.outcome = outcome;
        if (auto a = deps_.audit.Append(tx, e); !a) return Fail(a.error());
        out = std::move(c);
        return Ok();
      });
  if (!r) return Fail(r.error());
  return out;
}

}  // namespace dandelion::case_records
