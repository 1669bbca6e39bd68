#include "modules/people/routes.h"

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"

namespace dandelion::people {
namespace {

using http::Request;
using http::Response;

boost::json::array ListJson(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& i : items) out.emplace_back(i);
  return out;
}

boost::json::value OrNull(const std::string& s) {
  return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
}

bool Present(const boost::json::object& body, std::string_view name) {
  auto it = body.find(name);
  return it != body.end() && !it->value().is_null();
}

// Reads the person fields of a POST or PATCH body; shape only (the service judges values).
// creating: legal_name is required.
PersonFields ReadFields(http::FieldReader& f, bool creating) {
  PersonFields in;
  if (creating) {
    in.legal_name = f.String("legal_name", 100);
  } else {
    in.legal_name = f.OptString("legal_name", 100);
  }
  in.alias = f.OptString("alias", 100);
  in.birth_date = f.OptString("birth_date", 10);
  in.phone = f.OptString("phone", 30);
  in.safe_contact = f.OptString("safe_contact", 1000);
  in.nationality = f.OptString("nationality", 2);
  const bool has_languages = Present(f.raw(), "languages");
  const bool has_categories = Present(f.raw(), "categories");
  auto languages = f.StringList("languages", 10, 3);
  auto categories = f.StringList("categories", 10, 40);
  if (has_languages) in.languages = std::move(languages);
  if (has_categories) in.categories = std::move(categories);
  return in;
}

Response PersonReply(const Request& req, const Result<Person>& person, int status) {
  if (!person) return Refuse(req, person.error());
  return Response::Json(status, PersonJson(*person));
}

}  // namespace

boost::json::object PersonJson(const Person& p) {
  return {{"id", p.id},
          {"code", p.code},
          {"legal_name", p.legal_name},
          {"alias", OrNull(p.alias)},
          {"birth_date", OrNull(p.birth_date)},
          {"age_band", OrNull(p.age_band)},
          {"phone", OrNull(p.phone)},
          {"safe_contact", OrNull(p.safe_contact)},
          {"nationality", OrNull(p.nationality)},
          {"languages", ListJson(p.languages)},
          {"categories", ListJson(p.categories)},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at},
          {"restricted", p.restricted},
          {"access", p.access}};
}

boost::json::object PersonSummaryJson(const Person& p) {
  // A restricted woman the caller may not see: enough not to register her twice and to ask to
  // break the glass, nothing about who she is.
  if (p.hidden) {
    return {{"id", p.id}, {"code", p.code}, {"restricted", true}, {"access", nullptr}};
  }
  // Safe-contact instructions travel with every view that might lead someone to contact her.
  return {{"id", p.id},
          {"code", p.code},
          {"legal_name", p.legal_name},
          {"alias", OrNull(p.alias)},
          {"age_band", OrNull(p.age_band)},
          {"safe_contact", OrNull(p.safe_contact)},
          {"categories", ListJson(p.categories)},
          {"restricted", p.restricted},
          {"access", p.access}};
}

