#include "modules/cases/case_service.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/ids.h"
#include "modules/access/person_access.h"
#include "modules/people/model.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "security/account_repo.h"
#include "security/policy.h"

namespace dandelion::cases {
namespace {

using case_repo::StoredCase;
constexpr std::string_view kCasesTable = "cases";

Result<void> RequirePermission(const security::Actor& actor, std::string_view permission) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (actor.org_id.empty() || !security::Allows(permission, actor.roles)) {
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  }
  return Ok();
}

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// Appends e to the audit log in tx (for transactions whose last step is the audit entry).
Result<void> Record(const security::AuditLog& audit, store::Tx& tx, const security::AuditEvent& e) {
  auto s = audit.Append(tx, e);
  if (!s) return Fail(s.error());
  return Ok();
}

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
      auto cipher = people::PersonCipher::Load(tx_, keyring_, org_id, person_id);
      if (!cipher) return Fail(cipher.error());
      it = ciphers_.emplace(person_id, std::move(*cipher)).first;
    }
    return &it->second;
  }

  Result<CasePerson> Person(const std::string& org_id, const std::string& person_id) {
    auto row = people::person_repo::FindById(tx_, person_id);
    if (!row) return Fail(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "error.not_found");
    auto cipher = Cipher(org_id, person_id);
    if (!cipher) return Fail(cipher.error());
    CasePerson p{.id = person_id, .code = (*row)->code};
    auto name = (*cipher)->Open("legal_name", (*row)->legal_name);
    auto alias = (*cipher)->Open("alias", (*row)->alias);
    auto safe = (*cipher)->Open("safe_contact", (*row)->safe_contact);
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
  auto person = people.Person(c.org_id, c.person_id);
  if (!person) return Fail(person.error());
  out.person = std::move(*person);
  auto cipher = people.Cipher(c.org_id, c.person_id);
  if (!cipher) return Fail(cipher.error());
  auto summary = (*cipher)->OpenRecord(kCasesTable, "summary", c.id, c.summary);
  auto plan = (*cipher)->OpenRecord(kCasesTable, "safety_plan", c.id, c.safety_plan);
  auto note = (*cipher)->OpenRecord(kCasesTable, "closure_note", c.id, c.closure_note);
  auto reopen = (*cipher)->OpenRecord(kCasesTable, "reopen_reason", c.id, c.reopen_reason);
  if (!summary || !plan || !note || !reopen) return Fail(ErrorCode::kInternal, "error.internal");
  out.reopen_reason = std::move(*reopen);
  out.summary = std::move(*summary);
  out.safety_plan = std::move(*plan);
  out.closure_note = std::move(*note);
  return out;
}

