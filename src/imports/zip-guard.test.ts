import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFile } from '../../bench/generate-certificates.ts';
import { makeZip, spreadBomb, tempDir } from '../../test/fixtures/imports.ts';
import { readReferenceSpecs } from '../metals/repo.ts';
import { METAL_CODES } from '../metals/spec-types.ts';
import { AppError } from '../platform/errors.ts';
import { xlsxTemplate } from './templates.ts';
import { checkXlsxArchive, type ZipLimits } from './zip-guard.ts';

// The archive guard must pass every workbook a producer gets from us or fills in (templates,
// generated data, the parts Office adds) while refusing bombs from the directory alone.

const LIMITS: ZipLimits = { maxUncompressedBytes: 2 * 1024 * 1024 * 1024, maxRatio: 200 };
const dir = tempDir('assay-zip-guard-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('XLSX archive guard', () => {
  it('passes the import template of every metal, with and without its contract specification', async () => {
    const specs = readReferenceSpecs();
    for (const metal of METAL_CODES) {
      const spec = specs.filter((s) => s.metal === metal).sort((a, b) => b.version - a.version)[0];
      for (const [label, s] of [
        ['spec', spec],
        ['none', undefined],
      ] as const) {
        await expect(
          checkXlsxArchive(write(`${metal}-${label}.xlsx`, await xlsxTemplate(metal, s)), LIMITS),
          `${metal} ${label}`,
        ).resolves.toBeUndefined();
      }
    }
  });

  it('passes a filled-in workbook and the parts Office adds (custom XML, sensitivity labels, folder entries)', async () => {
    const file = path.join(dir, 'filled.xlsx');
    await generateFile(file, {
      brands: [{ code: 'ATACU', metal: 'CA', shapes: ['cathodes'], country: 'CL' }],
      certificates: 300,
      badShare: 0,
      seed: 4,
    });
    await expect(checkXlsxArchive(file, LIMITS)).resolves.toBeUndefined();
    const xml = Buffer.from('<?xml version="1.0"?><x/>');
    const office = makeZip(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'xl/',
        'xl/workbook.xml',
        'customXml/item1.xml',
        'customXml/_rels/item1.xml.rels',
        'docMetadata/LabelInfo.xml',
      ].map((name) => ({ name, data: name.endsWith('/') ? Buffer.alloc(0) : xml })),
    );
    await expect(checkXlsxArchive(write('office.xlsx', office), LIMITS)).resolves.toBeUndefined();
  });

  it('refuses the spread bomb on its overall ratio, and a foreign part by name, without inflating anything', async () => {
    const refusal = async (file: string, limits = LIMITS): Promise<AppError> => {
      const e = await checkXlsxArchive(file, limits).then(
        () => undefined,
        (x: unknown) => x,
      );
      if (!(e instanceof AppError)) throw new Error(`expected a refusal, got ${String(e)}`);
      return e;
    };
    const t0 = performance.now();
    expect((await refusal(write('spread.xlsx', spreadBomb(1500)))).message).toMatch(
      /parts together inflate far more/,
    );
    // Under a MiB in all, the ratio is not held against a workbook (tiny XML parts compress very well); past it, it is.
    const zeros = Buffer.alloc(1000 * 1024);
    await expect(
      checkXlsxArchive(write('small.xlsx', makeZip([{ name: 'xl/a.xml', data: zeros }])), LIMITS),
    ).resolves.toBeUndefined();
    const two = makeZip([
      { name: 'xl/a.xml', data: zeros },
      { name: 'xl/b.xml', data: zeros },
    ]);
    expect((await refusal(write('two.xlsx', two))).message).toMatch(/parts together inflate far more/);
    const foreign = await refusal(
      write(
        'foreign.xlsx',
        spreadBomb(3, (i) => (i === 2 ? 'scripts/evil.sh' : `xl/media/image${i}.png`)),
      ),
    );
    expect(foreign.message).toMatch(/not part of an Excel workbook/);
    expect(foreign.details).toEqual([{ path: 'file', message: 'scripts/evil.sh is not a workbook part' }]);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
