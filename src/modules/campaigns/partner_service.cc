// CampaignService: partners, their sealed contacts, alliances, agreements, interactions, and the
// events they co-organize.
#include "core/ids.h"
#include "modules/campaigns/campaign_service.h"
#include "modules/campaigns/service_parts.h"
#include "security/field_cipher.h"

namespace dandelion::campaigns {

using partner_repo::StoredContact;
using partner_repo::StoredPartner;
using namespace parts;

namespace {

constexpr std::string_view kContacts = "partner_contacts";

Result<std::string> Seal(store::Tx& tx, security::Keyring& keyring, const StoredContact& c,
                         std::string_view column, const std::string& plain) {
  if (plain.empty()) return std::string();
  auto key = TRY(keyring.CurrentOrgKey(tx, c.org_id));
  return security::EncryptField(*key.key, key.version, {c.org_id, kContacts, column, c.id}, plain);
}

Result<std::string> Open(store::Tx& tx, security::Keyring& keyring, const StoredContact& c,
                         std::string_view column, const std::string& blob) {
  if (blob.empty()) return std::string();
  auto version = TRY(security::FieldKeyVersion(blob));
  auto key = TRY(keyring.OrgKeyVersion(tx, c.org_id, version));
  auto plain = security::DecryptField(*key.key, {c.org_id, kContacts, column, c.id}, blob);
  if (!plain) return Fail(ErrorCode::kInternal, "error.internal", "contact does not decrypt");
  return std::move(*plain);
}

Result<Contact> View(store::Tx& tx, security::Keyring& keyring, const StoredContact& c) {
  Contact out{.id = c.id, .created_at = c.created_at};
  out.fields.name = TRY(Open(tx, keyring, c, "name", c.name));
  out.fields.role = TRY(Open(tx, keyring, c, "role", c.role));
  out.fields.phone = TRY(Open(tx, keyring, c, "phone", c.phone));
  out.fields.email = TRY(Open(tx, keyring, c, "email", c.email));
  return out;
}

PartnerFields FieldsOf(const StoredPartner& p) {
  return {p.kind, p.name_ko, p.name_en, p.website, p.note};
}

void Apply(const PartnerFields& f, StoredPartner& p) {
  p.kind = f.kind;
  p.name_ko = f.name_ko;
  p.name_en = f.name_en;
  p.website = f.website;
  p.note = f.note;
}

}  // namespace

Result<StoredPartner> CampaignService::LoadPartner(store::Tx& tx, const security::Actor& actor,
                                                   const std::string& id, bool edit) {
  if (!LooksLikeId(id)) return Fail(NotFound());
  auto p = TRY(partner_repo::FindPartner(tx, id));
  const Caller caller = TRY(CallerOf(tx, actor));
  if (!p || !MaySee(caller, p->org_id)) return Fail(NotFound());
  if (edit && !MayEdit(caller, p->org_id, perm::kPartnerWrite)) return Fail(NotEditor());
  return std::move(*p);
}

Result<void> CampaignService::CheckPartner(const security::Actor& actor, const std::string& id,
                                           bool edit) {
  TRY(RequirePermission(actor, edit ? perm::kPartnerWrite : perm::kPartnerRead));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    TRY(LoadPartner(tx, actor, id, edit));
    return Ok();
  });
}

Result<PartnerDetail> CampaignService::PartnerDetailOf(store::Tx& tx, const security::Actor& actor,
                                                       StoredPartner p) {
  const Caller caller = TRY(CallerOf(tx, actor));
  PartnerDetail d{.today = Today()};
  d.alliances = TRY(partner_repo::AlliancesOf(tx, p.id));
  d.agreements = TRY(partner_repo::AgreementsOf(tx, p.id));
  d.interactions = TRY(partner_repo::InteractionsOf(tx, p.id));
  for (const auto& s : TRY(campaign_repo::StopsHostedBy(tx, p.id))) {
    auto c = TRY(campaign_repo::FindCampaign(tx, s.campaign_id));
    if (c && MaySee(caller, c->org_id)) d.hosted_stops.push_back({c->id, s.id, s.day, s.city});
  }
  for (auto& e : TRY(partner_repo::EventsCoOrganizedBy(tx, p.id))) {
    if (e.org_id == actor.org_id || caller.in_secretariat) d.co_organized.push_back(std::move(e));
  }
  d.partner.can_edit = MayEdit(caller, p.org_id, perm::kPartnerWrite);
  d.partner.stored = std::move(p);
  return d;
}

