#include "modules/case_records/legal.h"

#include "core/ids.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "legal_matters";
constexpr std::string_view kHearings = "hearings";

// The matters (all of case_id's, or the one with id) with their hearings, decrypted.
Result<std::vector<LegalMatter>> Load(store::Tx& tx, const people::PersonCipher& cipher,
                                      const std::string& case_id, const std::string& id = "") {
  std::string sql =
      "SELECT id, kind, authority, case_number, status, outcome, created_at, updated_at "
      "FROM legal_matters WHERE case_id = ?";
  store::Params params = {case_id};
  if (!id.empty()) {
    sql += " AND id = ?";
    params.emplace_back(id);
  }
  auto rows = tx.Query(sql + " ORDER BY created_at, id", params);
  if (!rows) return Fail(rows.error());
  std::vector<LegalMatter> out;
  for (const auto& row : *rows) {
    LegalMatter m{.id = row.Text(0), .case_id = case_id, .kind = row.Text(1)};
    auto authority = cipher.OpenRecord(kTable, "authority", m.id, row.BlobBytes(2));
    if (!authority) return Fail(authority.error());
    auto number = cipher.OpenRecord(kTable, "case_number", m.id, row.BlobBytes(3));
    if (!number) return Fail(number.error());
    m.authority = std::move(*authority);
    m.case_number = std::move(*number);
    m.status = row.Text(4);
    m.outcome = row.Text(5);
    m.created_at = row.Text(6);
    m.updated_at = row.Text(7);
    auto hearings = tx.Query(
        "SELECT id, at, court, kind, notes FROM hearings WHERE legal_matter_id = ? "
        "ORDER BY at, id",
        {m.id});
    if (!hearings) return Fail(hearings.error());
    for (const auto& h : *hearings) {
      Hearing hearing{.id = h.Text(0), .at = h.Text(1)};
      auto court = cipher.OpenRecord(kHearings, "court", hearing.id, h.BlobBytes(2));
      if (!court) return Fail(court.error());
      auto notes = cipher.OpenRecord(kHearings, "notes", hearing.id, h.BlobBytes(4));
      if (!notes) return Fail(notes.error());
      hearing.court = std::move(*court);
      hearing.kind = h.Text(3);
      hearing.notes = std::move(*notes);
      m.hearings.push_back(std::move(hearing));
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Result<LegalMatter> LegalMatters::Create(const security::Actor& actor, const std::string& case_id,
                                         const LegalFields& fields) {
  LegalMatter out;
  auto r =
      OnCase(deps_, actor, security::perm::kCaseWrite, case_id, "legal_matter.create",
             [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
               if (auto ok = ValidateLegal(fields, true); !ok) return ok;
               if (auto ok = cases::RequireOpen(ref); !ok) return ok;
               auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
               if (!cipher) return Fail(cipher.error());
               const TimePoint now = deps_.clock.Now();
               out = LegalMatter{.id = NewId(),
                                 .case_id = ref.id,
                                 .kind = *fields.kind,
                                 .authority = fields.authority.value_or(""),
                                 .case_number = fields.case_number.value_or(""),
                                 .status = *fields.status,
                                 .outcome = fields.outcome.value_or(""),
                                 .created_at = FormatRfc3339(now),
                                 .updated_at = FormatRfc3339(now)};
               auto s = tx.Exec(
                   "INSERT INTO legal_matters (id, case_id, org_id, kind, authority, case_number, "
                   "status, outcome, created_by, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {out.id, ref.id, ref.org_id, out.kind,
                    BlobOrNull(cipher->SealRecord(kTable, "authority", out.id, out.authority)),
                    BlobOrNull(cipher->SealRecord(kTable, "case_number", out.id, out.case_number)),
                    out.status, out.outcome, actor.user_id, out.created_at, out.updated_at});
               if (!s) return Fail(s.error());
               if (auto t = cases::AppendTimeline(tx, ref, now, "legal_matter", out.id, out.kind,
                                                  actor.user_id);
                   !t)
                 return t;
               return AuditRecord(deps_, tx, actor, ref, "legal_matter.create", "legal_matter",
                                  out.id, fields.Names());
             });
  if (!r) return Fail(r.error());
  return out;
}

Result<LegalMatter> LegalMatters::Update(const security::Actor& actor, const std::string& id,
                                         const LegalFields& fields) {
  LegalMatter out;
  auto r = OnRecord(
      deps_, actor, security::perm::kCaseWrite, kTable, "legal_matter", id, "legal_matter.update",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (fields.kind) {
          return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("kind", "field.unknown"));
        }
        if (auto ok = ValidateLegal(fields, false); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        auto loaded = Load(tx, *cipher, ref.id, id);
        if (!loaded) return Fail(loaded.error());
        if (loaded->empty()) return Fail(NotFound());
        LegalMatter m = std::move(loaded->front());
        const std::string before_status = m.status;
        if (fields.authority) m.authority = *fields.authority;
        if (fields.case_number) m.case_number = *fields.case_number;
        if (fields.status) m.status = *fields.status;
        if (fields.outcome) m.outcome = *fields.outcome;
        const TimePoint now = deps_.clock.Now();
        m.updated_at = FormatRfc3339(now);
        auto s = tx.Exec(
            "UPDATE legal_matters SET authority = ?, case_number = ?, status = ?, outcome = ?, "
            "updated_at = ? WHERE id = ?",
            {BlobOrNull(cipher->SealRecord(kTable, "authority", id, m.authority)),
             BlobOrNull(cipher->SealRecord(kTable, "case_number", id, m.case_number)), m.status,
             m.outcome, m.updated_at, id});
        if (!s) return Fail(s.error());
        if (m.status != before_status) {
          if (auto t =
                  cases::AppendTimeline(tx, ref, now, "legal_matter", id, m.status, actor.user_id);
              !t)
            return t;
        }
        out = std::move(m);
        return AuditRecord(deps_, tx, actor, ref, "legal_matter.update", "legal_matter", id,
                           fields.Names());
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<Hearing> LegalMatters::AddHearing(const security::Actor& actor,
                                         const std::string& legal_matter_id,
                                         const HearingFields& fields) {
  Hearing out;
  auto r = OnRecord(
      deps_, actor, security::perm::kCaseWrite, kTable, "legal_matter", legal_matter_id,
      "hearing.create", [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (auto ok = ValidateHearing(fields); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        const TimePoint now = deps_.clock.Now();
        out = Hearing{.id = NewId(),
                      .at = FormatRfc3339(fields.at),
                      .court = fields.court,
                      .kind = fields.kind,
                      .notes = fields.notes};
        auto s = tx.Exec(
            "INSERT INTO hearings (id, legal_matter_id, case_id, org_id, at, court, kind, notes, "
            "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {out.id, legal_matter_id, ref.id, ref.org_id, out.at,
             BlobOrNull(cipher->SealRecord(kHearings, "court", out.id, out.court)), out.kind,
             BlobOrNull(cipher->SealRecord(kHearings, "notes", out.id, out.notes)), actor.user_id,
             FormatRfc3339(now)});
        if (!s) return Fail(s.error());
        // A hearing is dated on the timeline when it takes place, not when it was entered.
        TimePoint when = now;
        ParseRfc3339(out.at, &when);
        if (auto t =
                cases::AppendTimeline(tx, ref, when, "hearing", out.id, out.kind, actor.user_id);
            !t)
          return t;
        std::vector<std::string> names = {"at"};
        if (!fields.court.empty()) names.emplace_back("court");
        if (!fields.kind.empty()) names.emplace_back("kind");
        if (!fields.notes.empty()) names.emplace_back("notes");
        return AuditRecord(deps_, tx, actor, ref, "hearing.create", "hearing", out.id, names);
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<LegalMatter>> LegalMatters::List(const security::Actor& actor,
                                                    const std::string& case_id) {
  std::vector<LegalMatter> out;
  auto r = OnCase(deps_, actor, security::perm::kCaseRead, case_id, "legal_matter.list",
                  [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
                    auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
                    if (!cipher) return Fail(cipher.error());
                    auto loaded = Load(tx, *cipher, ref.id);
                    if (!loaded) return Fail(loaded.error());
                    out = std::move(*loaded);
                    return AuditRecord(deps_, tx, actor, ref, "legal_matter.list", "case", ref.id,
                                       {"authority", "case_number", "court", "notes"});
                  });
  if (!r) return Fail(r.error());
  return out;
}

}  // namespace dandelion::case_records
