import type { AppContext } from '../app/context.ts';
import { statusListUrl } from '../certificates/credential.ts';
import { ensureLogKey, jwkOf, registryDid } from './keys-service.ts';
import { issuerKeys } from './keys-repo.ts';
import { encodeVerifierKey } from './note.ts';
import { emptyBitstring, encodeList } from './status-list.ts';
import { LIST_SIZE } from './status-service.ts';
import type { TrustBundle } from './trust.ts';

/** Everything a verifier needs, as of now: what `assay trust export` writes and `GET /api/v1/trust` serves. */
export async function buildTrustBundle(ctx: AppContext): Promise<TrustBundle> {
  const logKey = await ensureLogKey(ctx);
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
  const witnesses = await ctx.db.query<{ name: string; verifier_key: string }>(`SELECT name, verifier_key FROM witnesses ORDER BY name`);
  return {
    format: 'assay-trust/1',
    exportedAt,
    registry: { did: registryDid(ctx), publicUrl: ctx.config.publicUrl },
    log: { origin: logKey.name, verifierKey: encodeVerifierKey(logKey.name, logKey.publicKey) },
    witnesses: witnesses.rows.map((w) => ({ name: w.name, verifierKey: w.verifier_key })),
    issuers: keys.map((k) => ({
      kid: k.kid,
      orgId: k.org_id!,
      orgName: k.org_name,
      did: k.name,
      publicKeyJwk: jwkOf(k),
      validFrom: k.valid_from.toISOString(),
      validUntil: k.valid_until ? k.valid_until.toISOString() : null,
    })),
    statusLists,
  };
}
