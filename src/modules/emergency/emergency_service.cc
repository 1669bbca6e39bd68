#include "modules/emergency/emergency_service.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <tuple>

#include "core/ids.h"
#include "modules/emergency/request_cipher.h"
#include "modules/network/model.h"
#include "security/policy.h"

namespace dandelion::emergency {
namespace {

constexpr std::string_view kEntity = "help_request";

Result<void> RequirePermission(const security::Actor& actor, std::string_view permission) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  if (actor.org_id.empty() || !security::Allows(permission, actor.roles)) {
    return Fail(ErrorCode::kForbidden, "error.forbidden");
  }
  return Ok();
}

Error NotFound() { return Error{ErrorCode::kNotFound, "error.not_found"}; }

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

std::vector<std::string> Names(std::span<const std::string_view> names) {
  return {names.begin(), names.end()};
}

bool IsLanguageCode(std::string_view code) {
  return (code.size() == 2 || code.size() == 3) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool Blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// A request's first acknowledgement, by the first action anyone takes on it: it stops the
// escalation clock.
void MarkAcknowledged(HelpRequest& h, TimePoint now) {
  if (h.acknowledged_at.empty()) h.acknowledged_at = FormatRfc3339(now);
  if (h.status == "new") h.status = "acknowledged";
  h.ack_due_at.reset();
}

Result<void> RequireStatus(const HelpRequest& h, std::initializer_list<std::string_view> allowed) {
  for (auto s : allowed) {
    if (h.status == s) return Ok();
  }
  return Fail(ErrorCode::kConflict, "emergency.wrong_status");
}

std::optional<int64_t> Median(std::vector<int64_t> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::optional<int64_t> SecondsBetween(const std::string& from, const std::string& to) {
  TimePoint a{}, b{};
  if (from.empty() || to.empty() || !ParseRfc3339(from, &a) || !ParseRfc3339(to, &b)) {
    return std::nullopt;
  }
  return std::max<int64_t>(0, UnixSeconds(b) - UnixSeconds(a));
}

// The event of the system itself (escalation): no user, no address.
security::AuditEvent SystemEvent(std::string action, const std::string& org_id,
                                 const std::string& id) {
  security::AuditEvent e;
  e.org_id = org_id;
  e.action = std::move(action);
  e.entity_type = std::string(kEntity);
  e.entity_id = id;
  e.request_id = "escalator";
  e.remote = "system";
  return e;
}

}  // namespace

Result<void> ValidateNewRequest(const NewHelpRequest& in, bool public_form) {
  Error e = Invalid();
  if (!network::IsRegion(in.region)) e.Field("region", "field.unknown_value");
  if (Blank(in.situation)) e.Field("situation", "field.required");
  if (!public_form && !IsOneOf(StaffChannels(), in.channel)) {
    e.Field("channel", "field.unknown_value");
  }
  if (!in.language.empty() && !IsLanguageCode(in.language)) {
    e.Field("language", "field.unknown_value");
  }
  if (!in.urgency.empty() && !IsOneOf(Urgencies(), in.urgency)) {
    e.Field("urgency", "field.unknown_value");
  }
  if (!e.fields.empty()) return Fail(e);
  return Ok();
}

EmergencyService::EmergencyService(store::Database& db, security::Keyring& keyring,
                                   const security::AuditLog& audit, const Clock& clock,
                                   int public_per_minute)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      clock_(clock),
      guard_(keyring.master_key(), clock, public_per_minute) {}

Result<std::optional<EmergencyService::Routed>> EmergencyService::Route(
    store::Tx& tx, const std::string& region, const std::vector<std::string>& exclude,
    int64_t now) {
  auto candidates = request_repo::Candidates(tx, region, now);
  if (!candidates) return Fail(candidates.error());
  // An organization nobody there can see a request from now (no one on its roster now, no
  // dispatcher at all) is skipped: a request sent there would wait unseen until it escalates.
  std::erase_if(*candidates, [&](const request_repo::Candidate& c) {
    return !c.Reachable() || std::find(exclude.begin(), exclude.end(), c.org_id) != exclude.end();
  });
  // Coverage priority first; among equals, someone on call now; then the older organization, so
  // routing is the same every time.
  std::sort(candidates->begin(), candidates->end(), [](const auto& a, const auto& b) {
    return std::tuple(a.priority, !a.on_call, a.created_at, a.org_id) <
           std::tuple(b.priority, !b.on_call, b.created_at, b.org_id);
  });
  if (!candidates->empty()) {
    return std::optional<Routed>(Routed{candidates->front().org_id, "coverage"});
  }
  auto secretariat = request_repo::Secretariat(tx);
  if (!secretariat) return Fail(secretariat.error());
  if (!*secretariat || std::find(exclude.begin(), exclude.end(), **secretariat) != exclude.end()) {
    return std::optional<Routed>();
  }
  return std::optional<Routed>(Routed{**secretariat, "last_resort"});
}

Result<HelpRequest> EmergencyService::Store(const security::Actor& actor,
                                            const NewHelpRequest& input, bool public_form,
                                            FloodState flood) {
  const TimePoint now = clock_.Now();
  const int64_t now_s = UnixSeconds(now);
  HelpRequest h;
  h.id = NewId();
  h.reference = NewReference();
  h.channel = public_form ? "public_web_form" : input.channel;
  h.region = input.region;
  h.urgency = input.urgency.empty() ? (public_form ? "high" : "normal") : input.urgency;
  h.language = input.language;
  h.status = "new";
  h.situation = input.situation;
  h.location = input.location;
  h.contact = input.contact;
  h.safe_contact = input.safe_contact;
  h.received_at = h.updated_at = FormatRfc3339(now);
  h.created_by = actor.user_id;
  std::optional<Error> refusal;
  std::optional<std::string> flood_org;  // the secretariat, holding this request with a flood
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    std::string reason = "logged";
    if (public_form && flood.held) {
      auto secretariat = request_repo::Secretariat(tx);
      if (!secretariat) return Fail(secretariat.error());
      flood_org = *secretariat;  // none: the flood is routed as usual, for want of anyone else
    }
    if (flood_org) {
      h.assigned_org_id = *flood_org;
      reason = "flood";
    } else if (public_form) {
      auto routed = Route(tx, h.region, {}, now_s);
      if (!routed) return Fail(routed.error());
      if (!*routed) {
        refusal = Error{ErrorCode::kUnavailable,
                        "emergency.no_receiver",
                        {},
                        "no organization covers the region and there is no secretariat"};
        return Ok();
      }
      h.assigned_org_id = (*routed)->org_id;
      reason = (*routed)->reason;
    } else {
      h.assigned_org_id = actor.org_id;
    }
    if (!flood_org) {
      auto limit = request_repo::AckLimitSeconds(tx, h.assigned_org_id);
      if (!limit) return Fail(limit.error());
      h.ack_due_at = now_s + *limit;
    }  // held with a flood: it waits at the secretariat, without a deadline to escalate on
    auto sealed = SealRequest(tx, keyring_, h);
    if (!sealed) return Fail(sealed.error());
    if (auto s = request_repo::Insert(tx, *sealed); !s) return s;
    if (auto s = request_repo::AddRoute(tx, h.id, 0, h.assigned_org_id, reason, h.received_at); !s)
      return s;
    security::AuditEvent e = security::ActorEvent(
        actor, "help_request.create", std::string(kEntity), h.id, {}, h.assigned_org_id);
    for (const auto& [name, value] :
         {std::pair{"situation", &h.situation}, std::pair{"location", &h.location},
          std::pair{"contact", &h.contact}, std::pair{"safe_contact", &h.safe_contact}}) {
      if (!value->empty()) e.fields.emplace_back(name);
    }
    if (public_form) e.remote = "public";  // her address is never recorded
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    if (flood_org && flood.starts) {
      // The one alert of the flood, in the secretariat's audit trail.
      security::AuditEvent alert = SystemEvent("help_request.flood", h.assigned_org_id, h.id);
      alert.request_id = actor.request_id;
      alert.remote = "public";
      if (auto s = audit_.Append(tx, alert); !s) return Fail(s.error());
    }
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  if (!flood_org) {
    Announce(h.assigned_org_id, h);
  } else if (flood.starts) {
    // The board hears of the flood once: its first request, and a flood event.
    Announce(h.assigned_org_id, h);
    hub_.Publish(h.assigned_org_id, "flood",
                 boost::json::serialize(
                     boost::json::object{{"first_id", h.id}, {"started_at", h.received_at}}));
  }
  return h;
}

Result<void> EmergencyService::AdmitPublic(const std::string& address, int64_t* retry_after) {
  if (auto wait = guard_.Admit(address)) {
    if (retry_after) *retry_after = *wait;
    return Fail(ErrorCode::kRateLimited, "emergency.too_many");
  }
  return Ok();
}

Result<std::string> EmergencyService::SubmitPublic(const PublicSubmission& form,
                                                   const std::string& request_id) {
  NewHelpRequest input{.channel = "public_web_form",
                       .region = form.region,
                       .situation = form.situation,
                       .location = "",
                       .contact = form.contact,
                       .safe_contact = form.safe_contact,
                       .language = form.language,
                       .urgency = ""};
  Error e = Invalid();
  if (auto ok = ValidateNewRequest(input, true); !ok) e = ok.error();
  if (!form.website.empty()) e.Field("website", "emergency.honeypot");
  if (auto ok = guard_.CheckToken(form.form_token); !ok) {
    for (const auto& [name, reason] : ok.error().fields) e.Field(name, reason);
  }
  if (!e.fields.empty()) return Fail(e);  // the token stays unused: she corrects and resends
  // Checked again, atomically: of two posts racing with one token, one is stored.
  if (auto ok = guard_.ConsumeToken(form.form_token); !ok) return Fail(ok.error());
  security::Actor anonymous;
  anonymous.request_id = request_id;
  auto stored = Store(anonymous, input, true, guard_.NoteAccepted());
  if (!stored) {
    guard_.ReleaseToken(form.form_token);
    return Fail(stored.error());
  }
  return stored->reference;
}

Result<HelpRequest> EmergencyService::Log(const security::Actor& actor,
                                          const NewHelpRequest& input) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyAct); !ok)
    return Fail(ok.error());
  if (auto ok = ValidateNewRequest(input, false); !ok) return Fail(ok.error());
  return Store(actor, input, false);
}

