#include "modules/referrals/referral_repo.h"

namespace dandelion::referrals::referral_repo {
namespace {

using store::BlobOrNull;
using store::TextOrNull;

// Every column of referrals, then the names joined in for the reply.
constexpr const char* kSelect =
    "SELECT r.id, r.kind, r.status, r.from_org_id, r.from_case_id, r.from_person_id, r.to_org_id, "
    "r.to_person_id, r.to_case_id, r.external_kind, r.external_name, r.consent_id, r.services, "
    "r.urgency, r.share, r.age_band, r.languages, r.region, r.note, r.sent_at, r.sent_by, "
    "r.answer_due_at, r.answered_at, r.answered_by, r.decline_reason, r.decline_note, "
    "r.withdrawn_at, r.withdraw_reason, r.completed_at, r.outcome, r.outcome_reason, "
    "r.override_reason, r.override_by, r.reminded_receiver_at, r.reminded_sender_at, "
    "fo.name, tor.name, su.display_name, ou.display_name "
    "FROM referrals r JOIN organizations fo ON fo.id = r.from_org_id "
    "LEFT JOIN organizations tor ON tor.id = r.to_org_id "
    "LEFT JOIN users su ON su.id = r.sent_by LEFT JOIN users ou ON ou.id = r.override_by ";

StoredReferral ToReferral(const store::Row& row) {
  size_t i = 0;
  auto text = [&] { return row.Text(i++); };
  auto blob = [&] { return row.BlobBytes(i++); };
  StoredReferral r;
  r.id = text();
  r.kind = text();
  r.status = text();
  r.from_org_id = text();
  r.from_case_id = text();
  r.from_person_id = text();
  r.to_org_id = text();
  r.to_person_id = text();
  r.to_case_id = text();
  r.external_kind = text();
  r.external_name = blob();
  r.consent_id = text();
  r.services = text();
  r.urgency = text();
  r.share = text();
  r.age_band = text();
  r.languages = text();
  r.region = text();
  r.note = blob();
  r.sent_at = text();
  r.sent_by = text();
  r.answer_due_at = text();
  r.answered_at = text();
  r.answered_by = text();
  r.decline_reason = text();
  r.decline_note = blob();
  r.withdrawn_at = text();
  r.withdraw_reason = blob();
  r.completed_at = text();
  r.outcome = text();
  r.outcome_reason = text();
  r.override_reason = blob();
  r.override_by = text();
  r.reminded_receiver_at = text();
  r.reminded_sender_at = text();
  r.from_org_name = text();
  r.to_org_name = text();
  r.sent_by_name = text();
  r.override_by_name = text();
  return r;
}

Result<std::vector<StoredReferral>> Select(store::Tx& tx, const std::string& where,
                                           const store::Params& params) {
  store::Rows rows = TRY(tx.Query(kSelect + where, params));
  std::vector<StoredReferral> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(ToReferral(row));
  return out;
}

constexpr const char* kProfileSelect =
    "SELECT o.id, o.name, o.kind, o.facility_type, o.region, p.org_id, p.regions, p.services, "
    "p.languages, p.accepting, p.intake_contact, p.response_days "
    "FROM organizations o LEFT JOIN directory_profiles p ON p.org_id = o.id ";

StoredProfile ToProfile(const store::Row& row) {
  return {.org_id = row.Text(0),
          .name = row.Text(1),
          .kind = row.Text(2),
          .facility_type = row.Text(3),
          .region = row.Text(4),
          .has_profile = !row.IsNull(5),
          .regions = row.Text(6),
          .services = row.Text(7),
          .languages = row.Text(8),
          .intake_contact = row.Text(10),
          .accepting = row.Int(9) != 0,
          .response_days = static_cast<int>(row.Int(11))};
}

}  // namespace

Result<void> Insert(store::Tx& tx, const StoredReferral& r) {
  TRY(tx.Exec(
      "INSERT INTO referrals (id, kind, status, from_org_id, from_case_id, from_person_id, "
      "to_org_id, external_kind, external_name, consent_id, services, urgency, share, age_band, "
      "languages, region, note, sent_at, sent_by, answer_due_at, override_reason, override_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id,
       r.kind,
       r.status,
       r.from_org_id,
       r.from_case_id,
       r.from_person_id,
       TextOrNull(r.to_org_id),
       TextOrNull(r.external_kind),
       BlobOrNull(r.external_name),
       TextOrNull(r.consent_id),
       r.services,
       r.urgency,
       r.share,
       r.age_band,
       r.languages,
       r.region,
       BlobOrNull(r.note),
       r.sent_at,
       r.sent_by,
       r.answer_due_at,
       BlobOrNull(r.override_reason),
       TextOrNull(r.override_by)}));
  return Ok();
}

