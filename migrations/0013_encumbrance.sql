-- Authenticated maps (trust/sparse-merkle.ts, trust/map-service.ts): sparse Merkle trees over
-- 256-bit keys whose roots every checkpoint commits to (an extension line `<name> <base64 root>`).
-- The first and only map so far is `encumbrance`: asset id → its encumbrance state (issue #19).
-- Every change is a log entry `<name>.set`, made in the transaction that changes the map, with
-- the log head locked first, so changes are sequenced by the log and the root at any log size is
-- well defined. docs/ENCUMBRANCE.md describes the tree, the proofs and why the storage is shaped so.

-- One row per map: its current root, top slot and size.
CREATE TABLE map_heads (
  id         smallint PRIMARY KEY,
  name       text NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9_-]*$'),
  root       bytea NOT NULL,
  top        bytea,                       -- the top slot (66 bytes, sparse-merkle.ts encodeSlot); null while empty
  size       bigint NOT NULL DEFAULT 0,   -- keys in the map
  max_depth  smallint NOT NULL DEFAULT 0  -- deepest branch ever written: proofs probe depths 0..max_depth
);
-- The empty map's root: E[256] (docs/ENCUMBRANCE.md).
INSERT INTO map_heads (id, name, root) VALUES (1, 'encumbrance', '\x9b97517f25140762b9e187bae23a31ab78a4230354dece720bbbefcfce8de5a0');

-- The branches of each tree (positions where both subtrees hold keys), by path. `id` is the
-- branch's path bits (its length is the depth), so the branches on a key's path are the rows whose
-- id is a prefix of the key: one index probe per depth, all in one statement. Each row carries
-- both child slots (a lifted leaf's key and value, or a child branch's depth, path and hash), so a
-- proof needs nothing but these rows.
CREATE TABLE map_nodes (
  map         smallint NOT NULL REFERENCES map_heads(id),
  id          varbit NOT NULL,
  left_slot   bytea NOT NULL,
  right_slot  bytea NOT NULL,
  PRIMARY KEY (map, id)
);

-- The map's current entries: key = SHA-256(subject), value = SHA-256(RFC 8785 canonical record).
CREATE TABLE map_leaves (
  map        smallint NOT NULL REFERENCES map_heads(id),
  key        bytea NOT NULL,
  subject    text NOT NULL,
  record     jsonb NOT NULL,
  log_index  bigint NOT NULL,               -- the log entry of the change that set it
  PRIMARY KEY (map, key)
);

-- Every change, in log order, with the root after it: `assay audit` replays them, checks each
-- against its log entry and each checkpoint's extension line against the root at its size.
CREATE TABLE map_changes (
  map        smallint NOT NULL REFERENCES map_heads(id),
  log_index  bigint NOT NULL,
  subject    text NOT NULL,
  record     jsonb,                          -- null: the subject was removed from the map
  root       bytea NOT NULL,
  PRIMARY KEY (map, log_index)
);
