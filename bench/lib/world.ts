// Seeding for the benchmarks: a context, a producer with an API key and a listed brand, and
// certificate submissions. Mirrors test/factories.ts (real rows through the repos and services)
// without importing from test/.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/app/context.ts';
import * as accessRepo from '../../src/access/repo.ts';
import type { Authenticated, Scope } from '../../src/access/principal.ts';
import { newApiKey } from '../../src/access/secrets.ts';
import { listBrand } from '../../src/brands/service.ts';
import { sampleSubmission, seededRng } from '../../src/certificates/samples.ts';
import type { Submission } from '../../src/certificates/model.ts';
import { LocalMasterKeyWrapper, masterKeyFromBase64 } from '../../src/trust/keystore.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db.ts';

/** The import's pipeline settings, which a benchmark run may vary (bench/README.md). */
export function importPipelineEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['ASSAY_IMPORT_WORKERS', 'ASSAY_IMPORT_CHUNK_SIZE']) {
    const v = process.env[name];
    if (v) out[name] = v;
  }
  return out;
}

export function benchContext(db: Db, publicUrl = 'http://127.0.0.1:3000', env: Record<string, string> = {}): AppContext {
  const config = loadConfig({
    ASSAY_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    ASSAY_DATA_DIR: '/nonexistent-bench-data-dir',
    ASSAY_PUBLIC_URL: publicUrl,
    ...importPipelineEnv(),
    ...env,
  });
  return {
    db,
    config,
    now: () => new Date(),
    keyWrapper: new LocalMasterKeyWrapper(masterKeyFromBase64(config.masterKeyBase64!)),
    signingKeys: new Map(),
  };
}

export interface Producer {
  orgId: string;
  apiKey: string;
  /** The same key as a principal, for calling services directly. */
  principal: Authenticated;
  brand: { id: string; code: string; metal: string; shapes: string[]; plant: { country: string } };
}

const SCOPES: Scope[] = ['read', 'certificates:write'];

/** A producer organisation, an API key for it and one listed copper-cathode brand. */
export async function seedProducer(ctx: AppContext): Promise<Producer> {
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const org = await accessRepo.insertOrganisation(ctx.db, {
    name: `Bench producer ${tag}`,
    kind: 'producer',
    country: 'CL',
  });
  const { key, prefix, secretHash } = newApiKey();
  const row = await accessRepo.insertApiKey(ctx.db, {
    orgId: org.id,
    name: 'bench',
    prefix,
    secretHash,
    scopes: SCOPES,
    createdBy: null,
  });
  const code = `B${tag}`;
  const brand = await listBrand(
    ctx,
    { type: 'api_key', keyId: randomUUID(), orgId: randomUUID(), orgKind: 'exchange', scopes: ['admin'] },
    {
      code,
      name: `Bench brand ${code}`,
      metal: 'CA',
      producerOrgId: org.id,
      plant: { name: `Plant ${code}`, country: 'CL' },
      shapes: ['cathodes'],
      annualCapacityTonnes: '250000',
    },
  );
  return {
    orgId: org.id,
    apiKey: key,
    principal: { type: 'api_key', keyId: row.id, orgId: org.id, orgKind: 'producer', scopes: SCOPES },
    brand,
  };
}

export const PRODUCTION_DATE = '2026-10-01';

export function submission(brand: Producer['brand'], pcr: string, seed = 1): Submission {
  return sampleSubmission(
    'CA',
    { code: brand.code, shapes: brand.shapes, country: brand.plant.country },
    pcr,
    PRODUCTION_DATE,
    seededRng(seed),
  );
}

/**
 * A submission as JSON text with the PCR cut out, so a load generator can make a unique body per
 * request by string joining (the PCR also appears in the bundle numbers).
 */
export function submissionTemplate(brand: Producer['brand']): string[] {
  const placeholder = 'PCRPLACEHOLDER0';
  return JSON.stringify(submission(brand, placeholder)).split(placeholder);
}
