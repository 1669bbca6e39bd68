#include "core/durable_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace dandelion::durable_file {

namespace {

// Closes fd, keeping the errno of whatever failed before.
void CloseKeepingErrno(int fd) {
  const int saved = errno;
  ::close(fd);
  errno = saved;
}

}  // namespace

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool WriteAllAt(int fd, std::string_view bytes, int64_t at) {
  while (!bytes.empty()) {
    const ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
    at += n;
  }
  return true;
}

bool ReadAllAt(int fd, char* out, size_t size, int64_t at) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, out, size, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<size_t>(n);
    at += n;
  }
  return true;
}

bool Sync(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  CloseKeepingErrno(fd);
  return ok;
}

bool SyncDirectoryOf(const std::filesystem::path& path) {
  const std::filesystem::path dir = path.parent_path();
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  CloseKeepingErrno(fd);
  return ok;
}

bool Replace(const std::filesystem::path& path, std::string_view bytes) {
  // Named by the process: two processes replacing one file at once (a server stopping while
  // `audit checkpoint` runs) each rename a whole file of their own, never the other's half.
  const std::string tmp = path.string() + ".tmp." + std::to_string(::getpid());
  // A leftover temporary (a crash, or planted) is removed, not reused: created afresh, its mode
  // is 0600 whatever the leftover's was, and a symlink put there is not written through.
  ::unlink(tmp.c_str());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = WriteAll(fd, bytes) && ::fsync(fd) == 0;
  CloseKeepingErrno(fd);
  if (ok) ok = ::rename(tmp.c_str(), path.c_str()) == 0;
  if (!ok) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    return false;
  }
  return SyncDirectoryOf(path);
}

}  // namespace dandelion::durable_file