Result<std::vector<HelpRequest>> EmergencyService::List(const security::Actor& actor,
                                                        const std::string& status) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyRead); !ok)
    return Fail(ok.error());
  std::vector<std::string> statuses;
  if (status == "open") {
    statuses = {"new", "acknowledged", "dispatched"};
  } else if (!status.empty()) {
    if (!IsOneOf(Statuses(), status)) {
      return Fail(Invalid().Field("status", "field.unknown_value"));
    }
    statuses = {status};
  }
  std::vector<HelpRequest> out;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto rows = request_repo::ListByOrg(tx, actor.org_id, statuses, kMaxListed);
    if (!rows) return Fail(rows.error());
    for (const auto& row : *rows) {
      auto clear = OpenRequest(tx, keyring_, row);
      if (!clear) return Fail(clear.error());
      out.push_back(std::move(*clear));
    }
    security::AuditEvent e = security::ActorEvent(actor, "help_request.list", std::string(kEntity),
                                                  "", Names(SealedColumns()));
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<HelpRequest> EmergencyService::Get(const security::Actor& actor, const std::string& id) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyRead); !ok)
    return Fail(ok.error());
  if (!LooksLikeId(id)) return Fail(NotFound());
  HelpRequest out;
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto row = request_repo::FindById(tx, id);
    if (!row) return Fail(row.error());
    security::AuditEvent e = security::ActorEvent(actor, "help_request.read", std::string(kEntity),
                                                  id, Names(SealedColumns()));
    if (!*row || (*row)->assigned_org_id != actor.org_id) {
      e.fields.clear();
      e.outcome = "not_found";
      refusal = NotFound();
      if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
      return Ok();
    }
    auto clear = OpenRequest(tx, keyring_, **row);
    if (!clear) return Fail(clear.error());
    out = std::move(*clear);
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  return out;
}

