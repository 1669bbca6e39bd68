// Reading rows into a module's own structs: one convert function per row type, the same shape in
// every repo that reads records this way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::store {

// Every row of sql, each made a T by convert(row).
template <class T, class Convert>
Result<std::vector<T>> Select(Tx& tx, const std::string& sql, const Params& params,
                              Convert convert) {
  Rows rows = TRY(tx.Query(sql, params));
  std::vector<T> out;
  for (const auto& row : rows) out.push_back(convert(row));
  return out;
}

// The first row of sql as a T, or nullopt when there is none.
template <class T, class Convert>
Result<std::optional<T>> SelectOne(Tx& tx, const std::string& sql, const Params& params,
                                   Convert convert) {
  auto found = TRY(Select<T>(tx, sql, params, convert));
  if (found.empty()) return std::optional<T>();
  return std::optional<T>(std::move(found.front()));
}

// A repo's column list "a, b, c" as "t.a, t.b, t.c", for the same columns inside a join.
inline std::string Qualified(std::string_view columns, std::string_view table) {
  std::string out;
  out.reserve(columns.size() * 2);
  out.append(table).append(".");
  for (char ch : columns) {
    out += ch;
    if (ch == ' ') out.append(table).append(".");
  }
  return out;
}

// "column IN (?, ?, …)" for values, each a parameter appended to params. On PostgreSQL
// "column = ANY(CAST(? AS text[]))" with one array parameter instead: PostgreSQL planned a list
// of many parameters as a scan of the whole table, every row compared with every value (a
// list's 200 case ids: 1.2 ms at 10,000 cases and growing with them), where it probes an index
// for an array (0.6 ms). values may hold any text.
inline std::string OneOf(Dialect dialect, std::string_view column,
                         const std::vector<std::string>& values, Params& params) {
  std::string sql(column);
  if (dialect == Dialect::kPostgres) {
    std::string array = "{";
    for (const auto& v : values) {
      if (array.size() > 1) array += ',';
      array += '"';
      for (char ch : v) {
        if (ch == '"' || ch == '\\') array += '\\';
        array += ch;
      }
      array += '"';
    }
    params.emplace_back(array + "}");
    return sql + " = ANY(CAST(? AS text[]))";
  }
  sql += " IN (";
  for (size_t i = 0; i < values.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(values[i]);
  }
  return sql + ")";
}

}  // namespace dandelion::store
