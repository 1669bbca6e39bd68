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

}  // namespace dandelion::store
