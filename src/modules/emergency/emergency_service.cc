// EmergencyService, intake and reading: the public form, staff-logged requests, the list, one
// request, and the live board's stream. Status changes are in request_status.cc, routing and
// escalation in escalation.cc, coverage and on-call in coverage.cc, measures in measures.cc.
#include "modules/emergency/emergency_service.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/ids.h"
#include "modules/emergency/request_cipher.h"
#include "modules/emergency/service_internal.h"
#include "modules/network/model.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::emergency {
namespace {

using detail::Invalid;
using detail::kEntity;
using detail::Names;
using detail::ProbeOf;

bool IsLanguageCode(std::string_view code) {
  return (code.size() == 2 || code.size() == 3) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
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
                                   const security::AuditLog& audit, security::AuditBatcher& reads,
                                   const Clock& clock, int public_per_minute)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      reads_(reads),
      clock_(clock),
      guard_(keyring.master_key(), clock, public_per_minute) {}

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
  std::optional<std::string> flood_org;  // the secretariat, holding this request with a flood
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    std::string reason = "logged";
    if (public_form && flood.held) {
      // None: the flood is routed as usual, for want of anyone else.
      flood_org = TRY(request_repo::Secretariat(tx));
    }
    if (flood_org) {
      h.assigned_org_id = *flood_org;
      reason = "flood";
    } else if (public_form) {
      auto routed = TRY(Route(tx, h.region, {}, now_s));
      if (!routed) {
        // Nothing was written: the transaction rolls back and she is told whom to call.
        return Fail(ErrorCode::kUnavailable, "emergency.no_receiver",
                    "no organization covers the region and there is no secretariat");
      }
      h.assigned_org_id = routed->org_id;
      reason = routed->reason;
    } else {
      h.assigned_org_id = actor.org_id;
    }
    if (!flood_org) {
      h.ack_due_at = now_s + TRY(request_repo::AckLimitSeconds(tx, h.assigned_org_id));
    }  // held with a flood: it waits at the secretariat, without a deadline to escalate on
    TRY(request_repo::Insert(tx, TRY(SealRequest(tx, keyring_, h))));
    TRY(request_repo::AddRoute(tx, h.id, 0, h.assigned_org_id, reason, h.received_at));
    security::AuditEvent e = security::ActorEvent(
        actor, "help_request.create", std::string(kEntity), h.id, {}, h.assigned_org_id);
    for (const auto& [name, value] :
         {std::pair{"situation", &h.situation}, std::pair{"location", &h.location},
          std::pair{"contact", &h.contact}, std::pair{"safe_contact", &h.safe_contact}}) {
      if (!value->empty()) e.fields.emplace_back(name);
    }
    if (public_form) e.remote = "public";  // her address is never recorded
    TRY(audit_.Append(tx, e));
    if (flood_org && flood.starts) {
      // The one alert of the flood, in the secretariat's audit trail.
      security::AuditEvent alert =
          detail::SystemEvent("help_request.flood", h.assigned_org_id, h.id);
      alert.request_id = actor.request_id;
      alert.remote = "public";
      TRY(audit_.Append(tx, alert));
    }
    return Ok();
  }));
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
  TRY(guard_.ConsumeToken(form.form_token));
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
  TRY(RequirePermission(actor, security::perm::kEmergencyAct));
  TRY(ValidateNewRequest(input, false));
  return Store(actor, input, false);
}

Result<security::Audited<std::vector<HelpRequest>>> EmergencyService::List(
    const security::Actor& actor, const std::string& status) {
  TRY(RequirePermission(actor, security::perm::kEmergencyRead));
  std::vector<std::string> statuses;
  if (status == "open") {
    statuses = {"new", "acknowledged", "dispatched"};
  } else if (!status.empty()) {
    if (!IsOneOf(Statuses(), status)) {
      return Fail(Invalid().Field("status", "field.unknown_value"));
    }
    statuses = {status};
  }
  auto listed = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<HelpRequest>> {
    std::vector<HelpRequest> out;
    for (const auto& row : TRY(request_repo::ListByOrg(tx, actor.org_id, statuses, kMaxListed))) {
      out.push_back(TRY(OpenRequest(tx, keyring_, row)));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "help_request.list", std::string(kEntity), "",
                                Names(SealedColumns()));
  return security::Audited<std::vector<HelpRequest>>{std::move(listed),
                                                     security::PendingAudit(reads_, std::move(e))};
}

Result<security::Audited<HelpRequest>> EmergencyService::Get(const security::Actor& actor,
                                                             const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kEmergencyRead));
  if (!LooksLikeId(id)) return Fail(NotFound());
  security::AuditEvent e = security::ActorEvent(actor, "help_request.read", std::string(kEntity),
                                                id, Names(SealedColumns()));
  std::optional<HelpRequest> clear;
  TRY(db_.Read([&](store::Tx& tx) -> Result<void> {
    clear.reset();
    if (auto row = TRY(FindOwn(tx, actor, id))) clear = TRY(OpenRequest(tx, keyring_, *row));
    return Ok();
  }));
  if (!clear) {
    return Fail(reads_.Refuse(ProbeOf(std::move(e)), NotFound()));
  }
  return security::Audited<HelpRequest>{std::move(*clear),
                                        security::PendingAudit(reads_, std::move(e))};
}

Result<std::optional<request_repo::StoredHelpRequest>> EmergencyService::FindOwn(
    store::Tx& tx, const security::Actor& actor, const std::string& id) {
  auto row = TRY(request_repo::FindById(tx, id));
  if (!row || row->assigned_org_id != actor.org_id) return std::nullopt;
  return row;
}

Result<request_repo::StoredHelpRequest> EmergencyService::LoadOwn(
    store::Tx& tx, const security::Actor& actor, const security::AuditEvent& attempt) {
  auto row = TRY(FindOwn(tx, actor, attempt.entity_id));
  if (!row) {
    TRY(audit_.Append(tx, ProbeOf(attempt)));
    return Fail(RecordedRefusal(NotFound()));
  }
  return std::move(*row);
}

Result<std::shared_ptr<http::EventStream>> EmergencyService::Subscribe(
    const security::Actor& actor) {
  TRY(RequirePermission(actor, security::perm::kEmergencyRead));
  return hub_.Subscribe(actor.org_id, actor.session_id.empty() ? actor.user_id : actor.session_id);
}

void EmergencyService::Announce(const std::string& org_id, const HelpRequest& h) {
  boost::json::object data{{"id", h.id},           {"status", h.status},
                           {"region", h.region},   {"received_at", h.received_at},
                           {"urgency", h.urgency}, {"escalation_level", h.escalation_level}};
  hub_.Publish(org_id, "request", boost::json::serialize(data));
}

}  // namespace dandelion::emergency
