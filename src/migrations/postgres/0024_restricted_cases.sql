-- 0024 restricted cases by person: whether a woman has a restricted case in an organization is
-- asked for every case a list shows someone who neither works nor supervises it. PostgreSQL
-- answered it for a list by scanning every case of the table (6 ms a list at 10,000 cases,
-- growing with them); the few restricted cases, indexed apart, make it an index probe
-- (docs/performance.md, "Restricted cases indexed apart").
CREATE INDEX cases_restricted_by_person ON cases (person_id, org_id) WHERE restricted <> 0;
