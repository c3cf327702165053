-- Who else may read a certificate in full, and why: beside its producer and the exchange, the
-- organisations a record of another module entitles (the holder of a live warrant over its metal,
-- the warehouse storing it). Each grant names its source; ending the source ends the grant. Grants
-- are never deleted: ended_at records when the entitlement stopped.
CREATE TABLE certificate_readers (
  certificate_id  uuid NOT NULL REFERENCES certificates(id),
  org_id          uuid NOT NULL REFERENCES organisations(id),
  source_type     text NOT NULL,
  source_id       text NOT NULL,
  granted_at      timestamptz NOT NULL DEFAULT now(),
  ended_at        timestamptz,
  PRIMARY KEY (certificate_id, org_id, source_type, source_id)
);
CREATE INDEX certificate_readers_live_org ON certificate_readers (org_id, certificate_id) WHERE ended_at IS NULL;
CREATE INDEX certificate_readers_live_source ON certificate_readers (source_type, source_id) WHERE ended_at IS NULL;