Result<HelpRequest> EmergencyService::Change(
    const security::Actor& actor, const std::string& id, const std::string& action,
    std::vector<std::string> fields,
    const std::function<Result<void>(store::Tx&, HelpRequest&, TimePoint)>& change) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyAct); !ok)
    return Fail(ok.error());
  if (!LooksLikeId(id)) return Fail(NotFound());
  const TimePoint now = clock_.Now();
  HelpRequest out;
  std::optional<Error> refusal;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto row = request_repo::FindById(tx, id);
    if (!row) return Fail(row.error());
    security::AuditEvent e =
        security::ActorEvent(actor, action, std::string(kEntity), id, std::move(fields));
    if (!*row || (*row)->assigned_org_id != actor.org_id) {
      // Probing another organization's ids leaves a trace, as for people.
      e.fields.clear();
      e.outcome = "not_found";
      refusal = NotFound();
      if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
      return Ok();
    }
    auto clear = OpenRequest(tx, keyring_, **row);
    if (!clear) return Fail(clear.error());
    if (auto ok = change(tx, *clear, now); !ok) return Fail(ok.error());
    clear->updated_at = FormatRfc3339(now);
    auto sealed = SealRequest(tx, keyring_, *clear);
    if (!sealed) return Fail(sealed.error());
    auto updated = request_repo::Update(tx, *sealed);
    if (!updated) return Fail(updated.error());
    if (!*updated) return Fail(ErrorCode::kConflict, "emergency.changed");
    if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    out = std::move(*clear);
    ++out.row_version;
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (refusal) return Fail(*refusal);
  Announce(out.assigned_org_id, out);
  return out;
}

