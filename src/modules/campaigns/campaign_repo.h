// CampaignRepo: storage of campaigns, their stops, materials and press coverage, and the facts
// about organizations and events the campaign rules need. SQL only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::campaigns::campaign_repo {

struct StoredCampaign {
  std::string id, org_id, title_ko, title_en, summary_ko, summary_en, goal_ko, goal_en;
  std::string starts_on, ends_on, themes, status;
  bool published = false;
  std::string created_at, created_by, updated_at;
  std::string org_name;  // read only
};

Result<void> InsertCampaign(store::Tx& tx, const StoredCampaign& c);
Result<void> UpdateCampaign(store::Tx& tx, const StoredCampaign& c);
// On PostgreSQL, locks the campaign's row until the transaction ends (route edits one at a time).
Result<void> LockCampaign(store::Tx& tx, const std::string& id);
Result<std::optional<StoredCampaign>> FindCampaign(store::Tx& tx, const std::string& id);
// org_id "" = every organization's; newest start first.
Result<std::vector<StoredCampaign>> Campaigns(store::Tx& tx, const std::string& org_id);
Result<std::vector<StoredCampaign>> PublishedCampaigns(store::Tx& tx);

struct StoredStop {
  std::string id, campaign_id;
  int position = 0;
  std::string day, region, city, venue, host_org_id, host_partner_id, activities, event_id, note;
  std::string created_at, updated_at;
  std::string host_name;  // read only: the member's or the partner's (Korean) name
};

Result<void> InsertStop(store::Tx& tx, const StoredStop& s);
Result<void> UpdateStop(store::Tx& tx, const StoredStop& s);
Result<void> DeleteStop(store::Tx& tx, const std::string& id);
// In route order.
Result<std::vector<StoredStop>> StopsOf(store::Tx& tx, const std::string& campaign_id);
// Stops hosted by a partner (every campaign's).
Result<std::vector<StoredStop>> StopsHostedBy(store::Tx& tx, const std::string& partner_id);
Result<void> SetPositions(store::Tx& tx, const std::vector<std::string>& ids_in_order,
                          const std::string& now);
Result<void> ClearStopEvent(store::Tx& tx, const std::string& campaign_id,
                            const std::string& event_id);

struct StoredMaterial {
  std::string id, campaign_id, title, url, file_name, content_type;
  int64_t size = 0;
  bool is_public = false;
  std::string created_at;
};
Result<void> InsertMaterial(store::Tx& tx, const StoredMaterial& m, const std::string& content,
                            const std::string& user_id);
Result<std::vector<StoredMaterial>> MaterialsOf(store::Tx& tx, const std::string& campaign_id);
Result<std::optional<StoredMaterial>> FindMaterial(store::Tx& tx, const std::string& id);
Result<std::string> MaterialContent(store::Tx& tx, const std::string& id);
Result<void> DeleteMaterial(store::Tx& tx, const std::string& id);

struct StoredPress {
  std::string id, campaign_id, day, outlet, title, url, created_at;
};
Result<void> InsertPress(store::Tx& tx, const StoredPress& p, const std::string& user_id);
Result<std::vector<StoredPress>> PressOf(store::Tx& tx, const std::string& campaign_id);
Result<std::optional<StoredPress>> FindPress(store::Tx& tx, const std::string& id);
Result<void> DeletePress(store::Tx& tx, const std::string& id);

// ---- Organizations and events -------------------------------------------------------------------

struct Org {
  std::string id, name, kind;
};
Result<std::optional<Org>> FindOrg(store::Tx& tx, const std::string& id);

// The events linked to a campaign (events.campaign_id), by start.
struct LinkedEvent {
  std::string id, org_id, org_name, kind, title_ko, title_en, starts_at, ends_at, venue;
  bool published = false;
};
Result<std::vector<LinkedEvent>> EventsOf(store::Tx& tx, const std::string& campaign_id);
Result<void> SetEventCampaign(store::Tx& tx, const std::string& event_id,
                              const std::string& campaign_id, const std::string& now);

}  // namespace dandelion::campaigns::campaign_repo
