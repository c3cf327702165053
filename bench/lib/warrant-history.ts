// A warrant history written straight into the warehouse tables with COPY, for the stock-report
// benchmark and the storage property tests: real parent rows (a warehouse company, holders,
// brands, facilities at several locations, receipts and lots), then warrants and their events as
// src/reports/simulate.ts plans them. Events carry a state record and a statement of realistic
// size; they are not signed (the reports read kinds, times and holders, never signatures), so a
// history loaded this way is for reading, not for `assay audit`.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/app/context.ts';
import * as accessRepo from '../../src/access/repo.ts';
import { listBrand } from '../../src/brands/service.ts';
import type { Queryable } from '../../src/platform/db.ts';
import type { SimWarrant } from '../../src/reports/simulate.ts';

export interface Place {
  facility: string;
  location: string;
  metal: string;
  brand: string;
}

export interface HistoryParents {
  warehouse: string;
  holders: string[];
  places: Place[];
}

const SHAPES: Record<string, string> = { CA: 'cathodes', AH: 'ingots', ZS: 'ingots' };

/** A warehouse company with facilities at `locations`, each storing `metals`, and `holders` holder organisations. */
export async function seedParents(ctx: AppContext, o: { locations: readonly string[]; metals: readonly string[]; holders: number }): Promise<HistoryParents> {
  const tag = randomBytes(3).toString('hex');
  const warehouse = (await accessRepo.insertOrganisation(ctx.db, { name: `History warehouse ${tag}`, kind: 'warehouse', country: 'GB' })).id;
  const producer = (await accessRepo.insertOrganisation(ctx.db, { name: `History producer ${tag}`, kind: 'producer', country: 'CL' })).id;
  const holders: string[] = [];
  for (let i = 0; i < o.holders; i++) holders.push((await accessRepo.insertOrganisation(ctx.db, { name: `History holder ${tag} ${i}`, kind: 'trader', country: 'GB' })).id);
  const brands = new Map<string, string>();
  for (const metal of o.metals) {
    const code = `H${metal}${tag.toUpperCase()}`.slice(0, 9);
    const b = await listBrand(
      ctx,
      { type: 'api_key', keyId: randomUUID(), orgId: randomUUID(), orgKind: 'exchange', scopes: ['admin'] },
      { code, name: `History ${code}`, metal: metal as 'CA', producerOrgId: producer, plant: { name: `Plant ${code}`, country: 'CL' }, shapes: [SHAPES[metal] ?? 'ingots'], annualCapacityTonnes: '250000', listedFrom: '2015-01-01' },
    );
    brands.set(metal, b.id);
  }
  const places: Place[] = [];
  for (const location of o.locations) {
    const f = await ctx.db.query<{ id: string }>(
      `INSERT INTO facilities (warehouse_org_id, location_code, name, metals, min_daily_load_out_tonnes, approved_from) VALUES ($1, $2, $3, $4, 1500, '2015-01-01') RETURNING id`,
      [warehouse, location, `History shed ${location} ${tag}`, o.metals],
    );
    for (const metal of o.metals) places.push({ facility: f.rows[0]!.id, location, metal, brand: brands.get(metal)! });
  }
  return { warehouse, holders, places };
}

const hex = (s: string) => createHash('sha256').update(s).digest('hex');
/** Base64url filler of a signed statement's length (a WarrantStatement vc+jwt is about 1.3 KB). */
const statementFiller = (n: number) => `eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCJ9.${randomBytes(Math.ceil((n * 3) / 4)).toString('base64url').slice(0, n)}`;

/**
 * Writes the warrants and their events. Each warrant gets its own receipt lot; rows go in with
 * COPY in batches of about `batch` events. Returns the number of events written.
 */
export async function loadHistory(db: Queryable, parents: HistoryParents, sims: readonly SimWarrant[], o: { batch?: number; statementBytes?: number; onBatch?: (events: number) => void } = {}): Promise<number> {
  const batch = o.batch ?? 20_000;
  const statementBytes = o.statementBytes ?? 1300;
  const base = (await db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM warrants`)).rows[0]!.n;
  const receiptBase = (await db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM receipts`)).rows[0]!.n;
  let written = 0;
  let start = 0;
  while (start < sims.length) {
    const receipts: unknown[][] = [];
    const lots: unknown[][] = [];
    const warrants: unknown[][] = [];
    const events: unknown[][] = [];
    let n = 0;
    let i = start;
    for (; i < sims.length && n < batch; i++) {
      const s = sims[i]!;
      const place = parents.places[s.place]!;
      const seq = base + i + 1;
      const receipt = randomUUID();
      const lot = randomUUID();
      const id = randomUUID();
      const first = s.events[0]!;
      const lastEvent = s.events.at(-1)!;
      const day = first.at.slice(0, 10);
      receipts.push([receipt, receiptBase + i + 1, place.facility, parents.warehouse, parents.holders[first.holder], place.brand, place.metal, SHAPES[place.metal] ?? 'ingots', 'CL', day, '{}', `sha256:${hex(receipt)}`, 0]);
      lots.push([lot, receipt, 'L', String(Number(s.tonnes) * 1000), 10, true]);
      const number = `WR-${String(seq).padStart(10, '0')}`;
      const credential = statementFiller(statementBytes * 2);
      warrants.push([
        id, seq, lot, place.facility, place.location, parents.warehouse, place.brand, place.metal, SHAPES[place.metal] ?? 'ingots', 'CL', s.tonnes, day,
        parents.holders[s.holder], lastEvent.status, i, lastEvent.version, credential, `sha256:${hex(id)}`,
      ]);
      for (const e of s.events) {
        const record = {
          at: e.at,
          credentialDigest: `sha256:${hex(credential)}`,
          holderOrgId: parents.holders[e.holder],
          kind: e.kind,
          nonce: randomBytes(16).toString('base64url'),
          number,
          status: e.status,
          version: e.version,
          warrantId: id,
        };
        events.push([id, e.version, e.kind, record, `sha256:${hex(`${id}/${e.version}`)}`, statementFiller(statementBytes), 0, parents.warehouse, e.at]);
      }
      n += s.events.length;
    }
    await db.copyRows('receipts', ['id', 'seq', 'facility_id', 'warehouse_org_id', 'depositor_org_id', 'brand_id', 'metal', 'shape', 'origin_country', 'received_on', 'content', 'content_digest', 'log_index'], receipts);
    await db.copyRows('lots', ['id', 'receipt_id', 'lot_ref', 'net_kg', 'bundles', 'warrantable'], lots);
    await db.copyRows(
      'warrants',
      ['id', 'seq', 'lot_id', 'facility_id', 'location_code', 'warehouse_org_id', 'brand_id', 'metal', 'shape', 'origin_country', 'tonnes', 'warranted_on', 'holder_org_id', 'status', 'status_index', 'version', 'credential', 'content_digest'],
      warrants,
    );
    await db.copyRows('warrant_events', ['warrant_id', 'version', 'kind', 'record', 'record_digest', 'statement', 'log_index', 'actor_org_id', 'at'], events);
    written += n;
    o.onBatch?.(written);
    start = i;
  }
  // The rows took their numbers explicitly: move the sequences past them for whatever comes next.
  await db.query(`SELECT setval(pg_get_serial_sequence('warrants', 'seq'), (SELECT max(seq) FROM warrants))`);
  await db.query(`SELECT setval(pg_get_serial_sequence('receipts', 'seq'), (SELECT max(seq) FROM receipts))`);
  return written;
}
