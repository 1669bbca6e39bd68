// The policy service's work records (docs/api-policy.md, "Work"): monitoring tasks, hearings and
// council sessions, submissions with the response received, and statements. The rest of the
// service is in policy_service.cc.
#include "core/ids.h"
#include "modules/policy/jurisdictions.h"
#include "modules/policy/policy_service.h"
#include "modules/policy/service_checks.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::policy {
namespace {

namespace perm = security::perm;
using service_checks::Invalid;
using service_checks::IsDay;
using service_checks::IsTime;
using service_checks::RequireSignedIn;

}  // namespace

Result<void> PolicyService::CheckItemRef(store::Tx& tx, const std::optional<std::string>& item_id,
                                         Error& bad) {
  if (!item_id || item_id->empty()) return Ok();
  auto item = LooksLikeId(*item_id) ? TRY(policy_repo::FindItem(tx, *item_id)) : std::nullopt;
  if (!item) bad.Field("item_id", "policy.unknown_item");
  return Ok();
}

Result<void> PolicyService::WorkExists(const security::Actor& actor, std::string_view what,
                                       const std::string& id) {
  TRY(RequireSignedIn(actor));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    bool found = false;
    if (LooksLikeId(id)) {
      if (what == "task") found = TRY(work_repo::FindTask(tx, id)).has_value();
      if (what == "event") found = TRY(work_repo::FindEvent(tx, id)).has_value();
      if (what == "submission") found = TRY(work_repo::FindSubmission(tx, id)).has_value();
      if (what == "statement") found = TRY(work_repo::FindStatement(tx, id)).has_value();
      if (what == "document") found = TRY(policy_repo::FindDocument(tx, id)).has_value();
      if (what == "item") found = TRY(policy_repo::FindItem(tx, id)).has_value();
    }
    if (!found) return Fail(NotFound());
    return Ok();
  });
}

Result<work_repo::Task> PolicyService::CreateTask(const security::Actor& actor,
                                                  const TaskFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Task> {
    work_repo::Task t{.id = NewId(), .created_at = now};
    return UpdateTaskIn(tx, actor, t, in, true);
  });
}

Result<work_repo::Task> PolicyService::UpdateTask(const security::Actor& actor,
                                                  const std::string& id, const TaskFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Task> {
    auto t = LooksLikeId(id) ? TRY(work_repo::FindTask(tx, id)) : std::nullopt;
    if (!t) return Fail(NotFound());
    return UpdateTaskIn(tx, actor, *t, in, false);
  });
}

Result<work_repo::Task> PolicyService::UpdateTaskIn(store::Tx& tx, const security::Actor& actor,
                                                    work_repo::Task t, const TaskFields& in,
                                                    bool fresh) {
  Error bad = Invalid();
  if (fresh && Blank(in.title.value_or(""))) bad.Field("title", "field.required");
  if (!fresh && in.title && Blank(*in.title)) bad.Field("title", "field.required");
  if (in.due_on && !in.due_on->empty() && !IsDay(*in.due_on)) {
    bad.Field("due_on", "field.invalid_date");
  }
  TRY(CheckItemRef(tx, in.item_id, bad));
  std::string username = t.assignee_username;
  if (in.assignee_id && !in.assignee_id->empty()) {
    auto name = LooksLikeId(*in.assignee_id)
                    ? TRY(work_repo::SecretariatUsername(tx, *in.assignee_id))
                    : std::nullopt;
    if (!name) {
      bad.Field("assignee_id", "policy.bad_assignee");
    } else {
      username = *name;
    }
  }
  if (!bad.fields.empty()) return Fail(bad);
  if (in.title) t.title = *in.title;
  if (in.item_id) t.item_id = *in.item_id;
  if (in.assignee_id) t.assignee_id = *in.assignee_id;
  t.assignee_username = t.assignee_id.empty() ? "" : username;
  if (in.due_on) t.due_on = *in.due_on;
  if (in.note) t.note = *in.note;
  if (in.done && *in.done != t.done) {
    t.done = *in.done;
    t.done_at = t.done ? Now() : "";
  }
  if (fresh) {
    TRY(work_repo::InsertTask(tx, t, actor.user_id));
  } else {
    TRY(work_repo::UpdateTask(tx, t));
  }
  auto event = security::ActorEvent(actor, "policy.task.update", "policy_task", t.id);
  if (fresh) event.action = "policy.task.create";
  TRY(audit_.Append(tx, event));
  return t;
}

