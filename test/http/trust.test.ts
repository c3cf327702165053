import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import { parseCheckpoint } from '../../src/trust/checkpoint.ts';
import { publicKeyPem } from '../../src/trust/keystore.ts';
import { parseNote } from '../../src/trust/note.ts';
import { decodeList, getBit } from '../../src/trust/status-list.ts';
import type { AppContext } from '../../src/app/context.ts';
import type { App } from '../../src/platform/http.ts';
import { describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, testApp, type TestUser } from '../factories.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'assay-trust-'));
const b64urlDecode = (s: string) => Buffer.from(s, 'base64url');

describeEngines('trust layer end to end', (db) => {
  let app: App;
  let ctx: AppContext;
  let producer: TestUser;
  let producerAdmin: TestUser;
  let exchange: TestUser;
  let producerId: string;
  let brand: Awaited<ReturnType<typeof makeBrand>>;
  const issue = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { cookie: producer.cookie }, payload: submissionFor(brand) });
    expect(res.statusCode).toBe(201);
    return res.json<Json>();
  };
  const credential = async (id: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/certificates/${id}/credential`, headers: { cookie: producer.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/vc+jwt');
    return res.body;
  };
  const verification = async (id: string) =>
    (await app.inject({ method: 'GET', url: `/api/v1/certificates/${id}/verification` })).json<Json>();
  const check = (report: Json, name: string) => report.checks.find((c: Json) => c.name === name);

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    const p = await makeOrg(db(), 'producer');
    producerId = p.id;
    producer = await makeUser(ctx, p.id, 'member');
    producerAdmin = await makeUser(ctx, p.id, 'admin');
    exchange = await makeUser(ctx, (await makeOrg(db(), 'exchange')).id, 'admin');
    brand = await makeBrand(ctx, p.id, 'AH');
  });

  it('signs each issued certificate as a vc+jwt that openssl and jose verify independently', async () => {
    const c = await issue();
    const jwt = await credential(c.id);
    const [h, p, s] = jwt.split('.');
    const header = JSON.parse(b64urlDecode(h!).toString());
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    const vc = JSON.parse(b64urlDecode(p!).toString());
    expect(vc.type).toEqual(['VerifiableCredential', 'CertificateOfAnalysis']);
    expect(vc.issuer).toBe(`did:web:localhost%3A3000:orgs:${producerId}`);
    expect(vc.credentialSubject.number).toBe(c.number);
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });

    const jwks = (await app.inject({ method: 'GET', url: '/api/v1/jwks' })).json<Json>();
    const jwk = jwks.keys.find((k: Json) => k.kid === header.kid);
    expect(jwk).toBeTruthy();

    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'pub.pem'), publicKeyPem(b64urlDecode(jwk.x)));
    fs.writeFileSync(path.join(dir, 'msg'), `${h}.${p}`);
    fs.writeFileSync(path.join(dir, 'sig'), b64urlDecode(s!));
    const ok = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'msg', '-sigfile', 'sig'], { cwd: dir, encoding: 'utf8' });
    expect(ok.stdout + ok.stderr).toContain('Signature Verified Successfully');
    fs.writeFileSync(path.join(dir, 'msg'), `${h}.${p}x`);
    const bad = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'msg', '-sigfile', 'sig'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);

    fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(jwks));
    fs.writeFileSync(path.join(dir, 'cred.jwt'), jwt);
    const out = execFileSync(process.execPath, ['scripts/verify-with-jose.mjs', path.join(dir, 'jwks.json'), path.join(dir, 'cred.jwt')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ verified: true, typ: 'vc+jwt', kid: header.kid });
    fs.writeFileSync(path.join(dir, 'cred.jwt'), jwt.slice(0, -4) + (jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA'));
    expect(spawnSync(process.execPath, ['scripts/verify-with-jose.mjs', path.join(dir, 'jwks.json'), path.join(dir, 'cred.jwt')]).status).toBe(1);
  });

  it('verifies a stored certificate: every check passes, including log inclusion', async () => {
    const c = await issue();
    const report = await verification(c.id);
    expect(report.checks.filter((x: Json) => x.status === 'fail')).toEqual([]);
    for (const name of ['signature', 'issuer', 'key_validity', 'schema', 'status', 'log_inclusion', 'current']) {
      expect(check(report, name).status, name).toBe('pass');
    }
    expect(report.ok).toBe(true);
    expect(report.certificate).not.toHaveProperty('pcr'); // the public sees checks, not content
  });

  it('a revoked certificate fails verification with the reason "revoked"; the status list shows the bit', async () => {
    const c = await issue();
    const r = await app.inject({ method: 'POST', url: `/api/v1/certificates/${c.id}/revocation`, headers: { cookie: producer.cookie }, payload: { reason: 'Cast re-melted' } });
    expect(r.statusCode).toBe(200);
    const report = await verification(c.id);
    expect(report.ok).toBe(false);
    expect(check(report, 'status')).toMatchObject({ status: 'fail' });
    expect(check(report, 'status').reason).toMatch(/^revoked/);

    const vc = JSON.parse(b64urlDecode((await credential(c.id)).split('.')[1]!).toString());
    const listUrl = new URL(vc.credentialStatus.statusListCredential);
    const list = await app.inject({ method: 'GET', url: listUrl.pathname });
    expect(list.headers['content-type']).toContain('application/vc+jwt');
    const listVc = JSON.parse(b64urlDecode(list.body.split('.')[1]!).toString());
    expect(listVc.type).toContain('BitstringStatusListCredential');
    expect(getBit(decodeList(listVc.credentialSubject.encodedList), Number(vc.credentialStatus.statusListIndex))).toBe(true);
  });

  it('after key rotation, certificates signed by the old key still verify for their issuance time', async () => {
    const before = await issue();
    const oldKid = JSON.parse(b64urlDecode((await credential(before.id)).split('.')[0]!).toString()).kid;
    const rot = await app.inject({ method: 'POST', url: `/api/v1/organisations/${producerId}/keys/rotation`, headers: { cookie: producerAdmin.cookie } });
    expect(rot.statusCode).toBe(201);
    expect(rot.json<Json>().retired).toBe(oldKid);
    const after = await issue();
    const newKid = JSON.parse(b64urlDecode((await credential(after.id)).split('.')[0]!).toString()).kid;
    expect(newKid).not.toBe(oldKid);
    expect((await verification(before.id)).ok).toBe(true);
    expect((await verification(after.id)).ok).toBe(true);
    const did = (await app.inject({ method: 'GET', url: `/orgs/${producerId}/did.json` })).json<Json>();
    expect(did.verificationMethod).toHaveLength(2);
  });

  it('refuses altered credentials and truncated proofs with specific reasons', async () => {
    const c = await issue();
    const jwt = await credential(c.id);
    const [h, p, s] = jwt.split('.');
    const vc = JSON.parse(b64urlDecode(p!).toString());
    vc.credentialSubject.chemistry.Si.value = '0.01';
    const forged = `${h}.${Buffer.from(JSON.stringify(vc)).toString('base64url')}.${s}`;
    const res = (await app.inject({ method: 'POST', url: '/api/v1/verify', payload: { credential: forged } })).json<Json>();
    expect(res.ok).toBe(false);
    expect(check(res, 'signature').status).toBe('fail');

    const proof = (await app.inject({ method: 'GET', url: `/api/v1/certificates/${c.id}/proof` })).body;
    expect(proof.startsWith('c2sp.org/tlog-proof@v1\n')).toBe(true);
    const good = (await app.inject({ method: 'POST', url: '/api/v1/verify', payload: { credential: jwt, proof } })).json<Json>();
    expect(check(good, 'log_inclusion').status).toBe('pass');
    const lines = proof.split('\n');
    const hashLine = lines.findIndex((l) => /^[A-Za-z0-9+/]{43}=$/.test(l));
    const truncated = hashLine >= 0 ? [...lines.slice(0, hashLine), ...lines.slice(hashLine + 1)].join('\n') : proof.replace(/^index \d+/m, 'index 999999');
    const bad = (await app.inject({ method: 'POST', url: '/api/v1/verify', payload: { credential: jwt, proof: truncated } })).json<Json>();
    expect(check(bad, 'log_inclusion').status).toBe('fail');
    const raw = await app.inject({ method: 'POST', url: '/api/v1/verify', headers: { 'content-type': 'application/vc+jwt' }, payload: jwt });
    expect(raw.json<Json>().ok).toBe(true);
  });

  it('publishes checkpoints and tiles that match the log', async () => {
    const note = (await app.inject({ method: 'GET', url: '/log/checkpoint' })).body;
    const cp = parseCheckpoint(parseNote(note).text);
    expect(cp.origin).toBe('localhost:3000/log');
    const width = Math.min(cp.size, 256);
    const tile = await app.inject({ method: 'GET', url: `/log/tile/0/000${width === 256 ? '' : `.p/${width}`}` });
    expect(tile.statusCode).toBe(200);
    const leaves = await db().query<{ leaf_hash: Buffer }>(`SELECT leaf_hash FROM log_entries ORDER BY idx LIMIT $1`, [width]);
    expect(Buffer.from(tile.rawPayload).equals(Buffer.concat(leaves.rows.map((r) => r.leaf_hash)))).toBe(true);
    const entries = await app.inject({ method: 'GET', url: `/log/tile/entries/000${width === 256 ? '' : `.p/${width}`}` });
    expect(entries.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/log/tile/0/x999/000' })).statusCode).toBe(404);
    const did = (await app.inject({ method: 'GET', url: '/.well-known/did.json' })).json<Json>();
    expect(did.id).toBe('did:web:localhost%3A3000');
  });

  it('audit is clean, then names each record changed behind the application’s back', async () => {
    expect((await runAudit(ctx)).findings).toEqual([]);
    const c = await issue();
    const revoked = await issue();
    await app.inject({ method: 'POST', url: `/api/v1/certificates/${revoked.id}/revocation`, headers: { cookie: exchange.cookie }, payload: { reason: 'Wrong cast' } });
    expect((await runAudit(ctx)).findings).toEqual([]);

    // 1. A chemistry value changed in SQL.
    await db().query(`UPDATE certificate_versions SET content = jsonb_set(content, '{chemistry,Si,value}', '"0.01"') WHERE certificate_id = $1`, [c.id]);
    let findings = (await runAudit(ctx)).findings;
    expect(findings.map((f) => f.record)).toContain(`certificate ${c.number} version 1`);
    expect(findings.find((f) => f.record === `certificate ${c.number} version 1`)!.code).toBe('content_changed');
    await db().query(`UPDATE certificate_versions SET content = jsonb_set(content, '{chemistry,Si,value}', $2::jsonb) WHERE certificate_id = $1`, [c.id, JSON.stringify(c.content.chemistry.Si.value)]);
    expect((await runAudit(ctx)).findings).toEqual([]);

    // 2. A status changed in SQL.
    await db().query(`UPDATE certificates SET status = 'issued' WHERE id = $1`, [revoked.id]);
    findings = (await runAudit(ctx)).findings;
    expect(findings.map((f) => `${f.code} ${f.record}`)).toContain(`status_changed certificate ${revoked.number}`);
    await db().query(`UPDATE certificates SET status = 'revoked' WHERE id = $1`, [revoked.id]);

    // 3. A log row deleted.
    const idx = (await db().query<{ log_index: number }>(`SELECT log_index FROM certificate_versions WHERE certificate_id = $1`, [c.id])).rows[0]!.log_index;
    const saved = (await db().query<Json>(`SELECT * FROM log_entries WHERE idx = $1`, [idx])).rows[0]!;
    await db().query(`DELETE FROM log_entries WHERE idx = $1`, [idx]);
    findings = (await runAudit(ctx)).findings;
    expect(findings.map((f) => f.code)).toContain('log_gap');
    expect(findings.map((f) => f.record)).toContain(`certificate ${c.number} version 1`);
    await db().query(
      `INSERT INTO log_entries (idx, kind, subject_type, subject_id, version, payload_digest, entry, leaf_hash, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [saved.idx, saved.kind, saved.subject_type, saved.subject_id, saved.version, saved.payload_digest, saved.entry, saved.leaf_hash, saved.recorded_at],
    );
    expect((await runAudit(ctx)).findings).toEqual([]);

    // 4. Two entries swapped.
    await db().query(`UPDATE log_entries SET idx = -1 WHERE idx = $1`, [idx]);
    await db().query(`UPDATE log_entries SET idx = $1 WHERE idx = $2`, [idx, idx - 1]);
    await db().query(`UPDATE log_entries SET idx = $1 WHERE idx = -1`, [idx - 1]);
    findings = (await runAudit(ctx)).findings;
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(['root_mismatch']));
    expect(findings.map((f) => f.record)).toContain(`certificate ${c.number} version 1`);
  });
});
