#include "modules/stats/routes.h"

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "modules/stats/labels.h"
#include "modules/stats/model.h"
#include "security/policy.h"

namespace dandelion::stats {
namespace {

using http::Request;
using http::Response;
namespace perm = security::perm;

StatsQuery QueryOf(const Request& req) {
  return {.from = req.Query("from"),
          .to = req.Query("to"),
          .by = req.Query("by"),
          .measure = req.Query("measure")};
}

boost::json::value Part(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

boost::json::value OptInt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

// The contract's shape: {"rows":[{"key":…,"count":N|null,"suppressed":bool}], …}. A key is a
// value for one dimension and an array of two for two; null stands for "all" (a total).
boost::json::object TableJson(const StatTable& t, bool network) {
  boost::json::array rows;
  for (const auto& r : t.rows) {
    boost::json::value key;
    if (r.key.size() == 1) {
      key = Part(r.key[0]);
    } else {
      boost::json::array parts;
      for (const auto& p : r.key) parts.push_back(Part(p));
      key = std::move(parts);
    }
    rows.push_back(boost::json::object{
        {"key", std::move(key)}, {"count", OptInt(r.count)}, {"suppressed", r.suppressed}});
  }
  boost::json::array by;
  for (const auto& b : t.by) by.emplace_back(b);
  boost::json::object out{{"rows", std::move(rows)}, {"from", t.from},       {"to", t.to},
                          {"by", std::move(by)},     {"measure", t.measure}, {"unit", t.unit}};
  if (network) out["k"] = t.k;
  if (t.median_seconds) out["median_seconds"] = *t.median_seconds;
  if (t.p90_seconds) out["p90_seconds"] = *t.p90_seconds;
  if (t.median_seconds_sent || t.median_seconds_received) {
    out["median_seconds_to_answer_sent"] = OptInt(t.median_seconds_sent);
    out["median_seconds_to_answer_received"] = OptInt(t.median_seconds_received);
  }
  return out;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A statistics table as CSV for Excel: UTF-8 with a byte-order mark, Korean column names and
// values in words (서울특별시, not KR-11), "합계" for a total and "<k" for a suppressed count.
http::Response TableCsv(const StatTable& t, bool network, const std::string& name) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> header = KeyColumns(t);
  header.push_back(UnitColumn(t.unit));
  for (std::size_t i = 0; i < header.size(); ++i) {
    out += (i == 0 ? "" : ",") + CsvField(header[i]);
  }
  out += "\r\n";
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < r.key.size(); ++i) {
      out += (i == 0 ? "" : ",") + CsvField(KeyLabel(t, i, r.key[i]));
    }
    out += ",";
    if (r.count) {
      out += std::to_string(*r.count);
    } else if (network) {
      out += "<" + std::to_string(t.k);
    }
    out += "\r\n";
  }
  http::Response res = Response::Text(200, "text/csv; charset=utf-8", std::move(out));
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + name + "-" + t.from + "-" + t.to + ".csv\"");
  return res;
}

}  // namespace

void AddRoutes(http::Router& router, StatsService& stats) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/stats/network",
              .permission = std::string(perm::kStatsNetwork),
              .handler = [&stats](Request& req) -> http::Reply {
                auto read = TRY(stats.Network(ActorOf(req), QueryOf(req)));
                return AuditedJson(std::move(read), TableJson(read.value, true));
              },
              .summary = "The network's statistics from consenting women only, small cells "
                         "suppressed (?from=&to=&by=&measure=)",
              .tag = "stats"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/stats/own",
              .permission = std::string(perm::kStatsOwn),
              .handler = [&stats](Request& req) -> http::Reply {
                auto read = TRY(stats.Own(ActorOf(req), QueryOf(req)));
                return AuditedJson(std::move(read), TableJson(read.value, false));
              },
              .summary = "The organization's own statistics from all its records "
                         "(?from=&to=&by=&measure=)",
              .tag = "stats"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/stats/network.csv",
              .permission = std::string(perm::kStatsNetwork),
              .handler = [&stats](Request& req) -> http::Reply {
                auto read = TRY(stats.Network(ActorOf(req), QueryOf(req)));
                http::Response res = TableCsv(read.value, true, "network-stats");
                res.await_commit = AwaitAudit(std::move(read.audit));
                return res;
              },
              .summary = "The network's statistics as CSV (UTF-8 with BOM, Korean column names)",
              .tag = "stats"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/stats/own.csv",
              .permission = std::string(perm::kStatsOwn),
              .handler = [&stats](Request& req) -> http::Reply {
                auto read = TRY(stats.Own(ActorOf(req), QueryOf(req)));
                http::Response res = TableCsv(read.value, false, "own-stats");
                res.await_commit = AwaitAudit(std::move(read.audit));
                return res;
              },
              .summary = "The organization's own statistics as CSV (UTF-8 with BOM)",
              .tag = "stats"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/stats/settings",
              .permission = std::string(perm::kStatsNetwork),
              .handler = [&stats](Request& req) -> http::Reply {
                return Response::Json(200, {{"k", TRY(stats.K(ActorOf(req)))}});
              },
              .summary = "The network's k: counts from 1 to k-1 are suppressed",
              .tag = "stats"});
  router.Add({.method = "PUT",
              .path_template = "/api/v1/stats/settings",
              .permission = std::string(perm::kStatsSettings),
              .handler = [&stats](Request& req) -> http::Reply {
                const std::int64_t k = TRY(
                    ReadBody(req, [](http::FieldReader& f) { return f.Int("k", kMinK, kMaxK); }));
                return Response::Json(200, {{"k", TRY(stats.SetK(ActorOf(req), k))}});
              },
              .summary = "Set the network's k (3..20)",
              .tag = "stats",
              .json_body = true});
}

void RegisterStatsMessages() {
  static constexpr Message kMessages[] = {
      {"stats.period_reversed", "기간의 끝이 시작보다 앞섭니다.",
       "The period ends before it starts."},
      {"stats.period_too_long", "기간은 10년을 넘을 수 없습니다.",
       "A period cannot be longer than ten years."},
      {"stats.k_out_of_range", "k는 3에서 20 사이의 정수여야 합니다.",
       "k must be a whole number from 3 to 20."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::stats
