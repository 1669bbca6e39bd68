#include "modules/audit/audit_service.h"

#include <spdlog/spdlog.h>

#include "security/policy.h"

namespace dandelion::audit {
namespace {

constexpr const char* kSecretariat = "secretariat";

// The names of the filters a search used: recorded in its audit entry, never their values.
std::vector<std::string> FilterNames(const AuditFilter& f) {
  std::vector<std::string> names;
  if (!f.entity_type.empty()) names.emplace_back("entity_type");
  if (!f.entity_id.empty()) names.emplace_back("entity_id");
  if (!f.actor.empty()) names.emplace_back("actor");
  if (!f.action.empty()) names.emplace_back("action");
  return names;
}

}  // namespace

AuditService::AuditService(store::Database& db, const security::AuditLog& audit,
                           security::AuditBatcher& reads, network::OrgService& orgs,
                           const security::AuthService& auth)
    : db_(db), audit_(audit), reads_(reads), orgs_(orgs), auth_(auth) {}

Result<std::string> AuditService::Scope(const security::Actor& actor) {
  if (actor.is_console()) return std::string();
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (!security::HasRole(actor.roles, "auditor") || actor.org_id.empty()) {
    return Fail(ErrorCode::kForbidden, "error.forbidden", "audit log read without auditor role");
  }
  network::Organization org = TRY(orgs_.Get(actor, actor.org_id));
  if (org.kind == kSecretariat) return std::string();
  return actor.org_id;
}

security::AuditEvent AuditService::Event(const security::Actor& actor, std::string action,
                                         std::string org_id) const {
  security::AuditEvent e;
  e.actor_user_id = actor.user_id;
  e.actor_org_id = actor.org_id;
  e.org_id = std::move(org_id);
  e.action = std::move(action);
  e.entity_type = "audit_log";
  e.request_id = actor.request_id;
  e.remote = actor.remote;
  return e;
}

Result<AuditPage> AuditService::Search(const security::Actor& actor, const AuditFilter& filter) {
  const std::string scope = TRY(Scope(actor));
  if (filter.limit < 1 || filter.limit > kMaxAuditPage || filter.before_seq < 0) {
    return Fail(Error{ErrorCode::kInvalid, "error.invalid", {}, "bad limit or cursor"}.Field(
        filter.before_seq < 0 ? "cursor" : "limit", "field.out_of_range"));
  }
  security::AuditQuery q;
  q.org_id = scope;
  q.entity_type = filter.entity_type;
  q.entity_id = filter.entity_id;
  q.actor_user_id = filter.actor;
  q.action = filter.action;
  q.before_seq = filter.before_seq;
  q.limit = filter.limit;
  // Reads of the last second may still wait in the journal: the auditor sees them too.
  TRY(reads_.FileJournal());
  AuditPage page;
  page.items = TRY(db_.WriteValue([&](store::Tx& tx) -> Result<std::vector<security::AuditRecord>> {
    auto items = TRY(audit_.Query(tx, q));
    // The read is recorded with the organization it was scoped to, so an organization's
    // auditors also see who searched their entries.
    security::AuditEvent e = Event(actor, "audit.read", scope);
    e.fields = FilterNames(filter);
    TRY(audit_.Append(tx, e));
    return items;
  }));
  if (static_cast<int>(page.items.size()) == filter.limit) {
    page.next_cursor = page.items.back().seq;
  }
  return page;
}

Result<std::string> AuditService::ExportCheckpoints(const security::Actor& actor) {
  const std::string scope = TRY(Scope(actor));
  TRY(auth_.RequireRecentReauth(actor));
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::string> {
    std::string text = TRY(audit_.ExportCheckpoints(tx));
    TRY(audit_.Append(tx, Event(actor, "audit.checkpoints_export", scope)));
    return text;
  });
}

Result<ChainStatus> AuditService::VerifyChain(const security::Actor& actor) {
  const std::string scope = TRY(Scope(actor));
  // A broken chain is the answer, not a failure of the read: the verdict is kept, not passed on.
  Result<void> verdict = Ok();
  TRY(reads_.FileJournal());
  ChainStatus status = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<ChainStatus> {
    std::optional<store::Row> count = TRY(tx.QueryOne("SELECT COUNT(*) FROM audit_log"));
    verdict = audit_.Verify(tx);
    return ChainStatus{.entries = count ? count->Int(0) : 0};
  }));
  status.intact = static_cast<bool>(verdict);
  if (!verdict) {
    spdlog::error(R"({{"event":"audit_chain_broken","detail":"{}"}})", verdict.error().detail);
  }
  security::AuditEvent e = Event(actor, "audit.verify", scope);
  e.outcome = status.intact ? "ok" : "broken";
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    TRY(audit_.Append(tx, e));
    return Ok();
  }));
  return status;
}

Result<std::string> AuditService::Checkpoint(const security::Actor& actor) {
  const std::string scope = TRY(Scope(actor));
  // A checkpoint signs the head of the whole network's log, every organization's entries: an
  // act for the secretariat's auditors (or the console), not an organization's.
  if (!scope.empty()) {
    return Fail(ErrorCode::kForbidden, "audit.checkpoint_network_only",
                "checkpoint by an organization's auditor");
  }
  TRY(reads_.FileJournal());  // the checkpoint signs the reads of the last second too
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::string> {
    // The entry comes first, so the checkpoint pins the record of its own making.
    TRY(audit_.Append(tx, Event(actor, "audit.checkpoint", scope)));
    return audit_.Checkpoint(tx);
  });
}

}  // namespace dandelion::audit
