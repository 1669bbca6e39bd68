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
-- the organization (a worker's name or account, a table emptied). The functions of 0025 are
-- replaced by ones that do both, so that her n is always the generation her change moved to;
-- the row lock of the organization's list_generations row orders the changes.
ALTER TABLE list_generations ADD COLUMN wide_at BIGINT NOT NULL DEFAULT 0;
UPDATE list_generations SET wide_at = n;
CREATE TABLE person_generations (
  org_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (org_id, person_id)
);
-- The sweep asks which women changed since the generation it last saw.
CREATE INDEX person_generations_by_n ON person_generations (org_id, n);

-- The organizations of org_ids move on, and each woman of person_ids in each of them is stamped
-- with its new generation.
CREATE FUNCTION person_generations_move(org_ids TEXT[], person_ids TEXT[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    UPDATE list_generations SET n = n + 1 WHERE org_id = ANY (org_ids) RETURNING org_id, n
  )
  INSERT INTO person_generations (org_id, person_id, n)
    SELECT DISTINCT m.org_id, p.id, m.n FROM moved m, unnest(person_ids) AS p(id)
    WHERE p.id IS NOT NULL
    ON CONFLICT (org_id, person_id) DO UPDATE SET n = EXCLUDED.n;
END $$;

CREATE OR REPLACE FUNCTION lists_of_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM person_generations_move(ARRAY[OLD.org_id], ARRAY[OLD.person_id]);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM person_generations_move(ARRAY[NEW.org_id], ARRAY[NEW.person_id]);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lists_of_worker_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c RECORD;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    FOR c IN SELECT org_id, person_id FROM cases WHERE id = OLD.case_id LOOP
      PERFORM person_generations_move(ARRAY[c.org_id], ARRAY[c.person_id]);
    END LOOP;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    FOR c IN SELECT org_id, person_id FROM cases WHERE id = NEW.case_id LOOP
      PERFORM person_generations_move(ARRAY[c.org_id], ARRAY[c.person_id]);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

-- A person is listed through her cases, whichever organization holds them.
CREATE OR REPLACE FUNCTION lists_of_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM person_generations_move(
      ARRAY(SELECT OLD.org_id UNION SELECT org_id FROM cases WHERE person_id = OLD.id),
      ARRAY[OLD.id]);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM person_generations_move(
      ARRAY(SELECT NEW.org_id UNION SELECT org_id FROM cases WHERE person_id = NEW.id),
      ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lists_of_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM person_generations_move(
      ARRAY(SELECT org_id FROM people WHERE id = OLD.person_id
            UNION SELECT org_id FROM cases WHERE person_id = OLD.person_id),
      ARRAY[OLD.person_id]);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM person_generations_move(
      ARRAY(SELECT org_id FROM people WHERE id = NEW.person_id
            UNION SELECT org_id FROM cases WHERE person_id = NEW.person_id),
      ARRAY[NEW.person_id]);
  END IF;
  RETURN NULL;
END $$;

-- A worker's name, or whether she is disabled, shows in the cases of any organization she works
-- in; a table emptied reaches every case. Rare: every organization's lists and kept cases are
-- read afresh.
CREATE OR REPLACE FUNCTION lists_all_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE list_generations SET n = n + 1, wide_at = n + 1;
  RETURN NULL;
END $$;

-- Rows taken away by hand reach every case of their organization, as a worker's name does.
CREATE FUNCTION person_generations_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE list_generations SET n = n + 1, wide_at = n + 1 WHERE org_id = OLD.org_id;
  RETURN NULL;
END $$;
CREATE TRIGGER person_generations_deleted AFTER DELETE ON person_generations
  FOR EACH ROW EXECUTE FUNCTION person_generations_deleted();
CREATE TRIGGER person_generations_truncated AFTER TRUNCATE ON person_generations
  FOR EACH STATEMENT EXECUTE FUNCTION lists_all_changed();
