// Encumbrance proof benchmark (issue #19), on a throwaway durable PostgreSQL, in this process:
//   - a map of 1,000,000 assets (BENCH_MAP_SIZE) built in memory and loaded into the map tables as
//     the application stores it (map_nodes, map_leaves, map_heads), then 8 real warrants pledged
//     or left free through the services, and a checkpoint signed over it all;
//   - verification: decode + verify of pre-fetched proofs (half membership, half non-membership)
//     on one core, beside the raw SHA-256 rate of the tree's 65-byte hash inputs on one core ÷ the
//     tree's depth in hashes (the mean number of hashes a verification computes, measured);
//     target ≥ 0.5;
//   - proof generation over the API: GET /api/v1/assets/{id}/encumbrance on the real server
//     (buildServer, HTTP over 127.0.0.1, autocannon with 8 connections in this same process),
//     beside PostgreSQL's point-lookup rate with 8 clients (SELECT of one map leaf by primary key
//     with a random key, from this process); target ≥ 0.25.
// Run: npm run bench:encumbrance   (BENCH_PHASE_S, default 10; BENCH_MAP_SIZE, default 1000000)
import autocannon from 'autocannon';
import { createHash, hash, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Authenticated, OrgKind, Scope } from '../src/access/principal.ts';
import * as accessRepo from '../src/access/repo.ts';
import { newApiKey } from '../src/access/secrets.ts';
import type { AppContext } from '../src/app/context.ts';
import { prepareDatabase } from '../src/app/database.ts';
import { buildServer } from '../src/app/server.ts';
import { listBrand } from '../src/brands/service.ts';
import { sampleSubmission, seededRng } from '../src/certificates/samples.ts';
import { issueCertificate } from '../src/certificates/service.ts';
import { verifyEncumbranceProof } from '../src/encumbrance/verify.ts';
import { acceptPledge, proposePledge } from '../src/pledges/pledge-service.ts';
import type { Db } from '../src/platform/db.ts';
import { canonicalBytes } from '../src/trust/canonical.ts';
import { publishCheckpoint } from '../src/trust/checkpoint-service.ts';
import { mapKey } from '../src/trust/map-service.ts';
import { branchId, decodeProof, encodeProof, encodeSlot, SparseMerkleTree, verifyProof, type MapProof } from '../src/trust/sparse-merkle.ts';
import { buildTrustBundle } from '../src/trust/trust-service.ts';
import { approveFacility } from '../src/warehouse/network-service.ts';
import { recordReceipt } from '../src/warehouse/receipt-service.ts';
import { issueWarrant } from '../src/warehouse/warrant-service.ts';
import { startEngine } from './lib/engines.ts';
import { fmtInt, fmtMs, fmtRatio, loadNote, machineNote, percentile, table, timedLoop, timedSyncLoop } from './lib/measure.ts';
import { benchContext } from './lib/world.ts';

const PHASE_MS = Number(process.env.BENCH_PHASE_S ?? 10) * 1000;
const MAP_SIZE = Number(process.env.BENCH_MAP_SIZE ?? 1_000_000);
const CLIENTS = 8;
const WARRANTS = 8;

async function principal(ctx: AppContext, kind: OrgKind, scopes: Scope[]): Promise<Authenticated> {
  const org = await accessRepo.insertOrganisation(ctx.db, { name: `Bench ${kind} ${randomBytes(4).toString('hex')}`, kind, country: 'GB' });
  const { prefix, secretHash } = newApiKey();
  const key = await accessRepo.insertApiKey(ctx.db, { orgId: org.id, name: 'bench', prefix, secretHash, scopes, createdBy: null });
  return { type: 'api_key', keyId: key.id, orgId: org.id, orgKind: kind, scopes };
}