Result<std::vector<work_repo::Task>> PolicyService::Tasks(const security::Actor& actor,
                                                          std::optional<bool> done, bool mine) {
  TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<work_repo::Task>> {
    return work_repo::Tasks(tx, done, mine ? actor.user_id : "");
  });
}

Result<work_repo::Event> PolicyService::CreateEvent(const security::Actor& actor,
                                                    const EventFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Event> {
    return UpdateEventIn(tx, actor, {.id = NewId(), .created_at = now}, in, true);
  });
}

Result<work_repo::Event> PolicyService::UpdateEvent(const security::Actor& actor,
                                                    const std::string& id, const EventFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Event> {
    auto e = LooksLikeId(id) ? TRY(work_repo::FindEvent(tx, id)) : std::nullopt;
    if (!e) return Fail(NotFound());
    return UpdateEventIn(tx, actor, *e, in, false);
  });
}

Result<work_repo::Event> PolicyService::UpdateEventIn(store::Tx& tx, const security::Actor& actor,
                                                      work_repo::Event e, const EventFields& in,
                                                      bool fresh) {
  Error bad = Invalid();
  if ((fresh || in.kind) && !IsOneOf(EventKinds(), in.kind.value_or(""))) {
    bad.Field("kind", "field.unknown_value");
  }
  if ((fresh || in.title) && Blank(in.title.value_or(""))) bad.Field("title", "field.required");
  if ((fresh || in.on) && !IsDay(in.on.value_or(""))) bad.Field("on", "field.invalid_date");
  if (in.time && !in.time->empty() && !IsTime(*in.time)) bad.Field("time", "policy.bad_time");
  if ((fresh || in.jurisdiction) && !FindJurisdiction(in.jurisdiction.value_or(""))) {
    bad.Field("jurisdiction", "policy.unknown_jurisdiction");
  }
  TRY(CheckItemRef(tx, in.item_id, bad));
  if (!bad.fields.empty()) return Fail(bad);
  if (in.kind) e.kind = *in.kind;
  if (in.title) e.title = *in.title;
  if (in.on) e.on = *in.on;
  if (in.time) e.time = *in.time;
  if (in.jurisdiction) e.jurisdiction = *in.jurisdiction;
  if (in.item_id) e.item_id = *in.item_id;
  if (in.place) e.place = *in.place;
  if (in.note) e.note = *in.note;
  if (fresh) {
    TRY(work_repo::InsertEvent(tx, e, actor.user_id));
  } else {
    TRY(work_repo::UpdateEvent(tx, e));
  }
  auto event = security::ActorEvent(actor, "policy.event.update", "policy_event", e.id);
  if (fresh) event.action = "policy.event.create";
  TRY(audit_.Append(tx, event));
  return e;
}

Result<std::vector<work_repo::Event>> PolicyService::Events(const security::Actor& actor,
                                                            const std::string& from,
                                                            const std::string& to) {
  TRY(RequireSignedIn(actor));
  Error bad = Invalid();
  if (!from.empty() && !IsDay(from)) bad.Field("from", "field.invalid_date");
  if (!to.empty() && !IsDay(to)) bad.Field("to", "field.invalid_date");
  if (!bad.fields.empty()) return Fail(bad);
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<work_repo::Event>> {
    return work_repo::Events(tx, from, to);
  });
}

Result<work_repo::Submission> PolicyService::CreateSubmission(const security::Actor& actor,
                                                              const SubmissionFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Submission> {
    return UpdateSubmissionIn(tx, actor, {.id = NewId(), .created_at = now}, in, true);
  });
}

Result<work_repo::Submission> PolicyService::UpdateSubmission(const security::Actor& actor,
                                                              const std::string& id,
                                                              const SubmissionFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Submission> {
    auto s = LooksLikeId(id) ? TRY(work_repo::FindSubmission(tx, id)) : std::nullopt;
    if (!s) return Fail(NotFound());
    return UpdateSubmissionIn(tx, actor, *s, in, false);
  });
}

