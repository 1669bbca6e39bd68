-- 0025 list generations: a number per organization that every change to what its case lists
-- read moves on (cases, their workers, their people, the people's keys, the users' names and
-- whether they are disabled). The server keeps the sealed rows of a list it has just read and
-- shows them again only while its organization's number is unchanged in the reading
-- transaction's own snapshot (cases/list_cache.h, docs/security.md "Caches"). Triggers, not the
-- server's code, move the number, so a change made by any process (a console command, another
-- server on the same database, an operator's hand) is seen.
CREATE TABLE list_generations (
  org_id TEXT PRIMARY KEY,
  n BIGINT NOT NULL DEFAULT 0
);
INSERT INTO list_generations (org_id) SELECT id FROM organizations;

CREATE FUNCTION list_generations_new_org() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO list_generations (org_id) VALUES (NEW.id) ON CONFLICT (org_id) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER list_generations_new_org AFTER INSERT ON organizations
  FOR EACH ROW EXECUTE FUNCTION list_generations_new_org();

CREATE FUNCTION lists_of_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE list_generations SET n = n + 1 WHERE org_id = OLD.org_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE list_generations SET n = n + 1 WHERE org_id = NEW.org_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER lists_case_changed AFTER INSERT OR UPDATE OR DELETE ON cases
  FOR EACH ROW EXECUTE FUNCTION lists_of_case_changed();

CREATE FUNCTION lists_of_worker_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE list_generations SET n = n + 1
    WHERE org_id IN (SELECT org_id FROM cases WHERE id = OLD.case_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE list_generations SET n = n + 1
    WHERE org_id IN (SELECT org_id FROM cases WHERE id = NEW.case_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER lists_worker_changed AFTER INSERT OR UPDATE OR DELETE ON case_workers
  FOR EACH ROW EXECUTE FUNCTION lists_of_worker_changed();

-- A person is listed through her cases, whichever organization holds them.
CREATE FUNCTION lists_of_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE list_generations SET n = n + 1
    WHERE org_id = OLD.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE list_generations SET n = n + 1
    WHERE org_id = NEW.org_id OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER lists_person_changed AFTER INSERT OR UPDATE OR DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION lists_of_person_changed();

CREATE FUNCTION lists_of_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE list_generations SET n = n + 1
    WHERE org_id IN (SELECT org_id FROM people WHERE id = OLD.person_id)
       OR org_id IN (SELECT org_id FROM cases WHERE person_id = OLD.person_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE list_generations SET n = n + 1
    WHERE org_id IN (SELECT org_id FROM people WHERE id = NEW.person_id)
       OR org_id IN (SELECT org_id FROM cases WHERE person_id = NEW.person_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER lists_key_changed AFTER INSERT OR UPDATE OR DELETE ON person_keys
  FOR EACH ROW EXECUTE FUNCTION lists_of_key_changed();

-- A worker's name, or whether she is disabled, shows in lists of any organization she works in.
-- Rare: every organization's lists are read afresh. TRUNCATE of any of these tables, too.
CREATE FUNCTION lists_all_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE list_generations SET n = n + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER lists_user_changed AFTER INSERT OR DELETE OR UPDATE OF id, org_id, display_name,
  disabled_at ON users FOR EACH ROW EXECUTE FUNCTION lists_all_changed();
CREATE TRIGGER lists_truncated AFTER TRUNCATE ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION lists_all_changed();
CREATE TRIGGER lists_workers_truncated AFTER TRUNCATE ON case_workers
  FOR EACH STATEMENT EXECUTE FUNCTION lists_all_changed();
CREATE TRIGGER lists_people_truncated AFTER TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION lists_all_changed();
CREATE TRIGGER lists_keys_truncated AFTER TRUNCATE ON person_keys
  FOR EACH STATEMENT EXECUTE FUNCTION lists_all_changed();
CREATE TRIGGER lists_users_truncated AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION lists_all_changed();
