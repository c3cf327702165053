-- Rent: tariffs within the exchange's caps, rent paid-to dates on warrants, rent statements and
-- their endorsements by the warehouse, and the exchange's supervision fee statements (src/rent/).

-- ---------------------------------------------------------------- paid-to date on the warrant
-- The last day the warrant's rent is paid for (inclusive); NULL: nothing paid, rent is owed from
-- the warranting date. Moves only with a warehouse's endorsement of a rent statement; a transfer
-- leaves it as it is, so the new holder owes from the day after it.
ALTER TABLE warrants ADD COLUMN rent_paid_to date;

-- ---------------------------------------------------------------- tariffs
-- What a warehouse company charges at one facility for one metal in one rate year (1 April of
-- rate_year – 31 March of the next). Published once, signed by the warehouse (`credential`, a
-- RentTariff vc+jwt whose subject is `content`), logged, public. Never changed.
CREATE TABLE rent_tariffs (
  id                      uuid PRIMARY KEY,
  seq                     bigserial NOT NULL UNIQUE,
  warehouse_org_id        uuid NOT NULL REFERENCES organisations(id),
  facility_id             uuid NOT NULL REFERENCES facilities(id),
  location_code           text NOT NULL REFERENCES delivery_locations(code),
  metal                   text NOT NULL,
  rate_year               integer NOT NULL CHECK (rate_year BETWEEN 2000 AND 2100),
  rent_usd_per_tonne_day  numeric(12,4) NOT NULL CHECK (rent_usd_per_tonne_day >= 0),
  currency                char(3) NOT NULL,
  fot_per_tonne           numeric(14,2) CHECK (fot_per_tonne >= 0),
  fic_per_tonne           numeric(14,2) CHECK (fic_per_tonne >= 0),
  fees                    jsonb NOT NULL,
  content                 jsonb NOT NULL,
  content_digest          text NOT NULL,
  credential              text NOT NULL,
  log_index               bigint NOT NULL,
  published_at            timestamptz NOT NULL,
  published_by_user       uuid REFERENCES users(id),
  published_by_key        uuid REFERENCES api_keys(id),
  UNIQUE (facility_id, metal, rate_year)
);
CREATE INDEX rent_tariffs_warehouse_idx ON rent_tariffs (warehouse_org_id, rate_year);
CREATE INDEX rent_tariffs_location_idx ON rent_tariffs (location_code, metal, rate_year);

-- ---------------------------------------------------------------- statements
-- A holder's rent statement: per-warrant lines paying rent up to `paid_to`, grouped per warehouse.
-- `content` is the statement as made (lines, totals, a random nonce so its digest in the public
-- log reveals nothing); the log commits to its digest (version 1) and, if the holder withdraws it,
-- to `withdrawal` (version 2). Each warehouse endorses its own lines (rent_endorsements).
CREATE TABLE rent_statements (
  id                 uuid PRIMARY KEY,
  seq                bigserial NOT NULL UNIQUE,
  number             text GENERATED ALWAYS AS ('RS-' || lpad(seq::text, 10, '0')) STORED,
  holder_org_id      uuid NOT NULL REFERENCES organisations(id),
  paid_to            date NOT NULL,
  status             text NOT NULL CHECK (status IN ('open', 'partly_endorsed', 'endorsed', 'withdrawn')),
  content            jsonb NOT NULL,
  content_digest     text NOT NULL,
  log_index          bigint NOT NULL,
  withdrawal         jsonb,
  created_at         timestamptz NOT NULL,
  created_by_user    uuid REFERENCES users(id),
  created_by_key     uuid REFERENCES api_keys(id)
);
CREATE INDEX rent_statements_holder_idx ON rent_statements (holder_org_id, seq);

-- The statement's lines as rows (what `content` says), for the queries: a warehouse's endorsement
-- queue, the open statements a warrant is on, the rent endorsed in a period.
CREATE TABLE rent_statement_lines (
  statement_id      uuid NOT NULL REFERENCES rent_statements(id),
  line              integer NOT NULL,
  warrant_id        uuid NOT NULL REFERENCES warrants(id),
  warehouse_org_id  uuid NOT NULL REFERENCES organisations(id),
  from_date         date NOT NULL,
  to_date           date NOT NULL,
  days              integer NOT NULL CHECK (days >= 0),
  amount            numeric(16,2) NOT NULL CHECK (amount >= 0),
  currency          char(3) NOT NULL,
  PRIMARY KEY (statement_id, line)
);
CREATE INDEX rent_statement_lines_warrant_idx ON rent_statement_lines (warrant_id);
CREATE INDEX rent_statement_lines_warehouse_idx ON rent_statement_lines (warehouse_org_id, statement_id);

-- A warehouse's endorsement of its lines of a statement: a RentEndorsement vc+jwt signed by the
-- warehouse (subject = `content`), logged; it moved those warrants' paid-to dates.
CREATE TABLE rent_endorsements (
  id                uuid PRIMARY KEY,
  statement_id      uuid NOT NULL REFERENCES rent_statements(id),
  warehouse_org_id  uuid NOT NULL REFERENCES organisations(id),
  endorsed_on       date NOT NULL,
  content           jsonb NOT NULL,
  content_digest    text NOT NULL,
  credential        text NOT NULL,
  log_index         bigint NOT NULL,
  endorsed_at       timestamptz NOT NULL,
  endorsed_by_user  uuid REFERENCES users(id),
  endorsed_by_key   uuid REFERENCES api_keys(id),
  UNIQUE (statement_id, warehouse_org_id)
);
CREATE INDEX rent_endorsements_period_idx ON rent_endorsements (endorsed_on, warehouse_org_id);

-- ---------------------------------------------------------------- supervision fee
-- The exchange's supervision fee statements for a period: one per warehouse company with rent
-- endorsed in it, and one for the exchange (warehouse_org_id NULL) summing them. Signed by the
-- exchange (SupervisionFeeStatement vc+jwt, subject = `content`), logged. Periods never overlap.
CREATE TABLE rent_fee_statements (
  id                uuid PRIMARY KEY,
  seq               bigserial NOT NULL UNIQUE,
  number            text GENERATED ALWAYS AS ('SF-' || lpad(seq::text, 10, '0')) STORED,
  batch_id          uuid NOT NULL,
  period_from       date NOT NULL,
  period_to         date NOT NULL CHECK (period_to >= period_from),
  warehouse_org_id  uuid REFERENCES organisations(id),
  exchange_org_id   uuid NOT NULL REFERENCES organisations(id),
  content           jsonb NOT NULL,
  content_digest    text NOT NULL,
  credential        text NOT NULL,
  log_index         bigint NOT NULL,
  issued_at         timestamptz NOT NULL,
  issued_by_user    uuid REFERENCES users(id),
  issued_by_key     uuid REFERENCES api_keys(id)
);
CREATE UNIQUE INDEX rent_fee_statements_one_per_warehouse ON rent_fee_statements (period_from, warehouse_org_id) WHERE warehouse_org_id IS NOT NULL;
CREATE UNIQUE INDEX rent_fee_statements_one_summary ON rent_fee_statements (period_from) WHERE warehouse_org_id IS NULL;
CREATE INDEX rent_fee_statements_warehouse_idx ON rent_fee_statements (warehouse_org_id, period_from);
