// OrgRepo: storage of member organizations. SQL only; decisions belong to OrgService.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/network/model.h"
#include "store/database.h"

namespace dandelion::network::org_repo {

Result<void> Insert(store::Tx& tx, const Organization& org);
Result<std::optional<Organization>> FindById(store::Tx& tx, const std::string& id);
Result<std::optional<Organization>> FindBySlug(store::Tx& tx, const std::string& slug);
Result<std::vector<Organization>> List(store::Tx& tx);

}  // namespace dandelion::network::org_repo
