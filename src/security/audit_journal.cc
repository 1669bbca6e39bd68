#include "security/audit_journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/durable_file.h"
#include "core/ids.h"
#include "security/audit_journal_records.h"

namespace dandelion::security {
namespace {

constexpr const char* kMarkerKey = "audit_journal_filed";

Failure IoFailure(const std::string& what, const std::string& path) {
  return Fail(ErrorCode::kInternal, "error.internal",
              "audit journal " + path + ": " + what + ": " + std::strerror(errno));
}

// The database says the journal was filed to a point where no whole record starts: the file was
// cut or replaced by hand after its entries were filed. Filing on would skip or repeat entries, so
// filing stops, loudly.
Failure ChangedByHand(const std::string& path, int64_t filed_to, int64_t size) {
  return Fail(ErrorCode::kInternal, "security.audit_broken",
              "audit journal " + path + ": the database filed it up to byte " +
                  std::to_string(filed_to) + ", where no whole entry starts (the file is " +
                  std::to_string(size) +
                  " bytes): it was changed by hand. Entries in it are not in the audit log; "
                  "move it aside to go on without them");
}

// Writes zeros over [from, to).
bool WriteZeros(int fd, int64_t from, int64_t to) {
  static const std::string zeros(64 << 10, '\0');
  while (from < to) {
    const size_t n = static_cast<size_t>(std::min<int64_t>(to - from, zeros.size()));
    if (!durable_file::WriteAllAt(fd, std::string_view(zeros.data(), n), from)) return false;
    from += static_cast<int64_t>(n);
  }
  return true;
}

bool IsZeros(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

// Whether [from, to) holds anything but zeros.
Result<bool> AnythingIn(int fd, const std::string& path, int64_t from, int64_t to) {
  std::string chunk;
  while (from < to) {
    chunk.resize(static_cast<size_t>(std::min<int64_t>(to - from, 64 << 10)));
    if (!durable_file::ReadAllAt(fd, chunk.data(), chunk.size(), from))
      return IoFailure("read", path);
    if (!IsZeros(chunk)) return true;
    from += static_cast<int64_t>(chunk.size());
  }
  return false;
}

// A new file of size bytes: its header, then zeros, durable.
//
// The zeros go to the disk a megabyte at a time, each written out before the next: the reads'
// groups fdatasync the journal in use meanwhile, on the same disk, and one large flush would sit
// in front of them all at once. (One run of a case's services before this measured p99 39 ms and
// a slowest request of 123 ms against 15 and 30 ms; such spikes also came from unrelated disk
// traffic, so that run alone does not prove the cause.)
bool WriteNewFile(int fd, const std::string& identity, int64_t size) {
  constexpr int64_t kStep = 1 << 20;
  if (ftruncate(fd, 0) != 0 || !durable_file::WriteAllAt(fd, JournalHeader(identity), 0))
    return false;
  for (int64_t at = kJournalHeaderSize; at < size; at += kStep) {
    const int64_t to = std::min(size, at + kStep);
    if (!WriteZeros(fd, at, to) ||
        sync_file_range(fd, at, to - at,
                        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
                            SYNC_FILE_RANGE_WAIT_AFTER) != 0) {
      return false;
    }
  }
  return fdatasync(fd) == 0;
}

int64_t NewFileSize(const AuditJournal::Options& options) {
  return static_cast<int64_t>(kJournalHeaderSize) + options.rotate_at + options.grow_by;
}

// Reads whole records of the journal named identity from `from` up to `to`, appending their entries
// to out (when given) until it holds max_entries or more; returns where the last record read ends.
// Stops early at a record cut short or damaged.
Result<int64_t> ReadRecords(int fd, const std::string& path, const std::string& identity,
                            int64_t from, int64_t to, size_t max_entries,
                            std::vector<FiledAuditEvent>* out) {
  std::vector<FiledAuditEvent> scratch;
  std::vector<FiledAuditEvent>& entries = out ? *out : scratch;
  std::string record;
  int64_t at = from;
  while (at + static_cast<int64_t>(kRecordHeaderSize) <= to && entries.size() < max_entries) {
    record.resize(kRecordHeaderSize);
    if (!durable_file::ReadAllAt(fd, record.data(), record.size(), at))
      return IoFailure("read", path);
    const size_t size = JournalRecordSize(record);
    if (size == 0 || at + static_cast<int64_t>(size) > to) break;
    record.resize(size);
    if (!durable_file::ReadAllAt(fd, record.data() + kRecordHeaderSize, size - kRecordHeaderSize,
                                 at + static_cast<int64_t>(kRecordHeaderSize))) {
      return IoFailure("read", path);
    }
    if (!ParseJournalRecord(record, identity, entries)) break;
    if (!out) entries.clear();
    at += static_cast<int64_t>(size);
  }
  return at;
}

}  // namespace

Result<int64_t> JournalFiledUpTo(store::Tx& tx, const std::string& identity) {
  auto row = TRY(tx.QueryOne("SELECT value FROM kv_settings WHERE key = ?", {kMarkerKey}));
  if (!row) return int64_t{0};
  const std::string value = row->Text(0);
  const size_t space = value.find(' ');
  if (space == std::string::npos || value.substr(0, space) != identity) return int64_t{0};
  int64_t position = 0;
  const char* begin = value.data() + space + 1;
  const char* end = value.data() + value.size();
  if (auto [ptr, ec] = std::from_chars(begin, end, position); ec != std::errc() || ptr != end) {
    return Fail(ErrorCode::kInternal, "security.audit_broken",
                "the audit journal's marker in the database is malformed: " + value);
  }
  return position;
}

Result<void> MarkJournalFiled(store::Tx& tx, const std::string& identity, int64_t position) {
  TRY(
      tx.Exec("INSERT INTO kv_settings (key, value) VALUES (?, ?) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              {kMarkerKey, identity + " " + std::to_string(position)}));
  return Ok();
}

std::string AuditJournal::PathFor(const std::string& database_path) {
  return database_path + "-read-audit";
}

AuditJournal::~AuditJournal() {
  if (file_.fd >= 0) close(file_.fd);
}

Result<AuditJournal::File> AuditJournal::OpenFile(const std::string& path, const Options& options) {
  File file;
  file.fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (file.fd < 0) return IoFailure("open", path);
  auto fail = [&](const std::string& what) {
    Failure f = IoFailure(what, path);
    close(file.fd);
    return f;
  };
  if (flock(file.fd, LOCK_EX) != 0) return fail("lock");
  struct stat st = {};
  if (fstat(file.fd, &st) != 0) return fail("stat");
  file.size = st.st_size;
  std::string header(kJournalHeaderSize, '\0');
  if (file.size < static_cast<int64_t>(kJournalHeaderSize)) {
    // New, or its creation was cut short by a crash: no record was ever written after a header
    // that was not yet durable, so nothing is lost by writing it anew.
    header = JournalHeader(RandomHex(kJournalIdentityChars / 2));
    // Small: a journal made here is the first of a data dir, most of which never fill it. One
    // that does grows, and the filer makes its successors full size (RotateIfDue).
    file.size = static_cast<int64_t>(kJournalHeaderSize) + options.grow_by;
    // The new file's name must be durable too, or a power loss could take the file with entries
    // acknowledged in it.
    if (!WriteNewFile(file.fd, JournalIdentity(header), file.size) ||
        !durable_file::SyncDirectoryOf(path)) {
      return fail("create");
    }
  } else if (!durable_file::ReadAllAt(file.fd, header.data(), header.size(), 0)) {
    return fail("read");
  }
  file.identity = JournalIdentity(header);
  if (file.identity.empty()) {
    close(file.fd);
    return Fail(ErrorCode::kInternal, "security.audit_broken",
                "audit journal " + path + " is not a Dandelion audit journal");
  }
  auto whole =
      ReadRecords(file.fd, path, file.identity, kJournalHeaderSize, file.size, SIZE_MAX, nullptr);
  auto dirty = whole ? AnythingIn(file.fd, path, *whole, file.size) : Result<bool>(false);
  if (!whole || !dirty) {
    close(file.fd);
    return Fail(!whole ? whole.error() : dirty.error());
  }
  // What a crash left after the last whole record was never acknowledged (a record cut short,
  // or blocks of one written out of order): zeros go over it before anything follows.
  if (*dirty && (!WriteZeros(file.fd, *whole, file.size) || fdatasync(file.fd) != 0)) {
    return fail("zero a record left unfinished");
  }
  file.end = *whole;
  flock(file.fd, LOCK_UN);
  return file;
}

Result<std::unique_ptr<AuditJournal>> AuditJournal::Open(const std::string& path, Options options) {
  auto file = TRY(OpenFile(path, options));
  return std::unique_ptr<AuditJournal>(new AuditJournal(path, options, std::move(file)));
}

Result<void> AuditJournal::WithFile(const std::function<Result<void>()>& fn) {
  std::lock_guard lock(mu_);
  for (;;) {
    if (flock(file_.fd, LOCK_EX) != 0) return IoFailure("lock", path_);
    struct stat held = {};
    struct stat named = {};
    if (fstat(file_.fd, &held) != 0) {
      flock(file_.fd, LOCK_UN);
      return IoFailure("stat", path_);
    }
    if (stat(path_.c_str(), &named) != 0 || named.st_ino != held.st_ino ||
        named.st_dev != held.st_dev) {
      // Another process replaced the journal (RotateIfDue): what was not filed was carried over.
      auto next = OpenFile(path_, options_);
      flock(file_.fd, LOCK_UN);
      if (!next) return Fail(next.error());
      close(file_.fd);
      file_ = std::move(*next);
      continue;
    }
    auto settled = SettleEnd(held.st_size);
    auto result = settled ? fn() : Result<void>(Fail(settled.error()));
    flock(file_.fd, LOCK_UN);
    return result;
  }
}

Result<void> AuditJournal::SettleEnd(int64_t size) {
  file_.size = size;
  if (file_.end > size) file_.end = kJournalHeaderSize;  // cut by hand: read it again
  for (;;) {
    std::string head(static_cast<size_t>(std::min<int64_t>(kRecordHeaderSize, size - file_.end)),
                     '\0');
    if (!durable_file::ReadAllAt(file_.fd, head.data(), head.size(), file_.end))
      return IoFailure("read", path_);
    if (IsZeros(head)) return Ok();
    // Another process wrote records after the last one this one knows, or died writing one.
    const int64_t whole =
        TRY(ReadRecords(file_.fd, path_, file_.identity, file_.end, size, SIZE_MAX, nullptr));
    if (whole > file_.end) {
      file_.end = whole;
      continue;
    }
    if (!WriteZeros(file_.fd, file_.end, size) || fdatasync(file_.fd) != 0) {
      return IoFailure("zero a record left unfinished", path_);
    }
    return Ok();
  }
}

Result<void> AuditJournal::Append(std::span<const FiledAuditEvent> events) {
  if (events.empty()) return Ok();
  std::string record;
  return WithFile([&]() -> Result<void> {
    AppendJournalRecord(record, file_.identity, events);
    const int64_t next = file_.end + static_cast<int64_t>(record.size());
    if (next > file_.size) {
      // Zeros ahead again, so that the records after this one land in blocks the file has.
      const int64_t grown = (next / options_.grow_by + 1) * options_.grow_by;
      if (!WriteZeros(file_.fd, file_.size, grown)) return IoFailure("grow", path_);
      file_.size = grown;
    }
    if (!durable_file::WriteAllAt(file_.fd, record, file_.end) || fdatasync(file_.fd) != 0) {
      Failure failed = IoFailure("append", path_);
      // Not acknowledged, so not to be filed; should this fail too, the next look past the last
      // whole record zeroes it.
      if (WriteZeros(file_.fd, file_.end, next)) fdatasync(file_.fd);
      return failed;
    }
    file_.end = next;
    return Ok();
  });
}

Result<int64_t> AuditJournal::Waiting(store::Database& db) {
  return db.ReadValue([&](store::Tx& tx) -> Result<int64_t> {
    std::vector<FiledAuditEvent> entries;
    TRY(WithFile([&]() -> Result<void> {
      const int64_t after = TRY(JournalFiledUpTo(tx, file_.identity));
      TRY(ReadRecords(file_.fd, path_, file_.identity, std::max<int64_t>(after, kJournalHeaderSize),
                      file_.end, SIZE_MAX, &entries));
      return Ok();
    }));
    return static_cast<int64_t>(entries.size());
  });
}

Result<int64_t> AuditJournal::UnfiledBytes(store::Database& db) {
  return db.ReadValue([&](store::Tx& tx) -> Result<int64_t> {
    int64_t unfiled = 0;
    TRY(WithFile([&]() -> Result<void> {
      const int64_t after = TRY(JournalFiledUpTo(tx, file_.identity));
      unfiled = std::max<int64_t>(0, file_.end - std::max<int64_t>(after, kJournalHeaderSize));
      return Ok();
    }));
    return unfiled;
  });
}

Result<int64_t> AuditJournal::FileInto(store::Database& db, const AuditLog& audit) {
  std::lock_guard lock(filing_);
  int64_t total = 0;
  for (bool all = false;;) {
    total += TRY(FileBatch(db, audit, &all));
    if (all) break;
    // The database's writer is not handed over in turn: batch after batch, a change a worker
    // saves would wait behind all of them (a case's PATCH took up to 290 ms, its thread's reads
    // waiting with it). A pause lets a waiting writer in between batches.
    std::this_thread::sleep_for(kGiveWay);
  }
  TRY(RotateIfDue(db));
  return total;
}

Result<int64_t> AuditJournal::FileBatch(store::Database& db, const AuditLog& audit, bool* all) {
  int64_t count = 0;
  std::string identity;
  int64_t filed_to = 0;
  // The journal is read inside the database's write transaction, after its marker: another
  // process filing at the same time waits for the write lock and then sees the new marker. The
  // file's lock is held only while the batch's bounds are taken, not while its records are read
  // or filed, so reads' groups keep being appended meanwhile: reading 5,000 entries held it for
  // 5 to 9 ms, and every reply of those milliseconds waited (docs/performance.md). Reading after
  // the lock is safe: the records before `end` are whole and never written again (appends go
  // past it), and the file is replaced only under the database's write lock, which this
  // transaction holds; a copy of its descriptor keeps it open in any case.
  TRY(db.Write([&](store::Tx& tx) -> Result<void> {
    std::vector<FiledAuditEvent> events;
    int64_t from = 0;
    int64_t end = 0;
    int fd = -1;
    TRY(WithFile([&]() -> Result<void> {
      identity = file_.identity;
      const int64_t after = TRY(JournalFiledUpTo(tx, identity));
      if (after > file_.end) return ChangedByHand(path_, after, file_.end);
      from = std::max<int64_t>(after, kJournalHeaderSize);
      end = file_.end;
      if (from < end && (fd = fcntl(file_.fd, F_DUPFD_CLOEXEC, 0)) < 0) {
        return IoFailure("read", path_);
      }
      return Ok();
    }));
    filed_to = from;
    if (fd >= 0) {
      auto read =
          ReadRecords(fd, path_, identity, from, end, static_cast<size_t>(kFileBatch), &events);
      close(fd);
      if (!read) return Fail(read.error());  // (not TRY: GCC 12 warns of a false "uninitialized")
      filed_to = *read;
    }
    *all = filed_to >= end;
    if (events.empty()) {
      if (*all) return Ok();
      return ChangedByHand(path_, filed_to, end);
    }
    TRY(audit.AppendFiled(tx, events));
    count = static_cast<int64_t>(events.size());
    TRY(MarkJournalFiled(tx, identity, filed_to));
    return Ok();
  }));
  return count;
}

Result<void> AuditJournal::RotateIfDue(store::Database& db) {
  {
    std::lock_guard lock(mu_);
    if (file_.end < options_.rotate_at) return Ok();
  }
  // The new file is made, zeros and all, before the journal is locked: reads' groups go on being
  // written meanwhile. One process at a time prepares it (the lock on its name).
  const std::string next_path = path_ + ".new";
  const int next_fd = open(next_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (next_fd < 0) return IoFailure("create", next_path);
  File next{next_fd, RandomHex(kJournalIdentityChars / 2), kJournalHeaderSize,
            NewFileSize(options_)};
  if (flock(next_fd, LOCK_EX | LOCK_NB) != 0) {
    close(next_fd);
    return Ok();  // another process is replacing it
  }
  if (!WriteNewFile(next_fd, next.identity, next.size)) {
    Failure failed = IoFailure("create", next_path);
    close(next_fd);
    return failed;
  }
  bool replaced = false;
  // Inside a write transaction of the database: no other process files while the entries not
  // yet filed are carried over, so each is filed once, from one file or the other.
  auto done = db.Write([&](store::Tx& tx) -> Result<void> {
    return WithFile([&]() -> Result<void> {
      const int64_t filed = TRY(JournalFiledUpTo(tx, file_.identity));
      if (file_.end < options_.rotate_at || filed < static_cast<int64_t>(kJournalHeaderSize) ||
          file_.end - filed > options_.grow_by) {
        return Ok();  // not filed far enough yet: next time
      }
      std::vector<FiledAuditEvent> waiting;
      TRY(ReadRecords(file_.fd, path_, file_.identity, filed, file_.end, SIZE_MAX, &waiting));
      if (!waiting.empty()) {
        std::string record;
        AppendJournalRecord(record, next.identity, waiting);
        if (!durable_file::WriteAllAt(next.fd, record, next.end) || fdatasync(next.fd) != 0) {
          return IoFailure("carry over", next_path);
        }
        next.end += static_cast<int64_t>(record.size());
      }
      // A crash leaves either name: the old file, whose marker says how far it was filed, or the
      // new one holding exactly what was not.
      if (rename(next_path.c_str(), path_.c_str()) != 0 || !durable_file::SyncDirectoryOf(path_)) {
        return IoFailure("replace", path_);
      }
      // Closing the old file lets go of its lock; whoever waits on it finds the path renamed.
      close(file_.fd);
      file_ = next;
      replaced = true;
      return Ok();
    });
  });
  if (!replaced) close(next_fd);
  return done;
}

}  // namespace dandelion::security
