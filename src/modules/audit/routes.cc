#include "modules/audit/routes.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <charconv>
#include <chrono>

#include "core/clock.h"
#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::audit {
namespace {

using http::Request;
using http::Response;

constexpr size_t kMaxFilterLength = 64;

// A positive decimal integer, or nothing.
std::optional<int64_t> PositiveInt(const std::string& text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 1) return std::nullopt;
  return v;
}

// Reads the query string as a filter: 400 naming every bad or unknown parameter.
Result<AuditFilter> ReadFilter(const Request& req) {
  boost::json::object params;
  for (const auto& [name, value] : req.query) params[name] = value;
  http::FieldReader f(params);
  AuditFilter filter;
  filter.entity_type = f.String("entity_type", kMaxFilterLength, false);
  filter.entity_id = f.String("entity_id", kMaxFilterLength, false);
  filter.actor = f.String("actor", kMaxFilterLength, false);
  filter.action = f.String("action", kMaxFilterLength, false);
  if (auto it = req.query.find("limit"); it != req.query.end()) {
    f.Accept("limit");
    auto limit = PositiveInt(it->second);
    if (!limit || *limit > kMaxAuditPage) {
      f.Reject("limit", "field.out_of_range");
    } else {
      filter.limit = static_cast<int>(*limit);
    }
  }
  if (auto it = req.query.find("cursor"); it != req.query.end()) {
    f.Accept("cursor");
    auto cursor = PositiveInt(it->second);
    if (!cursor) {
      f.Reject("cursor", "audit.cursor_invalid");
    } else {
      filter.before_seq = *cursor;
    }
  }
  TRY(f.Finish());
  return filter;
}

std::string AtRfc3339(int64_t at_ms) {
  return FormatRfc3339(TimePoint(std::chrono::milliseconds(at_ms)));
}

boost::json::object EntryJson(const security::AuditRecord& e) {
  boost::json::value actor = nullptr;  // anonymous (e.g. a failed sign-in)
  if (!e.actor_user_id.empty()) {
    actor = e.actor_user_id;
  } else if (e.remote == "cli") {
    actor = "cli";  // the operator's console
  }
  return {{"seq", e.seq},         {"at", AtRfc3339(e.at_ms)},     {"actor", actor},
          {"action", e.action},   {"entity_type", e.entity_type}, {"entity_id", e.entity_id},
          {"outcome", e.outcome}, {"fields", ListJson(e.fields)}};
}

Response TextReply(const std::string& text) {
  return Response::Text(200, "text/plain; charset=utf-8", text);
}

}  // namespace

void AddRoutes(http::Router& router, AuditService& audit) {
  router.Add({.method = "GET",
              .path_template = "/api/v1/audit",
              .permission = std::string(security::perm::kAuditRead),
              .handler = [&audit](Request& req) -> http::Reply {
                AuditFilter filter = TRY(ReadFilter(req));
                AuditPage page = TRY(audit.Search(ActorOf(req), filter));
                boost::json::array items;
                for (const auto& e : page.items) items.emplace_back(EntryJson(e));
                boost::json::value next = nullptr;
                if (page.next_cursor) next = std::to_string(*page.next_cursor);
                return Response::Json(200, {{"items", items}, {"next_cursor", next}});
              },
              .summary = "Search the audit log, newest first (auditors; own organization, or all "
                         "for the secretariat's auditors)",
              .tag = "audit"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/audit/checkpoints",
              .permission = std::string(security::perm::kAuditRead),
              .handler = [&audit](Request& req) -> http::Reply {
                Response r = TextReply(TRY(audit.ExportCheckpoints(ActorOf(req))));
                r.SetHeader("Content-Disposition",
                            "attachment; filename=\"audit-checkpoints.txt\"");
                return r;
              },
              .summary = "Export the signed audit checkpoints as text (needs a recent "
                         "re-authentication)",
              .tag = "audit"});
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/audit/verification",
       .permission = std::string(security::perm::kAuditRead),
       .handler = [&audit](Request& req) -> http::Reply {
         ChainStatus status = TRY(audit.VerifyChain(ActorOf(req)));
         return Response::Json(200, {{"intact", status.intact}, {"entries", status.entries}});
       },
       .summary = "Verify the whole audit chain and its signed checkpoints now (auditors); "
                  "a broken chain is answered intact=false and logged for the operator",
       .tag = "audit",
       .offload = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/audit/checkpoints",
              .permission = std::string(security::perm::kAuditRead),
              .handler = [&audit](Request& req) -> http::Reply {
                return TextReply(TRY(audit.Checkpoint(ActorOf(req))));
              },
              .summary = "Sign the audit log's head now; answers the checkpoint as text (the "
                         "secretariat's auditors only: it covers the whole network)",
              .tag = "audit"});
}

void RegisterAuditMessages() {
  static constexpr Message kMessages[] = {
      {"audit.cursor_invalid", "이전 응답의 next_cursor 값을 그대로 써야 합니다.",
       "Use the next_cursor value of the previous answer as it is."},
      {"audit.checkpoint_network_only",
       "감사 체크포인트는 네트워크 전체에 관한 것이라 사무국 감사자만 만들 수 있습니다.",
       "An audit checkpoint covers the whole network: only the secretariat's auditors may make "
       "one."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::audit
