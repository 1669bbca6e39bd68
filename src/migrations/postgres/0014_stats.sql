-- 0014 statistics: indexes for the aggregates of docs/statistics.md (GET /api/v1/stats/*).
-- The network's figures read services of every member by date: the existing index leads with
-- org_id, so a network-wide period scan had no index to use.
CREATE INDEX case_services_by_date ON case_services (date, type);
-- An organization's legal matters opened in a period (the only legal index was per case).
CREATE INDEX legal_matters_by_org ON legal_matters (org_id, created_at);
-- An organization's payments in a period (the ledger's indexes are per person and per source).
CREATE INDEX fund_entries_by_org ON fund_entries (org_id, paid_on);
-- The statistics consent is looked up per person (consents_by_person serves it): no index here.