Result<HelpRequest> EmergencyService::Acknowledge(const security::Actor& actor,
                                                  const std::string& id) {
  return Change(actor, id, "help_request.acknowledge", {"status"},
                [](store::Tx&, HelpRequest& h, TimePoint now) -> Result<void> {
                  if (auto ok = RequireStatus(h, {"new"}); !ok) return ok;
                  MarkAcknowledged(h, now);
                  return Ok();
                });
}

Result<HelpRequest> EmergencyService::Dispatch(const security::Actor& actor, const std::string& id,
                                               const std::string& note) {
  std::vector<std::string> fields = {"status"};
  if (!note.empty()) fields.emplace_back("dispatch_note");
  return Change(actor, id, "help_request.dispatch", fields,
                [&](store::Tx&, HelpRequest& h, TimePoint now) -> Result<void> {
                  if (auto ok = RequireStatus(h, {"new", "acknowledged"}); !ok) return ok;
                  MarkAcknowledged(h, now);
                  h.status = "dispatched";
                  h.dispatched_at = FormatRfc3339(now);
                  if (!note.empty()) h.dispatch_note = note;
                  return Ok();
                });
}

Result<HelpRequest> EmergencyService::RecordPolice(const security::Actor& actor,
                                                   const std::string& id,
                                                   const PoliceCoordination& police) {
  std::vector<std::string> fields = {"police_station", "police_notified_at"};
  if (!police.officer.empty()) fields.emplace_back("police_officer");
  if (!police.report_number.empty()) fields.emplace_back("police_report_number");
  if (!police.outcome.empty()) fields.emplace_back("police_outcome");
  return Change(
      actor, id, "help_request.police", fields,
      [&](store::Tx&, HelpRequest& h, TimePoint now) -> Result<void> {
        Error e = Invalid();
        if (Blank(police.station)) e.Field("station", "field.required");
        TimePoint notified{};
        if (!ParseRfc3339(police.notified_at, &notified)) {
          e.Field("notified_at", "field.wrong_type");
        } else if (notified > now + std::chrono::minutes(5)) {
          e.Field("notified_at", "emergency.in_future");
        }
        if (!e.fields.empty()) return Fail(e);
        if (auto ok = RequireStatus(h, {"new", "acknowledged", "dispatched", "resolved"}); !ok)
          return ok;
        if (h.status == "new") MarkAcknowledged(h, now);
        h.police.station = police.station;
        h.police.notified_at = FormatRfc3339(notified);
        h.police.officer = police.officer;
        h.police.report_number = police.report_number;
        h.police.outcome = police.outcome;
        return Ok();
      });
}

Result<HelpRequest> EmergencyService::Resolve(const security::Actor& actor, const std::string& id,
                                              const std::string& outcome, const std::string& note) {
  std::vector<std::string> fields = {"status", "outcome"};
  if (!note.empty()) fields.emplace_back("resolve_note");
  return Change(actor, id, "help_request.resolve", fields,
                [&](store::Tx&, HelpRequest& h, TimePoint now) -> Result<void> {
                  if (!IsOneOf(Outcomes(), outcome)) {
                    return Fail(Invalid().Field("outcome", "field.unknown_value"));
                  }
                  if (auto ok = RequireStatus(h, {"new", "acknowledged", "dispatched"}); !ok)
                    return ok;
                  MarkAcknowledged(h, now);
                  h.status = "resolved";
                  h.resolved_at = FormatRfc3339(now);
                  h.outcome = outcome;
                  if (!note.empty()) h.resolve_note = note;
                  return Ok();
                });
}

