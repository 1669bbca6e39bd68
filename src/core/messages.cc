#include "core/messages.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace dandelion {
namespace {

// Messages of the platform itself; modules register theirs beside their code.
constexpr Message kCoreMessages[] = {
    {"error.invalid", "입력한 내용을 확인하세요. 표시된 항목을 고쳐 다시 보내세요.",
     "Please check what you entered and correct the marked fields."},
    {"error.invalid_json", "요청 본문이 올바른 JSON이 아닙니다.",
     "The request body is not valid JSON."},
    {"error.invalid_utf8", "요청에 올바르지 않은 UTF-8 문자가 있습니다.",
     "The request contains invalid UTF-8."},
    {"error.expected_object", "요청 본문은 JSON 객체여야 합니다.",
     "The request body must be a JSON object."},
    {"error.unauthenticated", "로그인이 필요합니다.", "You need to sign in."},
    {"error.mfa_required", "인증 코드가 필요합니다.", "A verification code is required."},
    {"error.forbidden", "이 작업을 할 권한이 없습니다.", "You are not allowed to do this."},
    {"error.not_found", "찾을 수 없습니다.", "Not found."},
    {"error.route_not_found", "요청한 주소를 찾을 수 없습니다.", "No such address."},
    {"error.method_not_allowed", "이 주소에서 허용되지 않는 요청 방식입니다.",
     "This method is not allowed here."},
    {"error.timeout", "요청이 제시간에 도착하지 않았습니다.",
     "The request did not arrive in time."},
    {"error.conflict", "다른 변경과 충돌합니다.", "This conflicts with another change."},
    {"error.rule_exceeded", "지원 기준의 한도를 넘습니다. 아무것도 기록하지 않았습니다.",
     "This goes past a limit of the fund's rules. Nothing was recorded."},
    {"error.budget_exceeded", "재원의 올해 예산을 넘습니다. 아무것도 기록하지 않았습니다.",
     "This goes past the fund's yearly budget. Nothing was recorded."},
    {"error.remaining_krw", "남은 금액: {n}원", "Remaining: KRW {n}"},
    {"error.remaining_months", "남은 개월 수: {n}개월", "Months remaining: {n}"},
    {"error.too_large", "요청이 너무 큽니다.", "The request is too large."},
    {"error.headers_too_large", "요청 헤더가 너무 큽니다.", "The request headers are too large."},
    {"error.unsupported_media", "JSON(application/json) 요청만 받습니다.",
     "Only JSON (application/json) requests are accepted."},
    {"error.rate_limited", "요청이 너무 많습니다. 잠시 후 다시 시도하세요.",
     "Too many requests. Please try again shortly."},
    {"error.internal", "서버 오류가 발생했습니다. 요청 번호를 알려 주세요.",
     "Something went wrong on the server. Please quote the request id."},
    {"error.unavailable", "서버가 잠시 요청을 받을 수 없습니다.",
     "The server cannot take requests right now."},
    {"error.bad_request", "HTTP 요청 형식이 잘못되었습니다.", "The HTTP request is malformed."},
    {"field.required", "필수 항목입니다.", "This field is required."},
    {"field.wrong_type", "값의 형식이 맞지 않습니다.", "This value has the wrong type."},
    {"field.unknown", "알 수 없는 항목입니다.", "This field is not recognized."},
    {"field.too_long", "값이 너무 깁니다.", "This value is too long."},
    {"field.empty", "필수 항목입니다.", "This field is required."},
    {"field.unknown_value", "목록에 있는 값 중에서 고르세요.", "Choose one of the values offered."},
    {"field.invalid_date", "올바른 날짜가 아닙니다. 예: 2026-03-01",
     "This is not a valid date. E.g. 2026-03-01"},
    {"field.invalid_time", "올바른 날짜와 시각이 아닙니다.", "This is not a valid date and time."},
    {"field.negative", "0 이상이어야 합니다.", "This must not be negative."},
    {"field.out_of_range", "허용 범위를 벗어났습니다.", "This value is out of range."},
};

struct Catalog {
  std::mutex mu;
  std::map<std::string, Message, std::less<>> messages;  // GUARDED_BY(mu)
};

Catalog& TheCatalog() {
  static Catalog* catalog = [] {
    auto* c = new Catalog;
    for (const auto& m : kCoreMessages) c->messages.emplace(std::string(m.key), m);
    return c;
  }();
  return *catalog;
}

}  // namespace

void RegisterMessages(std::span<const Message> messages) {
  Catalog& c = TheCatalog();
  std::lock_guard lock(c.mu);
  for (const auto& m : messages) c.messages.insert_or_assign(std::string(m.key), m);
}

std::string Translate(std::string_view key, Lang lang) {
  Catalog& c = TheCatalog();
  std::lock_guard lock(c.mu);
  auto it = c.messages.find(key);
  if (it == c.messages.end()) return std::string(key);
  return std::string(lang == Lang::kKo ? it->second.ko : it->second.en);
}

bool HasMessage(std::string_view key) {
  Catalog& c = TheCatalog();
  std::lock_guard lock(c.mu);
  return c.messages.find(key) != c.messages.end();
}

std::vector<Message> AllMessages() {
  Catalog& c = TheCatalog();
  std::lock_guard lock(c.mu);
  std::vector<Message> out;
  for (const auto& [k, m] : c.messages) out.push_back(m);
  return out;
}

Lang LangFromAcceptLanguage(std::string_view header) {
  // Honour the first listed language only: browsers list the user's choice first, and the
  // web app sends exactly one. Anything but English falls back to Korean.
  auto end = header.find_first_of(",;");
  std::string_view first = header.substr(0, end);
  while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
  if (first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') &&
      (first[1] == 'n' || first[1] == 'N')) {
    return Lang::kEn;
  }
  return Lang::kKo;
}

}  // namespace dandelion
