#include "modules/network/org_repo.h"

namespace dandelion::network::org_repo {
namespace {

constexpr const char* kColumns = "id, slug, name, kind, facility_type, region, created_at";

Organization ToOrg(const store::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)};
}

Result<std::optional<Organization>> FindOne(store::Tx& tx, const char* column,
                                            const std::string& value) {
  std::optional<store::Row> row = TRY(tx.QueryOne(
      std::string("SELECT ") + kColumns + " FROM organizations WHERE " + column + " = ?", {value}));
  if (!row) return std::optional<Organization>();
  return std::optional<Organization>(ToOrg(*row));
}

}  // namespace

Result<void> Insert(store::Tx& tx, const Organization& o) {
  store::Value facility =
      o.facility_type.empty() ? store::Value(nullptr) : store::Value(o.facility_type);
  TRY(
      tx.Exec("INSERT INTO organizations (id, slug, name, kind, facility_type, region, created_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)",
              {o.id, o.slug, o.name, o.kind, facility, o.region, o.created_at}));
  return Ok();
}

Result<std::optional<Organization>> FindById(store::Tx& tx, const std::string& id) {
  return FindOne(tx, "id", id);
}

Result<std::optional<Organization>> FindBySlug(store::Tx& tx, const std::string& slug) {
  return FindOne(tx, "slug", slug);
}

Result<std::vector<Organization>> List(store::Tx& tx) {
  store::Rows rows =
      TRY(tx.Query(std::string("SELECT ") + kColumns + " FROM organizations ORDER BY slug"));
  std::vector<Organization> out;
  for (const auto& r : rows) out.push_back(ToOrg(r));
  return out;
}

}  // namespace dandelion::network::org_repo