Result<HelpRequest> EmergencyService::Link(const security::Actor& actor, const std::string& id,
                                           const std::string& person_id,
                                           const std::string& case_id) {
  std::vector<std::string> fields = {"person_id"};
  if (!case_id.empty()) fields.emplace_back("case_id");
  return Change(actor, id, "help_request.link", fields,
                [&](store::Tx& tx, HelpRequest& h, TimePoint now) -> Result<void> {
                  Error e = Invalid();
                  if (!case_id.empty() && !LooksLikeId(case_id))
                    e.Field("case_id", "field.wrong_type");
                  // Only a person of the same organization still on record: another organization's
                  // id is refused exactly like an unknown one.
                  bool known = false;
                  if (LooksLikeId(person_id)) {
                    auto person = request_repo::PersonOf(tx, person_id, h.assigned_org_id);
                    if (!person) return Fail(person.error());
                    known = *person;
                  }
                  if (!known) e.Field("person_id", "emergency.unknown_person");
                  // Her case, of the same organization: anything else is refused alike.
                  if (known && LooksLikeId(case_id)) {
                    auto of_hers = request_repo::CaseOf(tx, case_id, person_id, h.assigned_org_id);
                    if (!of_hers) return Fail(of_hers.error());
                    if (!*of_hers) e.Field("case_id", "emergency.unknown_case");
                  }
                  if (!e.fields.empty()) return Fail(e);
                  h.person_id = person_id;
                  h.case_id = case_id;
                  if (h.status == "new") MarkAcknowledged(h, now);
                  return Ok();
                });
}

Result<std::shared_ptr<http::EventStream>> EmergencyService::Subscribe(
    const security::Actor& actor) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyRead); !ok)
    return Fail(ok.error());
  return hub_.Subscribe(actor.org_id, actor.session_id.empty() ? actor.user_id : actor.session_id);
}

void EmergencyService::Announce(const std::string& org_id, const HelpRequest& h) {
  boost::json::object data{{"id", h.id},           {"status", h.status},
                           {"region", h.region},   {"received_at", h.received_at},
                           {"urgency", h.urgency}, {"escalation_level", h.escalation_level}};
  hub_.Publish(org_id, "request", boost::json::serialize(data));
}

Result<std::vector<request_repo::CoverageRow>> EmergencyService::Coverage(
    const security::Actor& actor) {
  if (actor.user_id.empty()) return Fail(ErrorCode::kUnauthenticated, "error.unauthenticated");
  std::vector<request_repo::CoverageRow> out;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto rows = request_repo::AllCoverage(tx);
    if (!rows) return Fail(rows.error());
    auto reach = request_repo::Reachability(tx, UnixSeconds(clock_.Now()));
    if (!reach) return Fail(reach.error());
    std::map<std::string, request_repo::Candidate> by_org;
    for (auto& c : *reach) by_org.emplace(c.org_id, c);
    for (auto& row : *rows) {
      const auto& c = by_org[row.org_id];
      row.on_call_now = c.on_call;
      row.dispatchers = c.dispatchers;
      row.reachable = c.Reachable();
    }
    out = std::move(*rows);
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<int64_t> EmergencyService::AckLimitSeconds(const security::Actor& actor) {
  if (actor.org_id.empty()) return Fail(ErrorCode::kForbidden, "error.forbidden");
  int64_t out = kDefaultAckLimitSeconds;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto limit = request_repo::AckLimitSeconds(tx, actor.org_id);
    if (!limit) return Fail(limit.error());
    out = *limit;
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<int64_t> EmergencyService::SetCoverage(const security::Actor& actor,
                                              const std::vector<std::string>& regions,
                                              std::optional<int64_t> ack_limit_minutes) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyCoverage); !ok)
    return Fail(ok.error());
  Error e = Invalid();
  std::vector<std::string> unique;
  for (const auto& region : regions) {
    if (!network::IsRegion(region)) {
      e.Field("regions", "field.unknown_value");
    } else if (std::find(unique.begin(), unique.end(), region) == unique.end()) {
      unique.push_back(region);
    }
  }
  if (ack_limit_minutes && (*ack_limit_minutes < 1 || *ack_limit_minutes > 120)) {
    e.Field("ack_limit_minutes", "emergency.ack_limit_range");
  }
  if (!e.fields.empty()) return Fail(e);
  int64_t limit = kDefaultAckLimitSeconds;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto org = tx.QueryOne("SELECT region FROM organizations WHERE id = ?", {actor.org_id});
    if (!org) return Fail(org.error());
    if (!*org) return Fail(NotFound());
    std::optional<int64_t> seconds;
    if (ack_limit_minutes) seconds = *ack_limit_minutes * 60;
    if (auto s = request_repo::SetCoverage(tx, actor.org_id, (*org)->Text(0), unique, seconds); !s)
      return s;
    auto stored = request_repo::AckLimitSeconds(tx, actor.org_id);
    if (!stored) return Fail(stored.error());
    limit = *stored;
    std::vector<std::string> fields = {"regions"};
    if (ack_limit_minutes) fields.emplace_back("ack_limit_minutes");
    auto event = security::ActorEvent(actor, "emergency.coverage.update", "organization",
                                      actor.org_id, fields);
    if (auto s = audit_.Append(tx, event); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return limit;
}

