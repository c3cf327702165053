import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { generateFile, type Generated } from '../../bench/generate-certificates.ts';
import type { AppContext } from '../../src/app/context.ts';
import { certificateCredential, statusListUrl } from '../../src/certificates/credential.ts';
import { listVersions } from '../../src/certificates/repo.ts';
import type { CertificateContent } from '../../src/certificates/model.ts';
import { credentialSigner } from '../../src/trust/vc.ts';
import { createImport, dryRunImport, jobErrors, runImport, type Upload } from '../../src/imports/service.ts';
import { runAudit } from '../../src/app/trust-registry.ts';
import { ensureIssuerKey, orgDid } from '../../src/trust/keys-service.ts';
import { decodeCredentialJwt, signCredentialJwt } from '../../src/trust/vc.ts';
import { AppError } from '../../src/platform/errors.ts';
import { describeEngines } from '../engines.ts';
import { counts, importContext, importWorld, spreadBomb, storedFiles, tempDir, zipBomb, type ImportWorld } from '../fixtures/imports.ts';

// Bulk import on both engines: the 1 % bad-rows acceptance file, idempotence and amendments, the
// fast signer against trust/vc.ts, and hostile files refused before anything is written.

const ACTOR = (w: ImportWorld) => ({ userId: null, apiKeyId: null, orgId: w.producerId });
const upload = (file: string): Upload => ({ path: file, filename: path.basename(file), owned: false });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describeEngines('bulk import', (db) => {
  let ctx: AppContext;
  let w: ImportWorld;
  let dir: string;

  beforeAll(async () => {
    ctx = importContext(db());
    w = await importWorld(ctx);
    dir = tempDir();
  });

  it('signs byte-identical credentials to trust/vc.ts signCredentialJwt', async () => {
    const key = await ensureIssuerKey(ctx, w.producerId);
    const content = {
      schema: 'assay.ecoa/1',
      number: 'AS-0000000001',
      version: 1,
      brand: { id: 'b', code: 'ATACU', name: 'ATACAMA' },
      pcr: 'P1/2',
      remarks: 'ünïcødé ✓ "quoted" \u2028',
      chemistry: { Ag: { value: '0.0012', unit: '%' } },
      issuedAt: '2026-01-02T03:04:05.000Z',
    } as unknown as CertificateContent;
    const vc = certificateCredential({
      publicUrl: ctx.config.publicUrl,
      certificateId: '6f1c0f7e-8a3b-4c55-9d2e-1b2c3d4e5f60',
      issuerDid: orgDid(ctx, w.producerId),
      content,
      status: { listUrl: statusListUrl(ctx.config.publicUrl, w.producerId, 0), index: 7 },
    });
    const fast = credentialSigner(key)(vc);
    expect(fast).toBe(await signCredentialJwt(vc, { privateKey: key.privateKey, kid: key.kid }));
    expect(decodeCredentialJwt(fast).header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: key.kid });
  });

  let xlsx: string;
  let gen: Generated;
  let jobId: string;

  it('imports an Excel file with 1 % bad rows: exactly those rejected, each with row, column and reason', async () => {
    xlsx = path.join(dir, 'ecoas.xlsx');
    gen = await generateFile(xlsx, { brands: w.brands, certificates: 1000, badShare: 0.01, maxBundles: 1, seed: 11 });
    expect(gen.rows).toBe(1000);
    expect(gen.bad).toHaveLength(10);
    const before = await counts(db());
    const created = await createImport(ctx, ACTOR(w), w.producerId, upload(xlsx));
    expect(created).toMatchObject({ duplicate: false, job: { status: 'queued', format: 'xlsx', rows: { total: 1000 }, records: { total: 1000 } } });
    jobId = created.job.id;
    const job = await runImport(ctx, jobId);
    expect(job).toMatchObject({ status: 'completed', records: { total: 1000, done: 1000, accepted: 990, rejected: 10, unchanged: 0 } });

    const errors = [];
    for await (const e of jobErrors(ctx, jobId)) errors.push(e);
    const rejectedRows = [...new Set(errors.map((e) => e.row))].sort((a, b) => a - b);
    expect(rejectedRows).toEqual(gen.bad.map((b) => b.row));
    for (const bad of gen.bad) {
      const mine = errors.filter((e) => e.row === bad.row);
      expect(mine.map((e) => `${e.column}:${e.code}`), bad.kind).toContain(`${bad.column}:${bad.code}`);
      for (const e of mine) expect(e.reason.length).toBeGreaterThan(5);
    }
    const stored = gen.bad.filter((b) => b.stored).length;
    const after = await counts(db());
    expect(after.certificates - before.certificates).toBe(990 + stored);
    expect(after.log_entries - before.log_entries).toBe(990 + stored); // the issuer key exists since the first test
    const statuses = await db().query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM certificates WHERE producer_org_id = $1 GROUP BY status`,
      [w.producerId],
    );
    expect(Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]))).toEqual({ issued: 990, rejected: stored });
    // Nothing stored for rows with structural problems.
    for (const b of gen.bad.filter((x) => !x.stored)) {
      expect((await db().query(`SELECT 1 FROM certificates WHERE pcr = $1`, [b.pcr])).rowCount).toBe(0);
    }
    const audit = await runAudit(ctx);
    expect(audit.findings).toEqual([]);
  });

  it('changes nothing, and says so, when the same file is uploaded again', async () => {
    const before = await counts(db());
    const again = await createImport(ctx, ACTOR(w), w.producerId, upload(xlsx));
    expect(again.duplicate).toBe(true);
    expect(again.job.id).toBe(jobId);
    expect(again.message).toMatch(/already uploaded.*nothing was changed/);
    expect(await counts(db())).toEqual(before);
  });

  it('treats the same certificates in another file as no-ops (brand + PCR with identical content)', async () => {
    const csv = path.join(dir, 'same.csv');
    await generateFile(csv, { brands: w.brands, certificates: 1000, badShare: 0.01, maxBundles: 1, seed: 11 });
    const before = await counts(db());
    const created = await createImport(ctx, ACTOR(w), w.producerId, upload(csv));
    const job = await runImport(ctx, created.job.id);
    const structural = gen.bad.filter((b) => !b.stored).length;
    expect(job.records).toMatchObject({ total: 1000, accepted: 0, unchanged: 1000 - structural, rejected: structural });
    const after = await counts(db());
    expect(after.certificates).toBe(before.certificates);
    expect(after.certificate_versions).toBe(before.certificate_versions);
    expect(after.log_entries).toBe(before.log_entries);
  });

  it('refuses changed content for a registered PCR unless the row gives an amendment reason, then amends', async () => {
    const brand = w.brands.find((b) => b.metal === 'CA')!;
    const ndjson = (lines: object[]) => {
      const f = path.join(dir, `amend-${Math.random().toString(36).slice(2)}.ndjson`);
      fs.writeFileSync(f, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      return f;
    };
    const first = path.join(dir, 'one.ndjson');
    await generateFile(first, { brands: [brand], certificates: 1, badShare: 0, seed: 99, pcrPrefix: 'AMD' });
    const s = JSON.parse(fs.readFileSync(first, 'utf8').trim()) as Record<string, unknown>;
    await runImport(ctx, (await createImport(ctx, ACTOR(w), w.producerId, upload(first))).job.id);

    const changed = { ...s, laboratory: { name: 'Independent Assay Lab' } };
    const conflict = await runImport(ctx, (await createImport(ctx, ACTOR(w), w.producerId, upload(ndjson([changed])))).job.id);
    expect(conflict.records).toMatchObject({ accepted: 0, rejected: 1 });
    const [err] = await (async () => {
      const out = [];
      for await (const e of jobErrors(ctx, conflict.id)) out.push(e);
      return out;
    })();
    expect(err).toMatchObject({ row: 1, column: 'pcr', code: 'conflict' });

    const amended = await runImport(
      ctx,
      (await createImport(ctx, ACTOR(w), w.producerId, upload(ndjson([{ ...changed, amendmentReason: 'Laboratory name corrected' }])))).job.id,
    );
    expect(amended.records).toMatchObject({ accepted: 1, rejected: 0 });
    const v = await db().query<{ version: number; amendment_reason: string | null }>(
      `SELECT v.version, v.amendment_reason FROM certificate_versions v JOIN certificates c ON c.id = v.certificate_id WHERE c.pcr = $1 ORDER BY v.version`,
      [s.pcr],
    );
    expect(v.rows).toEqual([
      { version: 1, amendment_reason: null },
      { version: 2, amendment_reason: 'Laboratory name corrected' },
    ]);
    expect((await runAudit(ctx)).findings).toEqual([]);
  });

  it('decides a chunk again under lock when the chunk before it registered the same PCR (pipelined chunks)', async () => {
    // Rows 1–3 give one PCR three times: the reader cuts a chunk before each repeat, and the runner
    // prepares the next chunk while the previous one commits, so chunks 2 and 3 are first decided
    // against a registry without the certificate. Under lock they must see it: amend, then conflict.
    const brand = w.brands.find((b) => b.metal === 'CA')!;
    const one = path.join(dir, 'pipelined-one.ndjson');
    await generateFile(one, { brands: [brand], certificates: 1, badShare: 0, seed: 7, pcrPrefix: 'PIP' });
    const s = JSON.parse(fs.readFileSync(one, 'utf8').trim()) as Record<string, unknown>;
    const f = path.join(dir, 'pipelined.ndjson');
    const lines = [s, { ...s, remarks: 'second reading', amendmentReason: 'Re-assayed' }, { ...s, remarks: 'third reading' }];
    fs.writeFileSync(f, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const job = await runImport(ctx, (await createImport(ctx, ACTOR(w), w.producerId, upload(f))).job.id);
    expect(job.records).toMatchObject({ done: 3, accepted: 2, rejected: 1, unchanged: 0 });
    const errors = [];
    for await (const e of jobErrors(ctx, job.id)) errors.push(e);
    expect(errors).toMatchObject([{ row: 3, column: 'pcr', code: 'conflict' }]);
    const id = (await db().query<{ id: string }>(`SELECT id FROM certificates WHERE pcr = $1`, [s.pcr])).rows[0]!.id;
    const v = await listVersions(db(), id);
    expect(v.map((r) => [r.version, r.amendment_reason, r.credential !== null])).toEqual([
      [1, null, true],
      [2, 'Re-assayed', true],
    ]);
    expect((await runAudit(ctx)).findings).toEqual([]);
  });

  it('dry-runs a file with the same verdicts and writes nothing', async () => {
    const csv = path.join(dir, 'dry.csv');
    const g = await generateFile(csv, { brands: w.brands, certificates: 200, badShare: 0.05, seed: 5, pcrPrefix: 'DRY' });
    const before = await counts(db());
    const r = await dryRunImport(ctx, ACTOR(w), w.producerId, csv);
    expect(r.records).toMatchObject({ records: 200, accepted: 190, rejected: 10, unchanged: 0 });
    expect(new Set(r.records.errors.map((e) => e.row))).toEqual(new Set(g.bad.map((b) => b.row)));
    expect(await counts(db())).toEqual(before);
  });

  // ------------------------------------------------------------------ hostile files

  const refusedCleanly = async (file: string, env: Record<string, string> = {}): Promise<AppError> => {
    const c = importContext(db(), env);
    const before = await counts(db());
    const err = await refusal(createImport(c, ACTOR(w), w.producerId, upload(file)));
    expect(await counts(db())).toEqual(before);
    expect(storedFiles(c)).toEqual([]);
    return err;
  };

  it('refuses a zip-bomb workbook before inflating it, and one whose parts lie about their size', async () => {
    const bomb = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(bomb, zipBomb(40));
    expect(fs.statSync(bomb).size).toBeLessThan(200 * 1024);
    const e = await refusedCleanly(bomb);
    expect(e.code).toBe('unprocessable');
    expect(e.message).toMatch(/zip bomb/);
    expect(e.details![0]!.message).toMatch(/sheet1\.xml/);

    const liar = path.join(dir, 'liar.xlsx');
    fs.writeFileSync(liar, zipBomb(20, true));
    const l = await refusedCleanly(liar);
    expect(l.code).toBe('unprocessable');
    expect(`${l.message} ${l.details?.[0]?.message}`).toMatch(/inflat|too many bytes|size/i);

    const total = path.join(dir, 'total.xlsx');
    fs.writeFileSync(total, zipBomb(3));
    const t = await refusedCleanly(total, { ASSAY_IMPORT_MAX_UNCOMPRESSED_BYTES: String(2 * 1024 * 1024), ASSAY_IMPORT_MAX_ZIP_RATIO: '100000' });
    expect(t.message).toMatch(/too large once uncompressed/);
  });

  it('refuses 1,500 parts of a MiB of zeros from the directory alone, and parts no workbook has before inflating them', async () => {
    // Security review #23, finding 8: this 1.7 MB file took 24.5 s to refuse, every part inflated first.
    const spread = path.join(dir, 'spread.xlsx');
    fs.writeFileSync(spread, spreadBomb(1500));
    expect(fs.statSync(spread).size).toBeLessThan(2 * 1024 * 1024);
    let t0 = performance.now();
    const e = await refusedCleanly(spread);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.code).toBe('unprocessable');
    expect(e.message).toMatch(/zip bomb: its parts together inflate far more/);
    expect(e.details![0]!.message).toMatch(/^1501 parts, \d+ bytes inflate to 1572864\d{3} \(×\d+, limit ×200\)$/);

    const foreign = path.join(dir, 'foreign.xlsx');
    fs.writeFileSync(foreign, spreadBomb(1500, (i) => `data/${i}.bin`));
    t0 = performance.now();
    const f = await refusedCleanly(foreign, { ASSAY_IMPORT_MAX_ZIP_RATIO: '100000' });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(f.message).toMatch(/holds a part that is not part of an Excel workbook/);
    expect(f.details![0]!.message).toBe('data/0.bin is not a workbook part');
  });

  it('refuses a file ten times the size limit', async () => {
    const csv = path.join(dir, 'big.csv');
    await generateFile(csv, { brands: w.brands, certificates: 60, badShare: 0, seed: 3, pcrPrefix: 'BIG' });
    const size = fs.statSync(csv).size;
    const e = await refusedCleanly(csv, { ASSAY_IMPORT_MAX_BYTES: String(Math.floor(size / 10)) });
    expect(e.code).toBe('payload_too_large');
    expect(e.message).toMatch(/ASSAY_IMPORT_MAX_BYTES/);
    const rows = await refusedCleanly(csv, { ASSAY_IMPORT_MAX_ROWS: '100' });
    expect(rows.message).toMatch(/more than 100 data rows/);
  });

  it('refuses a CSV separated by semicolons, naming the delimiter', async () => {
    const csv = path.join(dir, 'semi.csv');
    await generateFile(csv, { brands: w.brands, certificates: 5, badShare: 0, seed: 4, pcrPrefix: 'SEMI' });
    fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace(/,/g, ';'));
    const e = await refusedCleanly(csv);
    expect(e.message).toMatch(/separated by semicolons \(";"\).*uses commas/);
  });

  it('refuses text that is not UTF-8 (naming the line), UTF-16, and files that are not the template', async () => {
    const csv = path.join(dir, 'latin1.csv');
    await generateFile(csv, { brands: w.brands, certificates: 3, badShare: 0, seed: 6, pcrPrefix: 'ENC' });
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    lines[2] = lines[2]!.replace('Quality Manager', 'Qualit\u00e9 Manager');
    fs.writeFileSync(csv, Buffer.concat([Buffer.from(lines.slice(0, 2).join('\r\n') + '\r\n'), Buffer.from(lines.slice(2).join('\r\n'), 'latin1')]));
    const e = await refusedCleanly(csv);
    expect(e.message).toMatch(/not valid UTF-8/);
    expect(e.details![0]!.message).toMatch(/^line 3, byte \d+: byte 0xe9/);

    const utf16 = path.join(dir, 'utf16.csv');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('brand,pcr\r\n', 'utf16le')]));
    expect((await refusedCleanly(utf16)).message).toMatch(/UTF-16/);

    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, 'name,amount,date\r\nWidget,3,2026-01-01\r\n');
    expect((await refusedCleanly(other)).message).toMatch(/does not follow the Assay import template/);

    const missing = path.join(dir, 'missing.csv');
    fs.writeFileSync(missing, 'brand,pcr,productionDate,Cu\r\nX,Y,2026-01-01,99.99\r\n');
    const m = await refusedCleanly(missing);
    expect(m.message).toMatch(/header row does not match/);
    expect(m.details!.map((d) => d.message).join(' ')).toMatch(/missing columns: originCountry, shape, pieces/);

    const garbage = path.join(dir, 'garbage.xlsx');
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 7)]));
    expect((await refusedCleanly(garbage)).message).toMatch(/not a readable Excel workbook/);
  });

  it('reads a CSV that starts with a UTF-8 byte-order mark (as Excel writes "CSV UTF-8")', async () => {
    const csv = path.join(dir, 'bom.csv');
    await generateFile(csv, { brands: w.brands, certificates: 3, badShare: 0, seed: 12, pcrPrefix: 'BOM' });
    fs.writeFileSync(csv, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(csv)]));
    const job = await runImport(ctx, (await createImport(ctx, ACTOR(w), w.producerId, upload(csv))).job.id);
    expect(job.records).toMatchObject({ total: 3, accepted: 3, rejected: 0 });
  });

  it('neutralises a formula-injection payload: the row is reported (with an inert value), nothing stored for it', async () => {
    const csv = path.join(dir, 'inject.csv');
    await generateFile(csv, { brands: w.brands, certificates: 3, badShare: 0, seed: 8, pcrPrefix: 'INJ', maxBundles: 1 });
    const lines = fs.readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const cells = lines[2]!.split(',');
    cells[header.indexOf('laboratoryName')] = '@SUM(1+1)*cmd|\' /C calc\'!A0';
    cells[header.indexOf('signatoryName')] = '"=HYPERLINK(""http://evil.example"",""x"")"';
    lines[2] = cells.join(',');
    fs.writeFileSync(csv, lines.join('\r\n') + '\r\n');
    const pcr = cells[header.indexOf('pcr')]!;

    const created = await createImport(ctx, ACTOR(w), w.producerId, upload(csv));
    const job = await runImport(ctx, created.job.id);
    expect(job.records).toMatchObject({ total: 3, accepted: 2, rejected: 1 });
    expect((await db().query(`SELECT 1 FROM certificates WHERE pcr = $1`, [pcr])).rowCount).toBe(0);
    const errors = [];
    for await (const e of jobErrors(ctx, job.id)) errors.push(e);
    expect(errors.map((e) => `${e.row}:${e.column}:${e.code}`).sort()).toEqual(['3:laboratoryName:formula_like', '3:signatoryName:formula_like']);
    expect(errors[0]!.reason).toMatch(/spreadsheets run as a formula/);
  });
});
