-- Cache versions that every process checks per request (issue #20): the principal epoch and status-list versions.
--
-- Who may act (issue #20): each `assay serve` process caches the principals it has verified
-- (sessions and API keys, access/principal-cache.ts) and checks one number per request before it
-- trusts its cache: the epoch below. Every change that could end or narrow a principal (a session
-- revoked or shortened, a key revoked or its scopes changed, a user disabled, moved or renamed, an
-- organisation's kind changed, any such row deleted) bumps it in the same transaction, by trigger,
-- whoever writes it: a route in any process, the operator CLI, or SQL by hand. A process that
-- reads a new epoch drops its whole principal cache, so a revocation committed anywhere is obeyed
-- on the very next request everywhere. Revocations are rare; a bump costs every process one
-- cache miss per active principal.
CREATE TABLE principal_epoch (
  id  boolean PRIMARY KEY DEFAULT true CHECK (id),
  n   bigint NOT NULL
);
INSERT INTO principal_epoch (id, n) VALUES (true, 1);

CREATE FUNCTION bump_principal_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE principal_epoch SET n = n + 1 WHERE id;
  RETURN NULL;
END;
$$;

-- Row triggers with WHEN, so an UPDATE that changes nothing (signing out twice, revoking a revoked
-- key, api_keys.last_used_at) does not bump it: an anonymous caller cannot empty the caches.
CREATE TRIGGER sessions_epoch AFTER UPDATE OF revoked_at, expires_at, user_id ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.user_id IS DISTINCT FROM NEW.user_id)
  EXECUTE FUNCTION bump_principal_epoch();
CREATE TRIGGER sessions_epoch_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION bump_principal_epoch();

CREATE TRIGGER api_keys_epoch AFTER UPDATE OF revoked_at, scopes, org_id, prefix, secret_hash ON api_keys FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.scopes IS DISTINCT FROM NEW.scopes OR OLD.org_id IS DISTINCT FROM NEW.org_id
        OR OLD.prefix IS DISTINCT FROM NEW.prefix OR OLD.secret_hash IS DISTINCT FROM NEW.secret_hash)
  EXECUTE FUNCTION bump_principal_epoch();
CREATE TRIGGER api_keys_epoch_delete AFTER DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION bump_principal_epoch();

CREATE TRIGGER users_epoch AFTER UPDATE OF disabled_at, role, org_id, email, name ON users FOR EACH ROW
  WHEN (OLD.disabled_at IS DISTINCT FROM NEW.disabled_at OR OLD.role IS DISTINCT FROM NEW.role OR OLD.org_id IS DISTINCT FROM NEW.org_id
        OR OLD.email IS DISTINCT FROM NEW.email OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION bump_principal_epoch();
CREATE TRIGGER users_epoch_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION bump_principal_epoch();

CREATE TRIGGER organisations_epoch AFTER UPDATE OF kind ON organisations FOR EACH ROW
  WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION bump_principal_epoch();
CREATE TRIGGER organisations_epoch_delete AFTER DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION bump_principal_epoch();

-- Status-list versions (trust/read-cache.ts): every process caches a list's encoding under its
-- updated_at, read on every request. `updated_at = now()` is the writing transaction's start, so two
-- revocations on one list whose transactions began in the same microsecond (in two processes)
-- would leave two different lists under one version, and a process that cached the first would
-- serve it after the second. Writers hold the row lock, so setting the version here, after the
-- lock and never below the previous one's successor, makes each committed list's version unique
-- and increasing, whatever the writer or the clock does.
CREATE FUNCTION status_list_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := greatest(clock_timestamp(), OLD.updated_at + interval '1 microsecond');
  RETURN NEW;
END;
$$;
CREATE TRIGGER status_lists_version BEFORE UPDATE ON status_lists FOR EACH ROW EXECUTE FUNCTION status_list_next_version();
