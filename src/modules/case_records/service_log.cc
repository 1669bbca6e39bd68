#include "modules/case_records/service_log.h"

#include "core/ids.h"
#include "security/policy.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kTable = "case_services";

// The field names an audit entry of a recorded service lists (present ones only).
std::vector<std::string> Names(const ServiceFields& f) {
  std::vector<std::string> out = {"type", "date", "minutes"};
  if (!f.provider.empty()) out.emplace_back("provider");
  if (!f.outcome.empty()) out.emplace_back("outcome");
  if (!f.notes.empty()) out.emplace_back("notes");
  if (f.amount) out.emplace_back("amount");
  return out;
}

// When the contact happened: the service's day (its start, in UTC), or now for today's.
TimePoint ContactTime(const std::string& date, TimePoint now) {
  if (date == FormatRfc3339(now).substr(0, 10)) return now;
  TimePoint t = now;
  ParseRfc3339(date + "T00:00:00Z", &t);
  return t;
}

}  // namespace

Result<Service> ServiceLog::Record(const security::Actor& actor, const std::string& case_id,
                                   const ServiceFields& fields) {
  Service out;
  auto r = OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "service.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
        const TimePoint now = deps_.clock.Now();
        if (auto ok = ValidateService(fields, now); !ok) return ok;
        if (auto ok = cases::RequireOpen(ref); !ok) return ok;
        auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
        if (!cipher) return Fail(cipher.error());
        out = Service{.id = NewId(),
                      .case_id = ref.id,
                      .fields = fields,
                      .recorded_by = actor.user_id,
                      .created_at = FormatRfc3339(now)};
        auto s = tx.Exec(
            "INSERT INTO case_services (id, case_id, org_id, type, date, minutes, provider, "
            "outcome, notes, amount, recorded_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {out.id, ref.id, ref.org_id, fields.type, fields.date, fields.minutes, fields.provider,
             BlobOrNull(cipher->SealRecord(kTable, "outcome", out.id, fields.outcome)),
             BlobOrNull(cipher->SealRecord(kTable, "notes", out.id, fields.notes)),
             fields.amount ? store::Value(*fields.amount) : store::Value(nullptr), actor.user_id,
             out.created_at});
        if (!s) return Fail(s.error());
        if (auto t =
                cases::AppendTimeline(tx, ref, now, "service", out.id, fields.type, actor.user_id);
            !t)
          return t;
        if (IsContactService(fields.type)) {
          if (auto t = cases::TouchContact(tx, ref, ContactTime(fields.date, now)); !t) return t;
        }
        return AuditRecord(deps_, tx, actor, ref, "service.create", "case_service", out.id,
                           Names(fields));
      });
  if (!r) return Fail(r.error());
  return out;
}

Result<std::vector<Service>> ServiceLog::List(const security::Actor& actor,
                                              const std::string& case_id) {
  std::vector<Service> out;
  auto r =
      OnCase(deps_, actor, security::perm::kCaseRead, case_id, "service.list",
             [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<void> {
               auto rows = tx.Query(
                   "SELECT id, type, date, minutes, provider, outcome, notes, amount, recorded_by, "
                   "created_at FROM case_services WHERE case_id = ? ORDER BY date, created_at, id",
                   {ref.id});
               if (!rows) return Fail(rows.error());
               auto cipher = cases::CipherFor(tx, deps_.keyring, ref);
               if (!cipher) return Fail(cipher.error());
               for (const auto& row : *rows) {
                 Service s{.id = row.Text(0), .case_id = ref.id};
                 s.fields.type = row.Text(1);
                 s.fields.date = row.Text(2);
                 s.fields.minutes = row.Int(3);
                 s.fields.provider = row.Text(4);
                 auto outcome = cipher->OpenRecord(kTable, "outcome", s.id, row.BlobBytes(5));
                 if (!outcome) return Fail(outcome.error());
                 auto notes = cipher->OpenRecord(kTable, "notes", s.id, row.BlobBytes(6));
                 if (!notes) return Fail(notes.error());
                 s.fields.outcome = std::move(*outcome);
                 s.fields.notes = std::move(*notes);
                 s.fields.amount = row.OptInt(7);
                 s.recorded_by = row.Text(8);
                 s.created_at = row.Text(9);
                 out.push_back(std::move(s));
               }
               return AuditRecord(deps_, tx, actor, ref, "service.list", "case", ref.id,
                                  {"provider", "outcome", "notes"});
             });
  if (!r) return Fail(r.error());
  return out;
}

}  // namespace dandelion::case_records
