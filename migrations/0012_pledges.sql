-- Pledges and financing (#19): electronic warehouse receipts for off-warrant metal, pledges over
-- warrants and receipts, the exchange's official prices, and each collateral taker's terms.

-- The exchange's clearing house takes warrants as margin collateral: an organisation kind of its own.
ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check
  CHECK (kind IN ('exchange','producer','warehouse','trader','lender','end_user','auditor','clearing_house'));

-- ---------------------------------------------------------------- electronic warehouse receipts
-- Title to one reconciled lot kept off warrant. `credential` is the warehouse's
-- ElectronicReceiptCredential (the metal, never the holder); holder and status change with each
-- transition, recorded in e_receipt_events. Converting it to a warrant retires it.
CREATE TABLE e_receipts (
  id                uuid PRIMARY KEY,
  seq               bigserial NOT NULL UNIQUE,
  number            text GENERATED ALWAYS AS ('ER-' || lpad(seq::text, 10, '0')) STORED,
  lot_id            uuid NOT NULL REFERENCES lots(id),
  receipt_id        uuid NOT NULL REFERENCES receipts(id),
  facility_id       uuid NOT NULL REFERENCES facilities(id),
  location_code     text NOT NULL REFERENCES delivery_locations(code),
  warehouse_org_id  uuid NOT NULL REFERENCES organisations(id),
  brand_id          uuid NOT NULL REFERENCES brands(id),
  metal             text NOT NULL,
  shape             text NOT NULL,
  origin_country    char(2) NOT NULL,
  tonnes            numeric(12,3) NOT NULL CHECK (tonnes > 0),
  issued_on         date NOT NULL,
  holder_org_id     uuid NOT NULL REFERENCES organisations(id),
  status            text NOT NULL CHECK (status IN ('active', 'converted', 'delivered_out')),
  warrant_id        uuid REFERENCES warrants(id),
  status_index      integer NOT NULL,
  version           integer NOT NULL,
  credential        text NOT NULL,
  content_digest    text NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'converted') = (warrant_id IS NOT NULL))
);
-- One title document per lot at a time: two active receipts over the same lot cannot both commit.
CREATE UNIQUE INDEX e_receipts_one_active_per_lot ON e_receipts (lot_id) WHERE status = 'active';
CREATE INDEX e_receipts_holder_idx ON e_receipts (holder_org_id, seq);
CREATE INDEX e_receipts_warehouse_idx ON e_receipts (warehouse_org_id, seq);

-- The casts (brand + PCR) under each receipt. A cast is under at most one active receipt (the
-- database refuses a second), and never under an active receipt and a live warrant at once (the
-- services check it under a per-cast advisory lock, both when a receipt and when a warrant is issued).
CREATE TABLE e_receipt_casts (
  e_receipt_id    uuid NOT NULL REFERENCES e_receipts(id),
  pcr             text NOT NULL,
  brand_id        uuid NOT NULL REFERENCES brands(id),
  certificate_id  uuid REFERENCES certificates(id),
  live            boolean NOT NULL,
  PRIMARY KEY (e_receipt_id, pcr)
);
CREATE UNIQUE INDEX e_receipt_casts_one_live ON e_receipt_casts (brand_id, pcr) WHERE live;

-- Every transition of a receipt, as for warrants: the state after it (with a nonce) and the acting
-- organisation's signed statement. Append-only.
CREATE TABLE e_receipt_events (
  e_receipt_id      uuid NOT NULL REFERENCES e_receipts(id),
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
  PRIMARY KEY (e_receipt_id, version)
);

