#include "http/openapi.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <map>

#include "core/error.h"
#include "http/text_util.h"

namespace dandelion::http {
namespace {

namespace json = boost::json;

// The error shape of docs/api-contract.md, shared by every operation's error responses.
constexpr std::string_view kErrorSchema = R"({
  "type": "object",
  "required": ["error"],
  "properties": {
    "error": {
      "type": "object",
      "required": ["code", "message"],
      "properties": {
        "code": {"type": "string"},
        "message": {"type": "string", "description": "In the caller's language (Accept-Language)."},
        "fields": {"type": "object", "additionalProperties": {"type": "string"},
                   "description": "Field name -> reason, for validation errors."},
        "request_id": {"type": "string"}
      }
    }
  }
})";

// The Error schema, its code's enum made from every ErrorCode (core/error.h), so no code the
// server sends is missing from the document.
json::value ErrorSchema() {
  json::value schema = json::parse(kErrorSchema);
  json::object& code = schema.at("properties").at("error").at("properties").at("code").as_object();
  json::array names;
  for (ErrorCode c : AllErrorCodes()) names.emplace_back(CodeName(c));
  code["enum"] = std::move(names);
  return schema;
}

bool ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string OperationId(const Route& route) {
  std::string id = AsciiLower(route.method);
  for (char c : route.path_template) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      id.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      id.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (id.back() != '_') {
      id.push_back('_');
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id;
}

json::object Operation(const Route& route) {
  json::object op;
  op["operationId"] = OperationId(route);
  if (!route.summary.empty()) op["summary"] = route.summary;
  if (!route.tag.empty()) op["tags"] = json::array{json::string(route.tag)};
  op["x-permission"] = route.permission;

  json::array params;
  std::string_view t = route.path_template;
  for (size_t open = t.find('{'); open != std::string_view::npos; open = t.find('{', open + 1)) {
    size_t close = t.find('}', open);
    json::object p;
    p["name"] = t.substr(open + 1, close - open - 1);
    p["in"] = "path";
    p["required"] = true;
    p["schema"] = json::object{{"type", "string"}};
    params.push_back(std::move(p));
  }
  if (!params.empty()) op["parameters"] = std::move(params);

  if (route.json_body) {
    op["requestBody"] =
        json::object{{"required", true},
                     {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
  }
  json::object responses;
  json::object ok{{"description", "Success"}};
  if (route.success_status != 204) {
    std::string_view media = route.streaming ? "text/event-stream" : "application/json";
    ok["content"] = json::object{{media, json::object{{"schema", json::object{}}}}};
  }
  responses[std::to_string(route.success_status)] = std::move(ok);
  responses["default"] = json::object{{"$ref", "#/components/responses/Error"}};
  op["responses"] = std::move(responses);

  if (route.permission == kPublic) {
    op["security"] = json::array{};
  } else {
    json::object requirement{{"session", json::array{}}};
    if (ChangesState(route.method)) requirement["csrf"] = json::array{};
    op["security"] = json::array{std::move(requirement)};
  }
  return op;
}

}  // namespace

json::object BuildOpenApi(const Router& router, std::string_view version) {
  json::object paths;
  for (const Route& route : router.routes()) {
    json::value& item = paths[route.path_template];
    if (!item.is_object()) item = json::object{};
    item.as_object()[AsciiLower(route.method)] = Operation(route);
  }
  json::object doc;
  doc["openapi"] = "3.1.0";
  doc["info"] = json::object{
      {"title", "Dandelion (민들레) API"},
      {"version", version},
      {"description",
       "Errors use the shape of components.schemas.Error, with the message in the caller's "
       "language (Accept-Language; Korean by default). x-permission names what each operation "
       "requires of its caller."}};
  doc["paths"] = std::move(paths);
  doc["components"] = json::object{
      {"securitySchemes",
       {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "__Host-dandelion_session"}}},
        {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}}}},
      {"schemas", {{"Error", ErrorSchema()}}},
      {"responses",
       {{"Error",
         {{"description", "An error in the contract's shape."},
          {"content",
           {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}}}};
  return doc;
}

}  // namespace dandelion::http
