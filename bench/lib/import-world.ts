// What the import benchmarks share: one brand per metal and a producer that owns them all, seeded
// through the real services over a prepared database.
import { randomBytes, randomUUID } from 'node:crypto';
import * as accessRepo from '../../src/access/repo.ts';
import type { AppContext } from '../../src/app/context.ts';
import { prepareDatabase } from '../../src/app/database.ts';
import { listBrand } from '../../src/brands/service.ts';
import type { Actor } from '../../src/imports/engine.ts';
import { LocalMasterKeyWrapper, masterKeyFromBase64 } from '../../src/trust/keystore.ts';
import { readReferenceSpecs } from '../../src/metals/repo.ts';
import { METAL_CODES } from '../../src/metals/spec-types.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db.ts';
import type { GenBrand } from '../generate-certificates.ts';
import { importPipelineEnv } from './world.ts';

const specs = readReferenceSpecs();

/** One brand per metal, in the metal's first contract shape. */
export const IMPORT_BRANDS: GenBrand[] = METAL_CODES.map((metal) => ({
  code: `BN${metal}`,
  metal,
  shapes: [specs.find((s) => s.metal === metal)?.shapes[0] ?? 'ingots'],
  country: 'CL',
}));

export interface ImportWorld {
  ctx: AppContext;
  producerId: string;
  actor: Actor;
}

/**
 * Migrates `db`, then seeds the producer and its brands; `env` adds configuration. `listedFrom`
 * backdates the brands' listing (default today), e.g. before the generated production dates.
 */
export async function importWorld(db: Db, dataDir: string, env: Record<string, string> = {}, opts: { listedFrom?: string } = {}): Promise<ImportWorld> {
  await prepareDatabase(db);
  const config = loadConfig({ ASSAY_MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent', ASSAY_DATA_DIR: dataDir, ...importPipelineEnv(), ...env });
  const ctx: AppContext = { db, config, now: () => new Date(), keyWrapper: new LocalMasterKeyWrapper(masterKeyFromBase64(config.masterKeyBase64!)), signingKeys: new Map() };
  const org = await accessRepo.insertOrganisation(db, { name: 'Bench producer', kind: 'producer', country: 'CL' });
  const exchange = { type: 'api_key' as const, keyId: randomUUID(), orgId: randomUUID(), orgKind: 'exchange' as const, scopes: ['admin' as const] };
  for (const b of IMPORT_BRANDS) {
    await listBrand(ctx, exchange, { code: b.code, name: b.code, metal: b.metal, producerOrgId: org.id, plant: { name: `Plant ${b.code}`, country: 'CL' }, shapes: b.shapes, annualCapacityTonnes: '100000', ...(opts.listedFrom ? { listedFrom: opts.listedFrom } : {}) });
  }
  return { ctx, producerId: org.id, actor: { userId: null, apiKeyId: null, orgId: org.id } };
}
