// CampaignService: the one door to campaigns (their route, materials, press coverage, linked
// events and progress) and to partners (contacts, alliances, agreements, interactions, events
// they co-organize) — docs/api-campaigns.md.
//
// What holds, whoever calls:
// - A campaign or partner belongs to the organization that recorded it. Its staff and the
//   secretariat's staff see it; anyone else gets 404 like an unknown id.
// - Editing needs campaign.write / partner.write and either the caller's own organization's
//   record or an advocate / network admin of the secretariat (403 when seen but not editable).
// - The route's dates never go backwards; every stop lies within the campaign's period.
// - An event is linked to a campaign only by someone who may edit both, when they belong
//   together (the event's organizer runs the campaign or hosts one of its stops).
// - Partners' contacts are sealed under the owning organization's key, shown only to those who
//   may edit the partner, and every read of them is audited, before its reply leaves.
// - Every write is audited in its transaction (campaign.*, partner.*).
// - The public answers (PublicCampaigns, PublicCampaign) carry published campaigns only, hosts
//   by public name, published events only, public materials only: no contact, no count, no
//   person. They are plain structs, for the JSON routes and for the server-rendered public site.
//
// Thread-safe: state lives in the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/korea_date.h"
#include "modules/campaigns/campaign_repo.h"
#include "modules/campaigns/model.h"
#include "modules/campaigns/partner_repo.h"
#include "modules/events/event_repo.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::campaigns {

// ---- Campaigns, as staff see them ----

struct CampaignView {
  campaign_repo::StoredCampaign stored;
  Progress progress;
  bool can_edit = false;
};

struct StopView {
  campaign_repo::StoredStop stored;
  bool done = false;
};

struct LinkedEventView {
  campaign_repo::LinkedEvent event;
  std::optional<events::event_repo::Counts> counts;  // only for the event's own staff
};

struct CampaignDetail {
  CampaignView campaign;
  std::vector<StopView> stops;
  std::vector<campaign_repo::StoredMaterial> materials;
  std::vector<campaign_repo::StoredPress> press;
  std::vector<LinkedEventView> events;
  int checked_in_total = 0;
};

// A change: only what is given.
struct CampaignPatch {
  std::optional<std::string> title_ko, title_en, summary_ko, summary_en, goal_ko, goal_en;
  std::optional<std::string> starts_on, ends_on, status;
  std::optional<std::vector<std::string>> themes;
  std::optional<bool> published;
};

// A stop's change; for the host and event, given with "" clears.
struct StopPatch {
  std::optional<std::string> day, region, city, venue, note;
  std::optional<std::vector<std::string>> activities;
  std::optional<std::string> host_org_id, host_partner_id, event_id;
  std::optional<int> position;  // on add: where it goes (1-based)
};

struct NewMaterial {
  std::string title, url;  // a link, or:
  std::string file_name, content_type, content;
  bool is_public = false;
};

struct MaterialFile {
  campaign_repo::StoredMaterial material;
  std::string content;
};

// ---- The public: plain structs, nothing personal ----

struct PublicHost {
  std::string kind;  // member | partner
  std::string name;
};
struct PublicStop {
  int position = 0;
  std::string date, region, city, venue;
  std::optional<PublicHost> host;
  std::vector<std::string> activities;
  std::string event_id;  // "" unless the linked event is published
  bool done = false;
};
struct PublicEventRef {
  std::string id, kind, title_ko, title_en, date, starts_at, venue, organizer_name;
  std::vector<std::string> co_organizers;  // partners' public names
};
struct PublicMaterial {
  std::string id, title, url, file_name, content_type;
  int64_t size = 0;
};
struct PublicPress {
  std::string date, outlet, title, url;
};
struct PublicCampaign {
  std::string id, title_ko, title_en, summary_ko, summary_en, goal_ko, goal_en;
  std::string starts_on, ends_on, status, organizer_name;
  std::vector<std::string> themes;
  Progress progress;
  // Only in PublicCampaign(id); empty in the list.
  std::vector<PublicStop> stops;
  std::vector<PublicEventRef> events;
  std::vector<PublicMaterial> materials;
  std::vector<PublicPress> press;
};

