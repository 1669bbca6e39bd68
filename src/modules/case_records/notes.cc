#include "modules/case_records/notes.h"

#include "modules/case_records/note_repo.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "case_notes";

}  // namespace

Result<Note> CaseNotes::Add(const security::Actor& actor, const std::string& case_id,
                            const std::string& text, const std::optional<std::string>& amends) {
  return OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "note.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Note> {
        TRY(ValidateNote(text));
        if (amends && !(LooksLikeId(*amends) && TRY(note_repo::InCase(tx, *amends, ref.id)))) {
          return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field(
              "amends", "case_records.amends_unknown"));
        }
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        const TimePoint now = deps_.clock.Now();
        Note out{.id = NewId(),
                 .case_id = ref.id,
                 .text = text,
                 .amends = amends.value_or(""),
                 .author_id = actor.user_id,
                 .created_at = FormatRfc3339(now)};
        out.author_name = TRY(note_repo::DisplayName(tx, actor.user_id));
        TRY(note_repo::Insert(tx, {.id = out.id,
                                   .case_id = ref.id,
                                   .org_id = ref.org_id,
                                   .text = cipher.SealRecord(kTable, "text", out.id, text),
                                   .amends = out.amends,
                                   .author_id = actor.user_id,
                                   .created_at = out.created_at}));
        TRY(cases::AppendTimeline(tx, ref, now, "note", out.id, amends ? "amendment" : "",
                                  actor.user_id));
        std::vector<std::string> fields = {"text"};
        if (amends) fields.emplace_back("amends");
        TRY(AuditRecord(deps_, tx, actor, ref, "note.create", "case_note", out.id, fields));
        return out;
      });
}

Result<security::Audited<std::vector<Note>>> CaseNotes::List(const security::Actor& actor,
                                                             const std::string& case_id) {
  return ReadOnCase<std::vector<Note>>(
      deps_, actor, case_id, "note.list", {"text"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<std::vector<Note>> {
        auto rows = TRY(note_repo::ListByCase(tx, ref.id));
        std::vector<Note> out;
        for (auto& row : rows) {
          Note n{.id = row.id,
                 .case_id = ref.id,
                 .amends = std::move(row.amends),
                 .author_id = std::move(row.author_id),
                 .author_name = std::move(row.author_name),
                 .created_at = std::move(row.created_at)};
          n.text = TRY(cipher.OpenRecord(kTable, "text", n.id, row.text));
          out.push_back(std::move(n));
        }
        return out;
      });
}

}  // namespace dandelion::case_records
