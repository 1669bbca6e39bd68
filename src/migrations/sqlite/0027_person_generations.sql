-- 0027 person generations: which woman a move of her organization's list generation (0025) was
-- about. A case read depends on one woman's rows only (the case, her person, her key, her cases
-- in that organization, their workers) and on workers' names; the server keeps a case read's rows
-- while nothing of hers has changed since (cases/case_cache.h), so that a change to another
-- woman's case no longer empties them all.
--
-- person_generations (org_id, person_id, n): n is the organization's list generation just after
-- the last change about her that moved it. Kept rows read at generation g are still what the
-- database holds while her n (none: nothing since this migration) and the organization's
-- wide_at are at most g. wide_at is the generation of the last change that reaches every case of
-- the organization (a worker's name or account). The triggers of 0025 are replaced by ones that
-- do both in one body, so that her n is always the generation her change moved to.
ALTER TABLE list_generations ADD COLUMN wide_at INTEGER NOT NULL DEFAULT 0;
UPDATE list_generations SET wide_at = n;
CREATE TABLE person_generations (
  org_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (org_id, person_id)
);
-- The sweep asks which women changed since the generation it last saw.
CREATE INDEX person_generations_by_n ON person_generations (org_id, n);
-- Rows taken away by hand reach every case, as a worker's name does.
CREATE TRIGGER person_generations_deleted AFTER DELETE ON person_generations
BEGIN UPDATE list_generations SET n = n + 1, wide_at = n + 1 WHERE org_id = OLD.org_id; END;

DROP TRIGGER lists_case_inserted;
CREATE TRIGGER lists_case_inserted AFTER INSERT ON cases
BEGIN
  UPDATE list_generations SET n = n + 1 WHERE org_id = NEW.org_id;
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT org_id, NEW.person_id, n FROM list_generations WHERE org_id = NEW.org_id
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_case_updated;
CREATE TRIGGER lists_case_updated AFTER UPDATE ON cases
BEGIN
  UPDATE list_generations SET n = n + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT DISTINCT g.org_id, x.person_id, g.n FROM list_generations g,
      (SELECT OLD.org_id AS org_id, OLD.person_id AS person_id
       UNION SELECT NEW.org_id, NEW.person_id) x
    WHERE g.org_id = x.org_id
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_case_deleted;
CREATE TRIGGER lists_case_deleted AFTER DELETE ON cases
BEGIN
  UPDATE list_generations SET n = n + 1 WHERE org_id = OLD.org_id;
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT org_id, OLD.person_id, n FROM list_generations WHERE org_id = OLD.org_id
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;

DROP TRIGGER lists_worker_inserted;
CREATE TRIGGER lists_worker_inserted AFTER INSERT ON case_workers
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM cases WHERE id = NEW.case_id);
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT DISTINCT c.org_id, c.person_id, g.n FROM cases c, list_generations g
    WHERE c.id = NEW.case_id AND g.org_id = c.org_id
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_worker_updated;
CREATE TRIGGER lists_worker_updated AFTER UPDATE ON case_workers
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM cases WHERE id IN (OLD.case_id, NEW.case_id));
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT DISTINCT c.org_id, c.person_id, g.n FROM cases c, list_generations g
    WHERE c.id IN (OLD.case_id, NEW.case_id) AND g.org_id = c.org_id
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_worker_deleted;
CREATE TRIGGER lists_worker_deleted AFTER DELETE ON case_workers
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM cases WHERE id = OLD.case_id);
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT DISTINCT c.org_id, c.person_id, g.n FROM cases c, list_generations g
    WHERE c.id = OLD.case_id AND g.org_id = c.org_id
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;

DROP TRIGGER lists_person_inserted;
CREATE TRIGGER lists_person_inserted AFTER INSERT ON people
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id = NEW.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.id);
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT org_id, NEW.id, n FROM list_generations
    WHERE org_id = NEW.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.id)
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_person_updated;
CREATE TRIGGER lists_person_updated AFTER UPDATE ON people
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (OLD.org_id, NEW.org_id)
     OR org_id IN (SELECT org_id FROM cases WHERE person_id IN (OLD.id, NEW.id));
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT DISTINCT g.org_id, x.id, g.n FROM list_generations g,
      (SELECT OLD.id AS id UNION SELECT NEW.id) x
    WHERE g.org_id IN (OLD.org_id, NEW.org_id)
       OR g.org_id IN (SELECT org_id FROM cases WHERE person_id IN (OLD.id, NEW.id))
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_person_deleted;
CREATE TRIGGER lists_person_deleted AFTER DELETE ON people
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id = OLD.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.id);
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT org_id, OLD.id, n FROM list_generations
    WHERE org_id = OLD.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.id)
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;

DROP TRIGGER lists_key_inserted;
CREATE TRIGGER lists_key_inserted AFTER INSERT ON person_keys
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM people WHERE id = NEW.person_id)
     OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.person_id);
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT org_id, NEW.person_id, n FROM list_generations
    WHERE org_id IN (SELECT org_id FROM people WHERE id = NEW.person_id)
       OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.person_id)
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_key_updated;
CREATE TRIGGER lists_key_updated AFTER UPDATE ON person_keys
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM people WHERE id IN (OLD.person_id, NEW.person_id))
     OR org_id IN (SELECT org_id FROM cases WHERE person_id IN (OLD.person_id, NEW.person_id));
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT DISTINCT g.org_id, x.id, g.n FROM list_generations g,
      (SELECT OLD.person_id AS id UNION SELECT NEW.person_id) x
    WHERE g.org_id IN (SELECT org_id FROM people WHERE id IN (OLD.person_id, NEW.person_id))
       OR g.org_id IN (SELECT org_id FROM cases WHERE person_id IN (OLD.person_id, NEW.person_id))
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;
DROP TRIGGER lists_key_deleted;
CREATE TRIGGER lists_key_deleted AFTER DELETE ON person_keys
BEGIN
  UPDATE list_generations SET n = n + 1
  WHERE org_id IN (SELECT org_id FROM people WHERE id = OLD.person_id)
     OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.person_id);
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT org_id, OLD.person_id, n FROM list_generations
    WHERE org_id IN (SELECT org_id FROM people WHERE id = OLD.person_id)
       OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.person_id)
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = excluded.n;
END;

-- A worker's name, or whether she is disabled, shows in the cases of any organization she works
-- in. Rare: every organization's lists and kept cases are read afresh.
DROP TRIGGER lists_user_inserted;
CREATE TRIGGER lists_user_inserted AFTER INSERT ON users
BEGIN UPDATE list_generations SET n = n + 1, wide_at = n + 1; END;
DROP TRIGGER lists_user_updated;
CREATE TRIGGER lists_user_updated AFTER UPDATE OF id, org_id, display_name, disabled_at ON users
BEGIN UPDATE list_generations SET n = n + 1, wide_at = n + 1; END;
DROP TRIGGER lists_user_deleted;
CREATE TRIGGER lists_user_deleted AFTER DELETE ON users
BEGIN UPDATE list_generations SET n = n + 1, wide_at = n + 1; END;
