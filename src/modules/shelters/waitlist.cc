// ShelterService: the facility's waitlist, most urgent first.
#include <algorithm>

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

constexpr std::string_view kWaitlist = "shelter_waitlist";
constexpr std::string_view kUrgencies[] = {"low", "medium", "high", "critical"};

int UrgencyRank(std::string_view urgency) {
  for (size_t i = 0; i < std::size(kUrgencies); ++i) {
    if (kUrgencies[i] == urgency) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

Result<WaitlistEntry> ShelterService::AddToWaitlist(
    const security::Actor& actor, const std::string& person_id, const std::string& person_code,
    const std::string& urgency, const std::string& source, const std::string& note) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  Error bad = Invalid();
  if (person_id.empty() == person_code.empty()) {
    bad.Field("person_id", "shelter.person_id_or_code");
  }
  if (UrgencyRank(urgency) < 0) bad.Field("urgency", "field.unknown_value");
  if (!IsOneOf(StaySources(), source)) bad.Field("source", "field.unknown_value");
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<WaitlistEntry> {
    auto person = TRY(ResidentPerson(tx, actor.org_id, person_id, person_code));
    auto waiting = TRY(tx.QueryOne(
        "SELECT 1 FROM shelter_waitlist WHERE org_id = ? AND person_id = ? AND removed_at IS NULL",
        {actor.org_id, person.id}));
    if (waiting) return Fail(Conflict("shelter.already_waiting"));
    auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, actor.org_id, person.id));
    WaitlistEntry e{.id = NewId(),
                    .person_id = person.id,
                    .person_code = person.code,
                    .alias = TRY(cipher.Open("alias", person.alias)),
                    .urgency = urgency,
                    .source = source,
                    .note = Blank(note) ? "" : note,
                    .added_at = now};
    TRY(tx.Exec(
        "INSERT INTO shelter_waitlist (id, org_id, person_id, urgency, source, note, added_at, "
        "added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {e.id, actor.org_id, e.person_id, int64_t(UrgencyRank(urgency)), source,
         store::BlobOrNull(e.note.empty() ? ""
                                          : cipher.SealRecord(kWaitlist, "note", e.id, e.note)),
         now, actor.user_id}));
    std::vector<std::string> fields = {"person_id", "urgency", "source"};
    if (!e.note.empty()) fields.push_back("note");
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.waitlist.add", "shelter_waitlist",
                                               e.id, std::move(fields))));
    return e;
  });
}

Result<security::Audited<std::vector<WaitlistEntry>>> ShelterService::Waitlist(
    const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kShelterRead));
  auto items = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<WaitlistEntry>> {
    std::vector<WaitlistEntry> out;
    for (const auto& r :
         TRY(tx.Query("SELECT w.id, w.person_id, p.code, p.alias, w.urgency, w.source, w.note, "
                      "w.added_at FROM shelter_waitlist w JOIN people p ON p.id = w.person_id "
                      "WHERE w.org_id = ? AND w.removed_at IS NULL "
                      "ORDER BY w.urgency DESC, w.added_at, w.id",
                      {actor.org_id}))) {
      WaitlistEntry e{.id = r.Text(0),
                      .person_id = r.Text(1),
                      .person_code = r.Text(2),
                      .urgency = std::string(kUrgencies[std::clamp<int64_t>(r.Int(4), 0, 3)]),
                      .source = r.Text(5),
                      .added_at = r.Text(7)};
      // An erased woman's key is gone: she stays listed by code.
      auto cipher = people::PersonCipher::Load(tx, keyring_, actor.org_id, e.person_id);
      if (cipher) {
        e.alias = TRY(cipher->Open("alias", r.BlobBytes(3)));
        e.note = TRY(cipher->OpenRecord(kWaitlist, "note", e.id, r.BlobBytes(6)));
      }
      out.push_back(std::move(e));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "shelter.waitlist.list", "organization", actor.org_id,
                                {"alias", "note"});
  return security::Audited<std::vector<WaitlistEntry>>{
      std::move(items), security::PendingAudit(reads_, std::move(e))};
}

Result<void> ShelterService::RemoveFromWaitlist(const security::Actor& actor, const std::string& id,
                                                const std::string& reason) {
  TRY(RequirePermission(actor, perm::kShelterWrite));
  if (reason != "withdrawn" && reason != "placed_elsewhere") {
    return Fail(Invalid().Field("reason", "field.unknown_value"));
  }
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    auto row = TRY(tx.QueryOne(
        "SELECT removed_at FROM shelter_waitlist WHERE id = ? AND org_id = ?", {id, actor.org_id}));
    if (!row) return Fail(NotFound());
    if (!row->IsNull(0)) return Fail(Conflict("shelter.not_waiting"));
    TRY(tx.Exec("UPDATE shelter_waitlist SET removed_at = ?, removed_reason = ? WHERE id = ?",
                {now, reason, id}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "shelter.waitlist.remove", "shelter_waitlist",
                                               id, {"removed_reason"})));
    return Ok();
  });
}

}  // namespace dandelion::shelters
