// Backups with their own keys: a backup can expire, wherever its copies are.
//
// `dandelion backup` encrypts each backup under a fresh random key (security/file_cipher.h's
// authenticated stream). The key is never in the backup: it is kept in the data dir's backup
// register, <data_dir>/backup-keys/<backup id>.key (0600, in a 0700 directory), wrapped by the
// master key with the associated data "backup:<id>", beside the day the backup was made.
//
// The backup file: the text header "Dandelion backup 1\nid <id>\nmade <RFC 3339>\n\n", then
// the encrypted SQLite database. The id in the header only selects the register entry; the key
// wrapped for another id does not open the stream, so an edited header opens nothing.
//
// Expiry is crypto-shredding: once a backup is older than [backup] keep_days (config.toml,
// default 35; 0 = never), PruneExpiredBackups overwrites its register entry and removes it. The
// file can then never be decrypted again, even by someone holding it and the master key. It
// runs at each backup, at each restore (before the backup is opened) and by
// `dandelion backups prune`. (On a journaling file system or an SSD, the overwritten bytes of a
// removed file may survive on the device: the data dir belongs on an encrypted disk anyway.)
//
// The register is as precious as the master key for restores: without it, no backup opens.
// docs/operations.md says how to keep a copy of it without keeping expired keys alive.
//
// A backup written by a Dandelion older than this is a plain SQLite file; restore still
// accepts one (it says so), but its expiry cannot be enforced.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/result.h"
#include "security/keys.h"

namespace dandelion::app {

// Registers the Korean/English messages of backups (idempotent; RegisterAllMessages calls it).
void RegisterBackupMessages();

// <data_dir>/backup-keys
std::string BackupKeysDir(const Config& config);

struct RegisteredBackup {
  std::string id;
  TimePoint made;
};

// Creates a register entry and seals plain_file (a checked SQLite copy) into out_file under
// its new key. The entry is durable before out_file appears; out_file appears complete or not at
// all (written beside it, fsync'd, renamed), 0600, and is never overwritten.
Result<RegisteredBackup> SealBackup(const Config& config, const security::SecretKey& master,
                                    uint32_t master_version, const std::string& plain_file,
                                    const std::string& out_file, TimePoint now);

// True when path starts with the header of a sealed backup (false for a plain SQLite file).
Result<bool> IsSealedBackup(const std::string& path);

// Opens a sealed backup into plain_out (0600). Fails with kNotFound "backup.expired" when the
// register has no key for it (expired and destroyed, or made for another data dir), with
// "security.key_unwrap_failed" when the master key does not open its key, and when any byte of
// the file was altered or it was truncated. plain_out is removed on failure.
Result<RegisteredBackup> OpenSealedBackup(const Config& config, const security::SecretKey& master,
                                          const std::string& from_file,
                                          const std::string& plain_out);

// The register's entries, oldest first.
Result<std::vector<RegisteredBackup>> ListBackups(const Config& config);

// Destroys the keys of backups made more than config.backup_keep_days days before now (none
// when it is 0). Returns the destroyed entries.
Result<std::vector<RegisteredBackup>> PruneExpiredBackups(const Config& config, TimePoint now);

}  // namespace dandelion::app
