#include "store/postgres_connection.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "store/placeholders.h"

namespace dandelion::store {
namespace {

// Type OIDs from pg_type.h (server headers are not needed for these stable values).
constexpr Oid kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23,
              kOidOid = 26, kFloat4Oid = 700, kFloat8Oid = 701;

// Run on every (re)connection. bytea_output=hex is what DecodeByteaHex reads; times are stored as
// TEXT in UTC by the services, and a UTC session keeps now() and casts consistent with that;
// NOTICEs (e.g. "table already exists, skipping") would otherwise be printed to stderr by libpq.
constexpr const char* kSessionSetup =
    "SET bytea_output = 'hex'; SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'; "
    "SET client_min_messages = warning";

// Frees a PGresult when it goes out of scope.
struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes bytea's hex output format ("\x0a1b..."); bytea_output=hex is set on every connection.
std::string DecodeByteaHex(const char* text, size_t len) {
  std::string out;
  if (len < 2 || text[0] != '\\' || text[1] != 'x') return out;
  out.reserve((len - 2) / 2);
  for (size_t i = 2; i + 1 < len; i += 2) {
    out.push_back(char(HexDigit(text[i]) << 4 | HexDigit(text[i + 1])));
  }
  return out;
}

Value DecodeField(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return nullptr;
  const char* text = PQgetvalue(res, row, col);
  const size_t len = size_t(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      int64_t n = 0;
      std::from_chars(text, text + len, n);
      return n;
    }
    case kBoolOid:
      return int64_t{text[0] == 't' ? 1 : 0};
    case kFloat4Oid:
    case kFloat8Oid: {
      double d = 0;
      std::from_chars(text, text + len, d);
      return d;
    }
    case kByteaOid:
      return Blob{DecodeByteaHex(text, len)};
    default:
      return std::string(text, len);
  }
}

std::string FormatNumber(auto n) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

void LogNotice(void* /*unused*/, const char* message) {
  spdlog::warn(R"({{"event":"postgres_notice","message":{}}})",
               boost::json::serialize(boost::json::value(std::string_view(message))));
}

}  // namespace

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string detail =
        std::string("postgres connect: ") + (conn ? PQerrorMessage(conn) : "out of memory");
    PQfinish(conn);
    return Fail(ErrorCode::kUnavailable, "error.unavailable", detail);
  }
  // libpq prints notices and warnings to stderr itself, as multi-line text in the middle of the
  // JSON-lines log; route them through the logger, which escapes them into one line.
  PQsetNoticeProcessor(conn, &LogNotice, nullptr);
  std::unique_ptr<PostgresConnection> pc(new PostgresConnection(conn));
  if (auto r = pc->ExecScript(kSessionSetup); !r) {
    return Fail(r.error());
  }
  return pc;
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

Result<void> PostgresConnection::EnsureConnected() {
  if (PQstatus(conn_) == CONNECTION_OK) return Ok();
  return Reconnect();
}

Result<void> PostgresConnection::Reconnect() {
  PQreset(conn_);
  prepared_.clear();  // a new server session knows none of them
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Fail(ErrorCode::kUnavailable, "error.unavailable",
                std::string("postgres reconnect: ") + PQerrorMessage(conn_));
  }
  return ExecScript(kSessionSetup);
}

bool PostgresConnection::InTransaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

Error PostgresConnection::MakeError(const PGresult* res, std::string_view what) const {
  std::string detail = std::string(what) + ": " +
                       (res != nullptr ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Error{ErrorCode::kUnavailable, "error.unavailable", {}, std::move(detail)};
  }
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  if (state != nullptr && std::strcmp(state, "23505") == 0) {
    return Error{ErrorCode::kConflict, "error.conflict", {}, std::move(detail)};
  }
  return Error{ErrorCode::kInternal, "error.internal", {}, std::move(detail)};
}

