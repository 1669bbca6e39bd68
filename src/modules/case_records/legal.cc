#include "modules/case_records/legal.h"

#include "modules/case_records/legal_repo.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "legal_matters";
constexpr std::string_view kHearings = "hearings";

// The matters (all of case_id's, or the one with id) with their hearings, decrypted.
Result<std::vector<LegalMatter>> Load(store::Tx& tx, const people::PersonCipher& cipher,
                                      const std::string& case_id, const std::string& id = "") {
  std::vector<LegalMatter> out;
  for (auto& row : TRY(legal_repo::Matters(tx, case_id, id))) {
    LegalMatter m{.id = row.id, .case_id = case_id, .kind = std::move(row.kind)};
    m.authority = TRY(cipher.OpenRecord(kTable, "authority", m.id, row.authority));
    m.case_number = TRY(cipher.OpenRecord(kTable, "case_number", m.id, row.case_number));
    m.status = std::move(row.status);
    m.outcome = std::move(row.outcome);
    m.created_at = std::move(row.created_at);
    m.updated_at = std::move(row.updated_at);
    for (auto& h : TRY(legal_repo::HearingsOf(tx, m.id))) {
      Hearing hearing{.id = h.id, .at = std::move(h.at)};
      hearing.court = TRY(cipher.OpenRecord(kHearings, "court", hearing.id, h.court));
      hearing.kind = std::move(h.kind);
      hearing.notes = TRY(cipher.OpenRecord(kHearings, "notes", hearing.id, h.notes));
      m.hearings.push_back(std::move(hearing));
    }
    out.push_back(std::move(m));
  }
  return out;
}

// The matter's row as stored: its sealed fields sealed under cipher.
legal_repo::StoredMatter Seal(const people::PersonCipher& cipher, const LegalMatter& m) {
  return {.id = m.id,
          .case_id = m.case_id,
          .kind = m.kind,
          .authority = cipher.SealRecord(kTable, "authority", m.id, m.authority),
          .case_number = cipher.SealRecord(kTable, "case_number", m.id, m.case_number),
          .status = m.status,
          .outcome = m.outcome,
          .created_at = m.created_at,
          .updated_at = m.updated_at};
}

}  // namespace

Result<LegalMatter> LegalMatters::Create(const security::Actor& actor, const std::string& case_id,
                                         const LegalFields& fields) {
  return OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "legal_matter.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<LegalMatter> {
        TRY(ValidateLegal(fields, true));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        const TimePoint now = deps_.clock.Now();
        LegalMatter out{.id = NewId(),
                        .case_id = ref.id,
                        .kind = *fields.kind,
                        .authority = fields.authority.value_or(""),
                        .case_number = fields.case_number.value_or(""),
                        .status = *fields.status,
                        .outcome = fields.outcome.value_or(""),
                        .created_at = FormatRfc3339(now),
                        .updated_at = FormatRfc3339(now)};
        legal_repo::StoredMatter row = Seal(cipher, out);
        row.org_id = ref.org_id;
        row.created_by = actor.user_id;
        TRY(legal_repo::InsertMatter(tx, row));
        TRY(cases::AppendTimeline(tx, ref, now, "legal_matter", out.id, out.kind, actor.user_id));
        TRY(AuditRecord(deps_, tx, actor, ref, "legal_matter.create", "legal_matter", out.id,
                        fields.Names()));
        return out;
      });
}

Result<LegalMatter> LegalMatters::Update(const security::Actor& actor, const std::string& id,
                                         const LegalFields& fields) {
  return OnRecord(
      deps_, actor, security::perm::kCaseWrite, kTable, "legal_matter", id, "legal_matter.update",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<LegalMatter> {
        if (fields.kind) {
          return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("kind", "field.unknown"));
        }
        TRY(ValidateLegal(fields, false));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        auto loaded = TRY(Load(tx, cipher, ref.id, id));
        if (loaded.empty()) return Fail(NotFound());
        LegalMatter m = std::move(loaded.front());
        const std::string before_status = m.status;
        if (fields.authority) m.authority = *fields.authority;
        if (fields.case_number) m.case_number = *fields.case_number;
        if (fields.status) m.status = *fields.status;
        if (fields.outcome) m.outcome = *fields.outcome;
        const TimePoint now = deps_.clock.Now();
        m.updated_at = FormatRfc3339(now);
        TRY(legal_repo::UpdateMatter(tx, Seal(cipher, m)));
        if (m.status != before_status) {
          TRY(cases::AppendTimeline(tx, ref, now, "legal_matter", id, m.status, actor.user_id));
        }
        TRY(AuditRecord(deps_, tx, actor, ref, "legal_matter.update", "legal_matter", id,
                        fields.Names()));
        return m;
      });
}

Result<Hearing> LegalMatters::AddHearing(const security::Actor& actor,
                                         const std::string& legal_matter_id,
                                         const HearingFields& fields) {
  return OnRecord(
      deps_, actor, security::perm::kCaseWrite, kTable, "legal_matter", legal_matter_id,
      "hearing.create", [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Hearing> {
        TRY(ValidateHearing(fields));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        const TimePoint now = deps_.clock.Now();
        Hearing out{.id = NewId(),
                    .at = FormatRfc3339(fields.at),
                    .court = fields.court,
                    .kind = fields.kind,
                    .notes = fields.notes};
        TRY(legal_repo::InsertHearing(
            tx, {.id = out.id,
                 .legal_matter_id = legal_matter_id,
                 .case_id = ref.id,
                 .org_id = ref.org_id,
                 .at = out.at,
                 .court = cipher.SealRecord(kHearings, "court", out.id, out.court),
                 .kind = out.kind,
                 .notes = cipher.SealRecord(kHearings, "notes", out.id, out.notes),
                 .created_by = actor.user_id,
                 .created_at = FormatRfc3339(now)}));
        // A hearing is dated on the timeline when it takes place, not when it was entered.
        TRY(cases::AppendTimeline(tx, ref, WhenItHappens(out.at, now), "hearing", out.id, out.kind,
                                  actor.user_id));
        std::vector<std::string> names = {"at"};
        if (!fields.court.empty()) names.emplace_back("court");
        if (!fields.kind.empty()) names.emplace_back("kind");
        if (!fields.notes.empty()) names.emplace_back("notes");
        TRY(AuditRecord(deps_, tx, actor, ref, "hearing.create", "hearing", out.id, names));
        return out;
      });
}

Result<security::Audited<std::vector<LegalMatter>>> LegalMatters::List(const security::Actor& actor,
                                                                       const std::string& case_id) {
  return ReadOnCase<std::vector<LegalMatter>>(
      deps_, actor, case_id, "legal_matter.list", {"authority", "case_number", "court", "notes"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<std::vector<LegalMatter>> {
        auto out = TRY(Load(tx, cipher, ref.id));
        return out;
      });
}

}  // namespace dandelion::case_records
