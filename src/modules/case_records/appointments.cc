#include "modules/case_records/appointments.h"

#include <map>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "appointments";
constexpr const char* kColumns =
    "a.id, a.case_id, c.number, c.person_id, c.restricted, a.starts_at, a.ends_at, a.kind, "
    "a.with_whom, a.place, a.notes, a.status, a.worker_id, a.org_id";

// Row (in kColumns order) -> appointment, decrypting the sealed fields with cipher when given.
Result<Appointment> FromRow(const store::Row& row, const people::PersonCipher* cipher) {
  Appointment a{.id = row.Text(0),
                .case_id = row.Text(1),
                .case_number = row.Text(2),
                .starts_at = row.Text(5),
                .ends_at = row.Text(6),
                .kind = row.Text(7),
                .status = row.Text(11),
                .worker_id = row.Text(12)};
  if (cipher == nullptr) return a;
  std::string* out[] = {&a.with_whom, &a.place, &a.notes};
  const char* columns[] = {"with_whom", "place", "notes"};
  for (size_t i = 0; i < 3; ++i) {
    auto v = cipher->OpenRecord(kTable, columns[i], a.id, row.BlobBytes(8 + i));
    if (!v) return Fail(v.error());
    *out[i] = std::move(*v);
  }
  return a;
}

// Whether actor may read an appointment's case: the rule of cases::DecideAccess, asked without
// recording a refusal for every calendar entry. A restricted case: assigned, supervising, or an
// unexpired break-glass on it. Another case: whoever may reach her (access/person_access.h),
// decided once per person in reach.
Result<bool> MayRead(store::Tx& tx, const security::Actor& actor, const store::Row& row,
                     TimePoint now, std::map<std::string, access::PersonDecision>& reach) {
  const std::string case_id = row.Text(1);
  const std::string person_id = row.Text(3);
  if (row.Int(4) == 0) {
    auto it = reach.find(person_id);
    if (it == reach.end()) {
      auto decided = access::DecidePersonAccess(tx, actor, person_id, now);
      if (!decided) return Fail(decided.error());
      it = reach.emplace(person_id, std::move(*decided)).first;
    }
    return it->second.allowed;
  }
  if (security::HasRole(actor.roles, "supervisor")) return true;
  auto mine = tx.QueryOne(
      "SELECT 1 FROM case_workers WHERE case_id = ? AND user_id = ? UNION ALL "
      "SELECT 1 FROM break_glass WHERE case_id = ? AND user_id = ? AND expires_at > ?",
      {case_id, actor.user_id, case_id, actor.user_id, FormatRfc3339(now)});
  if (!mine) return Fail(mine.error());
  return mine->has_value();
}

}  // namespace