Result<std::vector<PartnerView>> CampaignService::Partners(const security::Actor& actor,
                                                           const std::string& kind) {
  TRY(RequirePermission(actor, perm::kPartnerRead));
  if (!kind.empty() && !IsOneOf(kPartnerKinds, kind)) {
    return Fail(Invalid().Field("kind", "field.unknown_value"));
  }
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<PartnerView>> {
    const Caller caller = TRY(CallerOf(tx, actor));
    std::vector<PartnerView> out;
    for (auto& p : TRY(partner_repo::Partners(
             tx, caller.in_secretariat ? std::string() : actor.org_id, kind))) {
      const bool edit = MayEdit(caller, p.org_id, perm::kPartnerWrite);
      out.push_back({std::move(p), edit});
    }
    return out;
  });
}

Result<PartnerDetail> CampaignService::CreatePartner(const security::Actor& actor,
                                                     const PartnerFields& fields) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  if (Error e = ValidatePartner(fields); !e.fields.empty()) return Fail(e);
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<PartnerDetail> {
    StoredPartner p{.id = NewId(),
                    .org_id = actor.org_id,
                    .created_at = now,
                    .created_by = actor.user_id,
                    .updated_at = now};
    Apply(fields, p);
    TRY(partner_repo::InsertPartner(tx, p));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.create", "partner", p.id,
                                               {"kind", "name", "website"})));
    return PartnerDetailOf(tx, actor, TRY(LoadPartner(tx, actor, p.id, false)));
  });
}

Result<PartnerDetail> CampaignService::GetPartner(const security::Actor& actor,
                                                  const std::string& id) {
  TRY(RequirePermission(actor, perm::kPartnerRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<PartnerDetail> {
    return PartnerDetailOf(tx, actor, TRY(LoadPartner(tx, actor, id, false)));
  });
}

Result<PartnerDetail> CampaignService::UpdatePartner(const security::Actor& actor,
                                                     const std::string& id,
                                                     const PartnerPatch& patch) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<PartnerDetail> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    PartnerFields f = FieldsOf(p);
    std::vector<std::string> changed;
    auto set = [&](std::string& field, const std::optional<std::string>& given, const char* name) {
      if (given && field != *given) {
        field = *given;
        changed.emplace_back(name);
      }
    };
    set(f.kind, patch.kind, "kind");
    set(f.name_ko, patch.name_ko, "name_ko");
    set(f.name_en, patch.name_en, "name_en");
    set(f.website, patch.website, "website");
    set(f.note, patch.note, "note");
    if (Error e = ValidatePartner(f); !e.fields.empty()) return Fail(e);
    if (!changed.empty()) {
      Apply(f, p);
      p.updated_at = Fmt(clock_.Now());
      TRY(partner_repo::UpdatePartner(tx, p));
      TRY(audit_.Append(tx,
                        security::ActorEvent(actor, "partner.update", "partner", p.id, changed)));
    }
    return PartnerDetailOf(tx, actor, TRY(LoadPartner(tx, actor, p.id, false)));
  });
}

// ---- Contacts: sealed, only to those who may edit the partner, every read audited ----------

Result<security::Audited<std::vector<Contact>>> CampaignService::Contacts(
    const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  StoredPartner p;
  auto out = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<Contact>> {
    p = TRY(LoadPartner(tx, actor, id, true));
    std::vector<Contact> out;
    for (const auto& c : TRY(partner_repo::ContactsOf(tx, p.id))) {
      out.push_back(TRY(View(tx, keyring_, c)));
    }
    return out;
  }));
  auto e = security::ActorEvent(actor, "partner.contacts.read", "partner", p.id,
                                {"name", "role", "phone", "email"}, p.org_id);
  return security::Audited<std::vector<Contact>>{std::move(out),
                                                 security::PendingAudit(reads_, std::move(e))};
}

Result<Contact> CampaignService::AddContact(const security::Actor& actor, const std::string& id,
                                            const ContactFields& fields) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  const Error bad = ValidateContact(fields);
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<Contact> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    if (!bad.fields.empty()) return Fail(bad);
    StoredContact c{.id = NewId(), .partner_id = p.id, .org_id = p.org_id, .created_at = now};
    c.name = TRY(Seal(tx, keyring_, c, "name", fields.name));
    c.role = TRY(Seal(tx, keyring_, c, "role", fields.role));
    c.phone = TRY(Seal(tx, keyring_, c, "phone", fields.phone));
    c.email = TRY(Seal(tx, keyring_, c, "email", fields.email));
    TRY(partner_repo::InsertContact(tx, c, actor.user_id));
    std::vector<std::string> named = {"name"};
    if (!fields.role.empty()) named.emplace_back("role");
    if (!fields.phone.empty()) named.emplace_back("phone");
    if (!fields.email.empty()) named.emplace_back("email");
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.contact.add", "partner_contact",
                                               c.id, named, p.org_id)));
    return Contact{.id = c.id, .fields = fields, .created_at = now};
  });
}

