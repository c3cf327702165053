-- Fewer bytes per certificate (issue #20, "bulk path, fewer bytes").
--
-- 1. A certificate version's signed credential (vc+jwt) is no longer stored whole: its payload is
--    the RFC 8785 canonical JSON of a credential built from the version's content, so only what
--    cannot be derived from the content is kept: the Ed25519 signature (64 bytes), the status index,
--    and a reference to the frame it was signed in (the JWS protected header as signed, the public
--    URL of its status list and subject schema, and the issuer DID), which is shared by every
--    credential one key signed under one public URL. src/certificates/credential.ts rebuilds the
--    JWS byte for byte on read; the audit compares the rebuilt bytes with what the log committed to.
--    A credential that the rebuild would not reproduce (any field other than the derived ones) keeps
--    its text in `credential`, which is otherwise NULL from now on.
-- 2. The log's payload-digest index, used only for equality look-ups, becomes a hash index
--    (about a fifth of the B-tree's size over 71-byte digests).

CREATE TABLE credential_frames (
  id                serial PRIMARY KEY,
  protected_header  text NOT NULL,   -- the JWS protected header segment (base64url) exactly as signed
  public_url        text NOT NULL,   -- base of the status list and subject schema URLs in the payload
  issuer            text NOT NULL,   -- the credential's issuer (the producer's did:web)
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (protected_header, public_url, issuer)
);

ALTER TABLE certificate_versions ADD COLUMN jws_frame integer;
ALTER TABLE certificate_versions ADD COLUMN jws_signature bytea;
ALTER TABLE certificate_versions ADD COLUMN status_index bigint;

-- Existing credentials: split those whose payload is exactly the credential the code builds from
-- the version's content (compared as JSON, member by member); keep any other whole.
CREATE TEMPORARY TABLE credential_split ON COMMIT DROP AS
SELECT s.certificate_id, s.version, s.header, s.payload, s.signature, s.sig_segment,
       regexp_replace(s.payload #>> '{credentialSchema,id}', '/schemas/certificate-subject/v1\.json$', '') AS public_url,
       s.payload ->> 'issuer' AS issuer,
       CASE WHEN s.payload #>> '{credentialStatus,statusListIndex}' ~ '^[0-9]{1,15}$'
            THEN (s.payload #>> '{credentialStatus,statusListIndex}')::bigint END AS status_index,
       s.content
  FROM (
    SELECT v.certificate_id, v.version, v.content,
           split_part(v.credential, '.', 1) AS header,
           split_part(v.credential, '.', 3) AS sig_segment,
           convert_from(decode(rpad(translate(split_part(v.credential, '.', 2), '-_', '+/'),
                                    ((length(split_part(v.credential, '.', 2)) + 3) / 4) * 4, '='), 'base64'), 'UTF8')::jsonb AS payload,
           decode(rpad(translate(split_part(v.credential, '.', 3), '-_', '+/'), 88, '='), 'base64') AS signature
      FROM certificate_versions v
     WHERE v.credential ~ '^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$'
  ) s;

ALTER TABLE credential_split ADD COLUMN rebuilds boolean;
UPDATE credential_split s SET rebuilds = (
      s.status_index IS NOT NULL
  AND s.payload #>> '{credentialSchema,id}' LIKE '%/schemas/certificate-subject/v1.json'
  AND s.content ->> 'pcr' ~ '^[A-Za-z0-9_.!~*''()-]*$'   -- written unescaped by encodeURIComponent
  AND rtrim(translate(replace(encode(s.signature, 'base64'), E'\n', ''), '+/', '-_'), '=') = s.sig_segment
  AND s.payload = jsonb_build_object(
        '@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
        'credentialSchema', jsonb_build_object('id', s.public_url || '/schemas/certificate-subject/v1.json', 'type', 'JsonSchema'),
        'credentialStatus', jsonb_build_object(
            'id', s.public_url || '/status/' || (s.content #>> '{producer,id}') || '/revocation/' || (s.status_index / 131072) || '#' || s.status_index,
            'statusListCredential', s.public_url || '/status/' || (s.content #>> '{producer,id}') || '/revocation/' || (s.status_index / 131072),
            'statusListIndex', s.status_index::text,
            'statusPurpose', 'revocation',
            'type', 'BitstringStatusListEntry'),
        'credentialSubject', jsonb_build_object('id', 'urn:assay:cast:' || (s.content #>> '{brand,code}') || ':' || (s.content ->> 'pcr')) || s.content,
        'id', 'urn:assay:certificate:' || s.certificate_id || ':v' || s.version,
        'issuer', s.issuer,
        'type', jsonb_build_array('VerifiableCredential', 'CertificateOfAnalysis'),
        'validFrom', s.content ->> 'issuedAt'));

INSERT INTO credential_frames (protected_header, public_url, issuer)
SELECT DISTINCT header, public_url, issuer FROM credential_split WHERE rebuilds
ON CONFLICT (protected_header, public_url, issuer) DO NOTHING;

UPDATE certificate_versions v
   SET jws_frame = f.id, jws_signature = s.signature, status_index = s.status_index, credential = NULL
  FROM credential_split s
  JOIN credential_frames f ON f.protected_header = s.header AND f.public_url = s.public_url AND f.issuer = s.issuer
 WHERE s.rebuilds AND v.certificate_id = s.certificate_id AND v.version = s.version;

-- The pieces come together or not at all, and never beside a whole credential.
ALTER TABLE certificate_versions ADD CONSTRAINT certificate_versions_credential_pieces CHECK (
  (jws_frame IS NULL) = (jws_signature IS NULL) AND (jws_signature IS NULL OR (status_index IS NOT NULL AND credential IS NULL)));

DROP INDEX log_entries_payload_idx;
CREATE INDEX log_entries_payload_idx ON log_entries USING hash (payload_digest);

-- 3. A log entry whose leaf bytes are exactly the canonical JSON its own columns make (every entry
--    the code writes) stores no copy of them: `entry` is NULL and src/trust/log-repo.ts rebuilds
--    the bytes from the columns, so a changed column changes the leaf hash the audit checks. An
--    entry whose bytes differ keeps them.
ALTER TABLE log_entries ALTER COLUMN entry DROP NOT NULL;
UPDATE log_entries SET entry = NULL
 WHERE entry = convert_to(
   '{"kind":' || to_json(kind)::text ||
   ',"payloadDigest":' || to_json(payload_digest)::text ||
   ',"subjectId":' || to_json(subject_id)::text ||
   ',"subjectType":' || to_json(subject_type)::text ||
   ',"time":"' || to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"' ||
   ',"version":' || coalesce(version::text, 'null') || '}', 'UTF8');

-- 4. Indexes, each as small as its look-ups allow:
--    - one index on a certificate's brand + PCR instead of two: unique over the live certificate
--      (rejected ones carry their own seq in the key, so they never collide) and serving every
--      look-up by brand + PCR through its first two columns. Same name as the partial unique index
--      it replaces, so a PCR conflict is still reported under certificates_brand_pcr_live.
--    - no unique index on the generated number: it is the seq, which has one (getByNumber reads by seq).
--    - the subject look-ups of the log and the audit trail are equality on the subject id: hash indexes.
DROP INDEX certificates_brand_pcr_live;
DROP INDEX certificates_brand_pcr_idx;
CREATE UNIQUE INDEX certificates_brand_pcr_live ON certificates (brand_id, pcr, (CASE WHEN status = 'rejected' THEN seq ELSE 0 END));
DROP INDEX certificates_number_key;
DROP INDEX log_entries_subject_idx;
CREATE INDEX log_entries_subject_idx ON log_entries USING hash (subject_id);
DROP INDEX audit_events_subject_idx;
CREATE INDEX audit_events_subject_idx ON audit_events USING hash (subject_id);
