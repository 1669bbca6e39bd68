// Row accessors, Tx::QueryOne and Tx::ExecMany: the backend-independent parts of database.h.
//
// Accessors convert between the Value alternatives where the meaning is unambiguous, because the
// two backends do not always return the same alternative for the same portable SQL (PostgreSQL
// returns NUMERIC, e.g. SUM(bigint), as text; SQLite returns it as an integer). Null reads as the
// zero value of the accessor's type, as database.h promises.
#include <charconv>
#include <cmath>
#include <string>

#include "store/database.h"

namespace dandelion::store {
namespace {

// Parses the leading number of s (an integer, or the integer part of a decimal); 0 if none.
int64_t ParseInt(const std::string& s) {
  int64_t out = 0;
  std::from_chars(s.data(), s.data() + s.size(), out);
  return out;
}

double ParseReal(const std::string& s) {
  double out = 0;
  std::from_chars(s.data(), s.data() + s.size(), out);
  return out;
}

std::string FormatReal(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace

int64_t Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return std::isfinite(*d) ? int64_t(*d) : 0;
  if (const auto* s = std::get_if<std::string>(&v)) return ParseInt(*s);
  return 0;
}

double Row::Real(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return double(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return ParseReal(*s);
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return FormatReal(*d);
  if (const auto* b = std::get_if<Blob>(&v)) return b->bytes;
  return {};
}

std::string Row::BlobBytes(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

Result<std::optional<Row>> Tx::QueryOne(std::string_view sql, const Params& params) {
  auto rows = Query(sql, params);
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows->front()));
}

// SQLite runs in this process: a loop costs no round trips (its statement is prepared once and
// kept, as every statement is).
Result<void> Tx::ExecMany(std::string_view sql, std::span<const Params> rows) {
  for (const Params& params : rows) {
    if (auto n = Exec(sql, params); !n) return Fail(n.error());
  }
  return Ok();
}

}  // namespace dandelion::store
