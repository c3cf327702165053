import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../src/app/context.ts';
import { buildServer } from '../src/app/server.ts';
import * as accessRepo from '../src/access/repo.ts';
import type { OrgKind, Role, Scope } from '../src/access/principal.ts';
import { hashPassword, newApiKey, newToken, tokenHash } from '../src/access/secrets.ts';
import { SESSION_COOKIE } from '../src/access/routes.ts';
import { listBrand } from '../src/brands/service.ts';
import { sampleSubmission, seededRng } from '../src/certificates/samples.ts';
import type { MetalCode } from '../src/metals/spec-types.ts';
import { LocalMasterKeyWrapper, masterKeyFromBase64 } from '../src/trust/keystore.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Db } from '../src/platform/db.ts';
import type { App } from '../src/platform/http.ts';

// Factories write real rows through the repos; no mocks.

export const TEST_PASSWORD = 'correct horse battery staple';

export function testContext(db: Db, now: () => Date = () => new Date(), env: Record<string, string> = {}): AppContext {
  const config = loadConfig({
    ASSAY_MASTER_KEY: randomBytes(32).toString('base64'),
    // HTTP tests make thousands of calls from one address (app.inject): the per-address request
    // limit is off here, and test/http/security-one.test.ts proves it with a low configured value.
    ASSAY_RATE_LIMIT_MAX: '0',
    ASSAY_RATE_LIMIT_SIGN_IN_MAX: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ASSAY_ARGON2_MEMORY_KIB: '1024',
    ASSAY_ARGON2_TIME_COST: '1',
    ASSAY_DATA_DIR: '/nonexistent-test-data-dir',
    ASSAY_BODY_LIMIT_BYTES: String(256 * 1024),
    // Tests sign checkpoints and store cosignatures directly and read them back at once: the
    // checkpoint is read from the database on every request here. test/http/read-path.test.ts
    // runs with the production setting.
    ASSAY_CHECKPOINT_CACHE_MS: '0',
    ...env,
  });
  return { db, config, now, keyWrapper: new LocalMasterKeyWrapper(masterKeyFromBase64(config.masterKeyBase64!)), signingKeys: new Map() };
}

export async function testApp(db: Db, now?: () => Date, env?: Record<string, string>): Promise<{ app: App; ctx: AppContext }> {
  const ctx = testContext(db, now, env);
  const app = await buildServer(ctx);
  await app.ready();
  return { app, ctx };
}

const uniq = (): string => randomBytes(4).toString('hex');

export async function makeOrg(db: Db, kind: OrgKind, name = `${kind} ${uniq()}`) {
  return accessRepo.insertOrganisation(db, { name, kind, country: 'GB' });
}

export interface TestUser {
  id: string;
  orgId: string;
  email: string;
  cookie: string;
}

export async function makeUser(ctx: AppContext, orgId: string, role: Role): Promise<TestUser> {
  const email = `${role}-${uniq()}@example.test`;
  const user = await accessRepo.insertUser(ctx.db, {
    orgId,
    email,
    name: `Test ${role}`,
    role,
    passwordHash: await hashPassword(TEST_PASSWORD, ctx.config.argon2),
  });
  const token = newToken();
  await accessRepo.insertSession(ctx.db, { tokenHash: tokenHash(token), userId: user.id, expiresAt: new Date(ctx.now().getTime() + 3600_000) });
  return { id: user.id, orgId, email, cookie: `${SESSION_COOKIE}=${token}` };
}

export async function makeApiKey(db: Db, orgId: string, scopes: Scope[]): Promise<string> {
  const { key, prefix, secretHash } = newApiKey();
  await accessRepo.insertApiKey(db, { orgId, name: 'test', prefix, secretHash, scopes, createdBy: null });
  return key;
}

const SHAPES: Record<MetalCode, string[]> = {
  AH: ['ingots'],
  CA: ['cathodes'],
  ZS: ['ingots'],
  PB: ['ingots'],
  NI: ['full plate cathodes'],
  SN: ['ingots'],
  AA: ['ingots'],
  NA: ['ingots'],
  CO: ['cathodes'],
};

/** Lists a brand through the service (as an exchange API key), so it is logged like any other. */
export async function makeBrand(ctx: AppContext, producerOrgId: string, metal: MetalCode, country = 'CL') {
  const code = `T${uniq().toUpperCase()}`.slice(0, 9);
  return listBrand(
    ctx,
    { type: 'api_key', keyId: randomUUID(), orgId: randomUUID(), orgKind: 'exchange', scopes: ['admin'] },
    {
      code,
      name: `Brand ${code}`,
      metal,
      producerOrgId,
      plant: { name: `Plant ${code}`, country },
      shapes: SHAPES[metal],
      annualCapacityTonnes: '250000',
      listedFrom: '2020-01-01',
    },
  );
}

let pcrCounter = 0;
export function submissionFor(
  brand: { code: string; metal: string; shapes: string[]; plant: { country: string } },
  overrides: Record<string, unknown> = {},
  seed = 1,
) {
  const pcr = `P${Date.now().toString(36)}${(pcrCounter++).toString(36)}`.toUpperCase();
  return {
    ...sampleSubmission(brand.metal as MetalCode, { code: brand.code, shapes: brand.shapes, country: brand.plant.country }, pcr, '2026-10-01', seededRng(seed)),
    ...overrides,
  };
}
