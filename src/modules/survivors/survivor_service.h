// SurvivorService: the one door to the survivors' network (docs/api-survivors.md) — settings,
// groups, members (admission by vouching, account links, erasure), meetings and attendance,
// peer-support contacts, collective statements and a member's own page.
//
// What holds, whoever calls:
// - Everything exists only inside an organization of kind survivor_network: any other
//   organization's caller gets 404 on every record and every list, like an unknown id.
// - Inside it the caller's member record narrows what she may do (model.h): facilitators their
//   group, peer supporters their contacts, coordinators (and the org_admin) the network.
// - A member's legal name and contacts are sealed under her own key (member_keys.h); erasure
//   destroys it at once. Nothing here refers to a person or a case.
// - A statement reaches the public only while its live signature count meets the minimum.
// - Every write is audited in its transaction; every read of sealed fields before its reply
//   leaves.
//
// Thread-safe: state lives in the database.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "modules/survivors/model.h"
#include "modules/survivors/survivor_repo.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "security/keyring.h"
#include "store/database.h"

namespace dandelion::survivors {

struct Group {
  repo::StoredGroup stored;
  std::vector<std::pair<std::string, std::string>> facilitators;  // (id, alias)
  int member_count = 0;
};

struct Member {
  repo::StoredMember stored;
  std::string group_name, vouched_by_alias;
  bool opened = false;  // sealed fields below were opened for the caller
  std::string legal_name, contact, safe_contact;
};

struct MemberInput {
  std::string alias, group_id, joined_on, vouched_by;
  std::vector<std::string> roles;
  std::string legal_name, contact, safe_contact;
};
struct MemberPatch {
  std::optional<std::string> alias, group_id, legal_name, contact, safe_contact;
  std::optional<std::vector<std::string>> roles;
};

struct Meeting {
  repo::StoredMeeting stored;
  std::string group_name, facilitator_alias;
  std::optional<std::string> place;  // only for those who may read it
  int attendance = 0;
};
struct MeetingPatch {
  std::optional<std::string> starts_at, topic, place, facilitator_id;
};
struct Attendance {
  std::vector<std::pair<std::string, std::string>> members;  // (id, alias)
  int anonymous = 0;
};

struct PeerContact {
  repo::StoredPeerContact stored;
  std::string supporter_alias;
  std::string note;
};

struct Statement {
  repo::StoredStatement stored;
  int signatures = 0, minimum = 0;
  bool signed_by_caller = false;
};
struct StatementPatch {
  std::optional<std::string> title_ko, title_en, body_ko, body_en;
};

struct MePage {
  Member member;
  std::optional<repo::StoredGroup> group;
  std::vector<Meeting> meetings;
  struct Gathering {
    std::string id, title_ko, title_en, starts_at, venue;
  };
  std::optional<Gathering> gathering;
  std::vector<Statement> statements;
};

// A published statement as the public site shows it: a count, never a name.
struct PublicStatement {
  std::string id, title_ko, title_en, body_ko, body_en, published_at;
  int signatures = 0;
};

// A one-way table of counts; nullopt where small-cell suppression hides a count.
struct CountTable {
  std::vector<std::string> keys;
  std::vector<std::optional<std::int64_t>> counts;
  std::optional<std::int64_t> total;
};
struct NetworkCounts {
  int k = 0;
  CountTable peer_support;  // peer-support services by region
  CountTable members;       // current members by group
};

class SurvivorService {
 public:
  SurvivorService(store::Database& db, security::Keyring& keyring, const security::AuditLog& audit,
                  security::AuditBatcher& reads, const Clock& clock);

  // 404 unless the caller's organization is a survivors' network (before a body is read).
  Result<void> CheckNetwork(const security::Actor& actor);

  Result<int> Minimum(const security::Actor& actor);
  Result<int> SetMinimum(const security::Actor& actor, int minimum);

  Result<std::vector<Group>> Groups(const security::Actor& actor);
  Result<Group> CreateGroup(const security::Actor& actor, const std::string& name,
                            const std::string& region);
  Result<Group> UpdateGroup(const security::Actor& actor, const std::string& id,
                            std::optional<std::string> name, std::optional<std::string> region);

