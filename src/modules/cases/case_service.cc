#include "modules/cases/case_service.h"

#include <algorithm>
#include <map>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/people/model.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/service_support.h"
#include "security/account_repo.h"
#include "security/policy.h"

namespace dandelion::cases {
namespace {

using case_repo::StoredCase;
constexpr std::string_view kCasesTable = "cases";

Error Invalid(std::string field, std::string key) {
  return Error{ErrorCode::kInvalid, "error.invalid"}.Field(std::move(field), std::move(key));
}

// Her key and the clear person fields a case shows, once per person within a request.
class PersonView {
 public:
  PersonView(store::Tx& tx, security::Keyring& keyring) : tx_(tx), keyring_(keyring) {}

  Result<const people::PersonCipher*> Cipher(const std::string& org_id,
                                             const std::string& person_id) {
    auto it = ciphers_.find(person_id);
    if (it == ciphers_.end()) {
      people::PersonCipher cipher =
          TRY(people::PersonCipher::Load(tx_, keyring_, org_id, person_id));
      it = ciphers_.emplace(person_id, std::move(cipher)).first;
    }
    return &it->second;
  }

  Result<CasePerson> Person(const std::string& org_id, const std::string& person_id) {
    auto row = TRY(people::person_repo::FindById(tx_, person_id));
    if (!row) return Fail(NotFound());
    const people::PersonCipher* cipher = TRY(Cipher(org_id, person_id));
    CasePerson p{.id = person_id, .code = row->code};
    auto name = cipher->Open("legal_name", row->legal_name);
    auto alias = cipher->Open("alias", row->alias);
    auto safe = cipher->Open("safe_contact", row->safe_contact);
    if (!name || !alias || !safe) return Fail(ErrorCode::kInternal, "error.internal");
    p.legal_name = std::move(*name);
    p.alias = std::move(*alias);
    p.safe_contact = std::move(*safe);
    return p;
  }

