#include "modules/cases/case_service.h"

#include <algorithm>
#include <map>
#include <memory>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/cases/case_view.h"
#include "modules/network/org_repo.h"
#include "modules/people/model.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/service_support.h"
#include "security/account_repo.h"
#include "security/policy.h"
#include "security/session_confirmation.h"

namespace dandelion::cases {
namespace {

using case_repo::StoredCase;

// The fields a read shows, for the audit entry.
const std::vector<std::string> kReadFields = {"legal_name",   "alias",       "safe_contact",
                                              "summary",      "safety_plan", "closure_note",
                                              "reopen_reason"};

}  // namespace

CaseService::CaseService(store::Database& db, security::Keyring& keyring,
                         const security::AuditLog& audit, security::AuditBatcher& reads,
                         network::OrgService& orgs, const Clock& clock)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      reads_(reads),
      orgs_(orgs),
      clock_(clock),
      listed_rows_(keyring) {}

Result<Case> CaseService::Open(const security::Actor& actor, const CaseFields& fields) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  TRY(ValidateCaseFields(fields, true));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Case> { return OpenIn(tx, actor, fields); });
}

Result<Case> CaseService::OpenIn(store::Tx& tx, const security::Actor& actor,
                                 const CaseFields& fields) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  auto org = TRY(network::org_repo::FindById(tx, actor.org_id));
  if (!org) return Fail(NotFound());
  {
    auto refuse = [&](std::string outcome, Error error) -> Result<Case> {
      security::AuditEvent e =
          security::ActorEvent(actor, "case.create", "person", *fields.person_id);
      e.outcome = std::move(outcome);
      TRY(audit_.Append(tx, e));
      return Fail(RecordedRefusal(std::move(error)));
    };
    auto person = TRY(people::person_repo::FindById(tx, *fields.person_id));
    if (!person || person->org_id != actor.org_id || !person->erased_at.empty()) {
      // Named as a field: she is the one thing the caller chose that we cannot find.
      return refuse("not_found", Invalid("person_id", "cases.unknown_person"));
    }
    // Opening a case for her makes the opener her assigned worker: only someone who may reach
    // her already may do it, or restriction would be one case away.
    access::PersonDecision reach =
        TRY(access::DecidePersonAccess(tx, actor, *fields.person_id, now));
    if (!reach.allowed) return refuse(reach.Outcome(), access::Refusal(reach));
    const int year = std::stoi(at.substr(0, 4));
    const int64_t seq = TRY(case_repo::NextNumberSeq(tx, actor.org_id, year));
    StoredCase c{.id = NewId(),
                 .org_id = actor.org_id,
                 .person_id = *fields.person_id,
                 .number = FormatCaseNumber(people::CodePrefix(org->slug), year, seq),
                 .number_year = year,
                 .number_seq = seq,
                 .status = "open",
                 .intake_channel = *fields.intake_channel,
                 .situation = JoinTags(fields.situation.value_or(std::vector<std::string>{})),
                 .risk_level = *fields.risk_level,
                 .restricted = fields.restricted.value_or(false),
                 .opened_at = at,
                 .created_by = actor.user_id,
                 .updated_at = at};
    PersonView people(tx, keyring_);
    const people::PersonCipher* cipher = TRY(people.Cipher(c.org_id, c.person_id));
    c.summary = cipher->SealRecord(kCasesTable, "summary", c.id, *fields.summary);
    c.safety_plan =
        cipher->SealRecord(kCasesTable, "safety_plan", c.id, fields.safety_plan.value_or(""));
    TRY(case_repo::Insert(tx, c));
    TRY(case_repo::SetWorkers(tx, c.id, {actor.user_id}, at));
    CaseRef ref{.id = c.id, .org_id = c.org_id, .person_id = c.person_id};
    TRY(AppendTimeline(tx, ref, now, "case_opened", c.id, c.intake_channel, actor.user_id));
    std::vector<Worker> workers = TRY(WorkersOf(tx, c.id));
    Case out = TRY(View(people, c, std::move(workers), AccessName(Access::kAssigned), true));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "case.create", "case", c.id, fields.Names(),
                                               actor.org_id)));
    return out;
  }
}

