#include "modules/case_records/json.h"

#include "modules/handler_support.h"

namespace dandelion::case_records {

boost::json::object ServiceJson(const Service& s) {
  return {{"id", s.id},
          {"case_id", s.case_id},
          {"type", s.fields.type},
          {"date", s.fields.date},
          {"minutes", s.fields.minutes},
          {"provider", OrNull(s.fields.provider)},
          {"outcome", OrNull(s.fields.outcome)},
          {"notes", OrNull(s.fields.notes)},
          {"amount",
           s.fields.amount ? boost::json::value(*s.fields.amount) : boost::json::value(nullptr)},
          {"recorded_by", s.recorded_by},
          {"created_at", s.created_at}};
}

boost::json::object NoteJson(const Note& n) {
  return {{"id", n.id},
          {"case_id", n.case_id},
          {"text", n.text},
          {"amends", OrNull(n.amends)},
          {"author", {{"user_id", n.author_id}, {"display_name", n.author_name}}},
          {"created_at", n.created_at}};
}

boost::json::object AppointmentJson(const Appointment& a) {
  boost::json::value person = nullptr;
  if (a.person) {
    person = boost::json::object{{"id", a.person->id},
                                 {"code", a.person->code},
                                 {"alias", OrNull(a.person->alias)},
                                 {"safe_contact", OrNull(a.person->safe_contact)}};
  }
  return {{"id", a.id},
          {"case_id", a.case_id},
          {"case_number", a.case_number},
          {"person", person},
          {"starts_at", a.starts_at},
          {"ends_at", OrNull(a.ends_at)},
          {"kind", a.kind},
          {"with_whom", OrNull(a.with_whom)},
          {"place", OrNull(a.place)},
          {"notes", OrNull(a.notes)},
          {"status", a.status},
          {"worker_id", a.worker_id}};
}

boost::json::object HearingJson(const Hearing& h) {
  return {{"id", h.id},
          {"at", h.at},
          {"court", OrNull(h.court)},
          {"kind", OrNull(h.kind)},
          {"notes", OrNull(h.notes)}};
}

boost::json::object LegalMatterJson(const LegalMatter& m) {
  boost::json::array hearings;
  for (const auto& h : m.hearings) hearings.emplace_back(HearingJson(h));
  return {{"id", m.id},
          {"case_id", m.case_id},
          {"kind", m.kind},
          {"authority", OrNull(m.authority)},
          {"case_number", OrNull(m.case_number)},
          {"status", m.status},
          {"outcome", OrNull(m.outcome)},
          {"hearings", std::move(hearings)},
          {"created_at", m.created_at},
          {"updated_at", m.updated_at}};
}

boost::json::object ConsentJson(const Consent& c) {
  boost::json::array fields;
  for (const auto& f : c.scope_fields) fields.emplace_back(f);
  return {{"id", c.id},
          {"person_id", c.person_id},
          {"kind", c.kind},
          {"scope",
           {{"fields", std::move(fields)},
            {"org_id", OrNull(c.scope_org_id)},
            {"external", OrNull(c.scope_external)}}},
          {"method", c.method},
          {"given_at", c.given_at},
          {"expires_at", OrNull(c.expires_at)},
          {"revoked_at", OrNull(c.revoked_at)},
          {"recorded_by", c.recorded_by},
          {"state", c.state}};
}

boost::json::object AssessmentJson(const Assessment& a) {
  boost::json::object ratings, notes;
  for (const auto& [domain, rating] : a.fields.ratings) ratings[domain] = rating;
  for (const auto& [domain, text] : a.fields.notes) notes[domain] = text;
  return {{"id", a.id},
          {"case_id", a.case_id},
          {"ratings", std::move(ratings)},
          {"notes", std::move(notes)},
          {"assessed_by", a.assessed_by},
          {"created_at", a.created_at}};
}

boost::json::object GoalJson(const Goal& g) {
  return {{"id", g.id},
          {"case_id", g.case_id},
          {"title", g.title},
          {"target_date", OrNull(g.target_date)},
          {"status", g.status},
          {"created_at", g.created_at},
          {"updated_at", g.updated_at}};
}

boost::json::object FileJson(const FileInfo& f) {
  return {{"id", f.id},     {"case_id", f.case_id}, {"kind", f.kind},
          {"name", f.name}, {"size", f.size},       {"created_at", f.created_at}};
}

}  // namespace dandelion::case_records
