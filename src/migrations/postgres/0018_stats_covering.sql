-- 0018 statistics read from indexes alone. A count of services by period and type used to read
-- every service's row (for its case) and every case's and person's row (for one column each):
-- over 100,000 services that took seconds (docs/performance.md, "Statistics"). These indexes
-- carry the columns the counts group by, so SQLite answers from the index pages.
DROP INDEX case_services_by_org;
CREATE INDEX case_services_by_org ON case_services (org_id, date, type, case_id);
-- The network's counts read the services of consenting women's cases, case by case.
DROP INDEX case_services_by_case;
CREATE INDEX case_services_by_case ON case_services (case_id, date, type, org_id);
-- A service's woman and what is counted of her case and of her record.
CREATE INDEX cases_for_stats ON cases (id, person_id, intake_channel, situation);
CREATE INDEX people_for_stats ON people (id, erased_at, age_band, nationality, categories);
