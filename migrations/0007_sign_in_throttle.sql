-- Failed sign-ins and API-key attempts, per account (an email as typed, lower-cased, known or not;
-- an API key prefix) and per client address. Kept in the database, not in a process's memory, so a
-- lock holds across every `assay serve` sharing it. A row is the state now, not a history: the
-- audit trail records each lock. The back-off and lock are derived from the count and the time of
-- the last failure with the configured numbers (src/access/throttle.ts), so changing them applies
-- to existing rows at once.
CREATE TABLE auth_throttle (
  scope           text NOT NULL CHECK (scope IN ('email', 'api_key', 'address')),
  subject         text NOT NULL,
  failures        integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL,
  PRIMARY KEY (scope, subject)
);
-- Old rows are swept by age.
CREATE INDEX auth_throttle_last_failure_idx ON auth_throttle (last_failure_at);
