import type { AppContext } from '../platform/context.ts';
import { orgDid, type SigningKey } from '../trust/keys-service.ts';
import { appendEntries } from '../trust/log-service.ts';
import { digestBytes, type LogKind } from '../trust/trust.ts';
import { buildCredential, signCredentialJwt } from '../trust/vc.ts';
import type { Queryable } from '../platform/db.ts';

// Every sustainability record is a W3C VC signed (vc+jwt, Ed25519) by the organisation that makes
// the statement, and the log commits to the exact JWT bytes, like an issued certificate.

export interface SignAndLog {
  key: SigningKey;
  orgId: string;
  kind: LogKind;
  subjectType: string;
  subjectId: string;
  version: number | null;
  /** Credential type after VerifiableCredential, e.g. CbamEmissionsReport. */
  type: string;
  /** urn of the credential (unique per version). */
  id: string;
  subject: Record<string, unknown>;
  validFrom: string;
  validUntil?: string;
}

/** Signs the record as the organisation and appends its log entry; call inside the writing transaction. */
export async function signAndLog(ctx: AppContext, tx: Queryable, s: SignAndLog): Promise<{ credential: string; logIndex: number }> {
  const vc = buildCredential({
    id: s.id,
    types: [s.type],
    issuer: orgDid(ctx, s.orgId),
    validFrom: s.validFrom,
    ...(s.validUntil ? { validUntil: s.validUntil } : {}),
    subject: s.subject,
  });
  const credential = await signCredentialJwt(vc, { privateKey: s.key.privateKey, kid: s.key.kid });
  const [logIndex] = await appendEntries(ctx, tx, [
    { kind: s.kind, subjectType: s.subjectType, subjectId: s.subjectId, version: s.version, payloadDigest: digestBytes(credential) },
  ]);
  return { credential, logIndex: logIndex! };
}
