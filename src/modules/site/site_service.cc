#include "modules/site/site_service.h"

#include "modules/events/model.h"
#include "modules/service_support.h"
#include "modules/site/survivor_pages.h"

namespace dandelion::site {

// The public content at one moment, and the pages rendered from it (both languages).
struct PublicSite::Snapshot {
  TimePoint taken;
  HomeData data;
  std::vector<survivors::PublicStatement> network_statements;
  std::shared_ptr<const std::string> home[2], map[2], statements[2];
};

namespace {
int Index(Lang lang) { return lang == Lang::kEn ? 1 : 0; }
}  // namespace

PublicSite::PublicSite(events::EventService& events, policy::PolicyService& policy,
                       network::OrgService& orgs, campaigns::CampaignService& campaigns,
                       training::TrainingService& training, const Clock& clock)
    : events_(events),
      policy_(policy),
      orgs_(orgs),
      campaigns_(campaigns),
      training_(training),
      clock_(clock) {}

Result<std::shared_ptr<const PublicSite::Snapshot>> PublicSite::Current() {
  const TimePoint now = clock_.Now();
  std::lock_guard lock(mutex_);
  if (snapshot_ && now >= snapshot_->taken && now - snapshot_->taken < kFreshFor) return snapshot_;
  // One rebuild at a time, under the lock: the others wait for it rather than all querying.
  auto s = std::make_shared<Snapshot>();
  s->taken = now;
  const security::Actor anyone;
  s->data.events = TRY(events_.PublicEvents());
  s->data.statements = TRY(policy_.Statements(anyone, true));
  s->data.map = TRY(policy_.Map(anyone, true));
  s->data.members = TRY(orgs_.PublicDirectory());
  s->data.campaigns = TRY(campaigns_.PublicCampaigns());
  if (survivors_) s->network_statements = TRY(survivors_->PublicStatements());
  for (Lang lang : {Lang::kKo, Lang::kEn}) {
    const int i = Index(lang);
    s->home[i] = std::make_shared<const std::string>(HomePage(lang, s->data));
    s->map[i] = std::make_shared<const std::string>(MapPage(lang, s->data.map));
    s->statements[i] = std::make_shared<const std::string>(StatementsPage(
        lang, s->data.statements, SurvivorStatementsSection(lang, s->network_statements)));
  }
  snapshot_ = s;
  return snapshot_;
}

Result<std::shared_ptr<const std::string>> PublicSite::Home(Lang lang) {
  return TRY(Current())->home[Index(lang)];
}

Result<std::shared_ptr<const std::string>> PublicSite::Map(Lang lang) {
  return TRY(Current())->map[Index(lang)];
}

Result<std::shared_ptr<const std::string>> PublicSite::Statements(Lang lang) {
  return TRY(Current())->statements[Index(lang)];
}

Result<Page> PublicSite::Statement(Lang lang, const std::string& id) {
  auto s = TRY(Current());
  for (const auto& st : s->data.statements) {
    if (st.id == id) return Page{200, StatementPage(lang, st)};
  }
  for (const auto& st : s->network_statements) {
    if (st.id == id) return Page{200, SurvivorStatementPage(lang, st)};
  }
  return NotFound(lang);
}

Result<Page> PublicSite::Campaign(Lang lang, const std::string& id) {
  auto c = campaigns_.PublicCampaignOf(id);
  if (!c) {
    if (c.error().code == ErrorCode::kNotFound) return NotFound(lang);
    return std::unexpected(c.error());
  }
  return Page{200, CampaignPage(lang, *c)};
}

Result<Page> PublicSite::Certificate(Lang lang, const std::string& code) {
  auto v = TRY(training_.Verify(code));
  const std::string& course = lang == Lang::kEn && !v.course_en.empty() ? v.course_en : v.course_ko;
  return Page{200, CertificatePage(lang, code, v.valid, course, v.issued_on)};
}

std::string PublicSite::WithToken(const std::string& page) const {
  std::string out = page;
  const size_t at = out.find(kTokenSlot);
  if (at != std::string::npos) out.replace(at, kTokenSlot.size(), events_.IssueFormToken());
  return out;
}

const events::PublicEvent* PublicSite::FindEvent(const Snapshot& s, const std::string& id) const {
  for (const auto& e : s.data.events) {
    if (e.stored.id == id) return &e;
  }
  return nullptr;
}

Result<Page> PublicSite::Event(Lang lang, const std::string& id) {
  auto s = TRY(Current());
  const auto* e = FindEvent(*s, id);
  if (!e) return NotFound(lang);
  return Page{200, WithToken(EventPage(lang, *e, {}))};
}

Page PublicSite::RegisterRefused(Lang lang, const std::string& id, const RegistrationForm& form) {
  auto s = Current();
  const auto* e = s ? FindEvent(**s, id) : nullptr;
  if (!e) return NotFound(lang);
  return Page{400, WithToken(EventPage(lang, *e, form))};
}

Page PublicSite::Register(Lang lang, const std::string& id, RegistrationForm form,
                          const std::string& form_token, const std::string& address,
                          const std::string& request_id) {
  auto s = Current();
  const auto* e = s ? FindEvent(**s, id) : nullptr;
  if (!e) return NotFound(lang);
  auto again = [&](int status, const Error& error) {
    form.errors.assign(error.fields.begin(), error.fields.end());
    if (error.fields.empty()) form.problem = error.message_key;
    return Page{status, WithToken(EventPage(lang, *e, form))};
  };
  int64_t retry_after = 0;
  if (auto ok = events_.AdmitPublic(address, &retry_after); !ok) return again(429, ok.error());
  auto done = events_.RegisterPublic(id,
                                     {.name = form.name,
                                      .contact = form.contact,
                                      .alias = form.alias,
                                      .photo_consent = form.photo_consent,
                                      .form_token = form_token},
                                     request_id);
  if (!done) return again(HttpStatus(done.error().code), done.error());
  return Page{201,
              TicketPage(lang, *e, events::FormatReference(done->registration.stored.reference),
                         done->registration.stored.status, done->ticket_qr_svg)};
}

Page PublicSite::NotFound(Lang lang) const { return Page{404, NotFoundPage(lang)}; }

}  // namespace dandelion::site
