// SurvivorService: self-help group meetings, attendance by alias, and peer-support contacts.
#include "core/ids.h"
#include "core/korea_date.h"
#include "modules/network/model.h"
#include "modules/service_support.h"
#include "modules/survivors/member_keys.h"
#include "modules/survivors/survivor_service.h"
#include "security/policy.h"

namespace dandelion::survivors {

namespace perm = security::perm;
using repo::StoredMeeting;

namespace {

constexpr std::string_view kMeetings = "survivor_meetings";
constexpr std::string_view kPeerContacts = "survivor_peer_contacts";

Error FieldError(const std::string& field, const std::string& reason) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  e.fields[field] = reason;
  return e;
}

}  // namespace

Result<StoredMeeting> SurvivorService::LoadMeeting(store::Tx& tx, const security::Actor& actor,
                                                   const std::string& id) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto m = TRY(repo::FindMeeting(tx, id));
  if (!m || m->org_id != actor.org_id) return Fail(NotFound());
  return std::move(*m);
}

Result<Meeting> SurvivorService::MeetingView(store::Tx& tx, const Caller& c, StoredMeeting m) {
  Meeting out;
  if (auto g = TRY(repo::FindGroup(tx, m.group_id))) out.group_name = g->name;
  if (!m.facilitator_id.empty()) {
    if (auto f = TRY(repo::FindMember(tx, m.facilitator_id))) out.facilitator_alias = f->alias;
  }
  if (ReadsPlace(c, m.group_id)) {
    out.place = TRY(OpenNetwork(tx, keyring_, m.org_id, kMeetings, "place", m.id, m.place));
  }
  out.attendance = TRY(repo::AttendanceCount(tx, m.id));
  out.stored = std::move(m);
  return out;
}

Result<std::vector<Meeting>> SurvivorService::Meetings(const security::Actor& actor,
                                                       const std::string& group_id) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Meeting>> {
    Caller c = TRY(CallerOf(tx, actor));
    auto g = TRY(LoadGroup(tx, actor, group_id));
    if (!RunsGroup(c, g.id)) return Fail(RoleRefused());
    std::vector<Meeting> out;
    for (auto& m : TRY(repo::MeetingsOf(tx, g.id, "", 1000))) {
      out.push_back(TRY(MeetingView(tx, c, std::move(m))));
    }
    return out;
  });
}

Result<Meeting> SurvivorService::AddMeeting(const security::Actor& actor,
                                            const std::string& group_id, const MeetingPatch& in) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Meeting> {
    Caller c = TRY(CallerOf(tx, actor));
    auto g = TRY(LoadGroup(tx, actor, group_id));
    if (!RunsGroup(c, g.id)) return Fail(RoleRefused());
    StoredMeeting m{.id = NewId(),
                    .org_id = actor.org_id,
                    .group_id = g.id,
                    .starts_at = in.starts_at.value_or(""),
                    .topic = in.topic.value_or(""),
                    .facilitator_id = in.facilitator_id.value_or(c.member_id),
                    .created_at = FormatRfc3339(clock_.Now())};
    if (Blank(m.topic)) return Fail(FieldError("topic", "field.required"));
    if (Blank(in.place.value_or(""))) return Fail(FieldError("place", "field.required"));
    if (!m.facilitator_id.empty()) {
      auto f = LooksLikeId(m.facilitator_id) ? TRY(repo::FindMember(tx, m.facilitator_id))
                                             : std::optional<repo::StoredMember>();
      if (!f || f->org_id != actor.org_id || f->status != "active") {
        return Fail(FieldError("facilitator_id", "field.unknown_value"));
      }
    }
    m.place = TRY(SealNetwork(tx, keyring_, m.org_id, kMeetings, "place", m.id, *in.place));
    TRY(repo::InsertMeeting(tx, m));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.meeting.create", "survivor_meeting",
                                               m.id, {"starts_at", "topic", "place"})));
    return MeetingView(tx, c, m);
  });
}

