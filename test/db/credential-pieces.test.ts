import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCredentialId, rebuildCredential } from '../../src/certificates/credential.ts';
import type { CertificateContent } from '../../src/certificates/model.ts';
import { getVersion } from '../../src/certificates/repo.ts';
import { migrate, readMigrations } from '../../src/platform/migrate.ts';
import { openPglite, openPostgres, type Db, type Engine } from '../../src/platform/db.ts';
import { digestOf } from '../../src/trust/canonical.ts';
import { buildCredential, credentialSigner, decodeCredentialJwt } from '../../src/trust/vc.ts';
import { availableEngines, describeEngines } from '../engines.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, testApp } from '../factories.ts';
import { runAudit } from '../../src/app/trust-registry.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { App } from '../../src/platform/http.ts';
import type { Queryable } from '../../src/platform/db.ts';
import type { Finding } from '../../src/trust/audit.ts';
import { digestBytes, entryBytes, type LogEntry, type LogKind } from '../../src/trust/trust.ts';
import { entryAt } from '../../src/trust/log-repo.ts';
import { leafHash } from '../../src/trust/merkle.ts';
import { withDatabase } from '../global-setup.ts';

// migrations/0015 stores a certificate credential as its pieces (frame, signature, status index)
// and rebuilds the JWS from the version's content. Here, on both engines, a database migrated up
// to 0014 holds credentials the old way: the golden vectors (issued by earlier code), one whose
// payload carries a member the rebuild does not make (kept whole), and a rejected version (none).
// After 0015 every one reads back byte for byte.

const GOLDEN = path.resolve(import.meta.dirname, '../fixtures/golden/v1');
const golden = (f: string): string => fs.readFileSync(path.join(GOLDEN, f), 'utf8').trim();
const PUBLIC_URL = (JSON.parse(golden('vectors.json')) as { publicUrl: string }).publicUrl;

/** The content a golden credential was built from: its subject without the cast id. */
function contentOf(jwt: string): { certificateId: string; version: number; content: CertificateContent; statusIndex: number; issuer: string } {
  const c = decodeCredentialJwt(jwt).credential as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const { id: _cast, ...content } = c.credentialSubject as Record<string, unknown>;
  const { certificateId, version } = parseCredentialId(c.id)!;
  return { certificateId, version, content: content as unknown as CertificateContent, statusIndex: Number(c.credentialStatus.statusListIndex), issuer: c.issuer as string };
}

describe('golden vectors rebuild from their pieces', () => {
  it.each(['issued.jwt', 'revoked.jwt'])('%s: the JWS rebuilt from content, frame, signature and status index is byte-identical', (file) => {
    const jwt = golden(file);
    const g = contentOf(jwt);
    const [protectedHeader, , sig] = jwt.split('.');
    const rebuilt = rebuildCredential(g.certificateId, g.content, {
      frame: { protectedHeader: protectedHeader!, publicUrl: PUBLIC_URL, issuer: g.issuer },
      signature: Buffer.from(sig!, 'base64url'),
      statusIndex: g.statusIndex,
    });
    expect(rebuilt).toBe(jwt);
  });
});

