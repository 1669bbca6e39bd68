-- 0026 the audit log's entity index, in epochs of 65,536 entries. Indexed by (entity type, entity
-- id, seq), each new entry went to a random place of an index as large as the whole log: filing a
-- second's reads into the chain rewrote about one index page per entry once the log held a few
-- hundred thousand entries, and more the longer the log grew (docs/performance.md, "The audit
-- log's entity index in epochs"). Led by the entry's epoch (seq >> 16), new entries go to the
-- newest epoch's part of the index only, whatever the log's length. A search by entity looks in
-- each epoch, newest first (security/audit_log.cc, AuditLog::Query).
DROP INDEX audit_by_entity;
CREATE INDEX audit_by_entity ON audit_log ((seq >> 16), entity_type, entity_id, seq);
