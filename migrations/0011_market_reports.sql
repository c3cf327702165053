-- Market reports (src/reports): the exchange's published daily stock, warrant banding and queue
-- reports and the monthly off-warrant stock report, and the warehouses' off-warrant declarations.
-- Reports are computed from the warrant and receipt history as of a business day; what is stored
-- here is what was published, signed and logged, so anyone can later prove the figure of a day.

-- One published report. `document` is the report's RFC 8785 canonical JSON, byte for byte as
-- published (and as any later re-generation for the same day must produce); `credential` is the
-- exchange's signed MarketReportCredential over it, logged at `log_index`.
CREATE TABLE market_reports (
  id                uuid PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('stock', 'banding', 'queue', 'off_warrant')),
  period            text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
  as_of             date NOT NULL,
  document          text NOT NULL,
  document_digest   text NOT NULL,
  credential        text NOT NULL,
  log_index         bigint NOT NULL,
  published_at      timestamptz NOT NULL,
  published_by_org  uuid NOT NULL REFERENCES organisations(id),
  published_by_user uuid REFERENCES users(id),
  published_by_key  uuid REFERENCES api_keys(id),
  UNIQUE (kind, period)
);
CREATE INDEX market_reports_as_of_idx ON market_reports (kind, as_of);

-- A warehouse's signed statement of the off-warrant metal it stores at a location that is not
-- recorded as receipts, for a month. A later declaration for the same warehouse, location, metal
-- and month supersedes the earlier; none is ever changed or deleted.
CREATE TABLE off_warrant_declarations (
  id                uuid PRIMARY KEY,
  warehouse_org_id  uuid NOT NULL REFERENCES organisations(id),
  location_code     text NOT NULL REFERENCES delivery_locations(code),
  metal             text NOT NULL,
  month             text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  tonnes            numeric(14,3) NOT NULL CHECK (tonnes >= 0),
  note              text,
  credential        text NOT NULL,
  content_digest    text NOT NULL,
  log_index         bigint NOT NULL,
  declared_at       timestamptz NOT NULL,
  declared_by_user  uuid REFERENCES users(id),
  declared_by_key   uuid REFERENCES api_keys(id)
);
CREATE INDEX off_warrant_declarations_month_idx ON off_warrant_declarations (month, warehouse_org_id, location_code, metal, declared_at);

-- The as-of stock query reads, per warrant, the transitions that change its stock status (issue,
-- cancellation, re-warranting, load-out) up to a moment: transfers and corrections leave it as it
-- was. This partial index holds just those, in warrant order, so the report is one index-only scan.
CREATE INDEX warrant_events_stock_idx ON warrant_events (warrant_id, at, kind)
  WHERE kind IN ('warrant.issued', 'warrant.cancelled', 'warrant.rewarranted', 'warrant.loaded_out');
