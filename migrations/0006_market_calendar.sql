-- The exchange's one-off changes to its business-day calendar: extra closures (a jubilee, a state
-- funeral) and openings (a rule holiday that moved). Rule holidays are computed, not stored.
-- Effective-dated: an adjustment applies to calendars viewed on or after effective_from and before
-- withdrawn_from. Rows are never deleted; a withdrawal is recorded on the row, audited and logged.

CREATE TABLE calendar_adjustments (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  calendar         text NOT NULL DEFAULT 'exchange' CHECK (calendar = 'exchange'),
  day              date NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('closure', 'opening')),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  source           text,                       -- the notice or publication it comes from
  reference_key    text UNIQUE,                -- set for rows loaded from reference/market-calendar.json
  effective_from   date NOT NULL,
  withdrawn_from   date CHECK (withdrawn_from IS NULL OR withdrawn_from >= effective_from),
  withdrawn_reason text,
  version          integer NOT NULL DEFAULT 1, -- 1 when made, 2 once withdrawn (the log entry's version)
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by_user  uuid REFERENCES users(id),
  created_by_key   uuid REFERENCES api_keys(id),
  withdrawn_at     timestamptz,
  withdrawn_by_user uuid REFERENCES users(id),
  withdrawn_by_key uuid REFERENCES api_keys(id)
);
-- One adjustment per day that has not been withdrawn: a closure and an opening of the same day
-- would contradict each other, and two closures say nothing more than one.
CREATE UNIQUE INDEX calendar_adjustments_live_day ON calendar_adjustments (calendar, day) WHERE withdrawn_from IS NULL;
CREATE INDEX calendar_adjustments_day_idx ON calendar_adjustments (day);