 private:
  store::Tx& tx_;
  security::Keyring& keyring_;
  std::map<std::string, people::PersonCipher> ciphers_;
};

std::vector<Worker> Workers(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<Worker> out;
  for (const auto& [id, name] : rows) out.push_back({id, name});
  return out;
}

// The case as the caller sees it. readable = false leaves person and sealed fields out (a
// restricted case listed for someone who must break the glass to read it).
Result<Case> View(PersonView& people, const StoredCase& c, std::vector<Worker> workers,
                  std::string_view access, bool readable) {
  Case out{.id = c.id,
           .org_id = c.org_id,
           .number = c.number,
           .status = c.status,
           .intake_channel = c.intake_channel,
           .situation = SplitTags(c.situation),
           .risk_level = c.risk_level,
           .restricted = c.restricted,
           .assigned = std::move(workers),
           .opened_at = c.opened_at,
           .closed_at = c.closed_at,
           .closure_reason = c.closure_reason,
           .last_contact_at = c.last_contact_at,
           .updated_at = c.updated_at,
           .access = std::string(access)};
  if (!readable) return out;
  out.person = TRY(people.Person(c.org_id, c.person_id));
  const people::PersonCipher* cipher = TRY(people.Cipher(c.org_id, c.person_id));
  auto summary = cipher->OpenRecord(kCasesTable, "summary", c.id, c.summary);
  auto plan = cipher->OpenRecord(kCasesTable, "safety_plan", c.id, c.safety_plan);
  auto note = cipher->OpenRecord(kCasesTable, "closure_note", c.id, c.closure_note);
  auto reopen = cipher->OpenRecord(kCasesTable, "reopen_reason", c.id, c.reopen_reason);
  if (!summary || !plan || !note || !reopen) return Fail(ErrorCode::kInternal, "error.internal");
  out.reopen_reason = std::move(*reopen);
  out.summary = std::move(*summary);
  out.safety_plan = std::move(*plan);
  out.closure_note = std::move(*note);
  return out;
}

Result<std::vector<Worker>> WorkersOf(store::Tx& tx, const std::string& case_id) {
  auto all = TRY(case_repo::WorkersOf(tx, {case_id}));
  return Workers(all[case_id]);
}

// The fields a read shows, for the audit entry.
const std::vector<std::string> kReadFields = {"legal_name",   "alias",       "safe_contact",
                                              "summary",      "safety_plan", "closure_note",
                                              "reopen_reason"};

}  // namespace

CaseService::CaseService(store::Database& db, security::Keyring& keyring,
                         const security::AuditLog& audit, security::AuditBatcher& reads,
                         network::OrgService& orgs, const Clock& clock)
    : db_(db), keyring_(keyring), audit_(audit), reads_(reads), orgs_(orgs), clock_(clock) {}

Result<Case> CaseService::Open(const security::Actor& actor, const CaseFields& fields) {
  TRY(RequirePermission(actor, security::perm::kCaseWrite));
  TRY(ValidateCaseFields(fields, true));
  network::Organization org = TRY(orgs_.Get(actor, actor.org_id));
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  return db_.WriteValue([&](store::Tx& tx) -> Result<Case> {
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
                 .number = FormatCaseNumber(people::CodePrefix(org.slug), year, seq),
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
  });
}

Result<security::Audited<Case>> CaseService::Get(const security::Actor& actor,
                                                 const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  security::AuditEvent e =
      security::ActorEvent(actor, "case.read", "case", id, kReadFields, actor.org_id);
  auto read = db_.ReadValue([&](store::Tx& tx) -> Result<Case> {
    CaseDecision decision = TRY(DecideAccess(tx, actor, id, now));
    if (!decision.ref) {
      e.outcome = decision.outcome;
      e.fields.clear();
      // A read transaction writes nothing; the refusal's entry goes to the group commit below.
      return Fail(RecordedRefusal(std::move(*decision.refusal)));
    }
    auto c = TRY(case_repo::FindById(tx, id));
    std::vector<Worker> workers = TRY(WorkersOf(tx, id));
    PersonView people(tx, keyring_);
    Case out = TRY(View(people, *c, std::move(workers), AccessName(decision.ref->access), true));
    if (decision.ref->access == Access::kBreakGlass) e.outcome = "break_glass";
    return out;
  });
  if (!read) {
    // A refused read is on disk before the refusal is answered.
    if (read.error().commits) TRY(reads_.AppendAndWait(std::move(e)));
    return Fail(read.error());
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
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = FormatRfc3339(clock_.Now());
  std::string assigned_to = query.assigned_to_me ? actor.user_id : "";
  if (!query.worker.empty() && query.worker != "none") assigned_to = query.worker;
  const std::string no_contact_since =
      query.no_contact_days > 0
          ? FormatRfc3339(clock_.Now() - std::chrono::hours(24 * query.no_contact_days))
          : "";
  const bool supervisor = security::HasRole(actor.roles, "supervisor");
  auto listed = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Case>> {
    case_repo::ListFilter filter{.org_id = actor.org_id,
                                 .status = query.status,
                                 .assigned_to = assigned_to,
                                 .person_id = query.person_id,
                                 .no_contact_since = no_contact_since,
                                 .unassigned = query.worker == "none",
                                 .risk_level = query.risk_level,
                                 .limit = kMaxListed};
    std::vector<StoredCase> rows = TRY(case_repo::List(tx, filter));
    std::vector<std::string> ids;
    for (const auto& c : rows) ids.push_back(c.id);
    auto workers = TRY(case_repo::WorkersOf(tx, ids));
    PersonView people(tx, keyring_);
    std::map<std::string, access::PersonDecision> reach;  // by person, once per list
    std::vector<Case> out;
    for (const auto& c : rows) {
      auto& mine = workers[c.id];
      const bool assigned = std::any_of(mine.begin(), mine.end(),
                                        [&](const auto& w) { return w.first == actor.user_id; });
      bool readable = assigned || supervisor;
      Access access = assigned     ? Access::kAssigned
                      : supervisor ? Access::kSupervisor
                                   : Access::kOrganization;
      if (!readable && c.restricted) {
        readable = TRY(case_repo::HasBreakGlass(tx, c.id, actor.user_id, now));
        access = Access::kBreakGlass;
      } else if (!readable) {
        // Her open case shows her only to whoever may reach her (DecideAccess's rule).
        auto it = reach.find(c.person_id);
        if (it == reach.end()) {
          access::PersonDecision decided =
              TRY(access::DecidePersonAccess(tx, actor, c.person_id, clock_.Now()));
          it = reach.emplace(c.person_id, std::move(decided)).first;
        }
        readable = it->second.allowed;
        if (it->second.access == access::PersonAccess::kBreakGlass) access = Access::kBreakGlass;
      }
      if (TRY(case_repo::PersonErased(tx, c.person_id))) continue;
      out.push_back(
          TRY(View(people, c, Workers(mine), readable ? AccessName(access) : "", readable)));
    }
    return out;
  }));
  security::AuditEvent e = security::ActorEvent(
      actor, "case.list", "case", "", {"legal_name", "alias", "safe_contact"}, actor.org_id);
  return security::Audited<std::vector<Case>>{std::move(listed),
                                              security::PendingAudit(reads_, std::move(e))};
}

