#include "modules/case_records/attachments.h"

#include <sstream>

#include "modules/case_records/file_repo.h"
#include "security/file_cipher.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "case_files";

}  // namespace

Result<FileInfo> Attachments::Upload(const security::Actor& actor, const std::string& case_id,
                                     const std::string& kind, const std::string& name,
                                     const std::string& bytes) {
  return OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "file.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<FileInfo> {
        TRY(ValidateFile(kind, name, bytes.size()));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        const TimePoint now = deps_.clock.Now();
        FileInfo out{.id = NewId(),
                     .case_id = ref.id,
                     .kind = kind,
                     .name = name,
                     .size = static_cast<int64_t>(bytes.size()),
                     .created_at = FormatRfc3339(now)};
        security::SecretKey file_key = security::SecretKey::Random();
        std::istringstream plain(bytes);
        std::ostringstream sealed;
        TRY(security::EncryptStream(file_key, plain, sealed));
        TRY(file_repo::Insert(tx, {.id = out.id,
                                   .case_id = ref.id,
                                   .org_id = ref.org_id,
                                   .kind = kind,
                                   .name = cipher.SealRecord(kTable, "name", out.id, name),
                                   .size = out.size,
                                   .file_key = cipher.WrapFileKey(file_key, out.id),
                                   .content = sealed.str(),
                                   .uploaded_by = actor.user_id,
                                   .created_at = out.created_at}));
        TRY(cases::AppendTimeline(tx, ref, now, "file", out.id, kind, actor.user_id));
        TRY(AuditRecord(deps_, tx, actor, ref, "file.create", "case_file", out.id,
                        {"kind", "name", "content"}));
        return out;
      });
}

Result<security::Audited<std::vector<FileInfo>>> Attachments::List(const security::Actor& actor,
                                                                   const std::string& case_id) {
  return ReadOnCase<std::vector<FileInfo>>(
      deps_, actor, case_id, "file.list", {"name"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<std::vector<FileInfo>> {
        std::vector<FileInfo> out;
        for (auto& row : TRY(file_repo::ListByCase(tx, ref.id))) {
          FileInfo f{.id = row.id, .case_id = ref.id, .kind = std::move(row.kind)};
          f.name = TRY(cipher.OpenRecord(kTable, "name", f.id, row.name));
          f.size = row.size;
          f.created_at = std::move(row.created_at);
          out.push_back(std::move(f));
        }
        return out;
      });
}

Result<security::Audited<FileContent>> Attachments::Download(const security::Actor& actor,
                                                             const std::string& id) {
  // Read without the database's writer: decrypting megabytes in a write transaction would hold
  // every change in the network back for as long.
  return ReadOnRecord<FileContent>(
      deps_, actor, kTable, "case_file", id, "file.read", {"name", "content"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<FileContent> {
        auto row = TRY(file_repo::FindById(tx, id));
        if (!row) return Fail(NotFound());
        std::string name = TRY(cipher.OpenRecord(kTable, "name", id, row->name));
        security::SecretKey key = TRY(cipher.UnwrapFileKey(row->file_key, id));
        std::istringstream sealed(row->content);
        std::ostringstream plain;
        if (!security::DecryptStream(key, sealed, plain)) {
          return Fail(ErrorCode::kInternal, "error.internal", "file does not decrypt");
        }
        FileContent out;
        out.info = FileInfo{.id = id,
                            .case_id = ref.id,
                            .kind = std::move(row->kind),
                            .name = std::move(name),
                            .size = row->size,
                            .created_at = std::move(row->created_at)};
        out.bytes = std::move(plain).str();
        return out;
      });
}

}  // namespace dandelion::case_records