Result<Meeting> SurvivorService::UpdateMeeting(const security::Actor& actor, const std::string& id,
                                               const MeetingPatch& p) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Meeting> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredMeeting m = TRY(LoadMeeting(tx, actor, id));
    if (!RunsGroup(c, m.group_id)) return Fail(RoleRefused());
    std::vector<std::string> changed;
    if (p.starts_at) m.starts_at = *p.starts_at, changed.push_back("starts_at");
    if (p.topic) {
      if (Blank(*p.topic)) return Fail(FieldError("topic", "field.required"));
      m.topic = *p.topic;
      changed.push_back("topic");
    }
    if (p.place) {
      if (Blank(*p.place)) return Fail(FieldError("place", "field.required"));
      m.place = TRY(SealNetwork(tx, keyring_, m.org_id, kMeetings, "place", m.id, *p.place));
      changed.push_back("place");
    }
    if (p.facilitator_id) {
      auto f = LooksLikeId(*p.facilitator_id) ? TRY(repo::FindMember(tx, *p.facilitator_id))
                                              : std::optional<repo::StoredMember>();
      if (!f || f->org_id != actor.org_id || f->status != "active") {
        return Fail(FieldError("facilitator_id", "field.unknown_value"));
      }
      m.facilitator_id = f->id;
      changed.push_back("facilitator_id");
    }
    TRY(repo::UpdateMeeting(tx, m));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "survivor.meeting.update", "survivor_meeting",
                                               m.id, changed)));
    return MeetingView(tx, c, m);
  });
}

Result<Attendance> SurvivorService::GetAttendance(const security::Actor& actor,
                                                  const std::string& id) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<Attendance> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredMeeting m = TRY(LoadMeeting(tx, actor, id));
    if (!RunsGroup(c, m.group_id)) return Fail(RoleRefused());
    return Attendance{TRY(repo::AttendanceOf(tx, m.id)), m.anonymous_count};
  });
}

Result<Attendance> SurvivorService::SetAttendance(const security::Actor& actor,
                                                  const std::string& id,
                                                  const std::string& member_id, bool present) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<Attendance> {
    Caller c = TRY(CallerOf(tx, actor));
    StoredMeeting m = TRY(LoadMeeting(tx, actor, id));
    if (!RunsGroup(c, m.group_id)) return Fail(RoleRefused());
    auto member = TRY(LoadMember(tx, actor, member_id));
    if (present) {
      TRY(repo::MarkAttendance(tx, m.id, member.id, FormatRfc3339(clock_.Now())));
    } else {
      TRY(repo::UnmarkAttendance(tx, m.id, member.id));
    }
    TRY(audit_.Append(
        tx, security::ActorEvent(
                actor, present ? "survivor.attendance.mark" : "survivor.attendance.unmark",
                "survivor_meeting", m.id, {"member:" + member.id})));
    return Attendance{TRY(repo::AttendanceOf(tx, m.id)), m.anonymous_count};
  });
}

// ---- Peer support -------------------------------------------------------------------------------

Result<security::Audited<std::vector<PeerContact>>> SurvivorService::PeerContacts(
    const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kSurvivorRead));
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<PeerContact>> {
    Caller c = TRY(CallerOf(tx, actor));
    if (!IsCoordinator(c) && !LogsPeerContacts(c)) return Fail(RoleRefused());
    std::vector<PeerContact> out;
    for (auto& s :
         TRY(repo::PeerContactsOf(tx, actor.org_id, IsCoordinator(c) ? "" : c.member_id))) {
      PeerContact p;
      if (auto sup = TRY(repo::FindMember(tx, s.supporter_id))) p.supporter_alias = sup->alias;
      p.note = TRY(OpenNetwork(tx, keyring_, s.org_id, kPeerContacts, "note", s.id, s.note));
      p.stored = std::move(s);
      out.push_back(std::move(p));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "survivor.peer_contact.list", "survivor_peer_contact", "",
                                {"note"});
  return security::Audited<std::vector<PeerContact>>{std::move(out),
                                                     security::PendingAudit(reads_, std::move(e))};
}

Result<PeerContact> SurvivorService::LogPeerContact(const security::Actor& actor,
                                                    const repo::StoredPeerContact& in,
                                                    const std::string& note) {
  TRY(RequirePermission(actor, perm::kSurvivorWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<PeerContact> {
    Caller c = TRY(CallerOf(tx, actor));
    if (!LogsPeerContacts(c)) return Fail(RoleRefused());
    if (!network::IsRegion(in.region)) return Fail(FieldError("region", "field.unknown_value"));
    PeerContact out;
    out.stored = in;
    out.stored.id = NewId();
    out.stored.org_id = actor.org_id;
    out.stored.supporter_id = c.member_id;
    out.stored.created_at = FormatRfc3339(clock_.Now());
    out.stored.note =
        TRY(SealNetwork(tx, keyring_, actor.org_id, kPeerContacts, "note", out.stored.id, note));
    out.note = note;
    if (auto sup = TRY(repo::FindMember(tx, c.member_id))) out.supporter_alias = sup->alias;
    TRY(repo::InsertPeerContact(tx, out.stored));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "survivor.peer_contact.create", "survivor_peer_contact",
                                 out.stored.id, {"date", "region", "mode", "minutes"})));
    return out;
  });
}

}  // namespace dandelion::survivors