Result<security::Audited<Case>> CaseService::Get(const security::Actor& actor,
                                                 const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  security::AuditEvent e =
      security::ActorEvent(actor, "case.read", "case", id, kReadFields, actor.org_id);
  // Usually one statement: the case's row tells who may read it (DecideAccess), and her key and
  // sealed columns come with it; for a case kept since its last read (case_cache.h), her
  // organization's generation. A restricted woman, a grant, a key not yet at hand or kept rows
  // gone stale send the read to a transaction; e is touched only once the decision is made.
  auto read = db_.ReadValueByOneStatement([&](store::Tx& tx) -> Result<Case> {
    CaseDecision decision = TRY(DecideAccess(tx, actor, id, now, &kept_cases_));
    if (!decision.ref) {
      e.outcome = decision.outcome;
      e.fields.clear();
      // A read transaction writes nothing; the refusal's entry goes to the group commit below.
      return Fail(RecordedRefusal(std::move(*decision.refusal)));
    }
    PersonView people(tx, keyring_);
    people.Know(*decision.row);
    Case out = TRY(View(people, decision.row->c, Workers(decision.workers),
                        AccessName(decision.ref->access), true));
    if (decision.ref->access == Access::kBreakGlass) e.outcome = "break_glass";
    return out;
  });
  if (!read) {
    // A refused read is on disk before the refusal is answered.
    return Fail(read.error().commits ? reads_.Refuse(std::move(e), read.error()) : read.error());
  }
  return security::Audited<Case>{std::move(*read), security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<std::vector<Case>>> CaseService::List(const security::Actor& actor,
                                                               const CaseListQuery& query) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  Error bad{ErrorCode::kInvalid, "error.invalid"};
  if (!query.status.empty() && query.status != "open" && query.status != "closed") {
    bad.Field("status", "field.unknown_value");
  }
  if (!query.person_id.empty() && !LooksLikeId(query.person_id)) {
    bad.Field("person_id", "cases.unknown_person");
  }
  if (!query.worker.empty() && query.worker != "none" && !LooksLikeId(query.worker)) {
    bad.Field("worker", "field.unknown_value");
  }
  if (!query.risk_level.empty() && RiskRank(query.risk_level) < 0) {
    bad.Field("risk", "field.unknown_value");
  }
  if (query.no_contact_days < 0 || query.no_contact_days > 365) {
    bad.Field("no_contact_days", "cases.no_contact_days_range");
  }
  if (!bad.fields.empty()) return Fail(security::BeforeConfirmation(actor, bad));
  const std::string now = FormatRfc3339(clock_.Now());
  std::string assigned_to = query.assigned_to_me ? actor.user_id : "";
  if (!query.worker.empty() && query.worker != "none") assigned_to = query.worker;
  const std::string no_contact_since =
      query.no_contact_days > 0
          ? FormatRfc3339(clock_.Now() - std::chrono::hours(24 * query.no_contact_days))
          : "";
  const bool supervisor = security::HasRole(actor.roles, "supervisor");
  // A kept list is one statement (its generation); rows read afresh go to a transaction.
  auto listed = TRY(db_.ReadValueByOneStatement([&](store::Tx& tx) -> Result<std::vector<Case>> {
    case_repo::ListFilter filter{
        .org_id = actor.org_id,
        .status = query.status,
        .assigned_to = assigned_to,
        .person_id = query.person_id,
        .no_contact_since = no_contact_since,
        .unassigned = query.worker == "none",
        .risk_level = query.risk_level,
        .limit = kMaxListed,
        .with_person_restricted = !supervisor && assigned_to != actor.user_id};
    const std::shared_ptr<const ListedRows> read = TRY(listed_rows_.Read(tx, filter, &actor));
    const std::vector<case_repo::ListedCase>& rows = read->cases;
    PersonView people(tx, keyring_);
    std::map<std::string, access::PersonDecision> reach;  // by person, once per list
    std::vector<Case> out;
    out.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      const case_repo::ListedCase& listed = rows[i];
      if (listed.person_erased) continue;
      const StoredCase& c = listed.c;
      const auto& mine = *read->workers_of[i];
      const bool assigned = std::any_of(mine.begin(), mine.end(),
                                        [&](const auto& w) { return w.first == actor.user_id; });
      bool readable = assigned || supervisor;
      Access access = assigned     ? Access::kAssigned
                      : supervisor ? Access::kSupervisor
                                   : Access::kOrganization;
      if (!readable && c.restricted) {
        readable = TRY(case_repo::HasBreakGlass(tx, c.id, actor.user_id, now));
        access = Access::kBreakGlass;
      } else if (!readable && listed.person_restricted == false) {
        // No restricted case of hers: her organization's case roles reach her, without a
        // statement (DecidePersonAccess's first rule, decided here for each of a list's rows).
        readable = true;
      } else if (!readable) {
        // Her open case shows her only to whoever may reach her (DecideAccess's rule); the
        // list's statement told whether she has a restricted case.
        auto it = reach.find(c.person_id);
        if (it == reach.end()) {
          access::PersonDecision decided = TRY(access::DecidePersonAccess(
              tx, actor, c.person_id, clock_.Now(), listed.person_restricted));
          it = reach.emplace(c.person_id, std::move(decided)).first;
        }
        readable = it->second.allowed;
        if (it->second.access == access::PersonAccess::kBreakGlass) access = Access::kBreakGlass;
      }
      out.push_back(TRY(ListedView(people, listed, read->key_of[i], Workers(mine),
                                   readable ? AccessName(access) : "", readable)));
    }
    return out;
  }));
  security::AuditEvent e = security::ActorEvent(
      actor, "case.list", "case", "", {"legal_name", "alias", "safe_contact"}, actor.org_id);
  return security::Audited<std::vector<Case>>{std::move(listed),
                                              security::PendingAudit(reads_, std::move(e))};
}

