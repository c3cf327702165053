import type { Queryable } from '../platform/db.ts';

export interface SigningKeyRow {
  kid: string;
  org_id: string | null;
  purpose: 'issuer' | 'log';
  name: string;
  public_key: Buffer;
  private_key_wrapped: Buffer;
  wrapper_id: string;
  valid_from: Date;
  valid_until: Date | null;
}

export async function activeKey(q: Queryable, orgId: string | null, purpose: 'issuer' | 'log'): Promise<SigningKeyRow | undefined> {
  const r = await q.query<SigningKeyRow>(
    `SELECT * FROM signing_keys WHERE org_id IS NOT DISTINCT FROM $1 AND purpose = $2 AND valid_until IS NULL`,
    [orgId, purpose],
  );
  return r.rows[0];
}

export async function keyByKid(q: Queryable, kid: string): Promise<SigningKeyRow | undefined> {
  return (await q.query<SigningKeyRow>(`SELECT * FROM signing_keys WHERE kid = $1`, [kid])).rows[0];
}

export async function insertKey(q: Queryable, k: Omit<SigningKeyRow, 'valid_until'>): Promise<void> {
  await q.query(
    `INSERT INTO signing_keys (kid, org_id, purpose, name, public_key, private_key_wrapped, wrapper_id, valid_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [k.kid, k.org_id, k.purpose, k.name, k.public_key, k.private_key_wrapped, k.wrapper_id, k.valid_from],
  );
}

export async function retireKey(q: Queryable, kid: string, at: Date): Promise<void> {
  await q.query(`UPDATE signing_keys SET valid_until = $2 WHERE kid = $1 AND valid_until IS NULL`, [kid, at]);
}

export async function issuerKeys(q: Queryable, orgId?: string): Promise<(SigningKeyRow & { org_name: string })[]> {
  const r = await q.query<SigningKeyRow & { org_name: string }>(
    `SELECT k.*, o.name AS org_name FROM signing_keys k JOIN organisations o ON o.id = k.org_id
     WHERE k.purpose = 'issuer' ${orgId ? 'AND k.org_id = $1' : ''} ORDER BY k.org_id, k.valid_from`,
    orgId ? [orgId] : [],
  );
  return r.rows;
}
