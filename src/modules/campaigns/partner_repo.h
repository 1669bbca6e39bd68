// PartnerRepo: storage of partners, their contacts (sealed columns come and go as ciphertext,
// "" stored as NULL), alliance memberships, agreements, interactions, and events' co-organizers.
// SQL only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::campaigns::partner_repo {

struct StoredPartner {
  std::string id, org_id, kind, name_ko, name_en, website, note;
  std::string created_at, created_by, updated_at;
  std::string org_name;  // read only
};
Result<void> InsertPartner(store::Tx& tx, const StoredPartner& p);
Result<void> UpdatePartner(store::Tx& tx, const StoredPartner& p);
Result<std::optional<StoredPartner>> FindPartner(store::Tx& tx, const std::string& id);
// org_id "" = every organization's; kind "" = every kind; by Korean name.
Result<std::vector<StoredPartner>> Partners(store::Tx& tx, const std::string& org_id,
                                            const std::string& kind);

struct StoredContact {
  std::string id, partner_id, org_id;
  std::string name, role, phone, email;  // sealed
  std::string created_at;
};
Result<void> InsertContact(store::Tx& tx, const StoredContact& c, const std::string& user_id);
Result<std::vector<StoredContact>> ContactsOf(store::Tx& tx, const std::string& partner_id);
Result<std::optional<StoredContact>> FindContact(store::Tx& tx, const std::string& id);
Result<void> DeleteContact(store::Tx& tx, const std::string& id);

struct Alliance {
  std::string id, partner_id, name, since, until;
};
Result<void> InsertAlliance(store::Tx& tx, const Alliance& a, const std::string& now);
Result<std::vector<Alliance>> AlliancesOf(store::Tx& tx, const std::string& partner_id);
Result<std::optional<Alliance>> FindAlliance(store::Tx& tx, const std::string& id);
Result<void> DeleteAlliance(store::Tx& tx, const std::string& id);

struct Agreement {
  std::string id, partner_id, title, signed_on, expires_on, file_name, content_type;
  int64_t size = 0;
  std::string created_at;
};
Result<void> InsertAgreement(store::Tx& tx, const Agreement& a, const std::string& user_id);
Result<std::vector<Agreement>> AgreementsOf(store::Tx& tx, const std::string& partner_id);
Result<std::optional<Agreement>> FindAgreement(store::Tx& tx, const std::string& id);
Result<void> SetAgreementFile(store::Tx& tx, const Agreement& a, const std::string& content);
Result<std::string> AgreementContent(store::Tx& tx, const std::string& id);
Result<void> DeleteAgreement(store::Tx& tx, const std::string& id);

struct Interaction {
  std::string id, partner_id, day, kind, summary, by_user, by_name, created_at;
};
Result<void> InsertInteraction(store::Tx& tx, const Interaction& i);
// Newest first.
Result<std::vector<Interaction>> InteractionsOf(store::Tx& tx, const std::string& partner_id);

// ---- Co-organizers of events ----
Result<std::vector<StoredPartner>> CoOrganizersOf(store::Tx& tx, const std::string& event_id);
Result<void> AddCoOrganizer(store::Tx& tx, const std::string& event_id,
                            const std::string& partner_id, const std::string& now,
                            const std::string& user_id);
// Whether a link was removed.
Result<bool> RemoveCoOrganizer(store::Tx& tx, const std::string& event_id,
                               const std::string& partner_id);
struct CoOrganized {
  std::string event_id, org_id, title_ko, starts_at;
};
Result<std::vector<CoOrganized>> EventsCoOrganizedBy(store::Tx& tx, const std::string& partner_id);

}  // namespace dandelion::campaigns::partner_repo