Result<std::vector<Worker>> WorkersOf(store::Tx& tx, const std::string& case_id) {
  auto all = case_repo::WorkersOf(tx, {case_id});
  if (!all) return Fail(all.error());
  return Workers((*all)[case_id]);
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
  if (auto ok = RequirePermission(actor, security::perm::kCaseWrite); !ok) return Fail(ok.error());
  if (auto ok = ValidateCaseFields(fields, true); !ok) return Fail(ok.error());
  auto org = orgs_.Get(actor, actor.org_id);
  if (!org) return Fail(org.error());
  const TimePoint now = clock_.Now();
  const std::string at = FormatRfc3339(now);
  Case out;
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto person = people::person_repo::FindById(tx, *fields.person_id);
    if (!person) return Fail(person.error());
    if (!*person || (*person)->org_id != actor.org_id || !(*person)->erased_at.empty()) {
      // Named as a field: she is the one thing the caller chose that we cannot find.
      refusal = Invalid("person_id", "cases.unknown_person");
      security::AuditEvent e =
          security::ActorEvent(actor, "case.create", "person", *fields.person_id);
      e.outcome = "not_found";
      return Record(audit_, tx, e);
    }
    // Opening a case for her makes the opener her assigned worker: only someone who may reach
    // her already may do it, or restriction would be one case away.
    auto reach = access::DecidePersonAccess(tx, actor, *fields.person_id, now);
    if (!reach) return Fail(reach.error());
    if (!reach->allowed) {
      refusal = access::Refusal(*reach);
      security::AuditEvent e =
          security::ActorEvent(actor, "case.create", "person", *fields.person_id);
      e.outcome = reach->Outcome();
      return Record(audit_, tx, e);
    }
    const int year = std::stoi(at.substr(0, 4));
    auto seq = case_repo::NextNumberSeq(tx, actor.org_id, year);
    if (!seq) return Fail(seq.error());
    StoredCase c{.id = NewId(),
                 .org_id = actor.org_id,
                 .person_id = *fields.person_id,
                 .number = FormatCaseNumber(people::CodePrefix(org->slug), year, *seq),
                 .number_year = year,
                 .number_seq = *seq,
                 .status = "open",
                 .intake_channel = *fields.intake_channel,
                 .situation = JoinTags(fields.situation.value_or(std::vector<std::string>{})),
                 .risk_level = *fields.risk_level,
                 .restricted = fields.restricted.value_or(false),
                 .opened_at = at,
                 .created_by = actor.user_id,
                 .updated_at = at};
    PersonView people(tx, keyring_);
    auto cipher = people.Cipher(c.org_id, c.person_id);
    if (!cipher) return Fail(cipher.error());
    c.summary = (*cipher)->SealRecord(kCasesTable, "summary", c.id, *fields.summary);
    c.safety_plan =
        (*cipher)->SealRecord(kCasesTable, "safety_plan", c.id, fields.safety_plan.value_or(""));
    if (auto s = case_repo::Insert(tx, c); !s) return s;
    if (auto s = case_repo::SetWorkers(tx, c.id, {actor.user_id}, at); !s) return s;
    CaseRef ref{.id = c.id, .org_id = c.org_id, .person_id = c.person_id};
    if (auto s = AppendTimeline(tx, ref, now, "case_opened", c.id, c.intake_channel, actor.user_id);
        !s)
      return s;
    auto workers = WorkersOf(tx, c.id);
    if (!workers) return Fail(workers.error());
    auto view = View(people, c, std::move(*workers), AccessName(Access::kAssigned), true);
    if (!view) return Fail(view.error());
    out = std::move(*view);
    security::AuditEvent e =
        security::ActorEvent(actor, "case.create", "case", c.id, fields.Names(), actor.org_id);
    return Record(audit_, tx, e);
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return out;
}