Result<std::vector<request_repo::OnCallShift>> EmergencyService::OnCall(
    const security::Actor& actor, TimePoint from, TimePoint to) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyOnCall); !ok)
    return Fail(ok.error());
  if (to <= from || to - from > std::chrono::hours(24 * 93)) {
    return Fail(Invalid().Field("to", "emergency.range"));
  }
  std::vector<request_repo::OnCallShift> out;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto rows = request_repo::OnCall(tx, actor.org_id, UnixSeconds(from), UnixSeconds(to));
    if (!rows) return Fail(rows.error());
    out = std::move(*rows);
    return Ok();
  });
  if (!r) return Fail(r.error());
  return out;
}

Result<request_repo::OnCallShift> EmergencyService::AddOnCall(const security::Actor& actor,
                                                              const std::string& user_id,
                                                              TimePoint starts, TimePoint ends) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyOnCall); !ok)
    return Fail(ok.error());
  Error e = Invalid();
  if (ends <= starts || ends - starts > std::chrono::hours(24 * 31)) {
    e.Field("ends_at", "emergency.shift_range");
  }
  if (!LooksLikeId(user_id)) e.Field("user_id", "emergency.not_a_dispatcher");
  if (!e.fields.empty()) return Fail(e);
  request_repo::OnCallShift shift{NewId(), actor.org_id,        user_id,
                                  "",      UnixSeconds(starts), UnixSeconds(ends)};
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto user = tx.QueryOne(
        "SELECT display_name, roles, disabled_at FROM users WHERE id = ? AND org_id = ?",
        {user_id, actor.org_id});
    if (!user) return Fail(user.error());
    // Another organization's user is refused like a stranger: the roster names only one's own.
    const auto roles = *user ? security::SplitRoles((*user)->Text(1)) : std::vector<std::string>{};
    if (!*user || !(*user)->IsNull(2) ||
        !(security::HasRole(roles, "dispatcher") || security::HasRole(roles, "supervisor"))) {
      return Fail(Invalid().Field("user_id", "emergency.not_a_dispatcher"));
    }
    shift.display_name = (*user)->Text(0);
    if (auto s = request_repo::InsertOnCall(tx, shift, actor.user_id, FormatRfc3339(clock_.Now()));
        !s)
      return s;
    auto event = security::ActorEvent(actor, "emergency.on_call.create", "on_call_shift", shift.id,
                                      {"user_id", "starts_at", "ends_at"});
    if (auto s = audit_.Append(tx, event); !s) return Fail(s.error());
    return Ok();
  });
  if (!r) return Fail(r.error());
  return shift;
}

