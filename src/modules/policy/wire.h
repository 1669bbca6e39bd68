// The policy monitor's HTTP shapes, shared by its route files (routes.cc, work_routes.cc): the
// JSON answers, the readers of request bodies and queries, and the routes' permissions and
// limits. Shapes in docs/api-policy.md.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "http/field_reader.h"
#include "http/request.h"
#include "http/router.h"
#include "modules/policy/policy_service.h"
#include "security/policy.h"

namespace dandelion::policy::wire {

namespace json = boost::json;

inline const std::string kEdit(security::perm::kPolicyEdit);
inline const std::string kRead(http::kSignedIn);
inline const std::string kAnyone(http::kPublic);
inline constexpr size_t kMaxFile = 10 * 1024 * 1024;
inline constexpr size_t kMaxImport = 20 * 1024 * 1024;

json::value OptInt(const std::optional<int64_t>& v);
// A jurisdiction's full name ("경기도 수원시").
std::string Name(const std::string& code);
// A criterion's value as its kind reads it (yes_no: bool; amount, months: a number).
json::value ScoreValue(const std::string& kind, const std::optional<int64_t>& v);
json::object ItemJson(const ItemView& v);
json::object DocumentJson(const policy_repo::Document& d);
json::object DetailJson(const ItemDetail& d);
json::object CriterionJson(const Criterion& c);
json::object CellJson(const MapCell& c);
json::object MapJson(const std::vector<MapCell>& cells);
json::object RegionJson(const RegionView& v);
json::object TimelineJson(const std::vector<TimelineEntry>& entries);
json::object JurisdictionsJson();
json::object TaskJson(const work_repo::Task& t);
json::object EventJson(const work_repo::Event& e);
json::object SubmissionJson(const work_repo::Submission& s);
json::object StatementJson(const work_repo::Statement& s);

template <class T, class ToJson>
json::object Items(const std::vector<T>& list, ToJson to_json) {
  json::array items;
  for (const auto& x : list) items.emplace_back(to_json(x));
  return {{"items", std::move(items)}};
}

ItemFields ReadItem(http::FieldReader& f, bool fresh);
Result<policy_repo::ItemFilter> ReadFilter(const http::Request& req);
std::vector<std::string> SplitIds(const std::string& text);
TaskFields ReadTask(http::FieldReader& f, bool fresh);
EventFields ReadEvent(http::FieldReader& f, bool fresh);
SubmissionFields ReadSubmission(http::FieldReader& f, bool fresh);
StatementFields ReadStatement(http::FieldReader& f, bool fresh);

}  // namespace dandelion::policy::wire

namespace dandelion::policy {
// The work records' routes (work_routes.cc), added by AddRoutes.
void AddWorkRoutes(http::Router& router, PolicyService& policy);
}  // namespace dandelion::policy