Result<security::Audited<Case>> CaseService::Get(const security::Actor& actor,
                                                 const std::string& id) {
  if (auto ok = RequirePermission(actor, security::perm::kCaseRead); !ok) return Fail(ok.error());
  const TimePoint now = clock_.Now();
  Case out;
  security::AuditEvent e =
      security::ActorEvent(actor, "case.read", "case", id, kReadFields, actor.org_id);
  std::optional<Error> refusal;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto decision = DecideAccess(tx, actor, id, now);
    if (!decision) return Fail(decision.error());
    if (!decision->ref) {
      refusal = std::move(decision->refusal);
      e.outcome = decision->outcome;
      e.fields.clear();
      return Ok();
    }
    auto c = case_repo::FindById(tx, id);
    if (!c) return Fail(c.error());
    auto workers = WorkersOf(tx, id);
    if (!workers) return Fail(workers.error());
    PersonView people(tx, keyring_);
    auto view = View(people, **c, std::move(*workers), AccessName(decision->ref->access), true);
    if (!view) return Fail(view.error());
    out = std::move(*view);
    if (decision->ref->access == Access::kBreakGlass) e.outcome = "break_glass";
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) {
    if (auto s = reads_.AppendAndWait(std::move(e)); !s) return Fail(s.error());
    return Fail(*refusal);
  }
  return security::Audited<Case>{std::move(out), security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<std::vector<Case>>> CaseService::List(const security::Actor& actor,
                                                               const CaseListQuery& query) {
  if (auto ok = RequirePermission(actor, security::perm::kCaseRead); !ok) return Fail(ok.error());
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
  std::vector<Case> out;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    case_repo::ListFilter filter{.org_id = actor.org_id,
                                 .status = query.status,
                                 .assigned_to = assigned_to,
                                 .person_id = query.person_id,
                                 .no_contact_since = no_contact_since,
                                 .unassigned = query.worker == "none",
                                 .risk_level = query.risk_level,
                                 .limit = kMaxListed};
    auto rows = case_repo::List(tx, filter);
    if (!rows) return Fail(rows.error());
    std::vector<std::string> ids;
    for (const auto& c : *rows) ids.push_back(c.id);
    auto workers = case_repo::WorkersOf(tx, ids);
    if (!workers) return Fail(workers.error());
    PersonView people(tx, keyring_);
    std::map<std::string, access::PersonDecision> reach;  // by person, once per list
    for (const auto& c : *rows) {
      auto& mine = (*workers)[c.id];
      const bool assigned = std::any_of(mine.begin(), mine.end(),
                                        [&](const auto& w) { return w.first == actor.user_id; });
      bool readable = assigned || supervisor;
      Access access = assigned     ? Access::kAssigned
                      : supervisor ? Access::kSupervisor
                                   : Access::kOrganization;
      if (!readable && c.restricted) {
        auto glass = case_repo::HasBreakGlass(tx, c.id, actor.user_id, now);
        if (!glass) return Fail(glass.error());
        readable = *glass;
        access = Access::kBreakGlass;
      } else if (!readable) {
        // Her open case shows her only to whoever may reach her (DecideAccess's rule).
        auto it = reach.find(c.person_id);
        if (it == reach.end()) {
          auto decided = access::DecidePersonAccess(tx, actor, c.person_id, clock_.Now());
          if (!decided) return Fail(decided.error());
          it = reach.emplace(c.person_id, std::move(*decided)).first;
        }
        readable = it->second.allowed;
        if (it->second.access == access::PersonAccess::kBreakGlass) access = Access::kBreakGlass;
      }
      auto erased = case_repo::PersonErased(tx, c.person_id);
      if (!erased) return Fail(erased.error());
      if (*erased) continue;
      auto view = View(people, c, Workers(mine), readable ? AccessName(access) : "", readable);
      if (!view) return Fail(view.error());
      out.push_back(std::move(*view));
    }
    return Ok();
  });
  if (!r) return Fail(r.error());
  security::AuditEvent e = security::ActorEvent(
      actor, "case.list", "case", "", {"legal_name", "alias", "safe_contact"}, actor.org_id);
  return security::Audited<std::vector<Case>>{std::move(out),
                                              security::PendingAudit(reads_, std::move(e))};
}

Result<Case> CaseService::Mutate(const security::Actor& actor, const std::string& id,
                                 std::string_view permission, std::string action,
                                 const Change& change) {
  if (auto ok = RequirePermission(actor, permission); !ok) return Fail(ok.error());
  const TimePoint now = clock_.Now();
  Case out;
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto ref = LoadCase(tx, audit_, actor, id, action, now, refusal);
    if (!ref) return Fail(ref.error());
    if (!*ref) return Ok();
    auto c = case_repo::FindById(tx, id);
    if (!c) return Fail(c.error());
    security::AuditEvent e = security::ActorEvent(actor, action, "case", id, {}, actor.org_id);
    if ((*ref)->access == Access::kBreakGlass) e.outcome = "break_glass";  // done under a grant
    if (auto s = change(tx, **c, **ref, e); !s) return s;
    (*c)->updated_at = FormatRfc3339(now);
    if (auto s = case_repo::Update(tx, **c); !s) return s;
    auto workers = WorkersOf(tx, id);
    if (!workers) return Fail(workers.error());
    PersonView people(tx, keyring_);
    auto view = View(people, **c, std::move(*workers), AccessName((*ref)->access), true);
    if (!view) return Fail(view.error());
    out = std::move(*view);
    return Record(audit_, tx, e);
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return out;
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
                  if (auto ok = ValidateCaseFields(fields, false); !ok) return ok;
                  auto cipher = CipherFor(tx, keyring_, ref);
                  if (!cipher) return Fail(cipher.error());
                  if (fields.situation) c.situation = JoinTags(*fields.situation);
                  if (fields.risk_level) c.risk_level = *fields.risk_level;
                  if (fields.summary) {
                    c.summary = cipher->SealRecord(kCasesTable, "summary", c.id, *fields.summary);
                  }
                  if (fields.safety_plan) {
                    c.safety_plan =
                        cipher->SealRecord(kCasesTable, "safety_plan", c.id, *fields.safety_plan);
                  }
                  e.fields = fields.Names();
                  return Ok();
                });
}

