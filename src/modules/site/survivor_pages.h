// The survivors' network's published statements on the public site (docs/site.md,
// docs/api-survivors.md): the title, the text and how many members signed — never a name.
#pragma once

#include <string>
#include <vector>

#include "core/messages.h"
#include "modules/survivors/survivor_service.h"

namespace dandelion::site {

// "당사자 네트워크 회원 N명이 서명했습니다" / "Signed by N members of the survivors' network".
std::string SignedBy(Lang lang, int signatures);
// The section the statements page lists them in ("" when there are none).
std::string SurvivorStatementsSection(Lang lang,
                                      const std::vector<survivors::PublicStatement>& list);
std::string SurvivorStatementPage(Lang lang, const survivors::PublicStatement& statement);

}  // namespace dandelion::site
