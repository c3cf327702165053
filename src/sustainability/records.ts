// How the sustainability records appear in the transparency log and in their credentials: the log
// subject types and kinds, the VC types and credential ids, and the records whose digests the log
// holds. The services write with these and trust.ts recomputes them from the database. Pure.

/** Log subject types. A compliance ruling is its own record (subject id: the brand it rules on). */
export const SUBJECT = {
  reference: 'sustainability_reference',
  evidence: 'evidence_file',
  track: 'sourcing_track',
  ruling: 'sourcing_ruling',
  disclosure: 'disclosure',
  attestation: 'disclosure_attestation',
} as const;

export const KIND = {
  reference: 'sustainability_reference.updated',
  evidence: 'evidence.uploaded',
  track: 'sourcing.track_recorded',
  ruling: 'sourcing.compliance_changed',
  disclosure: 'disclosure.filed',
  attestation: 'disclosure.attested',
} as const;

/**
 * Before rulings had a subject type of their own they were logged under the brand they rule on
 * (subject type `brand`, this kind); databases of that time still hold such entries.
 */
export const LEGACY_RULING = { subjectType: 'brand', kind: KIND.ruling } as const;

/** Credential types (after VerifiableCredential). */
export const VC_TYPE = {
  track: 'ResponsibleSourcingTrack',
  ruling: 'ResponsibleSourcingCompliance',
  disclosure: 'SustainabilityDisclosure',
  attestation: 'DisclosureAttestation',
} as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const trackCredentialId = (trackId: string): string => `urn:assay:sourcing-track:${trackId}`;
export const rulingCredentialId = (brandId: string, version: number): string => `urn:assay:sourcing-compliance:${brandId}:v${version}`;
export const disclosureCredentialId = (disclosureId: string): string => `urn:assay:disclosure:${disclosureId}`;
export const attestationCredentialId = (attestationId: string): string => `urn:assay:attestation:${attestationId}`;

/** A credential id of one of these forms: the record's id and version (records filed once are version 1). */
export type IdParser = (id: unknown) => { subjectId: string; version: number } | null;

const once =
  (prefix: string): IdParser =>
  (id) => {
    const m = typeof id === 'string' ? new RegExp(`^urn:assay:${prefix}:(${UUID})$`).exec(id) : null;
    return m ? { subjectId: m[1]!, version: 1 } : null;
  };

export const parseTrackCredentialId = once('sourcing-track');
export const parseDisclosureCredentialId = once('disclosure');
export const parseAttestationCredentialId = once('attestation');
export const parseRulingCredentialId: IdParser = (id) => {
  const m = typeof id === 'string' ? new RegExp(`^urn:assay:sourcing-compliance:(${UUID}):v([1-9][0-9]{0,8})$`).exec(id) : null;
  return m ? { subjectId: m[1]!, version: Number(m[2]) } : null;
};

/** An uploaded evidence file as its log entry commits to it: who uploaded what, and the file's SHA-256. */
export function evidenceRecord(e: { id: string; org_id: string; filename: string; media_type: string; size_bytes: number; sha256: string }) {
  return {
    schema: 'assay.evidence-file/1',
    id: e.id,
    organisation: e.org_id,
    filename: e.filename,
    mediaType: e.media_type,
    sizeBytes: e.size_bytes,
    sha256: e.sha256,
  };
}

/** The file's own digest: what the trail records, and what evidence entries logged before evidenceRecord existed commit to. */
export const fileDigest = (sha256Hex: string): string => `sha256:${sha256Hex}`;