Result<work_repo::Submission> PolicyService::UpdateSubmissionIn(store::Tx& tx,
                                                                const security::Actor& actor,
                                                                work_repo::Submission s,
                                                                const SubmissionFields& in,
                                                                bool fresh) {
  Error bad = Invalid();
  if ((fresh || in.kind) && !IsOneOf(SubmissionKinds(), in.kind.value_or(""))) {
    bad.Field("kind", "field.unknown_value");
  }
  if ((fresh || in.title) && Blank(in.title.value_or(""))) bad.Field("title", "field.required");
  if ((fresh || in.submitted_on) && !IsDay(in.submitted_on.value_or(""))) {
    bad.Field("submitted_on", "field.invalid_date");
  }
  if (in.response_on && !in.response_on->empty() && !IsDay(*in.response_on)) {
    bad.Field("response.received_on", "field.invalid_date");
  }
  TRY(CheckItemRef(tx, in.item_id, bad));
  if (!bad.fields.empty()) return Fail(bad);
  if (in.kind) s.kind = *in.kind;
  if (in.item_id) s.item_id = *in.item_id;
  if (in.title) s.title = *in.title;
  if (in.addressee) s.addressee = *in.addressee;
  if (in.submitted_on) s.submitted_on = *in.submitted_on;
  if (in.body) s.body = *in.body;
  if (in.response_on) s.response_on = *in.response_on;
  if (in.response_summary) s.response_summary = *in.response_summary;
  if (fresh) {
    TRY(work_repo::InsertSubmission(tx, s, actor.user_id));
  } else {
    TRY(work_repo::UpdateSubmission(tx, s));
  }
  auto event = security::ActorEvent(actor, "policy.submission.update", "policy_submission", s.id);
  if (fresh) event.action = "policy.submission.create";
  TRY(audit_.Append(tx, event));
  return s;
}

Result<std::vector<work_repo::Submission>> PolicyService::Submissions(const security::Actor& actor,
                                                                      const std::string& item_id) {
  TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<work_repo::Submission>> {
    return work_repo::Submissions(tx, item_id);
  });
}

Result<work_repo::Statement> PolicyService::CreateStatement(const security::Actor& actor,
                                                            const StatementFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  const std::string now = Now();
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Statement> {
    return UpdateStatementIn(tx, actor, {.id = NewId(), .created_at = now, .updated_at = now}, in,
                             true);
  });
}

Result<work_repo::Statement> PolicyService::UpdateStatement(const security::Actor& actor,
                                                            const std::string& id,
                                                            const StatementFields& in) {
  TRY(RequirePermission(actor, perm::kPolicyEdit));
  return db_.WriteValue([&](store::Tx& tx) -> Result<work_repo::Statement> {
    auto s = LooksLikeId(id) ? TRY(work_repo::FindStatement(tx, id)) : std::nullopt;
    if (!s) return Fail(NotFound());
    return UpdateStatementIn(tx, actor, *s, in, false);
  });
}

Result<work_repo::Statement> PolicyService::UpdateStatementIn(store::Tx& tx,
                                                              const security::Actor& actor,
                                                              work_repo::Statement s,
                                                              const StatementFields& in,
                                                              bool fresh) {
  Error bad = Invalid();
  if ((fresh || in.title_ko) && Blank(in.title_ko.value_or(""))) {
    bad.Field("title_ko", "field.required");
  }
  if ((fresh || in.body_ko) && Blank(in.body_ko.value_or(""))) {
    bad.Field("body_ko", "field.required");
  }
  TRY(CheckItemRef(tx, in.item_id, bad));
  if (!bad.fields.empty()) return Fail(bad);
  const std::string now = Now();
  if (in.title_ko) s.title_ko = *in.title_ko;
  if (in.title_en) s.title_en = *in.title_en;
  if (in.body_ko) s.body_ko = *in.body_ko;
  if (in.body_en) s.body_en = *in.body_en;
  if (in.item_id) s.item_id = *in.item_id;
  if (in.published && *in.published != s.published) {
    s.published = *in.published;
    s.published_at = s.published ? now : "";
  }
  s.updated_at = now;
  if (fresh) {
    TRY(work_repo::InsertStatement(tx, s, actor.user_id));
  } else {
    TRY(work_repo::UpdateStatement(tx, s));
  }
  auto event = security::ActorEvent(actor, "policy.statement.update", "policy_statement", s.id);
  if (fresh) event.action = "policy.statement.create";
  TRY(audit_.Append(tx, event));
  return s;
}

Result<std::vector<work_repo::Statement>> PolicyService::Statements(const security::Actor& actor,
                                                                    bool publicly) {
  if (!publicly) TRY(RequireSignedIn(actor));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<work_repo::Statement>> {
    return work_repo::Statements(tx, publicly);
  });
}

}  // namespace dandelion::policy