/** `n` live warrants held by `holder` (two casts of 12.5 t each), through the services. */
async function seedWarrants(ctx: AppContext, holder: Authenticated, n: number): Promise<string[]> {
  const exchange = await principal(ctx, 'exchange', ['admin']);
  const producer = await principal(ctx, 'producer', ['admin']);
  const warehouse = await principal(ctx, 'warehouse', ['admin']);
  const code = `EB${randomBytes(2).toString('hex').toUpperCase()}`;
  const brand = await listBrand(ctx, exchange, {
    code,
    name: `Bench brand ${code}`,
    metal: 'CA',
    producerOrgId: producer.orgId,
    plant: { name: `Plant ${code}`, country: 'CL' },
    shapes: ['cathodes'],
    annualCapacityTonnes: '250000',
    listedFrom: '2020-01-01',
  });
  const facility = await approveFacility(ctx, exchange, { warehouseOrgId: warehouse.orgId, location: 'HONGKONG', name: 'Bench shed', metals: ['CA'], minDailyLoadOutTonnes: '60', approvedFrom: '2025-02-01' });
  const out: string[] = [];
  let k = 0;
  for (let w = 0; w < n; w++) {
    const casts = [];
    for (let c = 0; c < 2; c++) {
      const pcr = `EB${Date.now().toString(36).toUpperCase()}${(k++).toString(36).toUpperCase()}`;
      const bundles = Array.from({ length: 5 }, (_v, i) => ({ number: `${pcr}-${i + 1}`, pieces: 25, netKg: '2500', grossKg: '2510.0' }));
      const base = sampleSubmission('CA', { code: brand.code, shapes: brand.shapes, country: 'CL' }, pcr, '2026-10-01', seededRng(k));
      await issueCertificate(ctx, producer, { ...base, bundles, pieces: 125, netWeightKg: '12500.0', grossWeightKg: '12550.0' });
      casts.push({ pcr, bundles });
    }
    const receipt = await recordReceipt(ctx, warehouse, {
      facilityId: facility.id,
      depositorOrgId: holder.orgId,
      brand: brand.code,
      shape: 'cathodes',
      originCountry: 'CL',
      receivedOn: '2026-11-20',
      bundles: casts.flatMap((c) => c.bundles.map((x) => ({ lot: 'L', pcr: c.pcr, bundleRef: x.number, pieces: x.pieces, grossKg: x.grossKg, netKg: x.netKg }))),
    });
    const lot = receipt.lots[0]!;
    if (!lot.warrantable || !lot.id) throw new Error(`bench lot not warrantable: ${lot.reasons.join('; ')}`);
    out.push((await issueWarrant(ctx, warehouse, { lotId: lot.id })).id);
  }
  return out;
}

/**
 * Loads a map of `size` synthetic pledged assets into the map tables as setMapEntry leaves them
 * (branches, leaves, head), in chunks. Their changes are not logged one by one (the audit would say
 * so): this is a benchmark database.
 */