PostgresConnection::Bound PostgresConnection::Bind(std::string_view sql, const Params& params) {
  Bound b;
  b.text = RewritePlaceholders(sql);
  const size_t n = params.size();
  b.storage.resize(n);
  b.values.assign(n, nullptr);
  b.lengths.assign(n, 0);
  b.formats.assign(n, 0);
  b.types.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const Value& v = params[i];
    if (const auto* x = std::get_if<int64_t>(&v)) {
      b.storage[i] = FormatNumber(*x);
      b.types[i] = kInt8Oid;
    } else if (const auto* d = std::get_if<double>(&v)) {
      b.storage[i] = FormatNumber(*d);
      b.types[i] = kFloat8Oid;
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      b.storage[i] = *s;
    } else if (const auto* blob = std::get_if<Blob>(&v)) {
      b.storage[i] = blob->bytes;
      b.types[i] = kByteaOid;
      b.formats[i] = 1;
    } else {
      continue;  // null: values[i] stays nullptr
    }
    b.values[i] = b.storage[i].data();
    b.lengths[i] = int(b.storage[i].size());
  }
  // The key tells apart calls whose parameters have other types (a null where a number was):
  // each is prepared with exactly the types PQexecParams would have sent.
  b.key = b.text;
  b.key += '\0';
  for (Oid t : b.types) b.key += std::to_string(t) + ",";
  return b;
}

Result<PGresult*> PostgresConnection::Run(std::string_view sql, const Params& params) {
  Bound b = Bind(sql, params);
  if (!begin_.empty()) return Pipeline(std::span(&b, 1));
  const int n = int(b.values.size());
  const std::string name = TRY(Prepared(b.key, b.text, b.types));
  PGresult* res = name.empty()
                      ? PQexecParams(conn_, b.text.c_str(), n, b.types.data(), b.values.data(),
                                     b.lengths.data(), b.formats.data(), 0)
                      : PQexecPrepared(conn_, name.c_str(), n, b.values.data(), b.lengths.data(),
                                       b.formats.data(), 0);
  const ExecStatusType status = res != nullptr ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    Error error = MakeError(res, b.text);
    PQclear(res);
    return Fail(std::move(error));
  }
  return res;
}

Result<void> PostgresConnection::ExecMany(std::string_view sql, std::span<const Params> rows) {
  // In slices: a pipeline's results wait in the server's send buffer until they are read after
  // the sync, and a few hundred small ones stay far below what would leave both ends waiting
  // for each other to read.
  for (size_t start = 0; start < rows.size(); start += kPipelineSlice) {
    std::vector<Bound> slice;
    for (size_t i = start; i < std::min(rows.size(), start + kPipelineSlice); ++i) {
      slice.push_back(Bind(sql, rows[i]));
    }
    ResultPtr last(TRY(Pipeline(slice)));
  }
  return Ok();
}

Result<PGresult*> PostgresConnection::Pipeline(std::span<const Bound> statements) {
  const std::span<const char* const> begin = std::exchange(begin_, {});
  // A connection that died while idle is noticed here, by the transaction's first statement;
  // nothing of the transaction has run, so it is sent again on a new connection.
  for (int attempt = 0;; ++attempt) {
    Result<PGresult*> res = Send(begin, statements);
    if (res || begin.empty() || attempt > 0 || res.error().code != ErrorCode::kUnavailable ||
        !EnsureConnected()) {
      // If the transaction did not begin, the next statement begins it: no statement of a
      // transaction ever runs outside it, even after a failure its caller went past.
      if (!res && !InTransaction()) begin_ = begin;
      return res;
    }
  }
}

