#include "modules/events/event_repo.h"

namespace dandelion::events::event_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

constexpr const char* kEventSelect =
    "SELECT e.id, e.org_id, e.kind, e.title_ko, e.title_en, e.description_ko, "
    "e.description_en, e.starts_at, e.ends_at, e.venue, e.region, e.capacity, "
    "e.registration_open, e.published, e.campaign_id, e.created_at, e.created_by, e.updated_at, "
    "o.name FROM events e JOIN organizations o ON o.id = e.org_id ";

StoredEvent ToEvent(const store::Row& row) {
  StoredEvent e;
  size_t i = 0;
  auto text = [&] { return row.Text(i++); };
  e.id = text();
  e.org_id = text();
  e.kind = text();
  e.title_ko = text();
  e.title_en = text();
  e.description_ko = text();
  e.description_en = text();
  e.starts_at = text();
  e.ends_at = text();
  e.venue = text();
  e.region = text();
  if (auto c = row.OptInt(i++)) e.capacity = static_cast<int>(*c);
  e.registration_open = row.Int(i++) != 0;
  e.published = row.Int(i++) != 0;
  e.campaign_id = text();
  e.created_at = text();
  e.created_by = text();
  e.updated_at = text();
  e.org_name = text();
  return e;
}

Result<std::vector<StoredEvent>> SelectEvents(store::Tx& tx, const std::string& where,
                                              const store::Params& params) {
  store::Rows rows = TRY(tx.Query(kEventSelect + where, params));
  std::vector<StoredEvent> out;
  for (const auto& row : rows) out.push_back(ToEvent(row));
  return out;
}

store::Value Capacity(const std::optional<int>& c) {
  return c ? store::Value(static_cast<int64_t>(*c)) : store::Value(nullptr);
}

constexpr const char* kRegistrationSelect =
    "SELECT id, event_id, org_id, reference, role, status, source, name, contact, alias, "
    "contact_index, photo_consent, registered_at, registered_by, cancelled_at, checked_in_at, "
    "checked_in_by, check_in_method, check_in_key FROM event_registrations ";

StoredRegistration ToRegistration(const store::Row& row) {
  StoredRegistration r;
  size_t i = 0;
  auto text = [&] { return row.Text(i++); };
  auto blob = [&] { return row.BlobBytes(i++); };
  r.id = text();
  r.event_id = text();
  r.org_id = text();
  r.reference = text();
  r.role = text();
  r.status = text();
  r.source = text();
  r.name = blob();
  r.contact = blob();
  r.alias = blob();
  r.contact_index = blob();
  r.photo_consent = row.Int(i++) != 0;
  r.registered_at = text();
  r.registered_by = text();
  r.cancelled_at = text();
  r.checked_in_at = text();
  r.checked_in_by = text();
  r.check_in_method = text();
  r.check_in_key = text();
  return r;
}

Result<std::vector<StoredRegistration>> SelectRegistrations(store::Tx& tx, const std::string& where,
                                                            const store::Params& params) {
  store::Rows rows = TRY(tx.Query(kRegistrationSelect + where, params));
  std::vector<StoredRegistration> out;
  for (const auto& row : rows) out.push_back(ToRegistration(row));
  return out;
}

Result<std::optional<StoredRegistration>> One(Result<std::vector<StoredRegistration>> found) {
  if (!found) return Fail(found.error());
  if (found->empty()) return std::optional<StoredRegistration>();
  return std::optional<StoredRegistration>(std::move(found->front()));
}

}  // namespace

Result<void> InsertEvent(store::Tx& tx, const StoredEvent& e) {
  TRY(
      tx.Exec("INSERT INTO events (id, org_id, kind, title_ko, title_en, description_ko, "
              "description_en, starts_at, ends_at, venue, region, capacity, registration_open, "
              "published, campaign_id, created_at, created_by, updated_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {e.id, e.org_id, e.kind, e.title_ko, e.title_en, e.description_ko, e.description_en,
               e.starts_at, e.ends_at, e.venue, e.region, Capacity(e.capacity),
               int64_t{e.registration_open}, int64_t{e.published}, TextOrNull(e.campaign_id),
               e.created_at, e.created_by, e.updated_at}));
  return Ok();
}

Result<void> UpdateEvent(store::Tx& tx, const StoredEvent& e) {
  TRY(
      tx.Exec("UPDATE events SET kind = ?, title_ko = ?, title_en = ?, description_ko = ?, "
              "description_en = ?, starts_at = ?, ends_at = ?, venue = ?, region = ?, "
              "capacity = ?, registration_open = ?, published = ?, campaign_id = ?, "
              "updated_at = ? WHERE id = ?",
              {e.kind, e.title_ko, e.title_en, e.description_ko, e.description_en, e.starts_at,
               e.ends_at, e.venue, e.region, Capacity(e.capacity), int64_t{e.registration_open},
               int64_t{e.published}, TextOrNull(e.campaign_id), e.updated_at, e.id}));
  return Ok();
}

