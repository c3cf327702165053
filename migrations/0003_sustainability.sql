-- Sustainability: reference data the exchange maintains, evidence files, responsible-sourcing
-- tracks and compliance, disclosures and their attestations, CBAM carbon reports, CBAM visibility
-- and access grants. Every figure is numeric (never float); every signed record keeps its exact
-- vc+jwt and the index of the log entry that committed to it.

-- ---------------------------------------------------------------- reference data
CREATE TABLE sustainability_topics (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  pillar      text NOT NULL CHECK (pillar IN ('environmental','social','governance','multi_dimensional')),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sustainability_standards (
  code                   text PRIMARY KEY,
  name                   text NOT NULL,
  body                   text NOT NULL,
  category               text NOT NULL CHECK (category IN ('responsible_sourcing','management_system','emissions','multi_dimensional')),
  metals                 text[] NOT NULL DEFAULT '{}',      -- empty: every metal
  recognised             boolean NOT NULL,
  qualifies_for_premium  boolean NOT NULL DEFAULT false,
  updated_at             timestamptz NOT NULL DEFAULT now()
);

-- The one approved emissions methodology per metal.
CREATE TABLE emissions_methodologies (
  metal       text PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  body        text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Sustainable-metal premium: cradle-to-gate carbon ceiling per metal.
CREATE TABLE premium_thresholds (
  metal                         text PRIMARY KEY,
  max_tco2e_per_t               numeric NOT NULL CHECK (max_tco2e_per_t >= 0),
  requires_recognised_standard  boolean NOT NULL DEFAULT true,
  updated_at                    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sustainability_settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- evidence files
CREATE TABLE evidence_files (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id           uuid NOT NULL REFERENCES organisations(id),
  filename         text NOT NULL,
  media_type       text NOT NULL,
  size_bytes       integer NOT NULL CHECK (size_bytes >= 0),
  sha256           text NOT NULL,
  bytes            bytea NOT NULL,
  log_index        bigint NOT NULL,
  created_by_user  uuid REFERENCES users(id),
  created_by_key   uuid REFERENCES api_keys(id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_files_org_idx ON evidence_files (org_id, created_at);

-- ---------------------------------------------------------------- responsible sourcing
CREATE TABLE sourcing_tracks (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq                bigserial NOT NULL UNIQUE,
  brand_id           uuid NOT NULL REFERENCES brands(id),
  track              char(1) NOT NULL CHECK (track IN ('A','B','C','D')),
  effective_from     date NOT NULL,
  restricted         boolean NOT NULL,
  evidence_file_ids  uuid[] NOT NULL DEFAULT '{}',
  content            jsonb NOT NULL,
  content_digest     text NOT NULL,
  credential         text NOT NULL,
  log_index          bigint NOT NULL,
  created_by_user    uuid REFERENCES users(id),
  created_by_key     uuid REFERENCES api_keys(id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sourcing_tracks_brand_idx ON sourcing_tracks (brand_id, effective_from, seq);

CREATE TABLE sourcing_compliance (
  id                bigserial PRIMARY KEY,
  brand_id          uuid NOT NULL REFERENCES brands(id),
  status            text NOT NULL CHECK (status IN ('compliant','non_compliant')),
  effective_date    date NOT NULL,
  reason            text NOT NULL,
  credential        text NOT NULL,
  log_index         bigint NOT NULL,
  created_by_user   uuid REFERENCES users(id),
  created_by_key    uuid REFERENCES api_keys(id),
  recorded_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sourcing_compliance_brand_idx ON sourcing_compliance (brand_id, id);

-- ---------------------------------------------------------------- disclosures
CREATE TABLE disclosures (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq                bigserial NOT NULL UNIQUE,
  org_id             uuid NOT NULL REFERENCES organisations(id),
  level              text NOT NULL CHECK (level IN ('company','asset','brand')),
  brand_id           uuid REFERENCES brands(id),
  asset_name         text,
  topic              text NOT NULL REFERENCES sustainability_topics(code),
  kind               text NOT NULL CHECK (kind IN ('certification','metric','target')),
  title              text NOT NULL,
  standard_code      text REFERENCES sustainability_standards(code),
  value              numeric,
  unit               text,
  period_start       date,
  period_end         date,
  valid_from         date,
  valid_until        date,
  restricted         boolean NOT NULL DEFAULT false,
  auditor_org_id     uuid REFERENCES organisations(id),
  evidence_file_ids  uuid[] NOT NULL DEFAULT '{}',
  content            jsonb NOT NULL,
  content_digest     text NOT NULL,
  credential         text NOT NULL,
  log_index          bigint NOT NULL,
  created_by_user    uuid REFERENCES users(id),
  created_by_key     uuid REFERENCES api_keys(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'brand') = (brand_id IS NOT NULL)),
  CHECK ((level = 'asset') = (asset_name IS NOT NULL)),
  CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX disclosures_org_idx ON disclosures (org_id, seq);
CREATE INDEX disclosures_brand_idx ON disclosures (brand_id, seq);
CREATE INDEX disclosures_topic_idx ON disclosures (topic, seq);

CREATE TABLE disclosure_attestations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  disclosure_id      uuid NOT NULL REFERENCES disclosures(id),
  auditor_org_id     uuid NOT NULL REFERENCES organisations(id),
  statement          text NOT NULL,
  disclosure_digest  text NOT NULL,
  credential         text NOT NULL,
  log_index          bigint NOT NULL,
  created_by_user    uuid REFERENCES users(id),
  created_by_key     uuid REFERENCES api_keys(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (disclosure_id, auditor_org_id)
);

-- ---------------------------------------------------------------- CBAM carbon reports
-- One row per submitted version; a report is (brand, period kind, period start). History is kept.
CREATE TABLE cbam_reports (
  id                                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id                          uuid NOT NULL REFERENCES brands(id),
  period_kind                       text NOT NULL CHECK (period_kind IN ('annual','daily')),
  period_start                      date NOT NULL,
  period_end                        date NOT NULL,
  version                           integer NOT NULL CHECK (version > 0),
  installation                      text NOT NULL,
  installation_country              char(2) NOT NULL,
  production_route                  text NOT NULL CHECK (production_route IN ('primary','secondary','mixed')),
  cn_code                           text NOT NULL,
  direct_tco2e_per_t                numeric NOT NULL CHECK (direct_tco2e_per_t >= 0),
  indirect_tco2e_per_t              numeric NOT NULL CHECK (indirect_tco2e_per_t >= 0),
  electricity_mwh_per_t             numeric NOT NULL CHECK (electricity_mwh_per_t >= 0),
  electricity_factor_tco2e_per_mwh  numeric NOT NULL CHECK (electricity_factor_tco2e_per_mwh >= 0),
  value_type                        text NOT NULL CHECK (value_type IN ('actual','default')),
  methodology                       text NOT NULL,
  verifier                          text,
  verification_status               text NOT NULL CHECK (verification_status IN ('unverified','in_progress','verified')),
  carbon_price_paid                 numeric CHECK (carbon_price_paid >= 0),
  carbon_price_currency             char(3),
  source                            text NOT NULL CHECK (source IN ('json','excel')),
  content                           jsonb NOT NULL,
  content_digest                    text NOT NULL,
  credential                        text NOT NULL,
  log_index                         bigint NOT NULL,
  created_by_user                   uuid REFERENCES users(id),
  created_by_key                    uuid REFERENCES api_keys(id),
  created_at                        timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start),
  UNIQUE (brand_id, period_kind, period_start, version)
);
CREATE INDEX cbam_reports_brand_period_idx ON cbam_reports (brand_id, period_start, period_end);

-- Whether the producer has published a brand's CBAM data (absent: private).
CREATE TABLE cbam_visibility (
  brand_id    uuid PRIMARY KEY REFERENCES brands(id),
  published   boolean NOT NULL,
  credential  text NOT NULL,
  log_index   bigint NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);

-- Explicit, revocable grants of a brand's CBAM data to one organisation.
CREATE TABLE cbam_grants (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id             uuid NOT NULL REFERENCES brands(id),
  grantee_org_id       uuid NOT NULL REFERENCES organisations(id),
  granted_by_org_id    uuid NOT NULL REFERENCES organisations(id),
  reason               text NOT NULL,
  credential           text NOT NULL,
  log_index            bigint NOT NULL,
  granted_at           timestamptz NOT NULL DEFAULT now(),
  revoked_at           timestamptz,
  revoked_by_org_id    uuid REFERENCES organisations(id),
  revoke_reason        text,
  revoke_credential    text,
  revoke_log_index     bigint,
  CHECK ((revoked_at IS NULL) = (revoke_credential IS NULL))
);
CREATE UNIQUE INDEX cbam_grants_active_key ON cbam_grants (brand_id, grantee_org_id) WHERE revoked_at IS NULL;
CREATE INDEX cbam_grants_grantee_idx ON cbam_grants (grantee_org_id) WHERE revoked_at IS NULL;