// ---- Partners ----

struct PartnerView {
  partner_repo::StoredPartner stored;
  bool can_edit = false;
};

struct PartnerPatch {
  std::optional<std::string> kind, name_ko, name_en, website, note;
};

struct HostedStop {
  std::string campaign_id, stop_id, date, city;
};

struct PartnerDetail {
  PartnerView partner;
  std::vector<partner_repo::Alliance> alliances;
  std::vector<partner_repo::Agreement> agreements;
  std::vector<partner_repo::Interaction> interactions;
  std::vector<HostedStop> hosted_stops;
  std::vector<partner_repo::CoOrganized> co_organized;
  std::string today;  // Korea's, for agreements' "active"
};

struct Contact {
  std::string id;
  ContactFields fields;
  std::string created_at;
};

struct AgreementFile {
  partner_repo::Agreement agreement;
  std::string content;
};

class CampaignService {
 public:
  CampaignService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                  security::AuditBatcher& reads, const Clock& clock);

  // ---- Campaigns (campaign_service.cc) ----
  Result<std::vector<CampaignView>> List(const security::Actor& actor);
  Result<CampaignDetail> Create(const security::Actor& actor, const CampaignFields& fields);
  Result<CampaignDetail> Get(const security::Actor& actor, const std::string& id);
  Result<CampaignDetail> Update(const security::Actor& actor, const std::string& id,
                                const CampaignPatch& patch);
  // 404 unless the caller may see the campaign; with edit, 403 unless she may edit it. For the
  // routes, before a body is read.
  Result<void> CheckCampaign(const security::Actor& actor, const std::string& id, bool edit);

  // ---- The route, linked events, materials, press (route_service.cc) ----
  Result<CampaignDetail> AddStop(const security::Actor& actor, const std::string& id,
                                 const StopPatch& stop);
  Result<CampaignDetail> UpdateStop(const security::Actor& actor, const std::string& id,
                                    const std::string& stop_id, const StopPatch& patch);
  Result<CampaignDetail> RemoveStop(const security::Actor& actor, const std::string& id,
                                    const std::string& stop_id);
  Result<CampaignDetail> Reorder(const security::Actor& actor, const std::string& id,
                                 const std::vector<std::string>& stop_ids);
  Result<CampaignDetail> LinkEvent(const security::Actor& actor, const std::string& id,
                                   const std::string& event_id);
  Result<CampaignDetail> UnlinkEvent(const security::Actor& actor, const std::string& id,
                                     const std::string& event_id);
  // For EventService: may the caller set this event's campaign_id (both editable, together)?
  Result<void> CheckEventLink(store::Tx& tx, const security::Actor& actor,
                              const std::string& event_org_id, const std::string& campaign_id);
  Result<campaign_repo::StoredMaterial> AddMaterial(const security::Actor& actor,
                                                    const std::string& id, NewMaterial m);
  Result<void> RemoveMaterial(const security::Actor& actor, const std::string& id,
                              const std::string& material_id);
  Result<MaterialFile> MaterialContent(const security::Actor& actor, const std::string& id,
                                       const std::string& material_id);
  Result<campaign_repo::StoredPress> AddPress(const security::Actor& actor, const std::string& id,
                                              const campaign_repo::StoredPress& press);
  Result<void> RemovePress(const security::Actor& actor, const std::string& id,
                           const std::string& press_id);

  // ---- The public (public_service.cc): anyone, no actor ----
  // Published campaigns, newest start first, without stops, events, materials or press.
  Result<std::vector<PublicCampaign>> PublicCampaigns();
  // One published campaign with everything public; 404 otherwise.
  Result<PublicCampaign> PublicCampaignOf(const std::string& id);
  // A public material of a published campaign; 404 otherwise.
  Result<MaterialFile> PublicMaterial(const std::string& id, const std::string& material_id);

  // ---- Partners (partner_service.cc) ----
  Result<std::vector<PartnerView>> Partners(const security::Actor& actor, const std::string& kind);
  Result<PartnerDetail> CreatePartner(const security::Actor& actor, const PartnerFields& fields);
  Result<PartnerDetail> GetPartner(const security::Actor& actor, const std::string& id);
  Result<PartnerDetail> UpdatePartner(const security::Actor& actor, const std::string& id,
                                      const PartnerPatch& patch);
  // 404 unless seen; with edit, 403 unless editable. For the routes, before a body is read.
  Result<void> CheckPartner(const security::Actor& actor, const std::string& id, bool edit);
  // Audited (partner.contacts.read); only to those who may edit the partner. Read without the
  // database's writer; its audit entry is owed before the reply leaves.
  Result<security::Audited<std::vector<Contact>>> Contacts(const security::Actor& actor,
                                                           const std::string& id);
  Result<Contact> AddContact(const security::Actor& actor, const std::string& id,
                             const ContactFields& fields);
  Result<void> RemoveContact(const security::Actor& actor, const std::string& id,
                             const std::string& contact_id);
  Result<partner_repo::Alliance> AddAlliance(const security::Actor& actor, const std::string& id,
                                             const partner_repo::Alliance& a);
  Result<void> RemoveAlliance(const security::Actor& actor, const std::string& id,
                              const std::string& alliance_id);
  Result<partner_repo::Agreement> AddAgreement(const security::Actor& actor, const std::string& id,
                                               const partner_repo::Agreement& a);
  Result<partner_repo::Agreement> SetAgreementFile(
      const security::Actor& actor, const std::string& id, const std::string& agreement_id,
      const std::string& name, const std::string& content_type, std::string content);
  Result<AgreementFile> AgreementContent(const security::Actor& actor, const std::string& id,
                                         const std::string& agreement_id);
  Result<void> RemoveAgreement(const security::Actor& actor, const std::string& id,
                               const std::string& agreement_id);
  Result<partner_repo::Interaction> AddInteraction(const security::Actor& actor,
                                                   const std::string& id,
                                                   const partner_repo::Interaction& i);

  // ---- Co-organizers of events (partner_service.cc): the event's own staff ----
  Result<std::vector<partner_repo::StoredPartner>> CoOrganizers(const security::Actor& actor,
                                                                const std::string& event_id);
  Result<std::vector<partner_repo::StoredPartner>> AddCoOrganizer(const security::Actor& actor,
                                                                  const std::string& event_id,
                                                                  const std::string& partner_id);
  Result<std::vector<partner_repo::StoredPartner>> RemoveCoOrganizer(const security::Actor& actor,
                                                                     const std::string& event_id,
                                                                     const std::string& partner_id);
  // 404 unless the event is the caller's organization's (event.read / event.write).
  Result<void> CheckOwnEvent(const security::Actor& actor, const std::string& event_id, bool edit);

  std::string Today() const { return KoreaDate(clock_.Now()); }

 private:
  Result<Caller> CallerOf(store::Tx& tx, const security::Actor& actor);
  // The campaign if the caller may see it (else 404) and, with edit, edit it (else 403).
  Result<campaign_repo::StoredCampaign> LoadCampaign(store::Tx& tx, const security::Actor& actor,
                                                     const std::string& id, bool edit);
  Result<CampaignDetail> Detail(store::Tx& tx, const security::Actor& actor,
                                campaign_repo::StoredCampaign c);
  Result<Progress> ProgressOf(store::Tx& tx, const std::string& campaign_id);
  // Checks a stop's references (host, event) against the campaign; field reasons into bad.
  Result<void> CheckStopRefs(store::Tx& tx, const security::Actor& actor,
                             const campaign_repo::StoredCampaign& c, const StopFields& s,
                             Error& bad);
  Result<partner_repo::StoredPartner> LoadPartner(store::Tx& tx, const security::Actor& actor,
                                                  const std::string& id, bool edit);
  Result<PartnerDetail> PartnerDetailOf(store::Tx& tx, const security::Actor& actor,
                                        partner_repo::StoredPartner p);
  Result<events::event_repo::StoredEvent> LoadOwnEvent(store::Tx& tx, const security::Actor& actor,
                                                       const std::string& event_id);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
};

}  // namespace dandelion::campaigns
