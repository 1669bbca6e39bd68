// kv_settings: the small values the server keeps beside its tables (stay limits, a facility's
// grace time, a fund threshold, the master key's version). Read and written inside the caller's
// transaction, so a setting changes together with the work that depends on it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::store {

// The value of key, or nullopt when it was never set (or was deleted).
Result<std::optional<std::string>> ReadSetting(Tx& tx, std::string_view key);
// Sets key to value, replacing what it held.
Result<void> WriteSetting(Tx& tx, std::string_view key, const std::string& value);
// Forgets key (nothing happens when it was not set).
Result<void> DeleteSetting(Tx& tx, std::string_view key);

}  // namespace dandelion::store