  Result<std::vector<Member>> Members(const security::Actor& actor, const std::string& group_id);
  Result<Member> Admit(const security::Actor& actor, const MemberInput& in);
  // Read without the database's writer; its audit entry is owed before the reply leaves.
  Result<security::Audited<Member>> GetMember(const security::Actor& actor, const std::string& id);
  Result<Member> UpdateMember(const security::Actor& actor, const std::string& id,
                              const MemberPatch& patch);
  Result<Member> LinkAccount(const security::Actor& actor, const std::string& id,
                             const std::string& user_id);
  Result<void> Erase(const security::Actor& actor, const std::string& id);
  // Called with her id after her erasure committed: the server appends it to the data dir's
  // erasure journal (app/erasure_journal.h), which a restore re-applies to older backups, as for
  // people. Unset in unit tests. Set once, before serving.
  void SetErasureRecorder(std::function<void(const std::string& member_id)> recorder) {
    erasure_recorder_ = std::move(recorder);
  }

  Result<std::vector<Meeting>> Meetings(const security::Actor& actor, const std::string& group);
  Result<Meeting> AddMeeting(const security::Actor& actor, const std::string& group,
                             const MeetingPatch& in);
  Result<Meeting> UpdateMeeting(const security::Actor& actor, const std::string& id,
                                const MeetingPatch& patch);
  Result<Attendance> GetAttendance(const security::Actor& actor, const std::string& meeting);
  Result<Attendance> SetAttendance(const security::Actor& actor, const std::string& meeting,
                                   const std::string& member_id, bool present);

  // Read without the database's writer; its audit entry is owed before the reply leaves.
  Result<security::Audited<std::vector<PeerContact>>> PeerContacts(const security::Actor& actor);
  Result<PeerContact> LogPeerContact(const security::Actor& actor,
                                     const repo::StoredPeerContact& in, const std::string& note);

  Result<std::vector<Statement>> Statements(const security::Actor& actor);
  Result<Statement> Draft(const security::Actor& actor, const StatementPatch& in);
  Result<Statement> Redraft(const security::Actor& actor, const std::string& id,
                            const StatementPatch& patch);
  Result<Statement> Move(const security::Actor& actor, const std::string& id,
                         const std::string& to);
  Result<Statement> SetSignature(const security::Actor& actor, const std::string& id, bool sign);

  // Her own page, read without the database's writer; its audit entry is owed before the reply
  // leaves.
  Result<security::Audited<MePage>> Me(const security::Actor& actor);
  Result<std::pair<std::string, std::string>> SetMyContact(const security::Actor& actor,
                                                           std::optional<std::string> contact,
                                                           std::optional<std::string> safe);

  // The network's figures, counts only, suppressed at the statistics' k (coordinators); read
  // without the database's writer, its audit entry owed before the reply leaves.
  Result<security::Audited<NetworkCounts>> Counts(const security::Actor& actor);

  // The public site: published statements whose live count meets their network's minimum.
  Result<std::vector<PublicStatement>> PublicStatements();
  Result<std::optional<PublicStatement>> PublicStatementById(const std::string& id);

 private:
  // The caller inside her network; 404 outside a survivor_network organization, 403
  // (survivors.not_linked) for a member account without a member record.
  Result<Caller> CallerOf(store::Tx& tx, const security::Actor& actor);
  Result<repo::StoredGroup> LoadGroup(store::Tx& tx, const security::Actor& actor,
                                      const std::string& id);
  Result<repo::StoredMember> LoadMember(store::Tx& tx, const security::Actor& actor,
                                        const std::string& id);
  Result<repo::StoredMeeting> LoadMeeting(store::Tx& tx, const security::Actor& actor,
                                          const std::string& id);
  Result<repo::StoredStatement> LoadStatement(store::Tx& tx, const security::Actor& actor,
                                              const std::string& id);
  Result<Group> GroupView(store::Tx& tx, repo::StoredGroup g);
  Result<Member> MemberView(store::Tx& tx, repo::StoredMember m, bool open);
  Result<Meeting> MeetingView(store::Tx& tx, const Caller& c, repo::StoredMeeting m);
  Result<Statement> StatementView(store::Tx& tx, const Caller& c, repo::StoredStatement s);
  Result<int> MinimumOf(store::Tx& tx, const std::string& org_id);

  store::Database& db_;
  security::Keyring& keyring_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
  std::function<void(const std::string&)> erasure_recorder_;
};

// The refusal of a caller whose network role does not allow what she asks.
Error RoleRefused();

}  // namespace dandelion::survivors