Result<void> Update(store::Tx& tx, const StoredReferral& r) {
  TRY(tx.Exec(
      "UPDATE referrals SET status = ?, to_person_id = ?, to_case_id = ?, answered_at = ?, "
      "answered_by = ?, decline_reason = ?, decline_note = ?, withdrawn_at = ?, "
      "withdraw_reason = ?, completed_at = ?, outcome = ?, outcome_reason = ?, "
      "reminded_receiver_at = ?, reminded_sender_at = ? WHERE id = ?",
      {r.status, TextOrNull(r.to_person_id), TextOrNull(r.to_case_id), TextOrNull(r.answered_at),
       TextOrNull(r.answered_by), TextOrNull(r.decline_reason), BlobOrNull(r.decline_note),
       TextOrNull(r.withdrawn_at), BlobOrNull(r.withdraw_reason), TextOrNull(r.completed_at),
       TextOrNull(r.outcome), TextOrNull(r.outcome_reason), TextOrNull(r.reminded_receiver_at),
       TextOrNull(r.reminded_sender_at), r.id}));
  return Ok();
}

Result<std::optional<StoredReferral>> FindById(store::Tx& tx, const std::string& id) {
  auto found = TRY(Select(tx, "WHERE r.id = ?", {id}));
  if (found.empty()) return std::optional<StoredReferral>();
  return std::optional<StoredReferral>(std::move(found.front()));
}

Result<std::vector<StoredReferral>> List(store::Tx& tx, const ListFilter& filter) {
  std::string where;
  store::Params params;
  if (filter.direction == "incoming") {
    where = "WHERE r.to_org_id = ?";
    params.emplace_back(filter.org_id);
  } else if (filter.direction == "outgoing") {
    where = "WHERE r.from_org_id = ?";
    params.emplace_back(filter.org_id);
  } else {
    where = "WHERE (r.from_org_id = ? OR r.to_org_id = ?)";
    params.emplace_back(filter.org_id);
    params.emplace_back(filter.org_id);
  }
  if (!filter.status.empty()) {
    where += " AND r.status = ?";
    params.emplace_back(filter.status);
  }
  if (const auto bar = filter.before.find('|'); bar != std::string::npos) {
    where += " AND (r.sent_at < ? OR (r.sent_at = ? AND r.id < ?))";
    const std::string at = filter.before.substr(0, bar);
    params.emplace_back(at);
    params.emplace_back(at);
    params.emplace_back(filter.before.substr(bar + 1));
  }
  where += " ORDER BY r.sent_at DESC, r.id DESC LIMIT " + std::to_string(filter.limit);
  return Select(tx, where, params);
}

Result<bool> OpenTo(store::Tx& tx, const std::string& case_id, const std::string& to_org_id) {
  auto row =
      TRY(tx.QueryOne("SELECT 1 FROM referrals WHERE from_case_id = ? AND to_org_id = ? "
                      "AND status IN ('sent', 'accepted') LIMIT 1",
                      {case_id, to_org_id}));
  return row.has_value();
}

Result<std::vector<StoredReferral>> WaitingUnderConsent(store::Tx& tx,
                                                        const std::string& consent_id) {
  return Select(tx, "WHERE r.consent_id = ? AND r.status = 'sent'", {consent_id});
}

