-- 0025 list generations: a number per organization that every change to what its case lists
-- read moves on (cases, their workers, their people, the people's keys, the users' names and
-- whether they are disabled). The server keeps the sealed rows of a list it has just read and
-- shows them again only while its organization's number is unchanged in the reading
-- transaction's own snapshot (cases/list_cache.h, docs/security.md "Caches"). Triggers, not the
-- server's code, move the number, so a change made by any process (a console command, another
-- server on the same PostgreSQL database, an operator's hand) is seen.
CREATE TABLE list_generations (
  org_id TEXT PRIMARY KEY,
  n INTEGER NOT NULL DEFAULT 0
);
INSERT INTO list_generations (org_id) SELECT id FROM organizations;
CREATE TRIGGER list_generations_new_org AFTER INSERT ON organizations
BEGIN INSERT INTO list_generations (org_id) VALUES (NEW.id) ON CONFLICT (org_id) DO NOTHING; END;

CREATE TRIGGER lists_case_inserted AFTER INSERT ON cases
BEGIN UPDATE list_generations SET n = n + 1 WHERE org_id = NEW.org_id; END;
CREATE TRIGGER lists_case_updated AFTER UPDATE ON cases
BEGIN UPDATE list_generations SET n = n + 1 WHERE org_id IN (OLD.org_id, NEW.org_id); END;
CREATE TRIGGER lists_case_deleted AFTER DELETE ON cases
BEGIN UPDATE list_generations SET n = n + 1 WHERE org_id = OLD.org_id; END;

CREATE TRIGGER lists_worker_inserted AFTER INSERT ON case_workers
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM cases WHERE id = NEW.case_id);
END;
CREATE TRIGGER lists_worker_updated AFTER UPDATE ON case_workers
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM cases WHERE id IN (OLD.case_id, NEW.case_id));
END;
CREATE TRIGGER lists_worker_deleted AFTER DELETE ON case_workers
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM cases WHERE id = OLD.case_id);
END;

-- A person is listed through her cases, whichever organization holds them.
CREATE TRIGGER lists_person_inserted AFTER INSERT ON people
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id = NEW.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.id);
END;
CREATE TRIGGER lists_person_updated AFTER UPDATE ON people
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (OLD.org_id, NEW.org_id)
     OR org_id IN (SELECT org_id FROM cases WHERE person_id IN (OLD.id, NEW.id));
END;
CREATE TRIGGER lists_person_deleted AFTER DELETE ON people
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id = OLD.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.id);
END;

CREATE TRIGGER lists_key_inserted AFTER INSERT ON person_keys
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM people WHERE id = NEW.person_id)
     OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.person_id);
END;
CREATE TRIGGER lists_key_updated AFTER UPDATE ON person_keys
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM people WHERE id IN (OLD.person_id, NEW.person_id))
     OR org_id IN (SELECT org_id FROM cases WHERE person_id IN (OLD.person_id, NEW.person_id));
END;
CREATE TRIGGER lists_key_deleted AFTER DELETE ON person_keys
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM people WHERE id = OLD.person_id)
     OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.person_id);
END;

-- A worker's name, or whether she is disabled, shows in lists of any organization she works in.
-- Rare: every organization's lists are read afresh.
CREATE TRIGGER lists_user_inserted AFTER INSERT ON users
BEGIN UPDATE list_generations SET n = n + 1; END;
CREATE TRIGGER lists_user_updated AFTER UPDATE OF id, org_id, display_name, disabled_at ON users
BEGIN UPDATE list_generations SET n = n + 1; END;
CREATE TRIGGER lists_user_deleted AFTER DELETE ON users
BEGIN UPDATE list_generations SET n = n + 1; END;
