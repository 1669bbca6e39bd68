#include "modules/stats/stats_repo.h"

#include <cctype>

namespace dandelion::stats::stats_repo {
namespace {

// A LIKE pattern for ",tag," with the pattern's own characters escaped.
std::string TagPattern(const std::string& tag) {
  std::string out = "%,";
  for (char c : tag) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + ",%";
}

}  // namespace

bool Uses(std::string_view sql, std::string_view alias) {
  const std::string dotted = std::string(alias) + ".";
  for (std::size_t at = sql.find(dotted); at != std::string_view::npos;
       at = sql.find(dotted, at + 1)) {
    if (at == 0) return true;
    const char before = sql[at - 1];
    if (!std::isalnum(static_cast<unsigned char>(before)) && before != '_') return true;
  }
  return false;
}

std::string FromFor(const Subject& subject, const std::vector<std::string>& texts) {
  // Later joins may use earlier ones (people through cases): decide from the last to the first.
  std::vector<bool> needed(subject.joins.size(), false);
  for (std::size_t j = subject.joins.size(); j-- > 0;) {
    const std::string& alias = subject.joins[j].alias;
    for (const auto& t : texts) needed[j] = needed[j] || Uses(t, alias);
    for (std::size_t later = j + 1; later < subject.joins.size(); ++later) {
      needed[j] = needed[j] || (needed[later] && Uses(subject.joins[later].clause, alias));
    }
  }
  std::string from = subject.from;
  for (std::size_t j = 0; j < subject.joins.size(); ++j) {
    if (needed[j]) from += " " + subject.joins[j].clause;
  }
  return from;
}

Result<Counts> Count(store::Tx& tx, const Subject& subject, const std::vector<Dim>& dims) {
  std::vector<std::size_t> grouped;
  const Dim* tagged = nullptr;
  std::size_t tagged_at = 0;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (dims[i].tags.empty()) {
      grouped.push_back(i);
    } else {
      tagged = &dims[i];
      tagged_at = i;
    }
  }
  std::string select;
  std::string group_by;
  std::vector<std::string> texts{subject.where, subject.counted};
  for (const auto& d : dims) texts.push_back(d.expr);
  for (std::size_t g = 0; g < grouped.size(); ++g) {
    const std::string name = "g" + std::to_string(g);
    select += dims[grouped[g]].expr + " AS " + name + ", ";
    group_by += (g == 0 ? " GROUP BY " : ", ") + dims[grouped[g]].expr;
  }
  store::Params params;
  const std::string counted = subject.counted_is_row ? "1" : subject.counted;
  const std::string count = subject.counted_is_row ? "COUNT(" : "COUNT(DISTINCT ";
  if (tagged == nullptr) {
    select += count + counted + ")";
  } else {
    for (std::size_t t = 0; t < tagged->tags.size(); ++t) {
      if (t > 0) select += ", ";
      select += count + "CASE WHEN (',' || " + tagged->expr + " || ',') LIKE ? ESCAPE '\\' THEN " +
                counted + " END)";
      params.emplace_back(TagPattern(tagged->tags[t]));
    }
  }
  for (const auto& p : subject.params) params.push_back(p);
  const std::string sql = "SELECT " + select + " FROM " + FromFor(subject, texts) + " WHERE " +
                          subject.where + group_by;
  Counts out;
  for (const auto& row : TRY(tx.Query(sql, params))) {
    std::vector<std::string> key;
    for (std::size_t g = 0; g < grouped.size(); ++g) key.push_back(row.Text(g));
    if (tagged == nullptr) {
      out[key] += row.Int(grouped.size());
      continue;
    }
    for (std::size_t t = 0; t < tagged->tags.size(); ++t) {
      std::vector<std::string> full = key;
      full.insert(full.begin() + static_cast<std::ptrdiff_t>(tagged_at), tagged->tags[t]);
      out[full] += row.Int(grouped.size() + t);
    }
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> Pairs(store::Tx& tx, std::string_view sql,
                                                                const store::Params& params) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& row : TRY(tx.Query(sql, params))) out.emplace_back(row.Text(0), row.Int(1));
  return out;
}

Result<std::vector<std::int64_t>> Column(store::Tx& tx, std::string_view sql,
                                         const store::Params& params) {
  std::vector<std::int64_t> out;
  for (const auto& row : TRY(tx.Query(sql, params))) out.push_back(row.Int(0));
  return out;
}

std::string SecondsBetween(store::Dialect d, std::string_view from, std::string_view to) {
  if (d == store::Dialect::kPostgres) {
    return "CAST(EXTRACT(EPOCH FROM (CAST(" + std::string(to) + " AS TIMESTAMPTZ) - CAST(" +
           std::string(from) + " AS TIMESTAMPTZ))) AS BIGINT)";
  }
  return "CAST(ROUND((julianday(" + std::string(to) + ") - julianday(" + std::string(from) +
         ")) * 86400) AS INTEGER)";
}

std::string DaysBetween(store::Dialect d, std::string_view from, std::string_view to) {
  if (d == store::Dialect::kPostgres) {
    return "(CAST(" + std::string(to) + " AS DATE) - CAST(" + std::string(from) + " AS DATE))";
  }
  return "CAST(ROUND(julianday(" + std::string(to) + ") - julianday(" + std::string(from) +
         ")) AS INTEGER)";
}

}  // namespace dandelion::stats::stats_repo