Result<void> CampaignService::RemoveContact(const security::Actor& actor, const std::string& id,
                                            const std::string& contact_id) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    auto c =
        LooksLikeId(contact_id) ? TRY(partner_repo::FindContact(tx, contact_id)) : std::nullopt;
    if (!c || c->partner_id != p.id) return Fail(NotFound());
    TRY(partner_repo::DeleteContact(tx, c->id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.contact.remove", "partner_contact",
                                               c->id, {}, p.org_id)));
    return Ok();
  });
}

// ---- Alliances, agreements, interactions ----------------------------------------------------

Result<partner_repo::Alliance> CampaignService::AddAlliance(const security::Actor& actor,
                                                            const std::string& id,
                                                            const partner_repo::Alliance& in) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  const Error bad = ValidateAlliance(in.name, in.since, in.until);
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<partner_repo::Alliance> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    if (!bad.fields.empty()) return Fail(bad);
    partner_repo::Alliance a = in;
    a.id = NewId();
    a.partner_id = p.id;
    TRY(partner_repo::InsertAlliance(tx, a, now));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.alliance.add", "partner_alliance",
                                               a.id, {"name", "since", "until"}, p.org_id)));
    return a;
  });
}

Result<void> CampaignService::RemoveAlliance(const security::Actor& actor, const std::string& id,
                                             const std::string& alliance_id) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    auto a =
        LooksLikeId(alliance_id) ? TRY(partner_repo::FindAlliance(tx, alliance_id)) : std::nullopt;
    if (!a || a->partner_id != p.id) return Fail(NotFound());
    TRY(partner_repo::DeleteAlliance(tx, a->id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.alliance.remove", "partner_alliance",
                                               a->id, {}, p.org_id)));
    return Ok();
  });
}

Result<partner_repo::Agreement> CampaignService::AddAgreement(const security::Actor& actor,
                                                              const std::string& id,
                                                              const partner_repo::Agreement& in) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  const Error bad = ValidateAgreement(in.title, in.signed_on, in.expires_on);
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<partner_repo::Agreement> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    if (!bad.fields.empty()) return Fail(bad);
    partner_repo::Agreement a{.id = NewId(),
                              .partner_id = p.id,
                              .title = in.title,
                              .signed_on = in.signed_on,
                              .expires_on = in.expires_on,
                              .created_at = now};
    TRY(partner_repo::InsertAgreement(tx, a, actor.user_id));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "partner.agreement.add", "partner_agreement", a.id,
                                 {"title", "signed_on", "expires_on"}, p.org_id)));
    return a;
  });
}

Result<partner_repo::Agreement> CampaignService::SetAgreementFile(
    const security::Actor& actor, const std::string& id, const std::string& agreement_id,
    const std::string& name, const std::string& content_type, std::string content) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  if (content.size() > kMaxFileBytes) return Fail(ErrorCode::kTooLarge, "error.too_large");
  Error bad = Invalid();
  CheckFile(name, content_type, content, bad);
  return db_.WriteValue([&](store::Tx& tx) -> Result<partner_repo::Agreement> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    auto a = LooksLikeId(agreement_id) ? TRY(partner_repo::FindAgreement(tx, agreement_id))
                                       : std::nullopt;
    if (!a || a->partner_id != p.id) return Fail(NotFound());
    if (!bad.fields.empty()) return Fail(bad);
    a->file_name = name;
    a->content_type = content_type;
    a->size = static_cast<int64_t>(content.size());
    TRY(partner_repo::SetAgreementFile(tx, *a, content));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.agreement.file", "partner_agreement",
                                               a->id, {"file"}, p.org_id)));
    return *a;
  });
}

Result<AgreementFile> CampaignService::AgreementContent(const security::Actor& actor,
                                                        const std::string& id,
                                                        const std::string& agreement_id) {
  TRY(RequirePermission(actor, perm::kPartnerRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<AgreementFile> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, false));
    auto a = LooksLikeId(agreement_id) ? TRY(partner_repo::FindAgreement(tx, agreement_id))
                                       : std::nullopt;
    if (!a || a->partner_id != p.id || a->content_type.empty()) return Fail(NotFound());
    return AgreementFile{*a, TRY(partner_repo::AgreementContent(tx, a->id))};
  });
}

