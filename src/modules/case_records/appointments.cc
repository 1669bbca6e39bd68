#include "modules/case_records/appointments.h"

#include <map>

#include "modules/access/person_access.h"
#include "modules/case_records/appointment_repo.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

using appointment_repo::Listed;
constexpr std::string_view kTable = "appointments";

// The appointment a list shows, decrypting the sealed fields with cipher when given.
Result<Appointment> Open(const Listed& row, const people::PersonCipher* cipher) {
  const appointment_repo::StoredAppointment& s = row.appointment;
  Appointment a{.id = s.id,
                .case_id = s.case_id,
                .case_number = row.case_number,
                .starts_at = s.starts_at,
                .ends_at = s.ends_at,
                .kind = s.kind,
                .status = s.status,
                .worker_id = s.worker_id};
  if (cipher == nullptr) return a;
  a.with_whom = TRY(cipher->OpenRecord(kTable, "with_whom", a.id, s.with_whom));
  a.place = TRY(cipher->OpenRecord(kTable, "place", a.id, s.place));
  a.notes = TRY(cipher->OpenRecord(kTable, "notes", a.id, s.notes));
  return a;
}

// Whether actor may read an appointment's case: the rule of cases::DecideAccess, asked without
// recording a refusal for every calendar entry. A restricted case: assigned, supervising, or an
// unexpired break-glass on it. Another case: whoever may reach her (access/person_access.h),
// decided once per person in reach, without a statement when the row says she has no
// restricted case.
Result<bool> MayRead(store::Tx& tx, const security::Actor& actor, const Listed& row, TimePoint now,
                     std::map<std::string, access::PersonDecision>& reach) {
  if (!row.restricted) {
    auto it = reach.find(row.person_id);
    if (it == reach.end()) {
      std::optional<bool> has_restricted_case;
      if (row.her) has_restricted_case = row.her->has_restricted_case;
      access::PersonDecision decided =
          TRY(access::DecidePersonAccess(tx, actor, row.person_id, now, has_restricted_case));
      it = reach.emplace(row.person_id, std::move(decided)).first;
    }
    return it->second.allowed;
  }
  if (security::HasRole(actor.roles, "supervisor")) return true;
  return appointment_repo::AssignedOrGranted(tx, row.appointment.case_id, actor.user_id,
                                             FormatRfc3339(now));
}

}  // namespace

Result<Appointment> Appointments::Create(const security::Actor& actor, const std::string& case_id,
                                         const AppointmentFields& fields) {
  return OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "appointment.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Appointment> {
        TRY(ValidateAppointment(fields));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        PersonBrief person = TRY(BriefOf(tx, cipher, ref.person_id));
        const std::string now = FormatRfc3339(deps_.clock.Now());
        Appointment out{.id = NewId(),
                        .case_id = ref.id,
                        .case_number = ref.number,
                        .person = std::move(person),
                        .starts_at = FormatRfc3339(fields.starts_at),
                        .ends_at = fields.ends_at ? FormatRfc3339(*fields.ends_at) : "",
                        .kind = fields.kind,
                        .with_whom = fields.with_whom,
                        .place = fields.place,
                        .notes = fields.notes,
                        .status = "scheduled",
                        .worker_id = actor.user_id};
        TRY(appointment_repo::Insert(
            tx, {.id = out.id,
                 .case_id = ref.id,
                 .org_id = ref.org_id,
                 .worker_id = actor.user_id,
                 .starts_at = out.starts_at,
                 .ends_at = out.ends_at,
                 .kind = out.kind,
                 .status = out.status,
                 .with_whom = cipher.SealRecord(kTable, "with_whom", out.id, out.with_whom),
                 .place = cipher.SealRecord(kTable, "place", out.id, out.place),
                 .notes = cipher.SealRecord(kTable, "notes", out.id, out.notes),
                 .created_by = actor.user_id,
                 .created_at = now,
                 .updated_at = now}));
        // The case's story dates an appointment when it happens, not when it was booked.
        TRY(cases::AppendTimeline(tx, ref, WhenItHappens(out.starts_at, deps_.clock.Now()),
                                  "appointment", out.id, out.kind, actor.user_id));
        std::vector<std::string> names = {"starts_at", "kind"};
        if (fields.ends_at) names.emplace_back("ends_at");
        if (!fields.with_whom.empty()) names.emplace_back("with_whom");
        if (!fields.place.empty()) names.emplace_back("place");
        if (!fields.notes.empty()) names.emplace_back("notes");
        TRY(AuditRecord(deps_, tx, actor, ref, "appointment.create", "appointment", out.id, names));
        return out;
      });
}

Result<Appointment> Appointments::Cancel(const security::Actor& actor, const std::string& id,
                                         const std::string& reason) {
  return Finish(actor, id, "cancelled", reason);
}

