// The public site's words for the modules' codes: an event's kind, a region, a map status, a
// kind of organization. Words, never codes, on every page.
#pragma once

#include <string>
#include <string_view>

#include "core/messages.h"
#include "modules/events/event_service.h"

namespace dandelion::site {

std::string_view EventKindWord(Lang lang, std::string_view kind);
std::string_view RegionWord(Lang lang, std::string_view code);   // "서울특별시" / "Seoul"
std::string_view RegionShort(Lang lang, std::string_view code);  // "서울" / "Seoul"
std::string_view MapStatusWord(Lang lang, std::string_view status);
std::string_view MapStatusShort(Lang lang, std::string_view status);  // fits a map tile
std::string_view OrgKindWord(Lang lang, std::string_view kind);
std::string_view ThemeWord(Lang lang, std::string_view theme);        // a campaign's theme
std::string_view ActivityWord(Lang lang, std::string_view activity);  // at a campaign's stop
// "자리 12개 남음", "정원이 찼습니다: 대기자로 신청할 수 있습니다", "신청 마감".
std::string AvailabilityWords(Lang lang, const events::PublicEvent& event);

}  // namespace dandelion::site
