// Writes a set of golden vectors: what the code of the day signs and logs, kept in the repository
// for ever so that no later change can orphan certificates already printed on paper. Run it once
// per new format version, into a new folder; never regenerate an existing folder.
//
//   node --import tsx scripts/golden-vectors.ts test/fixtures/golden/<version>
//
// It builds a small register in a throwaway embedded database (an exchange, a producer, a brand,
// two certificates, one of them revoked, a signed checkpoint with a witness cosignature) and
// writes each certificate's credential and proof bundle, the producer's status list credential,
// the checkpoint, and the trust file an offline verifier needs.
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { buildServer } from '../src/app/server.ts';
import { prepareDatabase } from '../src/app/database.ts';
import { LocalMasterKeyWrapper, masterKeyFromBase64 } from '../src/trust/keystore.ts';
import * as accessRepo from '../src/access/repo.ts';
import { hashPassword, newToken, tokenHash } from '../src/access/secrets.ts';
import { SESSION_COOKIE } from '../src/access/routes.ts';
import { sampleSubmission, seededRng } from '../src/certificates/samples.ts';
import { cosign, encodeCosignatureVerifierKey } from '../src/trust/cosignature.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite } from '../src/platform/db.ts';

const out = process.argv[2];
if (!out) throw new Error('usage: scripts/golden-vectors.ts <output folder>');
if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new Error(`${out} exists: golden vectors are never regenerated`);
fs.mkdirSync(out, { recursive: true });

const PUBLIC_URL = 'https://assay.example';
const db = await openPglite(undefined);
await prepareDatabase(db);
const config = loadConfig({
  ASSAY_MASTER_KEY: randomBytes(32).toString('base64'),
  ASSAY_PUBLIC_URL: PUBLIC_URL,
  LOG_LEVEL: 'silent',
  ASSAY_ARGON2_MEMORY_KIB: '1024',
  ASSAY_ARGON2_TIME_COST: '1',
  ASSAY_DATA_DIR: '/nonexistent-golden',
});
const ctx = { db, config, now: () => new Date(), keyWrapper: new LocalMasterKeyWrapper(masterKeyFromBase64(config.masterKeyBase64!)), signingKeys: new Map() };
const app = await buildServer(ctx);
await app.ready();

async function userOf(orgId: string, role: 'admin' | 'member'): Promise<string> {
  const user = await accessRepo.insertUser(db, {
    orgId,
    email: `${role}-${orgId.slice(0, 8)}@golden.example`,
    name: `Golden ${role}`,
    role,
    passwordHash: await hashPassword('golden vectors only', config.argon2),
  });
  const token = newToken();
  await accessRepo.insertSession(db, { tokenHash: tokenHash(token), userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
  return `${SESSION_COOKIE}=${token}`;
}
async function call<T>(method: 'GET' | 'POST', url: string, cookie?: string, payload?: unknown): Promise<{ status: number; body: string; json: T }> {
  const r = await app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  if (r.statusCode >= 400) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  return { status: r.statusCode, body: r.body, json: (String(r.headers['content-type'] ?? '').includes('json') ? r.json() : undefined) as T };
}

const exchange = await accessRepo.insertOrganisation(db, { name: 'Golden Exchange', kind: 'exchange', country: 'GB' });
const producer = await accessRepo.insertOrganisation(db, { name: 'Golden Copper Refinery', kind: 'producer', country: 'CL' });
const exchangeAdmin = await userOf(exchange.id, 'admin');
const producerMember = await userOf(producer.id, 'member');
const brand = await call<{ code: string; shapes: string[]; plant: { country: string } }>('POST', '/api/v1/brands', exchangeAdmin, {
  code: 'GOLDCU',
  name: 'Golden Cathode',
  metal: 'CA',
  producerOrgId: producer.id,
  plant: { name: 'Golden Plant', country: 'CL' },
  shapes: ['cathodes'],
});
const issue = async (pcr: string, seed: number) =>
  (
    await call<{ id: string; number: string }>(
      'POST',
      '/api/v1/certificates',
      producerMember,
      sampleSubmission('CA', { code: 'GOLDCU', shapes: brand.json.shapes, country: 'CL' }, pcr, '2026-11-02', seededRng(seed)),
    )
  ).json;
const live = await issue('GOLD-0001', 1);
const revoked = await issue('GOLD-0002', 2);
await call('POST', `/api/v1/certificates/${revoked.id}/revocation`, producerMember, { reason: 'Golden vector: revoked on purpose' });

// A witness cosigns the checkpoint, so witnessed verification has a vector too.
const witnessKey = generateKeyPairSync('ed25519');
const witnessName = 'witness.golden.example';
const verifierKey = encodeCosignatureVerifierKey(witnessName, witnessKey.publicKey);
await call('POST', '/api/v1/log/witnesses', exchangeAdmin, { name: witnessName, verifierKey });
const checkpoint = (await call('GET', '/log/checkpoint')).body;
const size = Number(checkpoint.split('\n')[1]);
const body = checkpoint.slice(0, checkpoint.indexOf('\n\n') + 1);
const line = cosign(body, 1_795_000_000, { name: witnessName, privateKey: witnessKey.privateKey }).line.trimEnd();
await call('POST', '/api/v1/log/cosignatures', undefined, { size, witness: witnessName, signatureLine: line });

const write = (name: string, text: string) => fs.writeFileSync(path.join(out, name), text);
for (const [name, c] of [['issued', live], ['revoked', revoked]] as const) {
  write(`${name}.jwt`, (await call('GET', `/api/v1/certificates/${c.id}/credential`, producerMember)).body.trim() + '\n');
  write(`${name}.proof.txt`, (await call('GET', `/api/v1/certificates/${c.id}/proof`)).body);
}
write('status-list.jwt', (await call('GET', `/status/${producer.id}/revocation/0`)).body.trim() + '\n');
write('checkpoint.txt', (await call('GET', '/log/checkpoint')).body);
write('trust.json', JSON.stringify((await call('GET', '/api/v1/trust')).json, null, 2) + '\n');
write('subject-schema.json', JSON.stringify((await call('GET', '/schemas/certificate-subject/v1.json')).json, null, 2) + '\n');
write(
  'vectors.json',
  JSON.stringify(
    {
      publicUrl: PUBLIC_URL,
      witness: witnessName,
      issued: { id: live.id, number: live.number, pcr: 'GOLD-0001' },
      revoked: { id: revoked.id, number: revoked.number, pcr: 'GOLD-0002', reason: 'Golden vector: revoked on purpose' },
      statusList: { orgId: producer.id, listNo: 0 },
      generatedAt: new Date().toISOString(),
    },
    null,
    2,
  ) + '\n',
);
await app.close();
await db.close();
console.log(`Wrote golden vectors to ${out}`);