Result<Appointment> Appointments::Done(const security::Actor& actor, const std::string& id) {
  return Finish(actor, id, "done", "");
}

Result<Appointment> Appointments::Finish(const security::Actor& actor, const std::string& id,
                                         const std::string& status, const std::string& reason) {
  const std::string action = status == "done" ? "appointment.done" : "appointment.cancel";
  return OnRecord(deps_, actor, security::perm::kCaseWrite, kTable, "appointment", id, action,
                  [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Appointment> {
                    auto row = TRY(appointment_repo::FindById(tx, id));
                    if (!row) return Fail(NotFound());
                    if (row->appointment.status != "scheduled") {
                      return Fail(ErrorCode::kConflict, "case_records.appointment_not_scheduled");
                    }
                    people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
                    Appointment out = TRY(Open(*row, &cipher));
                    out.person = TRY(BriefOf(tx, cipher, ref.person_id));
                    const TimePoint now = deps_.clock.Now();
                    TRY(appointment_repo::Finish(
                        tx, id, status, cipher.SealRecord(kTable, "cancel_reason", id, reason),
                        FormatRfc3339(now)));
                    out.status = status;
                    if (status == "done") {
                      // Contact at the appointment's time, unless it is marked done ahead of time.
                      TimePoint at = now;
                      TimePoint starts{};
                      if (ParseRfc3339(out.starts_at, &starts) && starts < now) at = starts;
                      TRY(cases::TouchContact(tx, ref, at));
                    }
                    std::vector<std::string> fields = {"status"};
                    if (!reason.empty()) fields.emplace_back("cancel_reason");
                    TRY(AuditRecord(deps_, tx, actor, ref, action, "appointment", id, fields));
                    return out;
                  });
}

Result<security::Audited<std::vector<Appointment>>> Appointments::Calendar(
    const security::Actor& actor, const CalendarQuery& query) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  TRY(ValidateWindow(query.from, query.to));
  // A read transaction: the entry goes to the reads' group commit, written before the reply
  // leaves (the caseload home asks for this on every visit).
  auto read = deps_.db.ReadValue([&](store::Tx& tx) -> Result<std::vector<Appointment>> {
    const TimePoint now = deps_.clock.Now();
    auto rows =
        TRY(appointment_repo::Calendar(tx, {.org_id = actor.org_id,
                                            .from = FormatRfc3339(query.from),
                                            .to = FormatRfc3339(query.to),
                                            .worker_id = query.organization ? "" : actor.user_id,
                                            .limit = kMaxCalendarItems}));
    // One key unwrapped per person, however many appointments she has in the window; her key
    // and row came with them.
    std::map<std::string, people::PersonCipher> ciphers;
    std::map<std::string, PersonBrief> briefs;
    std::map<std::string, access::PersonDecision> reach;
    std::vector<Appointment> out;
    for (const auto& row : rows) {
      const std::string& person_id = row.person_id;
      const people::PersonCipher* cipher = nullptr;
      if (TRY(MayRead(tx, actor, row, now, reach))) {
        auto it = ciphers.find(person_id);
        if (it == ciphers.end()) {
          const appointment_repo::Her& her = *row.her;
          people::PersonCipher loaded = TRY(
              people::PersonCipher::Unwrap(tx, deps_.keyring, actor.org_id, person_id, her.key));
          briefs.emplace(person_id,
                         TRY(BriefOf(loaded, person_id, her.code, her.alias, her.safe_contact)));
          it = ciphers.emplace(person_id, std::move(loaded)).first;
        }
        cipher = &it->second;
      }
      Appointment a = TRY(Open(row, cipher));
      if (cipher != nullptr) a.person = briefs[person_id];
      out.push_back(std::move(a));
    }
    return out;
  });
  if (!read) return Fail(read.error());
  return security::Audited<std::vector<Appointment>>{
      std::move(*read),
      security::PendingAudit(deps_.reads,
                             security::ActorEvent(actor, "appointment.list", "appointment", "",
                                                  {"person", "with_whom", "place", "notes"}))};
}

Result<security::Audited<std::vector<Appointment>>> Appointments::ForCase(
    const security::Actor& actor, const std::string& case_id) {
  return ReadOnCase<std::vector<Appointment>>(
      deps_, actor, case_id, "appointment.list", {"person", "with_whom", "place", "notes"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<std::vector<Appointment>> {
        auto rows = TRY(appointment_repo::ListByCase(tx, ref.id, kMaxCalendarItems));
        PersonBrief brief = TRY(BriefOf(tx, cipher, ref.person_id));
        std::vector<Appointment> out;
        for (const auto& row : rows) {
          Appointment a = TRY(Open(row, &cipher));
          a.person = brief;
          out.push_back(std::move(a));
        }
        return out;
      });
}

}  // namespace dandelion::case_records
