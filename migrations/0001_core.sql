-- Organisations, users, sessions, API keys, contract specs, brands, certificates, audit trail.

CREATE TABLE organisations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE,
  kind        text NOT NULL CHECK (kind IN ('exchange','producer','warehouse','trader','lender','end_user','auditor')),
  country     char(2),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id         uuid NOT NULL REFERENCES organisations(id),
  email          text NOT NULL,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin','member','viewer')),
  password_hash  text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled_at    timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org_idx ON users (org_id);

CREATE TABLE invitations (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz
);

CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_keys (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id        uuid NOT NULL REFERENCES organisations(id),
  name          text NOT NULL,
  prefix        text NOT NULL UNIQUE,
  secret_hash   text NOT NULL,
  scopes        text[] NOT NULL,
  created_by    uuid REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id);

CREATE TABLE contract_specs (
  metal           text NOT NULL,
  version         integer NOT NULL CHECK (version > 0),
  effective_from  date NOT NULL,
  spec            jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid REFERENCES users(id),
  PRIMARY KEY (metal, version)
);

CREATE TABLE brands (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                text NOT NULL UNIQUE,
  name                text NOT NULL,
  metal               text NOT NULL,
  producer_org_id     uuid NOT NULL REFERENCES organisations(id),
  plant_name          text NOT NULL,
  plant_country       char(2) NOT NULL,
  shapes              text[] NOT NULL,
  annual_capacity_t   numeric(14,3),
  status              text NOT NULL CHECK (status IN ('listed','suspended','delisted')),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
-- One brand per plant and metal.
CREATE UNIQUE INDEX brands_plant_metal_key ON brands (producer_org_id, lower(plant_name), metal);
CREATE INDEX brands_producer_idx ON brands (producer_org_id);
CREATE INDEX brands_metal_idx ON brands (metal);

CREATE TABLE brand_status_history (
  id              bigserial PRIMARY KEY,
  brand_id        uuid NOT NULL REFERENCES brands(id),
  status          text NOT NULL CHECK (status IN ('listed','suspended','delisted')),
  effective_date  date NOT NULL,
  reason          text NOT NULL,
  actor_user_id   uuid REFERENCES users(id),
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX brand_status_history_brand_idx ON brand_status_history (brand_id, id);

CREATE TABLE certificates (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq                        bigserial NOT NULL UNIQUE,
  number                     text GENERATED ALWAYS AS ('AS-' || lpad(seq::text, 10, '0')) STORED,
  brand_id                   uuid NOT NULL REFERENCES brands(id),
  pcr                        text NOT NULL,
  metal                      text NOT NULL,
  producer_org_id            uuid NOT NULL REFERENCES organisations(id),
  status                     text NOT NULL CHECK (status IN ('issued','rejected','revoked')),
  current_version            integer NOT NULL,
  production_date            date NOT NULL,
  origin_country             char(2) NOT NULL,
  warrant_eligible           boolean NOT NULL,
  content_digest             text NOT NULL,
  status_reason              text,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);
-- One live certificate per brand + PCR; rejected submissions do not hold the PCR so they can be resubmitted.
CREATE UNIQUE INDEX certificates_brand_pcr_live ON certificates (brand_id, pcr) WHERE status <> 'rejected';
CREATE INDEX certificates_brand_pcr_idx ON certificates (brand_id, pcr);
CREATE INDEX certificates_producer_idx ON certificates (producer_org_id, seq);
CREATE INDEX certificates_metal_idx ON certificates (metal, seq);
CREATE INDEX certificates_production_date_idx ON certificates (production_date);
CREATE UNIQUE INDEX certificates_number_key ON certificates (number);

CREATE TABLE certificate_versions (
  certificate_id    uuid NOT NULL REFERENCES certificates(id),
  version           integer NOT NULL CHECK (version > 0),
  content           jsonb NOT NULL,
  content_digest    text NOT NULL,
  verdict           text NOT NULL CHECK (verdict IN ('conforming','non_conforming')),
  evaluation        jsonb NOT NULL,
  amendment_reason  text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  created_by_user   uuid REFERENCES users(id),
  created_by_key    uuid REFERENCES api_keys(id),
  PRIMARY KEY (certificate_id, version)
);

-- Append-only audit trail. The database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_events (
  id               bigserial PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT now(),
  actor_user_id    uuid,
  actor_api_key_id uuid,
  org_id           uuid,
  action           text NOT NULL,
  subject_type     text NOT NULL,
  subject_id       text NOT NULL,
  digest_before    text,
  digest_after     text,
  details          jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id);
CREATE INDEX audit_events_org_idx ON audit_events (org_id, id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
