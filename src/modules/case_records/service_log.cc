#include "modules/case_records/service_log.h"

#include "core/korea_date.h"
#include "modules/case_records/service_repo.h"
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

// When the contact happened: the service's day (its start, in UTC), or now for today's (in
// Korea).
TimePoint ContactTime(const std::string& date, TimePoint now) {
  if (date == KoreaDate(now)) return now;
  return WhenItHappens(date + "T00:00:00Z", now);
}

}  // namespace

Result<Service> ServiceLog::Record(const security::Actor& actor, const std::string& case_id,
                                   const ServiceFields& fields) {
  return OnCase(
      deps_, actor, security::perm::kCaseWrite, case_id, "service.create",
      [&](store::Tx& tx, const cases::CaseRef& ref) -> Result<Service> {
        const TimePoint now = deps_.clock.Now();
        TRY(ValidateService(fields, now));
        TRY(cases::RequireOpen(ref));
        people::PersonCipher cipher = TRY(cases::CipherFor(tx, deps_.keyring, ref));
        Service out{.id = NewId(),
                    .case_id = ref.id,
                    .fields = fields,
                    .recorded_by = actor.user_id,
                    .created_at = FormatRfc3339(now)};
        TRY(service_repo::Insert(
            tx, {.id = out.id,
                 .case_id = ref.id,
                 .org_id = ref.org_id,
                 .type = fields.type,
                 .date = fields.date,
                 .minutes = fields.minutes,
                 .provider = fields.provider,
                 .outcome = cipher.SealRecord(kTable, "outcome", out.id, fields.outcome),
                 .notes = cipher.SealRecord(kTable, "notes", out.id, fields.notes),
                 .amount = fields.amount,
                 .recorded_by = actor.user_id,
                 .created_at = out.created_at}));
        TRY(cases::AppendTimeline(tx, ref, now, "service", out.id, fields.type, actor.user_id));
        if (IsContactService(fields.type)) {
          TRY(cases::TouchContact(tx, ref, ContactTime(fields.date, now)));
        }
        TRY(AuditRecord(deps_, tx, actor, ref, "service.create", "case_service", out.id,
                        Names(fields)));
        return out;
      });
}

Result<security::Audited<std::vector<Service>>> ServiceLog::List(const security::Actor& actor,
                                                                 const std::string& case_id) {
  return ReadOnCase<std::vector<Service>>(
      deps_, actor, case_id, "service.list", {"provider", "outcome", "notes"},
      [&](store::Tx& tx, const cases::CaseRef& ref,
          const people::PersonCipher& cipher) -> Result<std::vector<Service>> {
        auto rows = TRY(service_repo::ListByCase(tx, ref.id));
        std::vector<Service> out;
        for (auto& row : rows) {
          Service s{.id = row.id,
                    .case_id = ref.id,
                    .recorded_by = std::move(row.recorded_by),
                    .created_at = std::move(row.created_at)};
          s.fields.type = std::move(row.type);
          s.fields.date = std::move(row.date);
          s.fields.minutes = row.minutes;
          s.fields.provider = std::move(row.provider);
          s.fields.outcome = TRY(cipher.OpenRecord(kTable, "outcome", s.id, row.outcome));
          s.fields.notes = TRY(cipher.OpenRecord(kTable, "notes", s.id, row.notes));
          s.fields.amount = row.amount;
          out.push_back(std::move(s));
        }
        return out;
      });
}

}  // namespace dandelion::case_records
