import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `assay prompts` as a person runs it: a real process on a fresh data directory.
describe('assay prompts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-prompts-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/assay.mjs', 'prompts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ASSAY_DATA_DIR: dir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the prompts of a metal for a trade date, one a line with why', () => {
    const r = run('NI', '--date', '2026-12-02');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NI prompt dates for trade date 2026-12-02: 133 prompts, monthly to 63 months/);
    expect(lines[1]).toBe('2026-12-03 Thu  tom');
    expect(lines[2]).toBe('2026-12-04 Fri  cash, daily');
    expect(lines).toContain('2027-03-02 Tue  daily, 3M');
    expect(lines.at(-1)).toBe('2032-03-17 Wed  monthly');
  });

  it('says which input is wrong and exits non-zero', () => {
    const closed = run('NI', '--date', '2026-12-25');
    expect(closed.status).toBe(1);
    expect(closed.stderr).toMatch(/--date: 2026-12-25 is not a business day/);
    expect(run('XX', '--date', '2026-12-02').stderr).toMatch(/unknown metal "XX"/);
    expect(run('NI', '--date', '25/12/2026').stderr).toMatch(/--date must be a date/);
  });
});
