// The audit journal's bytes (security/audit_journal.h): a file header, then one record per group
// of read entries, appended.
//
// Header: kJournalMagic, then the journal's identity (32 hex characters).
// Record: "AJR1" | payload length u32 | entry count u32 | BLAKE2b-128, keyed with the journal's
// identity, of the length, the count and the payload | payload. Each entry in the payload: at_ms
// u64, then its ten texts u32-length-prefixed (actor, actor's organization, organization, action,
// entity type and id, outcome, request id, remote address, fields joined by commas).
//
// The hash tells a record written whole from one a crash or a power loss cut short or left as
// zeros, so that such a tail is never taken for entries. It is keyed with the identity, which
// only the file holds, so that the texts of an entry (a request id comes from the client) can
// never be made to look like a record of their own after a torn one. It is not what protects
// entries from tampering: the chain they are filed into is.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "security/audit_log.h"

namespace dandelion::security {

inline constexpr std::string_view kJournalMagic = "dandelion-ajrn1\n";
inline constexpr size_t kJournalIdentityChars = 32;
inline constexpr size_t kJournalHeaderSize = kJournalMagic.size() + kJournalIdentityChars;
inline constexpr size_t kRecordHeaderSize = 4 + 4 + 4 + 16;

// A file header naming identity (kJournalIdentityChars characters).
std::string JournalHeader(std::string_view identity);

// The identity a file header names, or "" when header is not one.
std::string JournalIdentity(std::string_view header);

// Appends the record of events to out, for the journal named identity.
void AppendJournalRecord(std::string& out, std::string_view identity,
                         std::span<const FiledAuditEvent> events);

// How many bytes the record whose first kRecordHeaderSize bytes are header takes in all, or 0 when
// header is not a record's header (a tail left as zeros, say).
size_t JournalRecordSize(std::string_view header);

// Appends the entries of record (JournalRecordSize bytes) of the journal named identity to out;
// false, with out unchanged, when the record does not match its hash or its entries do not parse.
bool ParseJournalRecord(std::string_view record, std::string_view identity,
                        std::vector<FiledAuditEvent>& out);

}  // namespace dandelion::security