Result<void> CampaignService::RemoveAgreement(const security::Actor& actor, const std::string& id,
                                              const std::string& agreement_id) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  return db_.Write([&](store::Tx& tx) -> Result<void> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    auto a = LooksLikeId(agreement_id) ? TRY(partner_repo::FindAgreement(tx, agreement_id))
                                       : std::nullopt;
    if (!a || a->partner_id != p.id) return Fail(NotFound());
    TRY(partner_repo::DeleteAgreement(tx, a->id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.agreement.remove",
                                               "partner_agreement", a->id, {}, p.org_id)));
    return Ok();
  });
}

Result<partner_repo::Interaction> CampaignService::AddInteraction(
    const security::Actor& actor, const std::string& id, const partner_repo::Interaction& in) {
  TRY(RequirePermission(actor, perm::kPartnerWrite));
  const Error bad = ValidateInteraction(in.day, in.kind, in.summary, Today());
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<partner_repo::Interaction> {
    StoredPartner p = TRY(LoadPartner(tx, actor, id, true));
    if (!bad.fields.empty()) return Fail(bad);
    partner_repo::Interaction i = in;
    i.id = NewId();
    i.partner_id = p.id;
    i.by_user = actor.user_id;
    i.created_at = now;
    TRY(partner_repo::InsertInteraction(tx, i));
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "partner.interaction.add", "partner_interaction", i.id,
                                 {"date", "kind", "summary"}, p.org_id)));
    for (auto& stored : TRY(partner_repo::InteractionsOf(tx, p.id))) {
      if (stored.id == i.id) return stored;
    }
    return i;
  });
}

// ---- Co-organizers of events ----------------------------------------------------------------

Result<events::event_repo::StoredEvent> CampaignService::LoadOwnEvent(store::Tx& tx,
                                                                      const security::Actor& actor,
                                                                      const std::string& event_id) {
  std::optional<events::event_repo::StoredEvent> e;
  if (LooksLikeId(event_id)) e = TRY(events::event_repo::FindEvent(tx, event_id));
  if (!e || e->org_id != actor.org_id) return Fail(NotFound());
  return std::move(*e);
}

Result<void> CampaignService::CheckOwnEvent(const security::Actor& actor,
                                            const std::string& event_id, bool edit) {
  TRY(RequirePermission(actor, edit ? perm::kEventWrite : perm::kEventRead));
  return db_.Read([&](store::Tx& tx) -> Result<void> {
    TRY(LoadOwnEvent(tx, actor, event_id));
    return Ok();
  });
}

Result<std::vector<StoredPartner>> CampaignService::CoOrganizers(const security::Actor& actor,
                                                                 const std::string& event_id) {
  TRY(RequirePermission(actor, perm::kEventRead));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<StoredPartner>> {
    auto e = TRY(LoadOwnEvent(tx, actor, event_id));
    return partner_repo::CoOrganizersOf(tx, e.id);
  });
}

Result<std::vector<StoredPartner>> CampaignService::AddCoOrganizer(const security::Actor& actor,
                                                                   const std::string& event_id,
                                                                   const std::string& partner_id) {
  TRY(RequirePermission(actor, perm::kEventWrite));
  const std::string now = Fmt(clock_.Now());
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::vector<StoredPartner>> {
    auto e = TRY(LoadOwnEvent(tx, actor, event_id));
    auto p =
        LooksLikeId(partner_id) ? TRY(partner_repo::FindPartner(tx, partner_id)) : std::nullopt;
    const Caller caller = TRY(CallerOf(tx, actor));
    if (!p || !MaySee(caller, p->org_id)) {
      return Fail(Invalid().Field("partner_id", "field.unknown_value"));
    }
    for (const auto& already : TRY(partner_repo::CoOrganizersOf(tx, e.id))) {
      if (already.id == p->id) return partner_repo::CoOrganizersOf(tx, e.id);
    }
    TRY(partner_repo::AddCoOrganizer(tx, e.id, p->id, now, actor.user_id));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.coorganize.add", "event", e.id,
                                               {"partner_id"}, e.org_id)));
    return partner_repo::CoOrganizersOf(tx, e.id);
  });
}

Result<std::vector<StoredPartner>> CampaignService::RemoveCoOrganizer(
    const security::Actor& actor, const std::string& event_id, const std::string& partner_id) {
  TRY(RequirePermission(actor, perm::kEventWrite));
  return db_.WriteValue([&](store::Tx& tx) -> Result<std::vector<StoredPartner>> {
    auto e = TRY(LoadOwnEvent(tx, actor, event_id));
    if (TRY(partner_repo::RemoveCoOrganizer(tx, e.id, partner_id))) {
      TRY(audit_.Append(tx, security::ActorEvent(actor, "partner.coorganize.remove", "event", e.id,
                                                 {"partner_id"}, e.org_id)));
    }
    return partner_repo::CoOrganizersOf(tx, e.id);
  });
}

}  // namespace dandelion::campaigns
