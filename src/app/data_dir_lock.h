// DataDirLock: an exclusive advisory lock on <data>/server.lock.
//
// `serve` holds it for its lifetime; `restore` takes it too, so a database is never replaced
// under a running server. The kernel drops the lock when the process dies, even by kill -9.
#pragma once

#include <string>

#include "core/result.h"

namespace dandelion::app {

class DataDirLock {
 public:
  // Takes the lock or fails with kConflict when another process holds it.
  static Result<DataDirLock> Acquire(const std::string& data_dir);
  DataDirLock(DataDirLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  DataDirLock& operator=(DataDirLock&&) = delete;
  DataDirLock(const DataDirLock&) = delete;
  ~DataDirLock();

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace dandelion::app