Result<std::vector<StoredReferral>> DueForReminder(store::Tx& tx, const std::string& due_before,
                                                   bool sender) {
  const std::string reminded = sender ? "r.reminded_sender_at" : "r.reminded_receiver_at";
  return Select(tx,
                "WHERE r.status = 'sent' AND r.to_org_id IS NOT NULL AND r.answer_due_at < ? AND " +
                    reminded + " IS NULL ORDER BY r.answer_due_at LIMIT 200",
                {due_before});
}

Result<std::vector<Counted>> ForStatistics(store::Tx& tx, const std::string& org_id, bool incoming,
                                           const std::string& from, const std::string& to) {
  const std::string column = incoming ? "to_org_id" : "from_org_id";
  store::Rows rows =
      TRY(tx.Query("SELECT status, outcome, sent_at, answered_at FROM referrals "
                   "WHERE " +
                       column + " = ? AND sent_at >= ? AND sent_at < ?",
                   {org_id, from, to}));
  std::vector<Counted> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3)});
  return out;
}

Result<std::vector<StoredProfile>> Profiles(store::Tx& tx) {
  store::Rows rows = TRY(tx.Query(std::string(kProfileSelect) + "ORDER BY o.name, o.id"));
  std::vector<StoredProfile> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(ToProfile(row));
  return out;
}

Result<std::optional<StoredProfile>> Profile(store::Tx& tx, const std::string& org_id) {
  auto row = TRY(tx.QueryOne(std::string(kProfileSelect) + "WHERE o.id = ?", {org_id}));
  if (!row) return std::optional<StoredProfile>();
  return std::optional<StoredProfile>(ToProfile(*row));
}

Result<void> SaveProfile(store::Tx& tx, const StoredProfile& p, const std::string& at,
                         const std::string& by) {
  const store::Params values = {p.regions,
                                p.services,
                                p.languages,
                                int64_t{p.accepting},
                                p.intake_contact,
                                int64_t{p.response_days},
                                at,
                                by,
                                p.org_id};
  const int64_t changed = TRY(tx.Exec(
      "UPDATE directory_profiles SET regions = ?, services = ?, languages = ?, accepting = ?, "
      "intake_contact = ?, response_days = ?, updated_at = ?, updated_by = ? WHERE org_id = ?",
      values));
  if (changed > 0) return Ok();
  TRY(tx.Exec(
      "INSERT INTO directory_profiles (regions, services, languages, accepting, intake_contact, "
      "response_days, updated_at, updated_by, org_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      values));
  return Ok();
}

Result<void> InsertExclusion(store::Tx& tx, const StoredExclusion& x) {
  TRY(tx.Exec(
      "INSERT INTO person_exclusions (id, person_id, org_id, target, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {x.id, x.person_id, x.org_id, store::Blob{x.target}, x.created_at, x.created_by}));
  return Ok();
}

Result<std::vector<StoredExclusion>> ExclusionsOf(store::Tx& tx, const std::string& person_id) {
  store::Rows rows =
      TRY(tx.Query("SELECT id, person_id, org_id, target, created_at, created_by "
                   "FROM person_exclusions WHERE person_id = ? AND removed_at IS NULL "
                   "ORDER BY created_at, id",
                   {person_id}));
  std::vector<StoredExclusion> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.BlobBytes(3), r.Text(4), r.Text(5)});
  }
  return out;
}

Result<std::string> RemoveExclusion(store::Tx& tx, const std::string& id,
                                    const std::string& person_id, const std::string& at,
                                    const std::string& by) {
  const int64_t changed =
      TRY(tx.Exec("UPDATE person_exclusions SET removed_at = ?, removed_by = ? "
                  "WHERE id = ? AND person_id = ? AND removed_at IS NULL",
                  {at, by, id, person_id}));
  if (changed > 0) return std::string("removed");
  auto row = TRY(tx.QueryOne("SELECT 1 FROM person_exclusions WHERE id = ? AND person_id = ?",
                             {id, person_id}));
  return std::string(row ? "already_removed" : "");
}

}  // namespace dandelion::referrals::referral_repo