Result<Case> CaseService::Assign(const security::Actor& actor, const std::string& id,
                                 const std::vector<std::string>& user_ids) {
  return Mutate(
      actor, id, security::perm::kCaseSupervise, "case.assign",
      [&](store::Tx& tx, StoredCase& c, const CaseRef& ref,
          security::AuditEvent& e) -> Result<void> {
        if (user_ids.empty()) return Fail(Invalid("user_ids", "field.required"));
        std::vector<std::string> unique;
        for (const auto& uid : user_ids) {
          if (std::find(unique.begin(), unique.end(), uid) != unique.end()) continue;
          auto account =
              LooksLikeId(uid)
                  ? security::account_repo::FindById(tx, uid)
                  : Result<std::optional<security::Account>>(std::optional<security::Account>());
          if (!account) return Fail(account.error());
          const bool worker = *account && (*account)->org_id == ref.org_id &&
                              (*account)->disabled_at.empty() &&
                              (security::HasRole((*account)->roles, "case_worker") ||
                               security::HasRole((*account)->roles, "supervisor"));
          if (!worker) return Fail(Invalid("user_ids", "cases.not_a_worker"));
          unique.push_back(uid);
        }
        if (auto s = case_repo::SetWorkers(tx, c.id, unique, FormatRfc3339(clock_.Now())); !s)
          return s;
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
        auto cipher = CipherFor(tx, keyring_, ref);
        if (!cipher) return Fail(cipher.error());
        c.status = "closed";
        c.closed_at = FormatRfc3339(now);
        c.closure_reason = reason;
        c.closure_note = cipher->SealRecord(kCasesTable, "closure_note", c.id, note);
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
                  auto cipher = CipherFor(tx, keyring_, ref);
                  if (!cipher) return Fail(cipher.error());
                  c.status = "open";
                  c.closed_at.clear();
                  c.closure_reason.clear();
                  c.closure_note.clear();
                  c.reopen_reason = cipher->SealRecord(kCasesTable, "reopen_reason", c.id, reason);
                  e.fields = {"status", "reopen_reason"};
                  return AppendTimeline(tx, ref, now, "case_reopened", c.id, "", actor.user_id);
                });
}

