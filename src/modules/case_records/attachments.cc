#include "modules/case_records/attachments.h"

#include <sstream>

#include "core/ids.h"
#include "security/file_cipher.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "case_files";

}  // namespace

Result<FileInfo> Attachments::Upload(const security::Actor& actor, const std::string& case_id,
                                     const std::string& kind, const std::string& name,
                                     const std::string& bytes) {
  FileInfo out;
  auto r = OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "file.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (auto ok = ValidateFile(kind, name, bytes.size()); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        const TimePoint now = deps_.clock.Now();
        out = FileInfo{.id = NewId(),
                       .case_id = ref.id,
                       .kind = kind,
                       .name = name,
                       .size = static_cast<int64_t>(bytes.size()),
                       .created_at = FormatRfc3339(now)};
        security::SecretKey file_key = security::SecretKey::Random();
        std::istringstream plain(bytes);
        std::ostringstream sealed;
        if (auto e = security::EncryptStream(file_key, plain, sealed); !e) return e;
        auto s = tx.Exec(
            "INSERT INTO case_files (id, case_id, org_id, kind, name, size, file_key, content, "
            "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {out.id, ref.id, ref.org_id, kind,
             store::Blob{cipher->SealRecord(kTable, "name", out.id, name)}, out.size,
             store::Blob{cipher->WrapFileKey(file_key, out.id)}, store::Blob{sealed.str()},
             actor.user_id, out.created_at});
        if (!s) return Fail(s.error());
        if (auto t = cases::AppendTimeline(tx, ref, now, "file", out.id, kind, actor.user_id); !t)
          return t;
        return AuditRecord(deps_, tx, actor, ref, "file.create", "case_file", out.id,
                           {"kind", "name", "content"});
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<FileInfo>> Attachments::List(const security::Actor& actor,
                                                const std::string& case_id) {
  std::vector<FileInfo> out;
  auto r =
      OnCase(deps_, actor, security::perm::kCaseRead, case_id, "file.list",
             [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
               auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
               if (!cipher) return Fail(cipher.error());
               auto rows = tx.Query(
                   "SELECT id, kind, name, size, created_at FROM case_files WHERE case_id = ? "
                   "ORDER BY created_at, id",
                   {ref.id});
               if (!rows) return Fail(rows.error());
               for (const auto& row : *rows) {
                 FileInfo f{.id = row.Text(0), .case_id = ref.id, .kind = row.Text(1)};
                 auto name = cipher->OpenRecord(kTable, "name", f.id, row.BlobBytes(2));
                 if (!name) return Fail(name.error());
                 f.name = std::move(*name);
                 f.size = row.Int(3);
                 f.created_at = row.Text(4);
                 out.push_back(std::move(f));
               }
               return AuditRecord(deps_, tx, actor, ref, "file.list", "case", ref.id, {"name"});
             });
  if (!r) return Fail(r.error());
  return out;
}

Result<FileContent> Attachments::Download(const security::Actor& actor, const std::string& id) {
  FileContent out;
  auto r =
      OnRecord(deps_, actor, security::perm::kCaseRead, kTable, "case_file", id, "file.read",
               [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
                 auto row = tx.QueryOne(
                     "SELECT kind, name, size, created_at, file_key, content FROM case_files "
                     "WHERE id = ?",
                     {id});
                 if (!row) return Fail(row.error());
                 if (!*row) return Fail(NotFound());
                 auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
                 if (!cipher) return Fail(cipher.error());
                 auto name = cipher->OpenRecord(kTable, "name", id, (*row)->BlobBytes(1));
                 if (!name) return Fail(name.error());
                 auto key = cipher->UnwrapFileKey((*row)->BlobBytes(4), id);
                 if (!key) return Fail(key.error());
                 std::istringstream sealed((*row)->BlobBytes(5));
                 std::ostringstream plain;
                 if (auto d = security::DecryptStream(*key, sealed, plain); !d) {
                   return Fail(ErrorCode::kInternal, "error.internal", "file does not decrypt");
                 }
                 out.info = FileInfo{.id = id,
                                     .case_id = ref.id,
                                     .kind = (*row)->Text(0),
                                     .name = std::move(*name),
                                     .size = (*row)->Int(2),
                                     .created_at = (*row)->Text(3)};
                 out.bytes = std::move(plain).str();
                 return AuditRecord(deps_, tx, actor, ref, "file.read", "case_file", id,
                                    {"name", "content"});
               });
  if (!r) return Fail(r.error());
  return out;
}

}  // namespace dandelion::case_records
