#include "store/settings.h"

namespace dandelion::store {

Result<std::optional<std::string>> ReadSetting(Tx& tx, std::string_view key) {
  auto row = TRY(tx.QueryOne("SELECT value FROM kv_settings WHERE key = ?", {std::string(key)}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<void> WriteSetting(Tx& tx, std::string_view key, const std::string& value) {
  TRY(
      tx.Exec("INSERT INTO kv_settings (key, value) VALUES (?, ?) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              {std::string(key), value}));
  return Ok();
}

Result<void> DeleteSetting(Tx& tx, std::string_view key) {
  TRY(tx.Exec("DELETE FROM kv_settings WHERE key = ?", {std::string(key)}));
  return Ok();
}

}  // namespace dandelion::store