Result<void> LockEvent(store::Tx& tx, const std::string& id) {
  if (tx.dialect() == store::Dialect::kPostgres) {
    TRY(tx.Query("SELECT id FROM events WHERE id = ? FOR UPDATE", {id}));
  }
  return Ok();
}

Result<std::optional<StoredEvent>> FindEvent(store::Tx& tx, const std::string& id) {
  auto found = TRY(SelectEvents(tx, "WHERE e.id = ?", {id}));
  if (found.empty()) return std::optional<StoredEvent>();
  return std::optional<StoredEvent>(std::move(found.front()));
}

Result<std::vector<StoredEvent>> EventsOf(store::Tx& tx, const std::string& org_id) {
  return SelectEvents(tx, "WHERE e.org_id = ? ORDER BY e.starts_at DESC, e.id", {org_id});
}

Result<std::vector<StoredEvent>> PublicEvents(store::Tx& tx, const std::string& now) {
  return SelectEvents(tx,
                      "WHERE e.published = 1 AND e.ends_at > ? ORDER BY e.starts_at, e.id "
                      "LIMIT 500",
                      {now});
}

Result<void> InsertRegistration(store::Tx& tx, const StoredRegistration& r) {
  TRY(tx.Exec(
      "INSERT INTO event_registrations (id, event_id, org_id, reference, role, status, "
      "source, name, contact, alias, contact_index, photo_consent, registered_at, "
      "registered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, r.event_id, r.org_id, r.reference, r.role, r.status, r.source, store::Blob{r.name},
       BlobOrNull(r.contact), BlobOrNull(r.alias), BlobOrNull(r.contact_index),
       int64_t{r.photo_consent}, r.registered_at, TextOrNull(r.registered_by)}));
  return Ok();
}

Result<std::optional<StoredRegistration>> FindRegistration(store::Tx& tx, const std::string& id) {
  return One(SelectRegistrations(tx, "WHERE id = ?", {id}));
}

Result<std::optional<StoredRegistration>> FindByReference(store::Tx& tx,
                                                          const std::string& reference) {
  return One(SelectRegistrations(tx, "WHERE reference = ?", {reference}));
}

Result<std::optional<StoredRegistration>> FindByCheckInKey(store::Tx& tx,
                                                           const std::string& event_id,
                                                           const std::string& key) {
  return One(SelectRegistrations(tx, "WHERE event_id = ? AND check_in_key = ?", {event_id, key}));
}

Result<bool> ContactTaken(store::Tx& tx, const std::string& event_id, const std::string& index) {
  auto row =
      TRY(tx.QueryOne("SELECT 1 FROM event_registrations WHERE event_id = ? AND contact_index = ? "
                      "AND status <> 'cancelled' LIMIT 1",
                      {event_id, store::Blob{index}}));
  return row.has_value();
}

Result<std::vector<StoredRegistration>> RegistrationsOf(store::Tx& tx,
                                                        const std::string& event_id) {
  return SelectRegistrations(tx, "WHERE event_id = ? ORDER BY registered_at, id LIMIT 20000",
                             {event_id});
}

Result<void> SetStatus(store::Tx& tx, const std::string& id, const std::string& status,
                       const std::string& cancelled_at) {
  TRY(tx.Exec("UPDATE event_registrations SET status = ?, cancelled_at = ? WHERE id = ?",
              {status, TextOrNull(cancelled_at), id}));
  return Ok();
}

Result<void> SetCheckIn(store::Tx& tx, const StoredRegistration& r) {
  const int64_t changed = TRY(tx.Exec(
      "UPDATE event_registrations SET status = ?, checked_in_at = ?, checked_in_by = ?, "
      "check_in_method = ?, check_in_key = ? WHERE id = ? AND checked_in_at IS NULL",
      {r.status, r.checked_in_at, r.checked_in_by, r.check_in_method, r.check_in_key, r.id}));
  if (changed != 1) return Fail(ErrorCode::kConflict, "events.already_checked_in");
  return Ok();
}

Result<Counts> CountsOf(store::Tx& tx, const std::string& event_id) {
  store::Rows rows = TRY(
      tx.Query("SELECT status, role, CASE WHEN checked_in_at IS NULL THEN 0 ELSE 1 END, COUNT(*) "
               "FROM event_registrations WHERE event_id = ? GROUP BY 1, 2, 3",
               {event_id}));
  Counts c;
  for (const auto& row : rows) {
    const std::string status = row.Text(0), role = row.Text(1);
    const bool in = row.Int(2) != 0;
    const int n = static_cast<int>(row.Int(3));
    if (status == "registered") c.registered += n;
    if (status == "waitlisted") c.waitlisted += n;
    if (status == "cancelled") c.cancelled += n;
    if (in && status != "cancelled") c.checked_in += n;
    if (status == "registered" && role == "attendee") c.registered_attendees += n;
    if (status != "cancelled") c.by_role[role] += n;
  }
  return c;
}

}  // namespace dandelion::events::event_repo
