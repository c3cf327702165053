import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.ts';
import { certificateSubjectSchema } from '../../src/certificates/subject-schema.ts';
import { runAudit } from '../../src/app/trust-registry.ts';
import { openCheckpoint } from '../../src/trust/checkpoint.ts';
import { cosign, cosignatureKeyId, cosignatureVerifierFromKey, encodeCosignatureVerifierKey } from '../../src/trust/cosignature.ts';
import { generateEd25519, privateKeyFromPkcs8 } from '../../src/trust/keystore.ts';
import { publishCheckpoint } from '../../src/trust/checkpoint-service.ts';
import { EMPTY_ROOT } from '../../src/trust/merkle.ts';
import { decodeVerifierKey, EM_DASH, parseNote, verifierFromKey } from '../../src/trust/note.ts';
import type { TrustBundle } from '../../src/trust/trust.ts';
import { verifyCertificate } from '../../src/certificates/profile.ts';
import { witnessStep, type WitnessIo, type WitnessState } from '../../src/trust/witness.ts';
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
  const submitted: number[] = [];
  const io: WitnessIo = {
    checkpoint: async () => (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body,
    consistency: async (from, to) => (await app.inject({ method: 'GET', url: `/api/v1/log/proofs/consistency?from=${from}&to=${to}` })).json<Json>().hashes,
    submit: async (size, line) => {
      const r = await app.inject({ method: 'POST', url: '/api/v1/log/cosignatures', payload: { size, witness: witness.name, signatureLine: line } });
      expect([200, 201]).toContain(r.statusCode);
      submitted.push(r.statusCode);
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
    const vkey = encodeCosignatureVerifierKey(witness.name, (await import('../../src/trust/note.ts')).ed25519RawPublicKey(witness.privateKey));
    const reg = await app.inject({ method: 'POST', url: '/api/v1/log/witnesses', headers: { cookie: exchange.cookie }, payload: { name: witness.name, verifierKey: vkey } });
    expect(reg.statusCode).toBe(201);

    const c = await issue();
    const before = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/verification?witnesses=1` })).json<Json>();
    expect(before.checks.find((x: Json) => x.name === 'witnesses').status).toBe('fail');

    await publishCheckpoint(ctx);
    const r1 = await witnessStep(io, state, witness, Math.floor(Date.now() / 1000));
    expect(r1.outcome).toBe('cosigned');
    expect(submitted.at(-1)).toBe(201);
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
    expect(submitted.at(-1)).toBe(201);
    state = r2.state;
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

  // Security issue #23, finding 2: a witness's line is public, so anyone could hand it back with a
  // forged line in front carrying the log's own key name and ID; the old endpoint checked only the
  // last line and stored the whole string, and every verification then failed.
  const post = (signatureLine: string, size: number, name = witness.name) =>
    app.inject({ method: 'POST', url: '/api/v1/log/cosignatures', payload: { size, witness: name, signatureLine } });
  const served = async () => (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
  const rows = async () =>
    (await db().query<{ size: number; witness: string; signature_line: string }>(`SELECT size, witness, signature_line FROM log_cosignatures ORDER BY size, witness`)).rows;
  const witnessLines = (note: string) => note.split('\n').filter((l) => l.startsWith(`${EM_DASH} ${witness.name} `));
  const trustFile = async () => (await app.inject({ method: 'GET', url: '/api/v1/trust' })).json<TrustBundle>();
  /** The log's own key name and ID with 64 bytes of junk: what the attack put in front. */
  const forgedLogLine = (trust: TrustBundle) => {
    const k = decodeVerifierKey(trust.log.verifierKey);
    return `${EM_DASH} ${k.name} ${Buffer.concat([k.keyId, Buffer.alloc(64, 0x5a)]).toString('base64')}`;
  };
  const opens = (note: string, trust: TrustBundle, quorum: number) =>
    openCheckpoint(note, {
      origin: trust.log.origin,
      logVerifiers: [verifierFromKey(trust.log.verifierKey)],
      witnessVerifiers: trust.witnesses.map((w) => cosignatureVerifierFromKey(w.verifierKey)),
      witnessQuorum: quorum,
    });
  /** Every certificate, through the API and through the offline verifier `assay verify` runs. */
  const everyCertificateVerifies = async (quorum: number) => {
    const trust = await trustFile();
    const ids = (await db().query<{ id: string }>(`SELECT id FROM certificates ORDER BY seq`)).rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) {
      const online = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${id}/verification?witnesses=${quorum}` })).json<Json>();
      expect(online.checks.filter((c: Json) => c.status === 'fail')).toEqual([]);
      expect(online.ok).toBe(true);
      const jwt = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${id}/credential`, headers: { cookie: producer.cookie } })).body;
      const proof = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${id}/proof` })).body;
      const offline = verifyCertificate({ jwt, trust, proof, witnessQuorum: quorum, subjectSchema: certificateSubjectSchema(ctx.config.publicUrl) });
      expect(offline.checks.filter((c) => c.status === 'fail')).toEqual([]);
      expect(offline.ok).toBe(true);
    }
  };

  it('refuses anything but exactly one line by the registered witness key, stores nothing, and verification keeps working', async () => {
    const trust = await trustFile();
    const note = await served();
    const size = Number(note.split('\n')[1]);
    const [real] = witnessLines(note);
    expect(real).toBeDefined();
    const b64 = real!.slice(`${EM_DASH} ${witness.name} `.length);
    const before = await rows();
    const other = privateKeyFromPkcs8(generateEd25519().privateKeyPkcs8);
    const id = cosignatureKeyId(witness.name, witness.privateKey);

    const attempts: [string, string, string][] = [
      ['a forged log line before the real one', `${forgedLogLine(trust)}\n${real}`, 'it holds 2 signature lines; a cosignature is exactly one'],
      ['the real line with a newline inside it', `${EM_DASH} ${witness.name} ${b64.slice(0, 20)}\n${b64.slice(20)}`, 'signature line contains a line break'],
      ['the real line with a newline after it', `${real}\n`, 'signature line contains a line break'],
      ['the forged log line alone', forgedLogLine(trust), `the line is signed as ${JSON.stringify(trust.log.origin)}, not as ${JSON.stringify(witness.name)}`],
      [
        'a cosignature by an unknown key under the witness name',
        cosign(parseNote(note).text, 1_700_000_000, { name: witness.name, privateKey: other }).line.slice(0, -1),
        `is not ${witness.name}'s cosignature/v1 key (${id.toString('hex')})`,
      ],
      [
        'a plain 64-byte signature',
        `${EM_DASH} ${witness.name} ${Buffer.concat([id, Buffer.alloc(64, 1)]).toString('base64')}`,
        'the signature is 64 bytes; cosignature/v1 is exactly 72',
      ],
      [
        'the real line with one signature bit flipped',
        `${EM_DASH} ${witness.name} ${(() => {
          const raw = Buffer.from(b64, 'base64');
          raw[40] = raw[40]! ^ 1;
          return raw.toString('base64');
        })()}`,
        `the cosignature by ${witness.name} does not verify over this checkpoint`,
      ],
    ];
    for (const [what, line, message] of attempts) {
      const r = await post(line, size);
      expect(r.statusCode, what).toBe(400);
      const body = r.json<Json>();
      expect(body.error.code, what).toBe('bad_request');
      expect(body.error.message, what).toContain(`Cosignature refused for checkpoint ${size} and witness ${witness.name}: `);
      expect(body.error.message, what).toContain(message);
      expect(body.error.details[0], what).toMatchObject({ path: 'body.signatureLine' });
    }
    // The real line for another checkpoint does not verify there.
    const older = before.find((r) => r.size !== size && r.witness === witness.name);
    expect(older).toBeDefined();
    expect((await post(real!, older!.size)).statusCode).toBe(400);
    expect(await rows()).toEqual(before);

    // Handing in a valid cosignature again is acknowledged (200) and changes nothing; so is a newer one.
    expect((await post(real!, size)).statusCode).toBe(200);
    const newer = cosign(parseNote(note).text, Math.floor(Date.now() / 1000) + 60, witness).line.slice(0, -1);
    expect(newer).not.toBe(real);
    expect((await post(newer, size)).statusCode).toBe(200);
    expect(await rows()).toEqual(before);

    const after = await served();
    expect(after).toBe(note);
    expect(witnessLines(after)).toEqual([real]);
    expect(opens(after, trust, 1)).toMatchObject({ ok: true });
    await everyCertificateVerifies(1);
  });

  it('serves a checkpoint without a stored line that does not check out (a row poisoned before the fix), until the witness hands in its line again', async () => {
    const trust = await trustFile();
    const note = await served();
    const size = Number(note.split('\n')[1]);
    const [real] = witnessLines(note);
    // What the old endpoint stored for the attack: the forged log line riding in front of the real one.
    await db().query(`UPDATE log_cosignatures SET signature_line = $1 WHERE size = $2 AND witness = $3`, [
      `${forgedLogLine(trust)}\n${real}`,
      size,
      witness.name,
    ]);
    const healed = await served();
    const signed = (await db().query<{ note: string }>(`SELECT note FROM log_checkpoints WHERE size = $1`, [size])).rows[0]!.note;
    expect(healed).toBe(signed);
    expect(healed).not.toContain(forgedLogLine(trust));
    expect(witnessLines(healed)).toEqual([]);
    expect(opens(healed, trust, 0)).toMatchObject({ ok: true });
    // With the poisoned line served, as before the fix, the checkpoint fails for every verifier.
    expect(opens(`${healed}${forgedLogLine(trust)}\n`, trust, 0)).toMatchObject({ ok: false, reason: 'invalid_signature' });
    await everyCertificateVerifies(0);
    // The audit names the row.
    const flagged = (await runAudit(ctx)).findings.filter((f) => f.code === 'cosignature_invalid');
    expect(flagged).toEqual([
      {
        code: 'cosignature_invalid',
        record: `cosignature of checkpoint ${size} by ${witness.name}`,
        message: `The stored cosignature of checkpoint ${size} by ${witness.name} is not served: it holds 2 signature lines; a cosignature is exactly one`,
      },
    ]);

    // The witness's next hand-in replaces the row that does not check out.
    expect((await post(real!, size)).statusCode).toBe(201);
    expect((await rows()).find((r) => r.size === size && r.witness === witness.name)?.signature_line).toBe(real);
    expect(await served()).toBe(note);
    await everyCertificateVerifies(1);
    expect((await runAudit(ctx)).findings.filter((f) => f.code === 'cosignature_invalid')).toEqual([]);
  });

  it('verifies a proof whose checkpoint carries extra lines by keys the verifier does not know, but not a bad line by a known key', async () => {
    const trust = await trustFile();
    const id = (await db().query<{ id: string }>(`SELECT id FROM certificates ORDER BY seq LIMIT 1`)).rows[0]!.id;
    const jwt = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${id}/credential`, headers: { cookie: producer.cookie } })).body;
    const proof = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${id}/proof` })).body;
    const logKey = decodeVerifierKey(trust.log.verifierKey);
    const junk = (name: string, keyId: Buffer) => `${EM_DASH} ${name} ${Buffer.concat([keyId, Buffer.alloc(72, 0x33)]).toString('base64')}\n`;
    const verify = async (p: string) =>
      (await app.inject({ method: 'POST', url: '/api/v1/verify', payload: { credential: jwt, proof: p, witnesses: 1 } })).json<Json>();

    const unknown =
      junk('stranger.example/w9', Buffer.from('01020304', 'hex')) + // an unknown name
      junk(logKey.name, Buffer.from('00000000', 'hex')) + // the log's name, another key ID
      junk('stranger.example/w9', logKey.keyId) + // the log's key ID, another name
      junk(witness.name, Buffer.from('ffffffff', 'hex')); // the witness's name, another key ID
    const extra = await verify(proof + unknown);
    expect(extra.checks.filter((c: Json) => c.status === 'fail')).toEqual([]);
    expect(extra.ok).toBe(true);
    const offline = verifyCertificate({ jwt, trust, proof: proof + unknown, witnessQuorum: 1, subjectSchema: certificateSubjectSchema(ctx.config.publicUrl) });
    expect(offline.ok).toBe(true);

    // Same name and key ID as the log's key: that is the log's key, and a line by it must verify.
    const forged = await verify(proof + junk(logKey.name, logKey.keyId));
    expect(forged.ok).toBe(false);
    expect(forged.checks.find((c: Json) => c.name === 'log_inclusion').reason).toContain('a checkpoint signature by a key in the trust file does not verify');
  });
});