Result<BreakGlassResult> CaseService::BreakGlass(const security::Actor& actor,
                                                 const std::string& id, const std::string& reason) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  BreakGlassResult out{.case_id = id, .expires_at = FormatRfc3339(now + kBreakGlassFor)};
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    // An id that is not hers to ask about leaves a trace, as a probed case id does everywhere.
    auto not_found = [&]() -> Result<void> {
      security::AuditEvent e =
          security::ActorEvent(actor, "case.break_glass", "case", id, {}, actor.org_id);
      e.outcome = "not_found";
      TRY(audit_.Append(tx, e));
      return Fail(RecordedRefusal(NotFound()));
    };
    if (!LooksLikeId(id)) return not_found();
    auto c = TRY(case_repo::FindById(tx, id));
    if (!c || c->org_id != actor.org_id) return not_found();
    if (TRY(case_repo::PersonErased(tx, c->person_id))) return not_found();
    if (Blank(reason)) return Fail(Invalid("reason", "field.required"));
    if (!c->restricted) return Fail(ErrorCode::kConflict, "cases.not_restricted");
    CaseRef ref{.id = id, .org_id = c->org_id, .person_id = c->person_id};
    people::PersonCipher cipher = TRY(CipherFor(tx, keyring_, ref));
    const std::string grant_id = NewId();
    case_repo::BreakGlassGrant grant{
        .id = grant_id,
        .case_id = id,
        .user_id = actor.user_id,
        .reason = cipher.SealRecord("break_glass", "reason", grant_id, reason),
        .granted_at = FormatRfc3339(now),
        .expires_at = out.expires_at};
    TRY(case_repo::InsertBreakGlass(tx, grant));
    // Every active supervisor of the organization hears of it (the actor too, if she is one:
    // her own record of what she did).
    for (const auto& a : TRY(security::account_repo::ListByOrg(tx, actor.org_id))) {
      if (!a.disabled_at.empty() || !security::HasRole(a.roles, "supervisor")) continue;
      TRY(case_repo::InsertNotification(tx, {.id = NewId(),
                                             .org_id = actor.org_id,
                                             .user_id = a.id,
                                             .kind = "break_glass",
                                             .case_id = id,
                                             .actor_id = actor.user_id,
                                             .at = grant.granted_at}));
    }
    TRY(AppendTimeline(tx, ref, now, "break_glass", grant_id, "", actor.user_id));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "case.break_glass", "case", id, {"reason"}, actor.org_id)));
    return Ok();
  }));
  return out;
}

Result<security::Audited<std::vector<case_repo::TimelineEvent>>> CaseService::Timeline(
    const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  security::AuditEvent e =
      security::ActorEvent(actor, "case.timeline", "case", id, {}, actor.org_id);
  // As Get: decided in a read transaction (from kept rows when nothing about her changed), the
  // entry owed to the reads' group commit.
  auto read = db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<case_repo::TimelineEvent>> {
    CaseDecision decision = TRY(DecideAccess(tx, actor, id, now, &kept_cases_));
    if (!decision.ref) {
      e.outcome = decision.outcome;
      return Fail(RecordedRefusal(std::move(*decision.refusal)));
    }
    if (decision.ref->access == Access::kBreakGlass) e.outcome = "break_glass";
    return case_repo::Timeline(tx, id, 500);
  });
  if (!read) {
    // A refused read is on disk before the refusal is answered.
    return Fail(read.error().commits ? reads_.Refuse(std::move(e), read.error()) : read.error());
  }
  return security::Audited<std::vector<case_repo::TimelineEvent>>{
      std::move(*read), security::PendingAudit(reads_, std::move(e))};
}

Result<std::vector<case_repo::Notification>> CaseService::Notifications(
    const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  return db_.ReadValue(
      [&](store::Tx& tx) { return case_repo::NotificationsOf(tx, actor.user_id, 100); });
}

Result<void> CaseService::MarkNotificationRead(const security::Actor& actor,
                                               const std::string& id) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (!LooksLikeId(id)) return Fail(NotFound());
  const bool found = TRY(db_.WriteValue([&](store::Tx& tx) {
    return case_repo::MarkRead(tx, id, actor.user_id, FormatRfc3339(clock_.Now()));
  }));
  if (!found) return Fail(NotFound());
  return Ok();
}

}  // namespace dandelion::cases