Result<Measures> EmergencyService::GetMeasures(const security::Actor& actor) {
  if (auto ok = RequirePermission(actor, security::perm::kEmergencyMeasures); !ok)
    return Fail(ok.error());
  std::vector<request_repo::Timing> timings;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto rows = request_repo::Timings(tx);
    if (!rows) return Fail(rows.error());
    timings = std::move(*rows);
    return Ok();
  });
  if (!r) return Fail(r.error());
  struct Acc {
    int64_t count = 0;
    std::vector<int64_t> ack, resolve;
  };
  std::map<std::string, Acc> by_org, by_region;
  for (const auto& t : timings) {
    for (Acc* acc : {&by_org[t.org_id], &by_region[t.region]}) {
      ++acc->count;
      if (auto s = SecondsBetween(t.received_at, t.acknowledged_at)) acc->ack.push_back(*s);
      if (auto s = SecondsBetween(t.received_at, t.resolved_at)) acc->resolve.push_back(*s);
    }
  }
  Measures out;
  for (auto& [key, acc] : by_org) {
    out.by_org.push_back({key, acc.count, Median(acc.ack), Median(acc.resolve)});
  }
  for (auto& [key, acc] : by_region) {
    out.by_region.push_back({key, acc.count, Median(acc.ack), Median(acc.resolve)});
  }
  return out;
}

Result<bool> EmergencyService::EscalateOne(const std::string& id, int64_t now) {
  std::optional<HelpRequest> moved;
  std::string from_org;
  auto r = db_.Write([&](store::Tx& tx) -> Result<void> {
    auto row = request_repo::FindById(tx, id);
    if (!row) return Fail(row.error());
    // Acknowledged (or moved by another server) since the overdue query: nothing to do.
    if (!*row || (*row)->status != "new" || !(*row)->ack_due_at || *(*row)->ack_due_at > now) {
      return Ok();
    }
    HelpRequest sealed = **row;
    from_org = sealed.assigned_org_id;
    const std::string at = FormatRfc3339(FromUnixSeconds(now));
    auto tried = request_repo::RoutedOrgs(tx, id);
    if (!tried) return Fail(tried.error());
    auto next = Route(tx, sealed.region, *tried, now);
    if (!next) return Fail(next.error());
    if (!*next) {
      // Nobody is left to escalate to: the request stays where it is, still new and shown as
      // waiting on the board, and its clock stops.
      sealed.ack_due_at.reset();
      sealed.updated_at = at;
      auto updated = request_repo::Update(tx, sealed);
      if (!updated) return Fail(updated.error());
      if (!*updated) return Ok();
      auto s = audit_.Append(tx, SystemEvent("help_request.escalation_exhausted", from_org, id));
      if (!s) return Fail(s.error());
      return Ok();
    }
    auto clear = OpenRequest(tx, keyring_, sealed);
    if (!clear) return Fail(clear.error());
    clear->assigned_org_id = (*next)->org_id;
    clear->escalation_level += 1;
    auto limit = request_repo::AckLimitSeconds(tx, clear->assigned_org_id);
    if (!limit) return Fail(limit.error());
    clear->ack_due_at = now + *limit;
    clear->updated_at = at;
    auto resealed = SealRequest(tx, keyring_, *clear);
    if (!resealed) return Fail(resealed.error());
    auto updated = request_repo::Update(tx, *resealed);
    if (!updated) return Fail(updated.error());
    if (!*updated) return Ok();
    const std::string reason = (*next)->reason == "last_resort" ? "last_resort" : "escalated";
    if (auto s = request_repo::AddRoute(tx, id, clear->escalation_level, clear->assigned_org_id,
                                        reason, at);
        !s)
      return s;
    // One entry in each organization's trail: it left one and reached the other, its sealed
    // fields re-encrypted for the receiver.
    for (const std::string& org : {from_org, clear->assigned_org_id}) {
      auto e = SystemEvent("help_request.escalate", org, id);
      e.fields = Names(SealedColumns());
      if (auto s = audit_.Append(tx, e); !s) return Fail(s.error());
    }
    moved = std::move(*clear);
    return Ok();
  });
  if (!r) return Fail(r.error());
  if (!moved) return false;
  Announce(from_org, *moved);
  Announce(moved->assigned_org_id, *moved);
  return true;
}

Result<int> EmergencyService::EscalateOverdue() {
  const int64_t now = UnixSeconds(clock_.Now());
  std::vector<std::string> ids;
  auto r = db_.Read([&](store::Tx& tx) -> Result<void> {
    auto due = request_repo::Overdue(tx, now, 100);
    if (!due) return Fail(due.error());
    ids = std::move(*due);
    return Ok();
  });
  if (!r) return Fail(r.error());
  int moved = 0;
  for (const auto& id : ids) {
    auto one = EscalateOne(id, now);
    if (!one) return Fail(one.error());
    moved += *one ? 1 : 0;
  }
  return moved;
}

}  // namespace dandelion::emergency
