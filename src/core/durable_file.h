// durable_file: the few steps that make a file's bytes, and its name, survive a crash or a power
// loss. Keys, backups, the audit journal and checkpoint, the erasure journal all need them; each
// step is easy to get almost right (a short write taken for a whole one, a rename whose directory
// was never fsync'd, so that after a power loss the old name or none is what the disk holds).
//
// Every function returns false with errno left as the failing call set it, so that callers word
// their own errors (each names its file and what it was for).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace dandelion::durable_file {

// All of bytes written at fd's offset (write(2)), through short writes and EINTR.
bool WriteAll(int fd, std::string_view bytes);
// All of bytes written at offset `at` (pwrite(2)).
bool WriteAllAt(int fd, std::string_view bytes, int64_t at);
// Exactly size bytes read from offset `at` into out (pread(2)); false at the end of the file too.
bool ReadAllAt(int fd, char* out, size_t size, int64_t at);

// fsync(2) of the file or directory named path.
bool Sync(const std::filesystem::path& path);
// Makes a change of names in the directory holding path durable (a file created, renamed into
// place or removed there): fsync of that directory, "." when path names none.
bool SyncDirectoryOf(const std::filesystem::path& path);

// Replaces path's contents with bytes, mode 0600, so that whatever happens the file holds its old
// contents or the new ones, never a part: written to path + ".tmp.<pid>", fsync'd, renamed over
// path, the directory fsync'd. The temporary is removed when a step fails (a crash between leaves
// it, a few bytes, for the next replacement by a process of that number).
bool Replace(const std::filesystem::path& path, std::string_view bytes);

}  // namespace dandelion::durable_file
