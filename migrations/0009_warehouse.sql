-- Warehouses, inbound reconciliation and warrants (the LMEsword half of the register).

-- ---------------------------------------------------------------- delivery network (exchange data)
-- Locations where approved warehouses may store metal on warrant. Loaded from
-- reference/delivery-network.json (reference_key set) and edited by the exchange through the API
-- (each change logged; version counts them).
CREATE TABLE delivery_locations (
  code           text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,19}$'),
  name           text NOT NULL,
  country        char(2) NOT NULL,
  time_zone      text NOT NULL,
  currency       char(3) NOT NULL,
  calendar       text NOT NULL,
  metals         text[] NOT NULL,
  approved_from  date,
  withdrawn_from date,
  reference_key  text UNIQUE,
  version        integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The exchange's caps on what a warehouse may charge, per location and metal, effective-dated.
CREATE TABLE rent_caps (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  location_code           text NOT NULL REFERENCES delivery_locations(code),
  metal                   text NOT NULL,
  effective_from          date NOT NULL,
  rent_usd_per_tonne_day  numeric(12,4) NOT NULL CHECK (rent_usd_per_tonne_day >= 0),
  fot_per_tonne           numeric(14,2) CHECK (fot_per_tonne >= 0),
  fot_currency            char(3),
  yearly_index_pct        numeric(8,4),
  index_from_year         integer,
  source                  text,
  reference_key           text UNIQUE,
  created_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (location_code, metal, effective_from),
  CHECK ((fot_per_tonne IS NULL) = (fot_currency IS NULL))
);

-- A warehouse company's approved facility (shed) at a location, for a set of metals.
CREATE TABLE facilities (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warehouse_org_id           uuid NOT NULL REFERENCES organisations(id),
  location_code              text NOT NULL REFERENCES delivery_locations(code),
  name                       text NOT NULL,
  address                    text,
  metals                     text[] NOT NULL,
  min_daily_load_out_tonnes  numeric(12,3) NOT NULL CHECK (min_daily_load_out_tonnes > 0),
  approved_from              date NOT NULL,
  withdrawn_from             date,
  version                    integer NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  UNIQUE (warehouse_org_id, name)
);
CREATE INDEX facilities_location_idx ON facilities (location_code);

