// Storage of the survivors' network (docs/api-survivors.md). SQL only; sealed columns come and go
// as ciphertext ("" is stored as NULL). Nothing here joins or refers to people or cases.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace dandelion::survivors::repo {

struct StoredGroup {
  std::string id, org_id, name, region, created_at;
};

struct StoredMember {
  std::string id, org_id, group_id, alias;
  std::string legal_name, contact, safe_contact;  // sealed under her key
  std::string joined_on, roles, vouched_by, user_id, status, created_at;
};

struct StoredMeeting {
  std::string id, org_id, group_id, starts_at, topic;
  std::string place;  // sealed under the network's key
  std::string facilitator_id;
  int anonymous_count = 0;
  std::string created_at;
};

struct StoredPeerContact {
  std::string id, org_id, supporter_id, date, region, mode;
  int minutes = 0;
  std::string note;  // sealed under the network's key
  std::string created_at;
};

struct StoredStatement {
  std::string id, org_id, title_ko, title_en, body_ko, body_en, status, created_at, created_by,
      published_at;
};

// The organization's kind ("" when unknown).
Result<std::string> OrgKind(store::Tx& tx, const std::string& org_id);

Result<int> StatementMinimum(store::Tx& tx, const std::string& org_id);
Result<void> SetStatementMinimum(store::Tx& tx, const std::string& org_id, int minimum,
                                 const std::string& now);

Result<void> InsertGroup(store::Tx& tx, const StoredGroup& g);
Result<void> UpdateGroup(store::Tx& tx, const StoredGroup& g);
Result<std::optional<StoredGroup>> FindGroup(store::Tx& tx, const std::string& id);
Result<std::vector<StoredGroup>> GroupsOf(store::Tx& tx, const std::string& org_id);

Result<void> InsertMember(store::Tx& tx, const StoredMember& m);
Result<void> UpdateMember(store::Tx& tx, const StoredMember& m);
Result<std::optional<StoredMember>> FindMember(store::Tx& tx, const std::string& id);
Result<std::optional<StoredMember>> MemberOfUser(store::Tx& tx, const std::string& user_id);
// Active members of org_id ("" group: every group), by alias.
Result<std::vector<StoredMember>> MembersOf(store::Tx& tx, const std::string& org_id,
                                            const std::string& group_id);
Result<bool> AliasTaken(store::Tx& tx, const std::string& org_id, const std::string& alias,
                        const std::string& except_id);
Result<void> InsertMemberKey(store::Tx& tx, const std::string& member_id,
                             const std::string& wrapped);
Result<std::string> MemberKey(store::Tx& tx, const std::string& member_id);  // "" when gone
// Erasure: her wrapped key, sealed fields, alias, account link and signatures go; her attendance
// becomes an anonymous count on each meeting; her linked sign-in account is disabled and its
// sessions end (an account left open would let whoever holds her phone in, and its name may say
// who she is). Returns that account's id, "" when none was linked, for the caller's audit entry.
// The one erasure: the service's and a restore's re-application alike.
Result<std::string> EraseMember(store::Tx& tx, const std::string& member_id, TimePoint now);

Result<void> InsertMeeting(store::Tx& tx, const StoredMeeting& m);
Result<void> UpdateMeeting(store::Tx& tx, const StoredMeeting& m);
Result<std::optional<StoredMeeting>> FindMeeting(store::Tx& tx, const std::string& id);
// Meetings of a group by start; from "" = all, else those starting at or after from.
Result<std::vector<StoredMeeting>> MeetingsOf(store::Tx& tx, const std::string& group_id,
                                              const std::string& from, int limit);
// (member id, alias) of a meeting's attendance, by alias.
Result<std::vector<std::pair<std::string, std::string>>> AttendanceOf(store::Tx& tx,
                                                                      const std::string& meeting);
Result<int> AttendanceCount(store::Tx& tx, const std::string& meeting_id);
Result<void> MarkAttendance(store::Tx& tx, const std::string& meeting_id,
                            const std::string& member_id, const std::string& now);
Result<int64_t> UnmarkAttendance(store::Tx& tx, const std::string& meeting_id,
                                 const std::string& member_id);

Result<void> InsertPeerContact(store::Tx& tx, const StoredPeerContact& c);
// Newest first; supporter "" = every supporter's.
Result<std::vector<StoredPeerContact>> PeerContactsOf(store::Tx& tx, const std::string& org_id,
                                                      const std::string& supporter_id);

Result<void> InsertStatement(store::Tx& tx, const StoredStatement& s);
Result<void> UpdateStatement(store::Tx& tx, const StoredStatement& s);
Result<std::optional<StoredStatement>> FindStatement(store::Tx& tx, const std::string& id);
// Newest first; every organization's when org_id is "".
Result<std::vector<StoredStatement>> StatementsOf(store::Tx& tx, const std::string& org_id);
Result<std::vector<StoredStatement>> PublishedStatements(store::Tx& tx);
Result<int> SignatureCount(store::Tx& tx, const std::string& statement_id);
Result<bool> HasSigned(store::Tx& tx, const std::string& statement_id,
                       const std::string& member_id);
Result<void> Sign(store::Tx& tx, const std::string& statement_id, const std::string& member_id,
                  const std::string& now);
Result<int64_t> Unsign(store::Tx& tx, const std::string& statement_id,
                       const std::string& member_id);

}  // namespace dandelion::survivors::repo