async function loadMap(db: Db, size: number): Promise<{ tree: SparseMerkleTree; subjects: string[] }> {
  const subjects: string[] = [];
  const entries: { key: Buffer; value: Buffer }[] = [];
  const records: string[] = [];
  for (let i = 0; i < size; i++) {
    const subject = randomUUID();
    const record = { status: 'pledged', pledgeDigest: `sha256:${createHash('sha256').update(subject).digest('hex')}` };
    subjects.push(subject);
    records.push(JSON.stringify(record));
    entries.push({ key: mapKey(subject), value: createHash('sha256').update(canonicalBytes(record)).digest() });
  }
  const t0 = performance.now();
  const tree = SparseMerkleTree.build(entries);
  console.log(`  built the tree of ${fmtInt(size)} keys in memory in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const head = (await db.query<{ id: number }>(`SELECT id FROM map_heads WHERE name = 'encumbrance'`)).rows[0]!;
  const CHUNK = 20_000;
  const t1 = performance.now();
  for (let i = 0; i < size; i += CHUNK) {
    const n = Math.min(CHUNK, size - i);
    await db.query(
      `INSERT INTO map_leaves (map, key, subject, record, log_index) SELECT $1, k, s, r::jsonb, 0 FROM unnest($2::bytea[], $3::text[], $4::text[]) AS u(k, s, r)`,
      [head.id, entries.slice(i, i + n).map((e) => e.key), subjects.slice(i, i + n), records.slice(i, i + n)],
    );
  }
  const branches = [...tree.branches()];
  let maxDepth = 0;
  for (let i = 0; i < branches.length; i += CHUNK) {
    const chunk = branches.slice(i, i + CHUNK);
    for (const b of chunk) maxDepth = Math.max(maxDepth, b.depth);
    await db.query(`INSERT INTO map_nodes (map, id, left_slot, right_slot) SELECT $1, i, l, r FROM unnest($2::varbit[], $3::bytea[], $4::bytea[]) AS u(i, l, r)`, [
      head.id,
      chunk.map(branchId),
      chunk.map((b) => encodeSlot(b.left)),
      chunk.map((b) => encodeSlot(b.right)),
    ]);
  }
  await db.query(`UPDATE map_heads SET root = $2, top = $3, size = $4, max_depth = $5 WHERE id = $1`, [head.id, tree.root, encodeSlot(tree.top!), size, maxDepth]);
  await db.exec(`ANALYZE map_nodes; ANALYZE map_leaves`);
  console.log(`  loaded ${fmtInt(size)} leaves and ${fmtInt(branches.length)} branches (max depth ${maxDepth}) in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  return { tree, subjects };
}

async function main(): Promise<void> {
  console.log(`Encumbrance proof benchmark — ${machineNote()}`);
  const handle = await startEngine('postgres');
  try {
    const db = await handle.open();
    await prepareDatabase(db);
    const base = benchContext(db);
    // The public route is rate limited per client address: off for a load test from one address.
    const ctx: AppContext = { ...base, config: { ...base.config, rateLimit: { max: 0, windowMs: 60_000, signInMax: 0 } } };

    console.log(`\nSeeding: ${fmtInt(MAP_SIZE)} assets in the map, ${WARRANTS} real warrants (half pledged) …`);
    const { tree, subjects } = await loadMap(db, MAP_SIZE);
    const holder = await principal(ctx, 'trader', ['read', 'pledges:write', 'warrants:write']);
    const lender = await principal(ctx, 'lender', ['read', 'pledges:write']);
    const warrants = await seedWarrants(ctx, holder, WARRANTS);
    for (const id of warrants.slice(0, WARRANTS / 2)) {
      const p = await proposePledge(ctx, holder, { assets: [id], lenderOrgId: lender.orgId, amount: '100000', currency: 'USD', reference: 'Bench', maturity: '2099-12-31' });
      await acceptPledge(ctx, lender, p.id);
    }
    const cp = await publishCheckpoint(ctx);
    const trust = await buildTrustBundle(ctx);

    // ------------------------------------------------------------------ verification vs SHA-256
    const proofs: { key: Buffer; value: Buffer | null; bytes: Buffer }[] = [];
    for (let i = 0; i < 10_000; i++) {
      const member = i % 2 === 0;
      const key = member ? mapKey(subjects[Math.floor(Math.random() * subjects.length)]!) : randomBytes(32);
      const p: MapProof = tree.prove(key);
      proofs.push({ key, value: member ? tree.get(key)! : null, bytes: encodeProof(p) });
    }
    let hashes = 0;
    let checked = 0;
    for (const p of proofs) {
      const d = decodeProof(p.bytes);
      const r = d.ok && verifyProof(tree.root, p.key, p.value, d.proof);
      if (!r || !r.ok) throw new Error('a benchmark proof does not verify');
      hashes += r.hashes;
      checked++;
    }
    const depth = hashes / checked;
    const verifyMs = Math.min(PHASE_MS, 5000);
    // The two loops alternate in 250 ms slices, so a shift in the machine's load hits both alike.
    console.log(`\nRaw limit: SHA-256 of 65-byte inputs (the tree's node input), one core, and verification (decode + verify of 10,000 proofs in rotation), one core: alternating 250 ms slices, ${verifyMs / 1000} s each (${loadNote()})`);
    const input = randomBytes(65);
    let j = 0;
    const verifyOne = () => {
      const p = proofs[j++ % proofs.length]!;
      const d = decodeProof(p.bytes);
      if (!d.ok || !verifyProof(tree.root, p.key, p.value, d.proof).ok) throw new Error('verify failed');
    };
    const sha = { n: 0, seconds: 0, perSecond: 0 };
    const ver = { n: 0, seconds: 0, perSecond: 0 };
    for (let slice = 0; slice < verifyMs / 250; slice++) {
      const a = timedSyncLoop(() => hash('sha256', input, 'buffer'), { ms: 250, max: 1e9 });
      sha.n += a.n;
      sha.seconds += a.seconds;
      const b = timedSyncLoop(verifyOne, { ms: 250, max: 1e9 });
      ver.n += b.n;
      ver.seconds += b.seconds;
    }
    sha.perSecond = sha.n / sha.seconds;
    ver.perSecond = ver.n / ver.seconds;
    const verifyLimit = sha.perSecond / depth;
    const verifyRatio = ver.perSecond / verifyLimit;

    // The same from the API's bundle, with the checkpoint's signature (what `assay verify` does).
    const apiBundle = await (await import('../src/encumbrance/service.ts')).proofBundle(ctx, warrants[0]!);
    const full = timedSyncLoop(
      () => {
        if (!verifyEncumbranceProof({ bundle: apiBundle, trust }).ok) throw new Error('bundle failed');
      },
      { ms: Math.min(PHASE_MS, 3000), max: 1e9 },
    );

    // ------------------------------------------------------------------ API vs point lookups
    console.log(`Raw limit: PostgreSQL point lookups (map leaf by primary key, random keys), ${CLIENTS} clients, ${PHASE_MS / 1000} s (${loadNote()})`);
    const keys = Array.from({ length: 50_000 }, () => mapKey(subjects[Math.floor(Math.random() * subjects.length)]!));
    const lookups = await timedLoop((i) => db.query(`SELECT record FROM map_leaves WHERE map = 1 AND key = $1`, [keys[i % keys.length]]), {
      ms: PHASE_MS,
      max: 1e9,
      concurrency: CLIENTS,
      latencies: true,
    });

    const app = await buildServer(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const paths = warrants.map((id) => `/api/v1/assets/${id}/encumbrance`);
    // Warm: one of each (checkpoint cached, keys loaded).
    for (const p of paths) {
      const r = await app.inject({ method: 'GET', url: p });
      if (r.statusCode !== 200) throw new Error(`warm-up ${p}: ${r.statusCode} ${r.body}`);
    }
    console.log(`Proof generation over the API: GET /api/v1/assets/{id}/encumbrance, autocannon ${CLIENTS} connections, ${PHASE_MS / 1000} s (${loadNote()})`);
    let k = 0;
    const api = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CLIENTS,
      pipelining: 1,
      duration: PHASE_MS / 1000,
      timeout: 30,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[k++ % paths.length]! }) }],
    });
    await app.close();
    const non2xx = api.non2xx + api.errors;
    const apiRate = api.requests.average;
    const apiRatio = apiRate / lookups.perSecond;

    const rows = [
      [`SHA-256, 65-byte input, one core`, fmtInt(sha.perSecond), '–', '–', '–'],
      [`  ÷ depth in hashes (mean per verification: ${depth.toFixed(1)})`, fmtInt(verifyLimit), '–', '1', '–'],
      [`proof verification (decode + verify), one core`, fmtInt(ver.perSecond), '–', fmtRatio(verifyRatio), verifyRatio >= 0.5 ? 'holds (≥ 0.5)' : 'MISSED (≥ 0.5)'],
      [`  + checkpoint signature and bundle checks (assay verify's work)`, fmtInt(full.perSecond), '–', fmtRatio(full.perSecond / verifyLimit), 'for information'],
      [`PostgreSQL point lookup, ${CLIENTS} clients`, fmtInt(lookups.perSecond), fmtMs(percentile(lookups.latencies, 50)), '1', '–'],
      [
        `GET …/encumbrance over HTTP, ${CLIENTS} connections`,
        fmtInt(apiRate),
        `${api.latency.p50}`,
        fmtRatio(apiRatio),
        apiRatio >= 0.25 ? 'holds (≥ 0.25)' : 'MISSED (≥ 0.25)',
      ],
    ];
    console.log(`\n${table(['measurement', 'per second', 'p50 ms', 'ratio to its limit', 'target'], rows)}`);
    console.log(`\nMap: ${fmtInt(MAP_SIZE + WARRANTS / 2)} entries; checkpoint ${cp.size}; ${fmtInt(api.requests.total)} API proofs served, ${non2xx} non-2xx or errors; proof ${Buffer.from(apiBundle.proof, 'base64').length} bytes for a pledged warrant.`);
    if (non2xx > 0) throw new Error(`${non2xx} API requests failed`);
    await db.close();
  } finally {
    handle.stop();
  }
}

await main();