-- ---------------------------------------------------------------- inbound receipts
-- What physically arrived at a facility (one brand, shape and origin), with every bundle checked
-- against the register. Never changed once recorded; the content is what the log committed to.
CREATE TABLE receipts (
  id                uuid PRIMARY KEY,
  seq               bigserial NOT NULL UNIQUE,
  number            text GENERATED ALWAYS AS ('RC-' || lpad(seq::text, 10, '0')) STORED,
  facility_id       uuid NOT NULL REFERENCES facilities(id),
  warehouse_org_id  uuid NOT NULL REFERENCES organisations(id),
  depositor_org_id  uuid NOT NULL REFERENCES organisations(id),
  brand_id          uuid NOT NULL REFERENCES brands(id),
  metal             text NOT NULL,
  shape             text NOT NULL,
  origin_country    char(2) NOT NULL,
  received_on       date NOT NULL,
  reference         text,
  content           jsonb NOT NULL,
  content_digest    text NOT NULL,
  log_index         bigint NOT NULL,
  created_by_user   uuid REFERENCES users(id),
  created_by_key    uuid REFERENCES api_keys(id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receipts_facility_idx ON receipts (facility_id, seq);
CREATE INDEX receipts_warehouse_idx ON receipts (warehouse_org_id, seq);

CREATE TABLE receipt_bundles (
  receipt_id      uuid NOT NULL REFERENCES receipts(id),
  line            integer NOT NULL,
  lot_ref         text,
  pcr             text NOT NULL,
  bundle_ref      text NOT NULL,
  pieces          integer NOT NULL CHECK (pieces > 0),
  gross_kg        numeric(12,3) NOT NULL,
  net_kg          numeric(12,3) NOT NULL,
  certificate_id  uuid REFERENCES certificates(id),
  conforming      boolean NOT NULL,
  PRIMARY KEY (receipt_id, line)
);
CREATE INDEX receipt_bundles_certificate_idx ON receipt_bundles (certificate_id);

-- A lot: bundles of one receipt the clerk grouped to go on warrant together.
CREATE TABLE lots (
  id              uuid PRIMARY KEY,
  receipt_id      uuid NOT NULL REFERENCES receipts(id),
  lot_ref         text NOT NULL,
  net_kg          numeric(14,3) NOT NULL,
  bundles         integer NOT NULL,
  warrantable     boolean NOT NULL,
  UNIQUE (receipt_id, lot_ref)
);

-- ---------------------------------------------------------------- warrants
-- A warrant: title to one lot. `credential` is the warehouse's WarrantCredential (the metal; never
-- the holder); the holder and status change with each transition, recorded in warrant_events.
CREATE TABLE warrants (
  id                 uuid PRIMARY KEY,
  seq                bigserial NOT NULL UNIQUE,
  number             text GENERATED ALWAYS AS ('WR-' || lpad(seq::text, 10, '0')) STORED,
  lot_id             uuid NOT NULL UNIQUE REFERENCES lots(id),
  facility_id        uuid NOT NULL REFERENCES facilities(id),
  location_code      text NOT NULL REFERENCES delivery_locations(code),
  warehouse_org_id   uuid NOT NULL REFERENCES organisations(id),
  brand_id           uuid NOT NULL REFERENCES brands(id),
  metal              text NOT NULL,
  shape              text NOT NULL,
  origin_country     char(2) NOT NULL,
  tonnes             numeric(15,6) NOT NULL CHECK (tonnes > 0),
  warranted_on       date NOT NULL,
  holder_org_id      uuid NOT NULL REFERENCES organisations(id),
  status             text NOT NULL CHECK (status IN ('live', 'cancelled', 'delivered_out')),
  cancelled_at       timestamptz,
  delivered_out_at   timestamptz,
  status_index       integer NOT NULL,
  version            integer NOT NULL,
  credential         text NOT NULL,
  content_digest     text NOT NULL,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX warrants_holder_idx ON warrants (holder_org_id, seq);
CREATE INDEX warrants_facility_status_idx ON warrants (facility_id, status, cancelled_at);
CREATE INDEX warrants_warehouse_idx ON warrants (warehouse_org_id, seq);

-- The casts on each warrant. A cast (brand + PCR) is on at most one live warrant at once: the
-- database enforces it, so two concurrent issues over the same cast cannot both commit.
CREATE TABLE warrant_casts (
  warrant_id      uuid NOT NULL REFERENCES warrants(id),
  certificate_id  uuid NOT NULL REFERENCES certificates(id),
  brand_id        uuid NOT NULL REFERENCES brands(id),
  pcr             text NOT NULL,
  live            boolean NOT NULL,
  PRIMARY KEY (warrant_id, certificate_id)
);
CREATE UNIQUE INDEX warrant_casts_one_live ON warrant_casts (brand_id, pcr) WHERE live;
CREATE INDEX warrant_casts_certificate_idx ON warrant_casts (certificate_id);

-- Every transition of a warrant, in order: the state after it (`record`, holder included, with a
-- random nonce so that its digest in the public log reveals nothing), and the acting
-- organisation's signed statement of it. Append-only.
CREATE TABLE warrant_events (
  warrant_id        uuid NOT NULL REFERENCES warrants(id),
  version           integer NOT NULL,
  kind              text NOT NULL,
  record            jsonb NOT NULL,
  record_digest     text NOT NULL,
  statement         text NOT NULL,
  log_index         bigint NOT NULL,
  actor_org_id      uuid REFERENCES organisations(id),
  actor_user_id     uuid REFERENCES users(id),
  actor_api_key_id  uuid REFERENCES api_keys(id),
  at                timestamptz NOT NULL,
  PRIMARY KEY (warrant_id, version)
);

-- A swap offered by one holder to another: both sides move at once or nothing moves.
CREATE TABLE warrant_swaps (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposer_org_id     uuid NOT NULL REFERENCES organisations(id),
  counterparty_org_id uuid NOT NULL REFERENCES organisations(id),
  give                jsonb NOT NULL,   -- [{ warrantId, version }] the proposer hands over
  take                jsonb NOT NULL,   -- [{ warrantId, version }] the proposer receives
  status              text NOT NULL CHECK (status IN ('offered', 'accepted', 'withdrawn', 'declined', 'failed')),
  reason              text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  decided_at          timestamptz,
  CHECK (proposer_org_id <> counterparty_org_id)
);
CREATE INDEX warrant_swaps_counterparty_idx ON warrant_swaps (counterparty_org_id, status);
CREATE INDEX warrant_swaps_proposer_idx ON warrant_swaps (proposer_org_id, status);