Result<PGresult*> PostgresConnection::Send(std::span<const char* const> begin,
                                           std::span<const Bound> statements) {
  std::vector<std::string> names;  // prepared before the pipeline: PQprepare waits for its answer
  for (const Bound& b : statements) names.push_back(TRY(Prepared(b.key, b.text, b.types)));
  if (PQenterPipelineMode(conn_) != 1) return Fail(MakeError(nullptr, "pipeline"));
  bool sent = true;
  for (const char* statement : begin) {
    sent =
        sent && PQsendQueryParams(conn_, statement, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
  }
  for (size_t i = 0; i < statements.size(); ++i) {
    const Bound& b = statements[i];
    const int n = int(b.values.size());
    sent = sent && (names[i].empty()
                        ? PQsendQueryParams(conn_, b.text.c_str(), n, b.types.data(),
                                            b.values.data(), b.lengths.data(), b.formats.data(), 0)
                        : PQsendQueryPrepared(conn_, names[i].c_str(), n, b.values.data(),
                                              b.lengths.data(), b.formats.data(), 0)) == 1;
  }
  sent = sent && PQpipelineSync(conn_) == 1;  // sends them all
  std::optional<Error> failed;
  if (!sent) failed = MakeError(nullptr, "pipeline");
  // Every result up to the sync point: each query's result and a null after it, then the sync.
  // Once one failed the rest come back PGRES_PIPELINE_ABORTED; the first failure is the one to
  // report. A lost connection ends the reading (its state goes with the reconnection).
  const size_t queries = begin.size() + statements.size();
  ResultPtr wanted;  // the last statement's
  size_t query = 0;
  while (sent) {
    ResultPtr res(PQgetResult(conn_));
    if (!res) {
      if (PQstatus(conn_) != CONNECTION_OK || ++query > queries) {
        if (!failed) failed = MakeError(nullptr, "pipeline");
        break;
      }
      continue;
    }
    const ExecStatusType status = PQresultStatus(res.get());
    if (status == PGRES_PIPELINE_SYNC) break;
    if (status == PGRES_PIPELINE_ABORTED) continue;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      if (!failed) {
        failed =
            MakeError(res.get(), query < begin.size()
                                     ? std::string_view(begin[query])
                                     : std::string_view(statements[query - begin.size()].text));
      }
    } else if (query + 1 == queries) {
      wanted = std::move(res);
    }
  }
  const bool exited = PQexitPipelineMode(conn_) == 1;
  if (!exited || PQstatus(conn_) != CONNECTION_OK) {
    // The connection was lost (its failure can come before libpq has seen it close, as a
    // backend's FATAL message). One left in pipeline mode, its results uncollected, would
    // refuse every later statement: it starts afresh.
    if (!failed) failed = MakeError(nullptr, "pipeline");
    failed->code = ErrorCode::kUnavailable;
    failed->message_key = "error.unavailable";
    if (!exited) {
      [[maybe_unused]] auto reconnected = Reconnect();  // failing, the next use tries again
    }
  }
  if (failed) return Fail(std::move(*failed));
  if (!wanted) return Fail(MakeError(nullptr, "pipeline: no result"));
  return wanted.release();
}

Result<std::string> PostgresConnection::Prepared(const std::string& key, const std::string& text,
                                                 const std::vector<Oid>& types) {
  if (auto it = prepared_.find(key); it != prepared_.end()) return it->second;
  if (prepared_.size() >= kMaxPrepared) return std::string();
  std::string name = "dandelion_" + std::to_string(next_prepared_++);
  ResultPtr res(PQprepare(conn_, name.c_str(), text.c_str(), int(types.size()), types.data()));
  const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK) return Fail(MakeError(res.get(), text));
  prepared_.emplace(key, name);
  return name;
}

void PostgresConnection::ForgetPrepared() {
  if (prepared_.empty()) return;
  prepared_.clear();
  // Outside a failed transaction DEALLOCATE always succeeds; inside one the statements stay
  // prepared under names that are never used again, which is harmless.
  ResultPtr(PQexec(conn_, "DEALLOCATE ALL"));
}

Result<Rows> PostgresConnection::Query(std::string_view sql, const Params& params) {
  auto run = Run(sql, params);
  if (!run) return Fail(run.error());
  ResultPtr res(*run);
  Rows rows;
  const int nrows = PQntuples(res.get()), ncols = PQnfields(res.get());
  rows.reserve(nrows);
  for (int r = 0; r < nrows; ++r) {
    std::vector<Value> values;
    values.reserve(ncols);
    for (int c = 0; c < ncols; ++c) values.push_back(DecodeField(res.get(), r, c));
    rows.emplace_back(std::move(values));
  }
  return rows;
}

Result<int64_t> PostgresConnection::Exec(std::string_view sql, const Params& params) {
  auto run = Run(sql, params);
  if (!run) return Fail(run.error());
  ResultPtr res(*run);
  const char* tuples = PQcmdTuples(res.get());
  int64_t changed = 0;
  std::from_chars(tuples, tuples + std::strlen(tuples), changed);
  return changed;
}

Result<void> PostgresConnection::ExecScript(std::string_view sql) {
  const std::string text(sql);
  // A script other than transaction control (or a SELECT) may change tables, as migrations do,
  // and a prepared statement whose result columns changed would then fail: forget them first.
  static constexpr std::string_view kControl[] = {"BEGIN",     "COMMIT",  "ROLLBACK", "SET ",
                                                  "SAVEPOINT", "RELEASE", "SELECT "};
  if (std::none_of(std::begin(kControl), std::end(kControl),
                   [&](std::string_view c) { return sql.starts_with(c); })) {
    ForgetPrepared();
  }
  ResultPtr res(PQexec(conn_, text.c_str()));
  const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  Result<void> result = Ok();
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    result = Fail(MakeError(res.get(), "script"));
  }
  if (!result && InTransaction()) ResultPtr(PQexec(conn_, "ROLLBACK"));
  return result;
}

}  // namespace dandelion::store
