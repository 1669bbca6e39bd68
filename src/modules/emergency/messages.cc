// The Korean/English messages of emergency rescue (core/messages.h).
#include "core/messages.h"

#include "modules/emergency/routes.h"

namespace dandelion::emergency {

void RegisterEmergencyMessages() {
  static constexpr Message kMessages[] = {
      {"emergency.too_many",
       "이 연결에서 요청이 너무 많이 왔습니다. 몇 분 뒤에 다시 보내 주세요. 지금 위험하면 112에 "
       "전화하세요.",
       "Too many requests came from this connection. Please send again in a few minutes. If you "
       "are in danger now, call 112."},
      {"emergency.form_token", "양식이 올바르지 않습니다. 페이지를 새로 고친 뒤 다시 보내 주세요.",
       "The form is not valid. Please reload the page and send it again."},
      {"emergency.form_too_fast", "조금만 기다렸다가 다시 보내 주세요.",
       "Please wait a moment, then send again."},
      {"emergency.form_expired", "양식이 오래되었습니다. 페이지를 새로 고친 뒤 다시 보내 주세요.",
       "The form has expired. Please reload the page and send it again."},
      {"emergency.form_used",
       "이 양식은 이미 보내졌습니다. 페이지를 새로 고친 뒤 다시 보내 주세요.",
       "This form has already been sent. Please reload the page and send it again."},
      {"emergency.honeypot", "이 칸은 비워 두세요.", "Leave this field empty."},
      {"emergency.no_receiver",
       "지금 요청을 받을 수 있는 기관이 없습니다. 112 또는 1366에 전화하세요.",
       "No organization can receive requests right now. Please call 112 or 1366."},
      {"emergency.wrong_status", "요청의 현재 상태에서는 할 수 없는 일입니다.",
       "This cannot be done in the request's current status."},
      {"emergency.changed", "다른 사람이 방금 이 요청을 바꾸었습니다. 다시 불러와 주세요.",
       "Someone else just changed this request. Please reload it."},
      {"emergency.in_future", "미래의 시각은 입력할 수 없습니다.",
       "The time cannot be in the future."},
      {"emergency.unknown_person", "우리 기관에 등록된 사람이 아닙니다.",
       "This is not a person registered with your organization."},
      {"emergency.unknown_case", "이 사람의 우리 기관 사례가 아닙니다.",
       "This is not a case of this person at your organization."},
      {"emergency.not_a_dispatcher", "우리 기관의 활동 중인 상황 요원이나 슈퍼바이저가 아닙니다.",
       "This is not an active dispatcher or supervisor of your organization."},
      {"emergency.shift_range", "근무는 끝이 시작보다 뒤이고 31일을 넘지 않아야 합니다.",
       "A shift must end after it starts and last at most 31 days."},
      {"emergency.range", "기간은 끝이 시작보다 뒤이고 93일을 넘지 않아야 합니다.",
       "The period must end after it starts and span at most 93 days."},
      {"emergency.one_lookup", "이름과 전화번호 중 하나만 입력하세요.",
       "Give either a name or a phone number, not both."},
      {"emergency.ack_limit_range", "확인 시한은 1분에서 120분 사이여야 합니다.",
       "The acknowledgement limit must be between 1 and 120 minutes."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::emergency