Result<BreakGlassResult> CaseService::BreakGlass(const security::Actor& actor,
                                                 const std::string& id, const std::string& reason) {
  if (auto ok = RequirePermission(actor, security::perm::kCaseRead); !ok) return Fail(ok.error());
  const TimePoint now = clock_.Now();
  BreakGlassResult out{.case_id = id, .expires_at = FormatRfc3339(now + kBreakGlassFor)};
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto refuse = [&](std::string outcome, Error error) -> Result<void> {
      security::AuditEvent e =
          security::ActorEvent(actor, "case.break_glass", "case", id, {}, actor.org_id);
      e.outcome = std::move(outcome);
      refusal = std::move(error);
      return Record(audit_, tx, e);
    };
    if (!LooksLikeId(id)) return refuse("not_found", {ErrorCode::kNotFound, "error.not_found"});
    auto c = case_repo::FindById(tx, id);
    if (!c) return Fail(c.error());
    if (!*c || (*c)->org_id != actor.org_id) {
      return refuse("not_found", {ErrorCode::kNotFound, "error.not_found"});
    }
    auto erased = case_repo::PersonErased(tx, (*c)->person_id);
    if (!erased) return Fail(erased.error());
    if (*erased) return refuse("not_found", {ErrorCode::kNotFound, "error.not_found"});
    if (Blank(reason)) return Fail(Invalid("reason", "field.required"));
    if (!(*c)->restricted) return Fail(ErrorCode::kConflict, "cases.not_restricted");
    CaseRef ref{.id = id, .org_id = (*c)->org_id, .person_id = (*c)->person_id};
    auto cipher = CipherFor(tx, keyring_, ref);
    if (!cipher) return Fail(cipher.error());
    const std::string grant_id = NewId();
    case_repo::BreakGlassGrant grant{
        .id = grant_id,
        .case_id = id,
        .user_id = actor.user_id,
        .reason = cipher->SealRecord("break_glass", "reason", grant_id, reason),
        .granted_at = FormatRfc3339(now),
        .expires_at = out.expires_at};
    if (auto s = case_repo::InsertBreakGlass(tx, grant); !s) return s;
    // Every active supervisor of the organization hears of it (the actor too, if she is one:
    // her own record of what she did).
    auto accounts = security::account_repo::ListByOrg(tx, actor.org_id);
    if (!accounts) return Fail(accounts.error());
    for (const auto& a : *accounts) {
      if (!a.disabled_at.empty() || !security::HasRole(a.roles, "supervisor")) continue;
      case_repo::Notification n{.id = NewId(),
                                .org_id = actor.org_id,
                                .user_id = a.id,
                                .kind = "break_glass",
                                .case_id = id,
                                .actor_id = actor.user_id,
                                .at = grant.granted_at};
      if (auto s = case_repo::InsertNotification(tx, n); !s) return s;
    }
    if (auto s = AppendTimeline(tx, ref, now, "break_glass", grant_id, "", actor.user_id); !s)
      return s;
    return Record(
        audit_, tx,
        security::ActorEvent(actor, "case.break_glass", "case", id, {"reason"}, actor.org_id));
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return out;
}

Result<std::vector<case_repo::TimelineEvent>> CaseService::Timeline(const security::Actor& actor,
                                                                    const std::string& id) {
  if (auto ok = RequirePermission(actor, security::perm::kCaseRead); !ok) return Fail(ok.error());
  const TimePoint now = clock_.Now();
  std::vector<case_repo::TimelineEvent> out;
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto ref = LoadCase(tx, audit_, actor, id, "case.timeline", now, refusal);
    if (!ref) return Fail(ref.error());
    if (!*ref) return Ok();
    auto events = case_repo::Timeline(tx, id, 500);
    if (!events) return Fail(events.error());
    out = std::move(*events);
    auto e = security::ActorEvent(actor, "case.timeline", "case", id, {}, actor.org_id);
    if ((*ref)->access == Access::kBreakGlass) e.outcome = "break_glass";
    return Record(audit_, tx, e);
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return out;
}

Result<std::vector<case_repo::Notification>> CaseService::Notifications(
    const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  std::vector<case_repo::Notification> out;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto rows = case_repo::NotificationsOf(tx, actor.user_id, 100);
    if (!rows) return Fail(rows.error());
    out = std::move(*rows);
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<void> CaseService::MarkNotificationRead(const security::Actor& actor,
                                               const std::string& id) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (!LooksLikeId(id)) return Fail(ErrorCode::kNotFound, "error.not_found");
  bool found = false;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto marked = case_repo::MarkRead(tx, id, actor.user_id, FormatRfc3339(clock_.Now()));
    if (!marked) return Fail(marked.error());
    found = *marked;
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (!found) return Fail(ErrorCode::kNotFound, "error.not_found");
  return Ok();
}

}  // namespace dandelion::cases
