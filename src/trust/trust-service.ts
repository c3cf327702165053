import type { AppContext } from '../platform/context.ts';
import { ensureLogKey, jwkOf, registryDid } from './keys-service.ts';
import { issuerKeys, type SigningKeyRow } from './keys-repo.ts';
import { encodeVerifierKey } from './note.ts';
import { emptyBitstring, encodeList } from './status-list.ts';
import { LIST_SIZE, statusListUrl } from './status-service.ts';
import type { TrustBundle, TrustedIssuerKey } from './trust.ts';
import { listWitnesses } from './witness-service.ts';

/** An issuer key as a trust bundle lists it. */
export const trustedIssuer = (k: SigningKeyRow, orgName: string): TrustedIssuerKey => ({
  kid: k.kid,
  orgId: k.org_id!,
  orgName,
  did: k.name,
  publicKeyJwk: jwkOf(k),
  validFrom: k.valid_from.toISOString(),
  validUntil: k.valid_until ? k.valid_until.toISOString() : null,
});

/** The log's origin and verifier key, and the registered witnesses. */
export async function logAndWitnesses(ctx: AppContext): Promise<Pick<TrustBundle, 'log' | 'witnesses'>> {
  const logKey = await ensureLogKey(ctx);
  return {
    log: { origin: logKey.name, verifierKey: encodeVerifierKey(logKey.name, logKey.publicKey) },
    witnesses: await listWitnesses(ctx),
  };
}

/** Everything a verifier needs, as of now: what `assay trust export` writes and `GET /api/v1/trust` serves. */
export async function buildTrustBundle(ctx: AppContext): Promise<TrustBundle> {
  const keys = await issuerKeys(ctx.db);
  const lists = await ctx.db.query<{ org_id: string; list_no: number; bits: Buffer; updated_at: Date }>(
    `SELECT org_id, list_no, bits, updated_at FROM status_lists ORDER BY org_id, list_no`,
  );
  // Issuers that have allocated indices but never revoked anything have all-zero lists.
  const allocations = await ctx.db.query<{ org_id: string; next_index: number }>(`SELECT org_id, next_index FROM status_allocations`);
  const have = new Set(lists.rows.map((l) => `${l.org_id}/${l.list_no}`));
  const empty = encodeList(emptyBitstring(LIST_SIZE));
  const exportedAt = ctx.now().toISOString();
  const statusLists = lists.rows.map((l) => ({
    url: statusListUrl(ctx.config.publicUrl, l.org_id, l.list_no),
    encodedList: encodeList(new Uint8Array(l.bits)),
    asOf: exportedAt,
  }));
  for (const a of allocations.rows) {
    for (let n = 0; n * LIST_SIZE < a.next_index; n++) {
      if (!have.has(`${a.org_id}/${n}`)) statusLists.push({ url: statusListUrl(ctx.config.publicUrl, a.org_id, n), encodedList: empty, asOf: exportedAt });
    }
  }
  return {
    format: 'assay-trust/1',
    exportedAt,
    registry: { did: registryDid(ctx), publicUrl: ctx.config.publicUrl },
    ...(await logAndWitnesses(ctx)),
    issuers: keys.map((k) => trustedIssuer(k, k.org_name)),
    statusLists,
  };
}
