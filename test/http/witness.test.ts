import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { encodeCosignatureVerifierKey } from '../../src/ledger/cosignature.ts';
import { generateEd25519, privateKeyFromPkcs8 } from '../../src/ledger/keystore.ts';
import { publishCheckpoint } from '../../src/ledger/log-service.ts';
import { EMPTY_ROOT } from '../../src/ledger/merkle.ts';
import { witnessStep, type WitnessIo, type WitnessState } from '../../src/ledger/witness.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEngines('witness cosigning', (db) => {
  let app: App;
  let ctx: AppContext;
  let exchange: TestUser;
  let producer: TestUser;
  let brand: Awaited<ReturnType<typeof makeBrand>>;
  const witness = { name: 'witness.test/w1', privateKey: privateKeyFromPkcs8(generateEd25519().privateKeyPkcs8) };
  let state: WitnessState;
  const io: WitnessIo = {
    checkpoint: async () => (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body,
    consistency: async (from, to) => (await app.inject({ method: 'GET', url: `/api/v1/log/proofs/consistency?from=${from}&to=${to}` })).json<Json>().hashes,
    submit: async (size, line) => {
      const r = await app.inject({ method: 'POST', url: '/api/v1/log/cosignatures', payload: { size, witness: witness.name, signatureLine: line } });
      expect(r.statusCode).toBe(201);
    },
  };
  const issue = async () =>
    (await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { cookie: producer.cookie }, payload: submissionFor(brand) })).json<Json>();

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    exchange = await makeUser(ctx, (await makeOrg(db(), 'exchange')).id, 'admin');
    const p = await makeOrg(db(), 'producer');
    producer = await makeUser(ctx, p.id, 'member');
    brand = await makeBrand(ctx, p.id, 'ZS');
    const trust = (await app.inject({ method: 'GET', url: '/api/v1/trust' })).json<Json>();
    state = { origin: trust.log.origin, logVerifierKey: trust.log.verifierKey, size: 0, rootHash: EMPTY_ROOT.toString('base64') };
  });

  it('registers a witness, which cosigns consistent checkpoints; verification can then require a quorum', async () => {
    const vkey = encodeCosignatureVerifierKey(witness.name, (await import('../../src/ledger/note.ts')).ed25519RawPublicKey(witness.privateKey));
    const reg = await app.inject({ method: 'POST', url: '/api/v1/log/witnesses', headers: { cookie: exchange.cookie }, payload: { name: witness.name, verifierKey: vkey } });
    expect(reg.statusCode).toBe(201);

    const c = await issue();
    const before = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/verification?witnesses=1` })).json<Json>();
    expect(before.checks.find((x: Json) => x.name === 'witnesses').status).toBe('fail');

    await publishCheckpoint(ctx);
    const r1 = await witnessStep(io, state, witness, Math.floor(Date.now() / 1000));
    expect(r1.outcome).toBe('cosigned');
    state = r1.state;
    expect((await app.inject({ method: 'GET', url: '/log/checkpoint' })).body).toContain(`— ${witness.name} `);

    const after = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/verification?witnesses=1` })).json<Json>();
    expect(after.checks.find((x: Json) => x.name === 'witnesses').status).toBe('pass');
    expect(after.ok).toBe(true);

    await issue();
    await publishCheckpoint(ctx);
    const r2 = await witnessStep(io, state, witness, Math.floor(Date.now() / 1000));
    expect(r2.outcome).toBe('cosigned');
    expect(r2.state.size).toBeGreaterThan(state.size);
  });

  it('refuses a forked log and a cosignature that does not verify', async () => {
    const forked = { ...state, rootHash: Buffer.alloc(32, 7).toString('base64') };
    const r = await witnessStep(io, forked, witness, Math.floor(Date.now() / 1000));
    expect(r.outcome).toBe('refused');
    const cp = (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
    const size = Number(cp.split('\n')[1]);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/log/cosignatures',
      payload: { size, witness: witness.name, signatureLine: `— ${witness.name} ${Buffer.alloc(76, 1).toString('base64')}` },
    });
    expect(bad.statusCode).toBe(400);
  });
});
