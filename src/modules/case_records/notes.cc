#include "modules/case_records/notes.h"

#include "core/ids.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "case_notes";

}  // namespace

Result<Note> CaseNotes::Add(const security::Actor& actor, const std::string& case_id,
                            const std::string& text, const std::optional<std::string>& amends) {
  Note out;
  auto r = OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "note.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (auto ok = ValidateNote(text); !ok) return ok;
        if (amends) {
          auto found = LooksLikeId(*amends)
                           ? tx.QueryOne("SELECT id FROM case_notes WHERE id = ? AND case_id = ?",
                                         {*amends, ref.id})
                           : Result<std::optional<store::Row>>(std::nullopt);
          if (!found) return Fail(found.error());
          if (!*found) {
            return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field(
                "amends", "case_records.amends_unknown"));
          }
        }
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        const TimePoint now = deps_.clock.Now();
        auto name = DisplayName(tx, actor.user_id);
        if (!name) return Fail(name.error());
        out = Note{.id = NewId(),
                   .case_id = ref.id,
                   .text = text,
                   .amends = amends.value_or(""),
                   .author_id = actor.user_id,
                   .author_name = *name,
                   .created_at = FormatRfc3339(now)};
        auto s = tx.Exec(
            "INSERT INTO case_notes (id, case_id, org_id, text, amends, author_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            {out.id, ref.id, ref.org_id,
             store::Blob{cipher->SealRecord(kTable, "text", out.id, text)}, TextOrNull(out.amends),
             actor.user_id, out.created_at});
        if (!s) return Fail(s.error());
        if (auto t = cases::AppendTimeline(tx, ref, now, "note", out.id, amends ? "amendment" : "",
                                           actor.user_id);
            !t)
          return t;
        std::vector<std::string> fields = {"text"};
        if (amends) fields.emplace_back("amends");
        return AuditRecord(deps_, tx, actor, ref, "note.create", "case_note", out.id, fields);
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<Note>> CaseNotes::List(const security::Actor& actor,
                                          const std::string& case_id) {
  std::vector<Note> out;
  auto r =
      OnCase(deps_, actor, security::perm::kCaseRead, case_id, "note.list",
             [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
               auto rows = tx.Query(
                   "SELECT n.id, n.text, n.amends, n.author_id, u.display_name, "
                   "n.created_at FROM case_notes n LEFT JOIN users u ON u.id = n.author_id "
                   "WHERE n.case_id = ? ORDER BY n.created_at, n.id",
                   {ref.id});
               if (!rows) return Fail(rows.error());
               auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
               if (!cipher) return Fail(cipher.error());
               for (const auto& row : *rows) {
                 Note n{.id = row.Text(0), .case_id = ref.id};
                 auto text = cipher->OpenRecord(kTable, "text", n.id, row.BlobBytes(1));
                 if (!text) return Fail(text.error());
                 n.text = std::move(*text);
                 n.amends = row.Text(2);
                 n.author_id = row.Text(3);
                 n.author_name = row.Text(4);
                 n.created_at = row.Text(5);
                 out.push_back(std::move(n));
               }
               return AuditRecord(deps_, tx, actor, ref, "note.list", "case", ref.id, {"text"});
             });
  if (!r) return Fail(r.error());
  return out;
}

}  // namespace dandelion::case_records