-- ---------------------------------------------------------------- pledges
CREATE TABLE pledges (
  id                  uuid PRIMARY KEY,
  seq                 bigserial NOT NULL UNIQUE,
  number              text GENERATED ALWAYS AS ('PL-' || lpad(seq::text, 10, '0')) STORED,
  pledgor_org_id      uuid NOT NULL REFERENCES organisations(id),
  lender_org_id       uuid NOT NULL REFERENCES organisations(id),
  amount              numeric(20,2) NOT NULL CHECK (amount > 0),
  currency            char(3) NOT NULL,
  reference           text NOT NULL,
  maturity            date NOT NULL,
  status              text NOT NULL CHECK (status IN ('proposed', 'active', 'declined', 'withdrawn', 'released', 'enforced')),
  version             integer NOT NULL,
  proposed_at         timestamptz NOT NULL,
  accepted_at         timestamptz,
  closed_at           timestamptz,
  enforced_to_org_id  uuid REFERENCES organisations(id),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (pledgor_org_id <> lender_org_id)
);
CREATE INDEX pledges_lender_idx ON pledges (lender_org_id, status, seq);
CREATE INDEX pledges_pledgor_idx ON pledges (pledgor_org_id, status, seq);

-- The assets (warrants or electronic receipts) of a pledge. `active` is true exactly while the
-- pledge is active.
CREATE TABLE pledge_assets (
  pledge_id     uuid NOT NULL REFERENCES pledges(id),
  asset_id      uuid NOT NULL,
  asset_type    text NOT NULL CHECK (asset_type IN ('warrant', 'e_receipt')),
  asset_number  text NOT NULL,
  metal         text NOT NULL,
  tonnes        numeric(12,3) NOT NULL,
  active        boolean NOT NULL DEFAULT false,
  PRIMARY KEY (pledge_id, asset_id)
);
-- At most one active pledge per asset: the database refuses a second one, whatever the code does,
-- so two lenders accepting pledges over the same metal at the same moment cannot both commit.
CREATE UNIQUE INDEX pledge_assets_one_active ON pledge_assets (asset_id) WHERE active;
CREATE INDEX pledge_assets_asset_idx ON pledge_assets (asset_id);

-- Every step of a pledge (proposal, acceptance, declination, withdrawal, consent, release,
-- enforcement): the state after it and the acting party's signed statement. Append-only.
CREATE TABLE pledge_events (
  pledge_id         uuid NOT NULL REFERENCES pledges(id),
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
  PRIMARY KEY (pledge_id, version)
);

-- ---------------------------------------------------------------- official prices and collateral terms
-- A publication of official prices by the exchange (one upload or API call), signed as a
-- PricePublication credential and logged; its rows are the prices it published.
CREATE TABLE price_publications (
  id                uuid PRIMARY KEY,
  seq               bigserial NOT NULL UNIQUE,
  source            text NOT NULL CHECK (source IN ('api', 'csv', 'xlsx')),
  filename          text,
  credential        text NOT NULL,
  content_digest    text NOT NULL,
  log_index         bigint NOT NULL,
  published_by_org  uuid NOT NULL REFERENCES organisations(id),
  created_by_user   uuid REFERENCES users(id),
  created_by_key    uuid REFERENCES api_keys(id),
  published_at      timestamptz NOT NULL
);

CREATE TABLE official_prices (
  publication_id   uuid NOT NULL REFERENCES price_publications(id),
  publication_seq  bigint NOT NULL,
  price_date       date NOT NULL,
  metal            text NOT NULL,
  prompt           text NOT NULL,
  price            numeric(18,4) NOT NULL CHECK (price > 0),
  currency         char(3) NOT NULL,
  PRIMARY KEY (publication_id, metal, prompt, price_date)
);
CREATE INDEX official_prices_latest_idx ON official_prices (metal, prompt, price_date DESC, publication_seq DESC);

-- A collateral taker's (lender's or clearing house's) haircut per metal and LTV alert threshold;
-- metals it has not set take the reference defaults. Logged on every change.
CREATE TABLE collateral_terms (
  taker_org_id   uuid PRIMARY KEY REFERENCES organisations(id),
  haircuts       jsonb NOT NULL,
  ltv_alert_pct  numeric(7,4) NOT NULL CHECK (ltv_alert_pct > 0),
  version        integer NOT NULL,
  log_index      bigint NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
