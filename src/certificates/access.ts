import type { Principal } from '../access/principal.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import * as repo from './repo.ts';

// Who may read a certificate in full (content, PCR, chemistry, credential): its producer, the
// exchange, and every organisation another module entitled through a reader grant (the holder of a
// live warrant over its metal, the warehouse storing it). Everyone else sees the minimal
// verification view, and nothing of a rejected certificate. This is the one place the rule lives;
// other modules call it, and add or end grants through grantReaders / endReaders.

export type Certificate = repo.CertificateRow;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A certificate number as people type it: any case, spaces, with or without the dash (or another
 * dash, a dot, an underscore) or the leading zeros, in full-width characters from a Chinese input
 * method ("as-123", "AS 0000 000 123", "ＡＳ－１２３") all mean AS-0000000123.
 */
export function normaliseNumber(input: string): string {
  const s = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const m = /^AS[-\u2010-\u2015\u2212_.]?(\d{1,10})$/.exec(s);
  return m ? `AS-${m[1]!.padStart(10, '0')}` : s;
}

/** The ids of these certificates the caller may read in full. */
export async function fullyReadable(q: Queryable, p: Principal, cs: readonly Pick<Certificate, 'id' | 'producer_org_id'>[]): Promise<Set<string>> {
  if (p.type === 'anonymous' || cs.length === 0) return new Set();
  if (p.orgKind === 'exchange') return new Set(cs.map((c) => c.id));
  const out = new Set(cs.filter((c) => c.producer_org_id === p.orgId).map((c) => c.id));
  const rest = cs.filter((c) => !out.has(c.id)).map((c) => c.id);
  if (rest.length > 0) for (const id of await repo.grantedAmong(q, p.orgId, rest)) out.add(id);
  return out;
}

export async function canReadFully(q: Queryable, p: Principal, c: Pick<Certificate, 'id' | 'producer_org_id'>): Promise<boolean> {
  return (await fullyReadable(q, p, [c])).has(c.id);
}

const refusedFull = (p: Principal): AppError =>
  p.type === 'anonymous'
    ? new AppError('unauthenticated', 'Sign in to see the full certificate')
    : forbidden('The full certificate is for its producer, the exchange and the holders and warehouses of its metal');

/**
 * The certificate a caller names (by id or by number), with whether the caller reads it in full.
 * Unknown, and rejected for those who may not read it in full, are the same 404. With `full`, a
 * caller who may only see the minimal view is refused (401 anonymous, 403 otherwise).
 */
export async function requireCertificate(
  ctx: AppContext,
  p: Principal,
  idOrNumber: string,
  mode: 'view' | 'full',
): Promise<{ certificate: Certificate; full: boolean }> {
  const c = UUID.test(idOrNumber) ? await repo.getCertificate(ctx.db, idOrNumber) : await repo.getByNumber(ctx.db, normaliseNumber(idOrNumber));
  if (!c) throw notFound('Certificate');
  const full = await canReadFully(ctx.db, p, c);
  if (!full && c.status === 'rejected') throw notFound('Certificate');
  if (mode === 'full' && !full) throw refusedFull(p);
  return { certificate: c, full };
}

/** Entitles an organisation to read certificates in full, because of `source` (call inside its transaction). */
export const grantReaders = (tx: Queryable, g: { certificateIds: readonly string[]; orgId: string; source: { type: string; id: string } }) =>
  repo.insertReaders(tx, g);

/** Ends every grant a source gave (a warrant transferred, loaded out or cancelled). */
export const endReaders = (tx: Queryable, source: { type: string; id: string }, orgId?: string) => repo.endReaders(tx, source, orgId);

/**
 * Brands whose metal the organisation holds or stores (a live reader grant over one of their
 * certificates): the exchange's rule gives the legal owner of the metal, and the warehouse holding
 * it, the brand's CBAM data.
 */
export const brandsOfMetalHeldBy = (q: Queryable, orgId: string, brandId?: string): Promise<string[]> => repo.brandsReadBy(q, orgId, brandId);
