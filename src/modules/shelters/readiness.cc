// ShelterService: her exit-readiness checklist. Each answer is a row; a new answer supersedes the
// item's current one instead of overwriting it, so the way she got ready stays on record.
#include "core/ids.h"
#include "modules/people/person_cipher.h"
#include "modules/service_support.h"
#include "modules/shelters/shelter_internal.h"
#include "modules/shelters/shelter_service.h"
#include "security/policy.h"

namespace dandelion::shelters {
namespace {

using namespace internal;
namespace perm = security::perm;

constexpr std::string_view kReadiness = "shelter_readiness";

}  // namespace

Result<std::vector<ReadinessAnswer>> ShelterService::ReadinessOf(
    store::Tx& tx, const security::Actor& actor, const shelter_repo::StoredStay& stay,
    bool with_notes) {
  std::vector<ReadinessAnswer> out;
  for (std::string_view item : ReadinessItems()) out.push_back({.item = std::string(item)});
  auto rows =
      TRY(tx.Query("SELECT id, item, status, note, recorded_at FROM shelter_readiness "
                   "WHERE stay_id = ? AND superseded_at IS NULL",
                   {stay.id}));
  if (rows.empty()) return out;
  // An erased woman's key is gone: her answers still count, their notes are no longer shown.
  std::optional<people::PersonCipher> cipher;
  if (with_notes) {
    auto loaded = people::PersonCipher::Load(tx, keyring_, actor.org_id, stay.person_id);
    if (loaded) cipher.emplace(std::move(*loaded));
  }
  for (const auto& r : rows) {
    for (auto& a : out) {
      if (a.item != r.Text(1)) continue;
      a.status = r.Text(2);
      a.recorded_at = r.Text(4);
      const std::string sealed = r.BlobBytes(3);
      if (cipher && !sealed.empty()) {
        a.note = TRY(cipher->OpenRecord(kReadiness, "note", r.Text(0), sealed));
      }
    }
  }
  return out;
}

Result<ReadinessAnswer> ShelterService::RecordReadiness(const security::Actor& actor,
                                                        const std::string& stay_id,
                                                        const std::string& item,
                                                        const ReadinessFields& in) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<ReadinessAnswer> {
    // Her stay first: another facility's stay answers like an unknown one, whatever the body.
    auto stay = TRY(shelter_repo::FindStay(tx, actor.org_id, stay_id));
    if (!stay) return Fail(NotFound());
    Error bad = Invalid();
    if (!IsOneOf(ReadinessItems(), item)) bad.Field("item", "field.unknown_value");
    if (!IsOneOf(ReadinessStatuses(), in.status)) {
      bad.Field("status", in.status.empty() ? "field.required" : "field.unknown_value");
    }
    if (!bad.fields.empty()) return Fail(bad);
    if (!stay->exited_on.empty()) return Fail(Conflict("shelter.stay_ended"));
    ReadinessAnswer a{.item = item, .status = in.status, .note = in.note, .recorded_at = now};
    const std::string id = NewId();
    std::string sealed_note;
    if (!Blank(in.note)) {
      auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, stay->person_id));
      sealed_note = cipher.SealRecord(kReadiness, "note", id, in.note);
    }
    TRY(
        tx.Exec("UPDATE shelter_readiness SET superseded_at = ? "
                "WHERE stay_id = ? AND item = ? AND superseded_at IS NULL",
                {now, stay->id, item}));
    TRY(tx.Exec(
        "INSERT INTO shelter_readiness (id, org_id, stay_id, item, status, note, recorded_at, "
        "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {id, actor.org_id, stay->id, item, in.status, store::BlobOrNull(sealed_note), now,
         actor.user_id}));
    std::vector<std::string> fields = {"item", "status"};
    if (!Blank(in.note)) fields.push_back("note");
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.readiness.record", "shelter_stay",
                                               stay->id, std::move(fields))));
    if (Blank(in.note)) a.note.clear();
    return a;
  });
}

}  // namespace dandelion::shelters
