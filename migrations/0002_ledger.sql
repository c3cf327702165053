-- Trust layer: signing keys, the transparency log, checkpoints, witness cosignatures, status lists.

CREATE TABLE signing_keys (
  kid                  text PRIMARY KEY,
  org_id               uuid REFERENCES organisations(id),            -- null: the registry's own keys
  purpose              text NOT NULL CHECK (purpose IN ('issuer','log')),
  name                 text NOT NULL,                                 -- DID for issuer keys, note key name (= log origin) for the log key
  public_key           bytea NOT NULL,
  private_key_wrapped  bytea NOT NULL,                                -- encrypted under the master key (see ledger/keystore.ts)
  wrapper_id           text NOT NULL,
  valid_from           timestamptz NOT NULL,
  valid_until          timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now()
);
-- At most one active key per organisation and purpose (registry keys use the nil uuid).
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys
  (coalesce(org_id, '00000000-0000-0000-0000-000000000000'::uuid), purpose) WHERE valid_until IS NULL;

-- One row: the log's size and its frontier (roots of the perfect subtrees, 32 bytes each).
-- Appending transactions lock it, which sequences appends across requests and processes.
CREATE TABLE log_head (
  id        integer PRIMARY KEY CHECK (id = 1),
  size      bigint NOT NULL,
  frontier  bytea NOT NULL
);
INSERT INTO log_head (id, size, frontier) VALUES (1, 0, ''::bytea);

CREATE TABLE log_entries (
  idx             bigint PRIMARY KEY,
  kind            text NOT NULL,
  subject_type    text NOT NULL,
  subject_id      text NOT NULL,
  version         integer,
  payload_digest  text NOT NULL,
  entry           bytea NOT NULL,          -- RFC 8785 canonical JSON of the leaf (ledger/trust.ts LogEntry)
  leaf_hash       bytea NOT NULL,
  recorded_at     timestamptz NOT NULL
);
CREATE INDEX log_entries_subject_idx ON log_entries (subject_type, subject_id, idx);
CREATE INDEX log_entries_payload_idx ON log_entries (payload_digest);

-- Completed perfect-subtree hashes at tile levels (8, 16, …): enough to serve C2SP tiles and
-- proofs without rereading every leaf. Level 0 hashes are log_entries.leaf_hash.
CREATE TABLE log_nodes (
  level  smallint NOT NULL,
  idx    bigint NOT NULL,
  hash   bytea NOT NULL,
  PRIMARY KEY (level, idx)
);

CREATE TABLE log_checkpoints (
  size        bigint PRIMARY KEY,
  root_hash   bytea NOT NULL,
  note        text NOT NULL,               -- the signed C2SP checkpoint note
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE witnesses (
  name          text PRIMARY KEY,
  verifier_key  text NOT NULL,             -- C2SP cosignature/v1 vkey
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE log_cosignatures (
  size            bigint NOT NULL REFERENCES log_checkpoints(size),
  witness         text NOT NULL REFERENCES witnesses(name),
  signature_line  text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (size, witness)
);

-- Bitstring status lists (revocation), one or more per issuing organisation.
CREATE TABLE status_lists (
  org_id      uuid NOT NULL REFERENCES organisations(id),
  list_no     integer NOT NULL,
  bits        bytea NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, list_no)
);
CREATE TABLE status_allocations (
  org_id      uuid PRIMARY KEY REFERENCES organisations(id),
  next_index  bigint NOT NULL
);

ALTER TABLE certificates ADD COLUMN status_index bigint;
ALTER TABLE certificate_versions ADD COLUMN credential text;
ALTER TABLE certificate_versions ADD COLUMN log_index bigint;
