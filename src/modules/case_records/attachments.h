// Attachments: files of a case (docs/domain.md, "Attachment") — a scanned consent form, a medical
// letter. Each file is a secretstream under its own random key (security/file_cipher.h); the
// key is stored wrapped by her key, so erasing her shreds her files. The file's name is sealed
// too; kind and size stay clear.
//
// Files are kept in the database (case_files.content), at most 10 MiB each: backups and
// restores then carry them with their metadata, a failed upload leaves nothing behind, and
// there is no second place to keep consistent or to clean after an erasure.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <vector>

#include "modules/case_records/record_door.h"

namespace dandelion::case_records {

struct FileContent {
  FileInfo info;
  std::string bytes;
};

class Attachments {
 public:
  explicit Attachments(Deps deps) : deps_(deps) {}

  // case.write; 400 for an unknown kind, a bad name or an empty file.
  Result<FileInfo> Upload(const security::Actor& actor, const std::string& case_id,
                          const std::string& kind, const std::string& name,
                          const std::string& bytes);
  // case.read; oldest first, without contents.
  Result<security::Audited<std::vector<FileInfo>>> List(const security::Actor& actor,
                                                        const std::string& case_id);
  // case.read of the file's case; the contents decrypted.
  Result<security::Audited<FileContent>> Download(const security::Actor& actor,
                                                  const std::string& id);

 private:
  Deps deps_;
};

}  // namespace dandelion::case_records
