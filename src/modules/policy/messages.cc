// The policy monitor's messages, in Korean and English.
#include "core/messages.h"

#include "modules/policy/routes.h"

namespace dandelion::policy {

void RegisterPolicyMessages() {
  static constexpr Message kMessages[] = {
      {"policy.unknown_jurisdiction", "알 수 없는 지역입니다.", "Unknown jurisdiction."},
      {"policy.kind_level",
       "이 종류는 이 지역 단위에 둘 수 없습니다(조례는 시·도나 시·군·구, 법률·시행령은 국가).",
       "This kind does not fit this level (ordinances: a region or municipality; laws and "
       "decrees: the nation)."},
      {"policy.duplicate_external_id", "같은 외부 ID를 가진 항목이 이미 있습니다.",
       "An item with this external id already exists."},
      {"policy.not_an_ordinance", "조례만 평가하고 비교할 수 있습니다.",
       "Only ordinances are scored and compared."},
      {"policy.duplicate_criterion", "같은 키의 평가 항목이 이미 있습니다.",
       "A criterion with this key already exists."},
      {"policy.unknown_criterion", "알 수 없거나 사용이 끝난 평가 항목입니다.",
       "Unknown or retired criterion."},
      {"policy.criterion_twice", "같은 평가 항목이 두 번 있습니다.",
       "The same criterion is given twice."},
      {"policy.bad_key", "키는 영문 소문자로 시작하고 소문자·숫자·_ 2~40자입니다.",
       "A key starts with a lowercase letter: 2 to 40 of a-z, 0-9 and _."},
      {"policy.bad_url", "http:// 또는 https://로 시작하는 주소를 적으세요.",
       "Give an address starting with http:// or https://."},
      {"policy.file_type", "PDF, PNG, JPEG, 텍스트, DOCX, HWP 파일만 올릴 수 있습니다.",
       "Only PDF, PNG, JPEG, text, DOCX and HWP files can be uploaded."},
      {"policy.compare_count", "조례를 2개에서 10개까지 고르세요.",
       "Choose from 2 to 10 ordinances."},
      {"policy.unknown_item", "알 수 없는 정책 항목입니다.", "Unknown policy item."},
      {"policy.bad_assignee", "사무국의 활동가나 네트워크 관리자만 담당자가 될 수 있습니다.",
       "Only an advocate or network admin of the secretariat can be assigned."},
      {"policy.bad_time", "시각은 14:00처럼 적으세요(한국 시각).",
       "Give the time as 14:00 (Korea time)."},
      {"policy.import.empty", "파일이 비어 있습니다.", "The file is empty."},
      {"policy.import.bad_header", "첫 줄(제목 줄)을 읽을 수 없습니다.",
       "The header row cannot be read."},
      {"policy.import.missing_columns",
       "필수 열이 없습니다: 자치법규ID, 자치법규명, 지자체기관명, 제개정구분명, 공포일자.",
       "Required columns are missing: 자치법규ID, 자치법규명, 지자체기관명, 제개정구분명, "
       "공포일자."},
      {"policy.import.missing_bill_columns", "필수 열이 없습니다: 의안번호, 의안명, 제안일자.",
       "Required columns are missing: 의안번호, 의안명, 제안일자."},
      {"policy.import.bill_bad_id", "의안번호가 없거나 너무 깁니다.",
       "The bill number is missing or too long."},
      {"policy.import.bill_bad_title", "의안명이 없거나 너무 깁니다.",
       "The bill's title is missing or too long."},
      {"policy.import.bill_bad_date",
       "날짜를 읽을 수 없거나 순서가 맞지 않습니다(제안일자 ≤ 소관위회부일 ≤ 의결일자, 예: "
       "20240530).",
       "A date cannot be read or is out of order (proposed ≤ referred ≤ decided, e.g. 20240530)."},
      {"policy.import.bill_decision", "의결일자와 의결결과는 함께 적어야 합니다.",
       "The decision's date and its result go together."},
      {"policy.import.bill_result",
       "알 수 없는 의결결과입니다(원안가결, 수정가결, 부결, 폐기, 대안반영폐기, 임기만료폐기, "
       "철회).",
       "Unknown result (원안가결, 수정가결, 부결, 폐기, 대안반영폐기, 임기만료폐기, 철회)."},
      {"policy.import.bad_id", "자치법규ID가 없거나 너무 깁니다.",
       "The ordinance id is missing or too long."},
      {"policy.import.bad_title", "자치법규명이 없거나 너무 깁니다.",
       "The title is missing or too long."},
      {"policy.import.bad_kind", "알 수 없는 자치법규종류입니다.", "Unknown kind of local law."},
      {"policy.import.bad_change", "알 수 없는 제개정구분입니다.",
       "Unknown kind of enactment or amendment."},
      {"policy.import.bad_date", "공포일자를 읽을 수 없습니다(예: 20211230).",
       "The promulgation date cannot be read (e.g. 20211230)."},
      {"policy.import.unknown_place", "지자체기관명에 맞는 지역이 없습니다.",
       "No jurisdiction matches the local government's name."},
      {"policy.import.duplicate", "같은 자치법규ID가 앞 줄에 이미 있습니다.",
       "The same ordinance id appears in an earlier row."},
      {"policy.import.field_count", "열의 개수가 제목 줄과 다릅니다.",
       "The number of fields differs from the header."},
      {"policy.import.quote", "따옴표가 잘못되었습니다.", "Bad quoting."},
      {"policy.import.utf8", "UTF-8이 아닌 글자가 있습니다.", "The row is not valid UTF-8."},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::policy
