import { canonicalBytes, digestOf } from './canonical.ts';
import { keyRecord } from './keys-service.ts';
import type { AuditCheck, TrustRegistry } from './registry.ts';
import { statusListRecord } from './status-service.ts';
import { digestBytes } from './trust.ts';

// The kernel's own record types: signing keys and status lists.

export const signingKeyCheck: AuditCheck = {
  subjectType: 'signing_key',
  kinds: ['key.created', 'key.rotated'],
  noun: 'signing key',
  async run(ctx, logged, r) {
    const keys = (
      await ctx.db.query<{ kid: string; org_id: string | null; purpose: string; public_key: Buffer; valid_from: Date }>(
        `SELECT kid, org_id, purpose, public_key, valid_from FROM signing_keys`,
      )
    ).rows;
    for (const k of keys) {
      const entry = logged.get(k.kid)?.[0];
      const rec = keyRecord({ kid: k.kid, orgId: k.org_id, purpose: k.purpose, publicKey: k.public_key, validFrom: k.valid_from });
      // A rotation's record also names the key it replaced (or none): one of the organisation's others.
      const replaced = [null, ...keys.filter((o) => o.kid !== k.kid && o.org_id === k.org_id && o.purpose === k.purpose).map((o) => o.kid)];
      const ok =
        entry &&
        (entry.kind === 'key.rotated'
          ? replaced.some((x) => entry.digest === digestBytes(canonicalBytes({ ...rec, replaces: x })))
          : entry.digest === digestBytes(canonicalBytes(rec)));
      if (!ok) r.find('key_changed', `key ${k.kid}`, `Signing key ${k.kid} is not logged as it is now`);
    }
    return { checked: keys.length, present: new Set(keys.map((k) => k.kid)) };
  },
};

export const statusListCheck: AuditCheck = {
  subjectType: 'status_list',
  kinds: ['status_list.updated'],
  noun: 'status list',
  async run(ctx, logged, r) {
    const lists = (await ctx.db.query<{ org_id: string; list_no: number; bits: Buffer }>(`SELECT org_id, list_no, bits FROM status_lists`)).rows;
    const present = new Set<string>();
    for (const l of lists) {
      const id = `${l.org_id}/${l.list_no}`;
      present.add(id);
      const last = logged.get(id)?.at(-1);
      if (!last || last.digest !== digestOf(statusListRecord(l.org_id, l.list_no, new Uint8Array(l.bits)))) {
        r.find('status_list_changed', `status list ${id}`, `Status list ${id} differs from its last logged state`);
      }
    }
    return { checked: lists.length, present };
  },
};

export const kernelTrust: Partial<TrustRegistry> = { checks: [signingKeyCheck, statusListCheck] };
