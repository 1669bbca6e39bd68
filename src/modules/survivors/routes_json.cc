#include "modules/survivors/routes_json.h"

#include "core/clock.h"
#include "core/korea_date.h"
#include "modules/handler_support.h"

namespace dandelion::survivors {
namespace {

std::string DayOf(const std::string& at) {
  TimePoint t{};
  if (at.empty() || !ParseRfc3339(at, &t)) return "";
  return KoreaDate(t);
}

boost::json::value Ref(const std::string& id, const std::string& alias) {
  if (id.empty()) return nullptr;
  return boost::json::object{{"id", id}, {"alias", alias}};
}

}  // namespace

boost::json::object GroupJson(const Group& g) {
  boost::json::array facilitators;
  for (const auto& [id, alias] : g.facilitators) facilitators.push_back(Ref(id, alias));
  return {{"id", g.stored.id},
          {"name", g.stored.name},
          {"region", g.stored.region},
          {"facilitators", std::move(facilitators)},
          {"member_count", g.member_count},
          {"created_at", g.stored.created_at}};
}

boost::json::object MemberJson(const Member& m) {
  const auto& s = m.stored;
  boost::json::object out = {{"id", s.id},
                             {"alias", s.alias},
                             {"group", {{"id", s.group_id}, {"name", m.group_name}}},
                             {"joined_on", s.joined_on},
                             {"roles", ListJson(SplitNetworkRoles(s.roles))},
                             {"vouched_by", Ref(s.vouched_by, m.vouched_by_alias)},
                             {"account_user_id", OrNull(s.user_id)},
                             {"status", s.status},
                             {"created_at", s.created_at}};
  if (m.opened) {
    out["legal_name"] = OrNull(m.legal_name);
    out["contact"] = OrNull(m.contact);
    out["safe_contact"] = OrNull(m.safe_contact);
  }
  return out;
}

boost::json::object MeetingJson(const Meeting& m) {
  const auto& s = m.stored;
  boost::json::object out = {{"id", s.id},
                             {"group", {{"id", s.group_id}, {"name", m.group_name}}},
                             {"starts_at", s.starts_at},
                             {"date", DayOf(s.starts_at)},
                             {"topic", s.topic},
                             {"facilitator", Ref(s.facilitator_id, m.facilitator_alias)},
                             {"attendance_count", m.attendance}};
  if (m.place) out["place"] = *m.place;
  return out;
}

boost::json::object AttendanceJson(const Attendance& a) {
  boost::json::array items;
  for (const auto& [id, alias] : a.members)
    items.push_back(boost::json::object{{"member_id", id}, {"alias", alias}});
  const auto count = static_cast<int64_t>(a.members.size()) + a.anonymous;
  return {{"items", std::move(items)}, {"anonymous", a.anonymous}, {"count", count}};
}

boost::json::object PeerContactJson(const PeerContact& p) {
  const auto& s = p.stored;
  return {{"id", s.id},
          {"date", s.date},
          {"region", s.region},
          {"mode", s.mode},
          {"minutes", s.minutes},
          {"note", OrNull(p.note)},
          {"supporter", Ref(s.supporter_id, p.supporter_alias)},
          {"created_at", s.created_at}};
}

boost::json::object StatementJson(const Statement& st) {
  const auto& s = st.stored;
  return {{"id", s.id},
          {"title_ko", s.title_ko},
          {"title_en", s.title_en},
          {"body_ko", s.body_ko},
          {"body_en", s.body_en},
          {"status", s.status},
          {"signatures", st.signatures},
          {"minimum", st.minimum},
          {"on_site", OnSite(s.status, st.signatures, st.minimum)},
          {"signed", st.signed_by_caller},
          {"created_at", s.created_at},
          {"published_at", OrNull(s.published_at)}};
}

boost::json::object MeJson(const MePage& page) {
  const auto& m = page.member.stored;
  boost::json::array meetings, statements;
  for (const auto& meeting : page.meetings) {
    const auto& s = meeting.stored;
    meetings.push_back(boost::json::object{{"id", s.id},
                                           {"starts_at", s.starts_at},
                                           {"date", DayOf(s.starts_at)},
                                           {"topic", s.topic},
                                           {"place", meeting.place.value_or("")}});
  }
  for (const auto& st : page.statements) {
    const auto& s = st.stored;
    statements.push_back(boost::json::object{{"id", s.id},
                                             {"title_ko", s.title_ko},
                                             {"title_en", s.title_en},
                                             {"body_ko", s.body_ko},
                                             {"body_en", s.body_en},
                                             {"status", s.status},
                                             {"signed", st.signed_by_caller}});
  }
  boost::json::value group = nullptr, gathering = nullptr;
  if (page.group) {
    group = boost::json::object{
        {"id", page.group->id}, {"name", page.group->name}, {"region", page.group->region}};
  }
  if (page.gathering) {
    const auto& g = *page.gathering;
    gathering = boost::json::object{{"id", g.id},
                                    {"title_ko", g.title_ko},
                                    {"title_en", g.title_en},
                                    {"starts_at", g.starts_at},
                                    {"date", DayOf(g.starts_at)},
                                    {"venue", g.venue}};
  }
  return {{"member",
           {{"id", m.id},
            {"alias", m.alias},
            {"roles", ListJson(SplitNetworkRoles(m.roles))},
            {"joined_on", m.joined_on}}},
          {"group", std::move(group)},
          {"meetings", std::move(meetings)},
          {"gathering", std::move(gathering)},
          {"statements", std::move(statements)},
          {"contact",
           {{"contact", OrNull(page.member.contact)},
            {"safe_contact", OrNull(page.member.safe_contact)}}}};
}

}  // namespace dandelion::survivors