Result<Case> CaseService::Mutate(const security::Actor& actor, const std::string& id,
                                 std::string_view permission, std::string action,
                                 const Change& change) {
  TRY(RequirePermission(actor, permission));
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<Case> {
    CaseRef ref = TRY(LoadCase(tx, audit_, actor, id, action, now));
    auto c = TRY(case_repo::FindById(tx, id));
    security::AuditEvent e = security::ActorEvent(actor, action, "case", id, {}, actor.org_id);
    if (ref.access == Access::kBreakGlass) e.outcome = "break_glass";  // done under a grant
    TRY(change(tx, *c, ref, e));
    c->updated_at = FormatRfc3339(now);
    TRY(case_repo::Update(tx, *c));
    std::vector<Worker> workers = TRY(WorkersOf(tx, id));
    PersonView people(tx, keyring_);
    Case out = TRY(View(people, *c, std::move(workers), AccessName(ref.access), true));
    TRY(audit_.Append(tx, e));
    return out;
  });
}

Result<Case> CaseService::Update(const security::Actor& actor, const std::string& id,
                                 const CaseFields& fields) {
  return Mutate(actor, id, security::perm::kCaseWrite, "case.update",
                [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
                    security::AuditEvent& e) -> Result<void> {
                  if (fields.person_id || fields.intake_channel || fields.restricted) {
                    Error bad{ErrorCode::kInvalid, "error.invalid"};
                    if (fields.person_id) bad.Field("person_id", "field.unknown");
                    if (fields.intake_channel) bad.Field("intake_channel", "field.unknown");
                    if (fields.restricted) bad.Field("restricted", "field.unknown");
                    return Fail(bad);
                  }
                  TRY(ValidateCaseFields(fields, false));
                  people::PersonCipher cipher = TRY(CipherFor(tx, keyring_, ref));
                  if (fields.situation) c.situation = JoinTags(*fields.situation);
                  if (fields.risk_level) c.risk_level = *fields.risk_level;
                  if (fields.summary) {
                    c.summary = cipher.SealRecord(kCasesTable, "summary", c.id, *fields.summary);
                  }
                  if (fields.safety_plan) {
                    c.safety_plan =
                        cipher.SealRecord(kCasesTable, "safety_plan", c.id, *fields.safety_plan);
                  }
                  e.fields = fields.Names();
                  return Ok();
                });
}