async function emptyDatabase(engine: Engine): Promise<Db> {
  if (engine === 'pglite') return openPglite(undefined);
  const adminUrl = inject('pgAdminUrl')!;
  const name = `t_pieces_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(adminUrl, { max: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const db = openPostgres(withDatabase(adminUrl, name), { max: 2 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const a = openPostgres(adminUrl, { max: 1 });
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

for (const engine of availableEngines()) {
  describe(`migration 0015 over existing credentials [${engine}]`, () => {
    let db: Db;
    const versions: { certificateId: string; credential: string | null; kind: 'golden' | 'kept' | 'rejected' }[] = [];
    const logged: Buffer[] = [];

    beforeAll(async () => {
      db = await emptyDatabase(engine);
      const all = readMigrations();
      const before = all.filter((m) => m.name < '0015');
      expect(all.some((m) => m.name.startsWith('0015_'))).toBe(true);
      await migrate(db, before);

      const issued = contentOf(golden('issued.jwt'));
      const c0 = issued.content as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      await db.query(`INSERT INTO organisations (id, name, kind, country) VALUES ($1, $2, 'producer', 'CL')`, [c0.producer.id, c0.producer.name]);
      await db.query(
        `INSERT INTO brands (id, code, name, metal, producer_org_id, plant_name, plant_country, shapes, status) VALUES ($1, $2, $3, $4, $5, $6, 'CL', '{cathodes}', 'listed')`,
        [c0.brand.id, c0.brand.code, c0.brand.name, c0.metal, c0.producer.id, c0.plant.name],
      );
      const store = async (certificateId: string, content: CertificateContent, credential: string | null, statusIndex: number | null, logIndex: number) => {
        const c = content as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        await db.query(
          `INSERT INTO certificates (id, brand_id, pcr, metal, producer_org_id, status, current_version, production_date, origin_country, warrant_eligible, content_digest, status_index)
           VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, true, $9, $10)`,
          [certificateId, c.brand.id, c.pcr, c.metal, c.producer.id, credential ? 'issued' : 'rejected', c.productionDate, c.originCountry, digestOf(content), statusIndex],
        );
        await db.query(
          `INSERT INTO certificate_versions (certificate_id, version, content, content_digest, verdict, evaluation, credential, log_index)
           VALUES ($1, 1, $2::jsonb, $3, $4, '{}'::jsonb, $5, $6)`,
          [certificateId, JSON.stringify(content), digestOf(content), credential ? 'conforming' : 'non_conforming', credential, logIndex],
        );
        versions.push({ certificateId, credential, kind: credential === null ? 'rejected' : 'golden' });
      };
      for (const [i, f] of ['issued.jwt', 'revoked.jwt'].entries()) {
        const g = contentOf(golden(f));
        await store(g.certificateId, g.content, golden(f), g.statusIndex, i);
      }
      // A credential with a member the rebuild does not make (validUntil): kept whole.
      const keptId = '0b0b0b0b-0000-4000-8000-000000000003';
      const kept = { ...c0, pcr: 'GOLD-0003', number: 'AS-0000000003' } as unknown as CertificateContent;
      const { privateKey } = generateKeyPairSync('ed25519');
      const odd = credentialSigner({ privateKey, kid: `${issued.issuer}#other` })(
        buildCredential({
          id: `urn:assay:certificate:${keptId}:v1`,
          types: ['CertificateOfAnalysis'],
          issuer: issued.issuer,
          validFrom: c0.issuedAt,
          validUntil: '2099-01-01T00:00:00Z',
          subject: { id: 'urn:assay:cast:GOLDCU:GOLD-0003', ...c0, pcr: 'GOLD-0003', number: 'AS-0000000003' },
          status: { id: `${PUBLIC_URL}/status/${c0.producer.id}/revocation/0#7`, statusListIndex: 7, statusListCredential: `${PUBLIC_URL}/status/${c0.producer.id}/revocation/0`, statusPurpose: 'revocation' },
          schema: { id: `${PUBLIC_URL}/schemas/certificate-subject/v1.json`, type: 'JsonSchema' },
        }),
      );
      await store(keptId, kept, odd, 7, 2);
      versions.at(-1)!.kind = 'kept';
      // A rejected version: no credential before or after.
      await store('0b0b0b0b-0000-4000-8000-000000000004', { ...c0, pcr: 'GOLD-0004', number: 'AS-0000000004' } as unknown as CertificateContent, null, null, 3);

      // Log entries written the old way (every one with its bytes): two that their columns rebuild
      // (one with characters JSON escapes), and one written in another member order, which they do not.
      const entries: LogEntry[] = [
        { kind: 'certificate.issued', subjectType: 'certificate', subjectId: versions[0]!.certificateId, version: 1, payloadDigest: digestBytes(golden('issued.jwt')), time: '2026-12-03T08:03:07.613Z' },
        { kind: 'brand.listed', subjectType: 'brand', subjectId: 'odd "quoted" \\ line\nbreak \u0001 – 中文', version: 3, payloadDigest: 'sha256:00', time: '2026-12-03T08:03:08.010Z' },
        { version: null, time: '2026-12-03T08:03:09.000Z', kind: 'status_list.changed' as LogKind, subjectType: 'status_list', subjectId: 'x/0', payloadDigest: 'sha256:01' },
      ];
      for (const [idx, e] of entries.entries()) {
        const bytes = idx === 2 ? Buffer.from(JSON.stringify(e), 'utf8') : entryBytes(e);
        await db.query(
          `INSERT INTO log_entries (idx, kind, subject_type, subject_id, version, payload_digest, entry, leaf_hash, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [idx, e.kind, e.subjectType, e.subjectId, e.version ?? null, e.payloadDigest, bytes, leafHash(bytes), new Date(e.time)],
        );
        logged.push(bytes);
      }

      // 0015 and whatever came after it.
      expect(await migrate(db)).toEqual(readMigrations().filter((m) => m.name >= '0015').map((m) => m.name));
    });
    afterAll(async () => {
      await db?.close();
    });

    it('stores the golden credentials as pieces, keeps the odd one whole, and gives every one back byte for byte', async () => {
      const rows = (
        await db.query<{ certificate_id: string; credential: string | null; jws_frame: number | null; jws_signature: Buffer | null; status_index: number | null }>(
          `SELECT certificate_id, credential, jws_frame, jws_signature, status_index FROM certificate_versions`,
        )
      ).rows;
      const byId = new Map(rows.map((r) => [r.certificate_id, r]));
      for (const v of versions) {
        const row = byId.get(v.certificateId)!;
        if (v.kind === 'golden') {
          expect(row.credential).toBeNull();
          expect(row.jws_frame).not.toBeNull();
          expect(row.jws_signature!.length).toBe(64);
        } else if (v.kind === 'kept') {
          expect(row.credential).toBe(v.credential);
          expect(row.jws_frame).toBeNull();
        } else {
          expect([row.credential, row.jws_frame, row.jws_signature, row.status_index]).toEqual([null, null, null, null]);
        }
        expect((await getVersion(db, v.certificateId, 1))!.credential).toBe(v.credential);
      }
      // Both golden credentials share one frame (one key under one public URL).
      const frames = (await db.query<{ n: number; public_url: string }>(`SELECT count(*)::int AS n, min(public_url) AS public_url FROM credential_frames`)).rows[0]!;
      expect(frames).toEqual({ n: 1, public_url: PUBLIC_URL });
    });

    it('keeps no copy of a log entry its columns rebuild, keeps the one they do not, and reads every one back byte for byte', async () => {
      const stored = (await db.query<{ idx: number; entry: Buffer | null }>(`SELECT idx, entry FROM log_entries ORDER BY idx`)).rows;
      expect(stored.map((r) => r.entry === null)).toEqual([true, true, false]);
      for (const [idx, bytes] of logged.entries()) expect((await entryAt(db, idx))!.entry.equals(bytes), `entry ${idx}`).toBe(true);
    });

    it('refuses pieces beside a whole credential, or a signature without its frame', async () => {
      const id = versions[0]!.certificateId;
      await expect(db.query(`UPDATE certificate_versions SET credential = 'x.y.z' WHERE certificate_id = $1`, [id])).rejects.toThrow(/credential_pieces/);
      await expect(db.query(`UPDATE certificate_versions SET jws_frame = NULL WHERE certificate_id = $1`, [id])).rejects.toThrow(/credential_pieces/);
    });
  });
}

// The audit rebuilds each credential from its pieces and compares its digest with the log entry:
// a change to any stored piece (signature, status index, frame header, URL or issuer, the frame
// reference, the frame itself) is named, as is a content change.
describeEngines('tampering with a credential stored as pieces', (db) => {
  let app: App;
  let ctx: AppContext;
  let cert: { id: string; number: string };
  const what = () => `certificate ${cert.number} version 1`;

  beforeAll(async () => {
    const built = await testApp(db());
    app = built.app;
    ctx = built.ctx;
    const org = (await makeOrg(db(), 'producer')).id;
    const producer = await makeUser(ctx, org, 'admin');
    const brand = await makeBrand(ctx, org, 'CA');
    const r = await app.inject({ method: 'POST', url: '/api/v1/certificates', headers: { cookie: producer.cookie }, payload: submissionFor(brand) });
    expect(r.statusCode, r.body).toBe(201);
    cert = r.json<{ id: string; number: string }>();
  });
  afterAll(async () => {
    await app.close();
  });

  async function findingsAfter(tamper: (q: Queryable) => Promise<unknown>): Promise<Finding[]> {
    const rollback = new Error('rollback');
    let findings: Finding[] = [];
    await db()
      .transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        await tamper(tx);
        const txDb = { ...db(), query: tx.query.bind(tx), exec: tx.exec.bind(tx) } as Db;
        findings = (await runAudit({ ...ctx, db: txDb })).findings;
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
    return findings;
  }

  it('is clean as issued, and the credential it serves is the one the log committed to', async () => {
    expect((await runAudit(ctx)).findings).toEqual([]);
    const stored = (await db().query<{ credential: string | null; jws_frame: number | null }>(`SELECT credential, jws_frame FROM certificate_versions WHERE certificate_id = $1`, [cert.id])).rows[0]!;
    expect(stored.credential).toBeNull();
    expect(stored.jws_frame).not.toBeNull();
    const served = (await getVersion(db(), cert.id, 1))!;
    const logged = (await db().query<{ payload_digest: string }>(`SELECT payload_digest FROM log_entries WHERE idx = $1`, [served.log_index])).rows[0]!;
    expect(digestBytes(served.credential!)).toBe(logged.payload_digest);
  });

  const cases: [string, string, (q: Queryable) => Promise<unknown>][] = [
    ['a flipped signature byte', 'payload_mismatch', (q) => q.query(`UPDATE certificate_versions SET jws_signature = set_byte(jws_signature, 5, (get_byte(jws_signature, 5) + 1) % 256) WHERE certificate_id = $1`, [cert.id])],
    ['another status index', 'payload_mismatch', (q) => q.query(`UPDATE certificate_versions SET status_index = status_index + 1 WHERE certificate_id = $1`, [cert.id])],
    ['an edited frame header', 'payload_mismatch', (q) => q.query(`UPDATE credential_frames SET protected_header = protected_header || 'A' WHERE id = (SELECT jws_frame FROM certificate_versions WHERE certificate_id = $1)`, [cert.id])],
    ['an edited frame public URL', 'payload_mismatch', (q) => q.query(`UPDATE credential_frames SET public_url = 'https://elsewhere.example' WHERE id = (SELECT jws_frame FROM certificate_versions WHERE certificate_id = $1)`, [cert.id])],
    ['an edited frame issuer', 'payload_mismatch', (q) => q.query(`UPDATE credential_frames SET issuer = 'did:web:elsewhere.example' WHERE id = (SELECT jws_frame FROM certificate_versions WHERE certificate_id = $1)`, [cert.id])],
    ['a deleted frame', 'credential_malformed', (q) => q.query(`DELETE FROM credential_frames WHERE id = (SELECT jws_frame FROM certificate_versions WHERE certificate_id = $1)`, [cert.id])],
    ['the signature removed', 'credential_missing', async (q) => {
      await q.query(`ALTER TABLE certificate_versions DROP CONSTRAINT certificate_versions_credential_pieces`);
      await q.query(`UPDATE certificate_versions SET jws_signature = NULL, jws_frame = NULL WHERE certificate_id = $1`, [cert.id]);
    }],
    ['the content edited', 'payload_mismatch', (q) => q.query(`UPDATE certificate_versions SET content = jsonb_set(content, '{netWeightKg}', '"1.0"') WHERE certificate_id = $1`, [cert.id])],
  ];
  it.each(cases)('names %s', async (_name, code, tamper) => {
    const findings = await findingsAfter(tamper);
    expect(findings.map((f) => `${f.code}: ${f.record}`)).toContain(`${code}: ${what()}`);
  });
});
