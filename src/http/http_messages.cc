#include "http/http_messages.h"

#include "core/messages.h"

namespace dandelion::http {
namespace {

constexpr Message kHttpMessages[] = {
    {"field.invalid_chars", "허용되지 않는 제어 문자가 들어 있습니다.",
     "This value contains control characters that are not allowed."},
    {"field.too_many", "항목이 너무 많습니다.", "There are too many items."},
    {"error.bad_target", "요청 주소가 올바르지 않습니다.", "The request address is not valid."},
    {"error.duplicate_key", "JSON 객체에 같은 이름의 항목이 두 번 있습니다.",
     "A JSON object names the same key twice."},
    {"field.duplicate_key", "이 항목 이름이 두 번 나옵니다. 한 번만 보내세요.",
     "This key appears twice. Send it once."},
    {"error.too_many_connections", "연결이 너무 많습니다. 잠시 후 다시 시도하세요.",
     "There are too many connections. Please try again shortly."},
    {"error.shutting_down", "서버가 종료 중입니다. 잠시 후 다시 시도하세요.",
     "The server is shutting down. Please try again shortly."},
};

}  // namespace

void RegisterHttpMessages() {
  static const bool registered = [] {
    RegisterMessages(kHttpMessages);
    return true;
  }();
  (void)registered;
}

}  // namespace dandelion::http
