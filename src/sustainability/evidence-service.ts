import { randomUUID } from 'node:crypto';
import { actorOf, type Authenticated, type Principal } from '../access/principal.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, notFound, type ErrorDetail } from '../platform/errors.ts';
import { sha256Hex } from '../trust/canonical.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import * as repo from './evidence-repo.ts';
import { evidenceRecord, KIND, fileDigest, SUBJECT } from './records.ts';
import { bad } from './service-common.ts';
import { canSeeRestricted } from './visibility.ts';

// Evidence files: producers upload them (kept with their SHA-256, logged); disclosures and tracks
// cite them; whoever may see a citing item may download the file.

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export function evidenceView(e: repo.EvidenceMeta) {
  return { id: e.id, filename: e.filename, mediaType: e.media_type, sizeBytes: e.size_bytes, sha256: e.sha256, uploadedAt: e.created_at.toISOString() };
}

export async function uploadEvidence(ctx: AppContext, p: Authenticated, input: { filename: string; mediaType: string; contentBase64: string }) {
  if (p.orgKind !== 'producer') throw forbidden('Only producers upload evidence');
  const text = input.contentBase64.replace(/\s+/g, '');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) {
    throw bad('The file is not valid base64', [{ path: 'body.contentBase64', message: 'is not valid base64' }]);
  }
  if (bytes.length === 0) throw bad('The file is empty', [{ path: 'body.contentBase64', message: 'is empty' }]);
  if (bytes.length > MAX_EVIDENCE_BYTES) throw new AppError('payload_too_large', `Evidence files are limited to ${MAX_EVIDENCE_BYTES} bytes`);
  const sha256 = sha256Hex(bytes);
  const id = randomUUID();
  const actor = actorOf(p);
  const meta = await ctx.db.transaction(async (tx) => {
    const { logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.evidence, subjectType: SUBJECT.evidence, subjectId: id, version: null },
      payload: { record: evidenceRecord({ id, org_id: p.orgId, filename: input.filename, media_type: input.mediaType, size_bytes: bytes.length, sha256 }) },
      event: { actor, digestAfter: fileDigest(sha256), details: { filename: input.filename, size: bytes.length } },
    });
    return repo.insertEvidence(tx, { id, orgId: p.orgId, filename: input.filename, mediaType: input.mediaType, sha256, bytes, logIndex, userId: actor.userId, apiKeyId: actor.apiKeyId });
  });
  return evidenceView(meta);
}

/** An evidence file is readable by its uploader and the exchange, and by anyone who may see an item citing it. */
export async function downloadEvidence(ctx: AppContext, p: Principal, id: string) {
  const file = await repo.getEvidence(ctx.db, id);
  if (!file) throw notFound('Evidence file');
  if (p.type !== 'anonymous' && (p.orgKind === 'exchange' || p.orgId === file.org_id)) return file;
  const citations = await repo.evidenceCitations(ctx.db, id);
  const visible = citations.some((c) => !c.restricted || canSeeRestricted(p, { orgId: c.org_id, auditorOrgId: c.auditor_org_id }));
  // Evidence behind restricted items only is not announced either: the same 404 as an unknown id.
  if (!visible) throw notFound('Evidence file');
  return file;
}

/** Evidence files cited by a request: each must exist and belong to the citing organisation. */
export async function checkEvidence(ctx: AppContext, orgId: string, ids: string[], path: string): Promise<{ problems: ErrorDetail[]; files: repo.EvidenceMeta[] }> {
  const files = await repo.evidenceMeta(ctx.db, ids);
  const problems: ErrorDetail[] = [];
  ids.forEach((id, i) => {
    const f = files.find((x) => x.id === id);
    if (!f || f.org_id !== orgId) problems.push({ path: `${path}.${i}`, message: 'no such evidence file of your organisation' });
  });
  return { problems, files };
}

/** How a signed record cites its evidence: id, filename and SHA-256. */
export const evidenceRefs = (files: repo.EvidenceMeta[], ids: string[]) =>
  ids.map((id) => {
    const f = files.find((x) => x.id === id)!;
    return { id, filename: f.filename, sha256: f.sha256 };
  });
