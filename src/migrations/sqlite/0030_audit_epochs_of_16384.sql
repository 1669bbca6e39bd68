-- 0030 the audit log's entity index in epochs of 16,384 entries instead of 65,536 (0026). Filing
-- a batch of entries into the chain rewrites every page of the newest epoch's part of the index
-- that one of them lands on, and at 65,536 entries that part is some 700 pages, nearly all of
-- them touched by every batch: most of the pages each filing wrote to the WAL and copied back
-- (docs/performance.md, "The audit's entity index in smaller epochs"). A search by entity seeks
-- once per epoch, now sixteen epochs a statement (security/audit_log.cc, AuditLog::Query).
DROP INDEX audit_by_entity;
CREATE INDEX audit_by_entity ON audit_log ((seq >> 14), entity_type, entity_id, seq);
