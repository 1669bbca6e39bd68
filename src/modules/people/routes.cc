#include "modules/people/routes.h"

#include <algorithm>

#include "core/messages.h"
#include "http/field_reader.h"
#include "modules/handler_support.h"
#include "security/policy.h"
#include "security/session_confirmation.h"

namespace dandelion::people {
namespace {

using http::Request;
using http::Response;

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

constexpr std::pair<const char*, PersonQuery::Key> kExactKeys[] = {
    {"name", PersonQuery::Key::kName},
    {"phone", PersonQuery::Key::kPhone},
    {"code", PersonQuery::Key::kCode}};

boost::json::array SummariesJson(const std::vector<Person>& people) {
  boost::json::array items;
  for (const auto& p : people) items.emplace_back(PersonSummaryJson(p));
  return items;
}

// The reply to a read whose audit entry the answer waits for.
// ?name= | ?phone= | ?code=: exact search by exactly one key.
http::Reply SearchReply(Request& req, PeopleService& people) {
  PersonQuery query;
  int given = 0;
  for (const auto& [name, key] : kExactKeys) {
    if (!req.query.contains(name)) continue;
    ++given;
    query.key = key;
    query.value = req.Query(name);
  }
  if (given != 1 || req.query.contains("q") || query.value.empty() || query.value.size() > 400) {
    Error e{ErrorCode::kInvalid, "people.search_one_key"};
    for (const auto& [name, key] : kExactKeys) e.Field(name, "people.search_one_key");
    return Fail(security::BeforeConfirmation(ActorOf(req), std::move(e)));
  }
  auto found = TRY(people.Search(ActorOf(req), query));
  return AuditedJson(std::move(found),
                     {{"items", SummariesJson(found.value)}, {"next_cursor", nullptr}});
}

// ?q=: the beginning of a name, alias or phone.
http::Reply FindReply(Request& req, PeopleService& people) {
  const std::string q = req.Query("q");
  if (q.size() > 100) {
    return Fail(security::BeforeConfirmation(
        ActorOf(req), Error{ErrorCode::kInvalid, "error.invalid"}.Field("q", "field.too_long")));
  }
  auto found = TRY(people.Find(ActorOf(req), q));
  return AuditedJson(std::move(found), {{"items", SummariesJson(found.value.items)},
                                        {"next_cursor", nullptr},
                                        {"more", found.value.more}});
}

// No search key: the organization's list, newest first.
http::Reply ListReply(Request& req, PeopleService& people) {
  static constexpr std::string_view kFilters[] = {"category", "age_band", "open_case", "cursor"};
  for (const auto& [name, value] : req.query) {
    if (std::ranges::find(kFilters, name) == std::end(kFilters)) {
      return Fail(security::BeforeConfirmation(
          ActorOf(req),
          Error{ErrorCode::kInvalid, "people.list_filter"}.Field(name, "field.unknown")));
    }
  }
  PeopleFilter filter{.category = req.Query("category"),
                      .age_band = req.Query("age_band"),
                      .open_case = req.Query("open_case"),
                      .cursor = req.Query("cursor")};
  auto listed = TRY(people.List(ActorOf(req), filter));
  return AuditedJson(std::move(listed), {{"items", SummariesJson(listed.value.items)},
                                         {"next_cursor", OrNull(listed.value.next_cursor)}});
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
              .handler = [&people](Request& req) -> http::Reply {
                PersonFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadFields(f, true); }));
                return Response::Json(201, PersonJson(TRY(people.Create(ActorOf(req), in))));
              },
              .summary = "Register a survivor; identifying fields are encrypted under her key",
              .tag = "people",
              .json_body = true,
              .success_status = 201});
  router.Add({.method = "GET",
              .path_template = "/api/v1/people",
              .permission = std::string(security::perm::kPersonRead),
              .handler = [&people](Request& req) -> http::Reply {
                const bool exact = std::ranges::any_of(
                    kExactKeys, [&](const auto& k) { return req.query.contains(k.first); });
                if (exact) return SearchReply(req, people);  // refuses q given as well
                if (req.query.contains("q")) return FindReply(req, people);
                return ListReply(req, people);
              },
              .summary = "People of one's organization: exact name, phone or code; q = the "
                         "beginning of a name, alias or phone; or, with neither, the list "
                         "(category, age_band, open_case=yes|no, cursor)",
              .tag = "people",
              // A search by name or phone confirms the session in its statement; the others
              // confirm it first (security/session_confirmation.h).
              .session_confirmed_by_read = true});
  router.Add({.method = "GET",
              .path_template = "/api/v1/people/{id}",
              .permission = std::string(security::perm::kPersonRead),
              .handler = [&people](Request& req) -> http::Reply {
                auto read = TRY(people.Get(ActorOf(req), req.path_params["id"]));
                Response res = Response::Json(200, PersonJson(read.value));
                res.await_commit = AwaitAudit(std::move(read.audit));
                return res;
              },
              .summary = "One person, decrypted (own organization only)",
              .tag = "people"});
  router.Add({.method = "PATCH",
              .path_template = "/api/v1/people/{id}",
              .permission = std::string(security::perm::kPersonWrite),
              .handler = [&people](Request& req) -> http::Reply {
                PersonFields in =
                    TRY(ReadBody(req, [](http::FieldReader& f) { return ReadFields(f, false); }));
                return Response::Json(
                    200, PersonJson(TRY(people.Update(ActorOf(req), req.path_params["id"], in))));
              },
              .summary = "Change a person's fields (absent = unchanged, \"\" clears)",
              .tag = "people",
              .json_body = true});
  router.Add({.method = "POST",
              .path_template = "/api/v1/people/{id}/erase",
              .permission = std::string(security::perm::kPersonErase),
              .handler = [&people](Request& req) -> http::Reply {
                std::string reason = TRY(
                    ReadBody(req, [](http::FieldReader& f) { return f.String("reason", 500); }));
                TRY(people.Erase(ActorOf(req), req.path_params["id"], reason));
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
      {"people.search_short",
       "이름이나 가명은 두 글자 이상, 전화번호는 앞 일곱 자리 이상 입력하세요.",
       "Type at least two characters of a name or alias, or the first seven digits of a phone."},
      {"people.list_filter", "목록 조건을 확인하세요: 분류, 연령대, 진행 중 사례(예/아니오).",
       "Check the list's filters: category, age band, open case (yes/no)."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::people