void AddRoutes(http::Router& router, PeopleService& people) {
  router.Add({.method = "POST",
              .path_template = "/api/v1/people",
              .permission = std::string(security::perm::kPersonWrite),
              .handler =
                  [&people](Request& req) {
                    auto body = http::ParseJsonObject(req);
                    if (!body) return Refuse(req, body.error());
                    http::FieldReader f(*body);
                    PersonFields in = ReadFields(f, true);
                    if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                    return PersonReply(req, people.Create(ActorOf(req), in), 201);
                  },
              .summary = "Register a survivor; identifying fields are encrypted under her key",
              .tag = "people",
              .json_body = true,
              .success_status = 201});
  router.Add(
      {.method = "GET",
       .path_template = "/api/v1/people",
       .permission = std::string(security::perm::kPersonRead),
       .handler =
           [&people](Request& req) {
             static constexpr std::pair<const char*, PersonQuery::Key> kKeys[] = {
                 {"name", PersonQuery::Key::kName},
                 {"phone", PersonQuery::Key::kPhone},
                 {"code", PersonQuery::Key::kCode}};
             PersonQuery query;
             int given = 0;
             for (const auto& [name, key] : kKeys) {
               if (!req.query.contains(name)) continue;
               ++given;
               query.key = key;
               query.value = req.Query(name);
             }
             if (given != 1 || query.value.empty() || query.value.size() > 400) {
               Error e{ErrorCode::kInvalid, "people.search_one_key"};
               for (const auto& [name, key] : kKeys) e.Field(name, "people.search_one_key");
               return Refuse(req, e);
             }
             auto found = people.Search(ActorOf(req), query);
             if (!found) return Refuse(req, found.error());
             boost::json::array items;
             for (const auto& p : found->value) items.emplace_back(PersonSummaryJson(p));
             Response res = Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
             res.await_commit = AwaitAudit(std::move(found->audit));
             return res;
           },
       .summary = "Find people of one's organization by exact name, phone or code",
       .tag = "people"});
  router.Add({.method = "GET",
              .path_template = "/api/v1/people/{id}",
              .permission = std::string(security::perm::kPersonRead),
              .handler =
                  [&people](Request& req) {
                    auto read = people.Get(ActorOf(req), req.path_params["id"]);
                    if (!read) return Refuse(req, read.error());
                    Response res = Response::Json(200, PersonJson(read->value));
                    res.await_commit = AwaitAudit(std::move(read->audit));
                    return res;
                  },
              .summary = "One person, decrypted (own organization only)",
              .tag = "people"});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/people/{id}",
              .permission = std::string(security::perm::kPersonWrite),
              .handler =
                  [&people](Request& req) {
                    auto body = http::ParseJsonObject(req);
                    if (!body) return Refuse(req, body.error());
                    http::FieldReader f(*body);
                    PersonFields in = ReadFields(f, false);
                    if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                    return PersonReply(req, people.Update(ActorOf(req), req.path_params["id"], in),
                                       200);
                  },
              .summary = "Change a person's fields (absent = unchanged, \"\" clears)",
              .tag = "people",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/erase",
              .permission = std::string(security::perm::kPersonErase),
              .handler =
                  [&people](Request& req) {
                    auto body = http::ParseJsonObject(req);
                    if (!body) return Refuse(req, body.error());
                    http::FieldReader f(*body);
                    std::string reason = f.String("reason", 500);
                    if (auto ok = f.Finish(); !ok) return Refuse(req, ok.error());
                    auto erased = people.Erase(ActorOf(req), req.path_params["id"], reason);
                    if (!erased) return Refuse(req, erased.error());
                    return Response::Json(200, {{"id", req.path_params["id"]}, {"erased", true}});
                  },
              .summary = "Erase a person: destroy her key (needs a recent re-authentication)",
              .tag = "people",
              .json_body = true});
}

void RegisterPeopleMessages() {
  static constexpr Message kMessages[] = {
      {"people.erased", "삭제된 사람입니다. 기록은 복구할 수 없습니다.",
       "This person was erased; her record cannot be recovered."},
      {"people.birth_date_range", "생년월일은 1900년 이후이고 오늘 이전이어야 합니다.",
       "The birth date must be after 1900 and not in the future."},
      {"people.phone", "전화번호는 숫자 7~15자리여야 합니다.",
       "A phone number has 7 to 15 digits."},
      {"people.break_glass_required",
       "제한된 사례가 있는 사람입니다. 사례를 열람하려면 사유를 입력하세요. 사유는 기록되고 "
       "슈퍼바이저에게 알림이 갑니다.",
       "This person has a restricted case. State a reason to open it; the reason is recorded and "
       "the supervisors are notified."},
      {"people.search_one_key", "이름, 전화번호, 코드 중 하나만으로 검색하세요.",
       "Search by exactly one of name, phone or code."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::people