Result<Case> CaseService::Assign(const security::Actor& actor, const std::string& id,
                                 const std::vector<std::string>& user_ids) {
  return Mutate(actor, id, security::perm::kCaseSupervise, "case.assign",
                [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
                    security::AuditEvent& e) -> Result<void> {
                  if (user_ids.empty()) return Fail(Invalid("user_ids", "field.required"));
                  std::vector<std::string> unique;
                  for (const auto& uid : user_ids) {
                    if (std::find(unique.begin(), unique.end(), uid) != unique.end()) continue;
                    std::optional<security::Account> account;
                    if (LooksLikeId(uid)) account = TRY(security::account_repo::FindById(tx, uid));
                    const bool worker = account && account->org_id == ref.org_id &&
                                        account->disabled_at.empty() &&
                                        (security::HasRole(account->roles, "case_worker") ||
                                         security::HasRole(account->roles, "supervisor"));
                    if (!worker) return Fail(Invalid("user_ids", "cases.not_a_worker"));
                    unique.push_back(uid);
                  }
                  TRY(case_repo::SetWorkers(tx, c.id, unique, FormatRfc3339(clock_.Now())));
                  e.fields = {"assigned"};
                  return Ok();
                });
}

Result<Case> CaseService::Restrict(const security::Actor& actor, const std::string& id,
                                   bool restricted) {
  return Mutate(
      actor, id, security::perm::kCaseSupervise, "case.restrict",
      [&](store::Tx&, StoredCase& c, const CaseRef&, security::AuditEvent& e) -> Result<void> {
        c.restricted = restricted;
        e.fields = {"restricted"};
        return Ok();
      });
}

Result<Case> CaseService::Close(const security::Actor& actor, const std::string& id,
                                const std::string& reason, const std::string& note) {
  const TimePoint now = clock_.Now();
  return Mutate(
      actor, id, security::perm::kCaseWrite, "case.close",
      [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
          security::AuditEvent& e) -> Result<void> {
        auto reasons = ClosureReasons();
        if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
          return Fail(Invalid("reason", reason.empty() ? "field.required" : "field.unknown_value"));
        }
        if (c.status == "closed") return Fail(ErrorCode::kConflict, "cases.closed");
        people::PersonCipher cipher = TRY(CipherFor(tx, keyring_, ref));
        c.status = "closed";
        c.closed_at = FormatRfc3339(now);
        c.closure_reason = reason;
        c.closure_note = cipher.SealRecord(kCasesTable, "closure_note", c.id, note);
        e.fields = {"status", "closure_reason"};
        if (!note.empty()) e.fields.emplace_back("closure_note");
        return AppendTimeline(tx, ref, now, "case_closed", c.id, reason, actor.user_id);
      });
}

Result<Case> CaseService::Reopen(const security::Actor& actor, const std::string& id,
                                 const std::string& reason) {
  const TimePoint now = clock_.Now();
  return Mutate(actor, id, security::perm::kCaseWrite, "case.reopen",
                [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
                    security::AuditEvent& e) -> Result<void> {
                  if (Blank(reason)) return Fail(Invalid("reason", "field.required"));
                  if (c.status != "closed") return Fail(ErrorCode::kConflict, "cases.not_closed");
                  people::PersonCipher cipher = TRY(CipherFor(tx, keyring_, ref));
                  c.status = "open";
                  c.closed_at.clear();
                  c.closure_reason.clear();
                  c.closure_note.clear();
                  c.reopen_reason = cipher.SealRecord(kCasesTable, "reopen_reason", c.id, reason);
                  e.fields = {"status", "reopen_reason"};
                  return AppendTimeline(tx, ref, now, "case_reopened", c.id, "", actor.user_id);
                });
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

Result<std::vector<case_repo::TimelineEvent>> CaseService::Timeline(const security::Actor& actor,
                                                                    const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::vector<case_repo::TimelineEvent>> {
    CaseRef ref = TRY(LoadCase(tx, audit_, actor, id, "case.timeline", now));
    auto events = TRY(case_repo::Timeline(tx, id, 500));
    auto e = security::ActorEvent(actor, "case.timeline", "case", id, {}, actor.org_id);
    if (ref.access == Access::kBreakGlass) e.outcome = "break_glass";
    TRY(audit_.Append(tx, e));
    return events;
  });
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