Result<Appointment> Appointments::Create(const security::Actor& actor, const std::string& case_id,
                                         const AppointmentFields& fields) {
  Appointment out;
  auto r = OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "appointment.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        if (auto ok = ValidateAppointment(fields); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        auto person = BriefOf(tx, *cipher, ref.person_id);
        if (!person) return Fail(person.error());
        const std::string now = FormatRfc3339(deps_.clock.Now());
        out = Appointment{.id = NewId(),
                          .case_id = ref.id,
                          .case_number = ref.number,
                          .person = *person,
                          .starts_at = FormatRfc3339(fields.starts_at),
                          .ends_at = fields.ends_at ? FormatRfc3339(*fields.ends_at) : "",
                          .kind = fields.kind,
                          .with_whom = fields.with_whom,
                          .place = fields.place,
                          .notes = fields.notes,
                          .status = "scheduled",
                          .worker_id = actor.user_id};
        auto s = tx.Exec(
            "INSERT INTO appointments (id, case_id, org_id, worker_id, starts_at, ends_at, kind, "
            "status, with_whom, place, notes, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?, ?)",
            {out.id, ref.id, ref.org_id, actor.user_id, out.starts_at, TextOrNull(out.ends_at),
             out.kind, BlobOrNull(cipher->SealRecord(kTable, "with_whom", out.id, out.with_whom)),
             BlobOrNull(cipher->SealRecord(kTable, "place", out.id, out.place)),
             BlobOrNull(cipher->SealRecord(kTable, "notes", out.id, out.notes)), actor.user_id, now,
             now});
        if (!s) return Fail(s.error());
        // The case's story dates an appointment when it happens, not when it was booked.
        TimePoint when = deps_.clock.Now();
        ParseRfc3339(out.starts_at, &when);
        if (auto t = cases::AppendTimeline(tx, ref, when, "appointment", out.id, out.kind,
                                           actor.user_id);
            !t)
          return t;
        std::vector<std::string> names = {"starts_at", "kind"};
        if (fields.ends_at) names.emplace_back("ends_at");
        if (!fields.with_whom.empty()) names.emplace_back("with_whom");
        if (!fields.place.empty()) names.emplace_back("place");
        if (!fields.notes.empty()) names.emplace_back("notes");
        return AuditRecord(deps_, tx, actor, ref, "appointment.create", "appointment", out.id,
                           names);
      });
  if (!r) return Fail(r.error());
  return out;
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
  Appointment out;
  auto r = OnRecord(
      deps_, actor, security::perm::kCaseWrite, kTable, "appointment", id, action,
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        auto row = tx.QueryOne(std::string("SELECT ") + kColumns +
                                   " FROM appointments a JOIN cases c ON c.id = a.case_id "
                                   "WHERE a.id = ?",
                               {id});
        if (!row) return Fail(row.error());
        if (!*row) return Fail(NotFound());
        if ((*row)->Text(11) != "scheduled") {
          return Fail(ErrorCode::kConflict, "case_records.appointment_not_scheduled");
        }
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        auto a = FromRow(**row, &*cipher);
        if (!a) return Fail(a.error());
        auto person = BriefOf(tx, *cipher, ref.person_id);
        if (!person) return Fail(person.error());
        const TimePoint now = deps_.clock.Now();
        auto s = tx.Exec(
            "UPDATE appointments SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?",
            {status, BlobOrNull(cipher->SealRecord(kTable, "cancel_reason", id, reason)),
             FormatRfc3339(now), id});
        if (!s) return Fail(s.error());
        out = std::move(*a);
        out.person = std::move(*person);
        out.status = status;
        if (status == "done") {
          // Contact at the appointment's time, unless it is marked done ahead of time.
          TimePoint at = now;
          TimePoint starts{};
          if (ParseRfc3339(out.starts_at, &starts) && starts < now) at = starts;
          if (auto t = cases::TouchContact(tx, ref, at); !t) return t;
        }
        std::vector<std::string> fields = {"status"};
        if (!reason.empty()) fields.emplace_back("cancel_reason");
        return AuditRecord(deps_, tx, actor, ref, action, "appointment", id, fields);
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<Appointment>> Appointments::Calendar(const security::Actor& actor,
                                                        const CalendarQuery& query) {
  if (auto ok = RequirePermission(actor, security::perm::kCaseRead); !ok) return Fail(ok.error());
  if (auto ok = ValidateWindow(query.from, query.to); !ok) return Fail(ok.error());
  std::vector<Appointment> out;
  auto r = deps_.db.Write([&](store::Tx& tx) -> Result<void> {
    const TimePoint now = deps_.clock.Now();
    std::string sql = std::string("SELECT ") + kColumns +
                      " FROM appointments a JOIN cases c ON c.id = a.case_id "
                      // An erased person's cases are gone for everyone (cases::LoadCase).
                      "JOIN people p ON p.id = c.person_id AND p.erased_at IS NULL "
                      "WHERE a.org_id = ? AND a.starts_at >= ? AND a.starts_at < ?";
    store::Params params = {actor.org_id, FormatRfc3339(query.from), FormatRfc3339(query.to)};
    if (!query.organization) {
      sql += " AND a.worker_id = ?";
      params.emplace_back(actor.user_id);
    }
    sql += " ORDER BY a.starts_at, a.id LIMIT " + std::to_string(kMaxCalendarItems);
    auto rows = tx.Query(sql, params);
    if (!rows) return Fail(rows.error());
    // One key and one person per person, however many appointments she has in the window.
    std::map<std::string, people::PersonCipher> ciphers;
    std::map<std::string, PersonBrief> briefs;
    std::map<std::string, access::PersonDecision> reach;
    for (const auto& row : *rows) {
      const std::string case_id = row.Text(1);
      const std::string person_id = row.Text(3);
      auto readable = MayRead(tx, actor, row, now, reach);
      if (!readable) return Fail(readable.error());
      const people::PersonCipher* cipher = nullptr;
      if (*readable) {
        auto it = ciphers.find(person_id);
        if (it == ciphers.end()) {
          cases::CaseRef ref{.id = case_id, .org_id = actor.org_id, .person_id = person_id};
          auto loaded = cases::CipherFor(tx, deps_.keyring, ref);
          if (!loaded) return Fail(loaded.error());
          auto brief = BriefOf(tx, *loaded, person_id);
          if (!brief) return Fail(brief.error());
          briefs.emplace(person_id, std::move(*brief));
          it = ciphers.emplace(person_id, std::move(*loaded)).first;
        }
        cipher = &it->second;
      }
      auto a = FromRow(row, cipher);
      if (!a) return Fail(a.error());
      if (cipher != nullptr) a->person = briefs[person_id];
      out.push_back(std::move(*a));
    }
    auto e = security::ActorEvent(actor, "appointment.list", "appointment", "",
                                  {"person", "with_whom", "place", "notes"});
    if (auto s = deps_.audit.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<Appointment>> Appointments::ForCase(const security::Actor& actor,
                                                       const std::string& case_id) {
  std::vector<Appointment> out;
  auto r = OnCase(deps_, actor, security::perm::kCaseRead, case_id, "appointment.list",
                  [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
                    auto rows = tx.Query(std::string("SELECT ") + kColumns +
                                             " FROM appointments a JOIN cases c ON c.id = "
                                             "a.case_id WHERE a.case_id = ? "
                                             "ORDER BY a.starts_at, a.id LIMIT " +
                                             std::to_string(kMaxCalendarItems),
                                         {ref.id});
                    if (!rows) return Fail(rows.error());
                    auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
                    if (!cipher) return Fail(cipher.error());
                    auto brief = BriefOf(tx, *cipher, ref.person_id);
                    if (!brief) return Fail(brief.error());
                    for (const auto& row : *rows) {
                      auto a = FromRow(row, &*cipher);
                      if (!a) return Fail(a.error());
                      a->person = *brief;
                      out.push_back(std::move(*a));
                    }
                    return AuditRecord(deps_, tx, actor, ref, "appointment.list", "case", ref.id,
                                       {"person", "with_whom", "place", "notes"});
                  });
  if (!r) return Fail(r.error());
  return out;
}

}  // namespace dandelion::case_records
