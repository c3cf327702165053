import { expect, it } from 'vitest';
import { describeEngines } from '../engines.ts';

// Bulk loads go through COPY text format on both engines; every awkward cell must come back as given.

describeEngines('copyRows (COPY FROM in text format)', (db) => {
  it('round-trips tabs, newlines, backslashes, quotes, Unicode, nulls, JSON, bytes and times, inside a transaction', async () => {
    await db().exec(`CREATE TABLE copy_probe (n int, t text, j jsonb, b bytea, at timestamptz)`);
    const at = new Date('2026-11-22T06:00:00.123Z');
    const rows = [
      [1, 'tab\there, newline\nthere, CR\rand back\\slash \\N "quoted" ✓ 中文', { a: 'x\ty', b: [1, '\\'] }, Buffer.from([0, 9, 10, 92, 255]), at],
      [2, null, null, null, at],
      [3, '', { empty: '' }, Buffer.alloc(0), at],
    ];
    await db().transaction((tx) => tx.copyRows('copy_probe', ['n', 't', 'j', 'b', 'at'], rows));
    const back = await db().query<{ n: number; t: string | null; j: unknown; b: Buffer | null; at: Date }>(`SELECT n, t, j, b, at FROM copy_probe ORDER BY n`);
    expect(back.rows).toEqual(rows.map(([n, t, j, b, a]) => ({ n, t, j, b, at: a })));
  });

  it('writes nothing when a row is refused', async () => {
    await db().exec(`CREATE TABLE copy_strict (n int NOT NULL)`);
    await expect(db().transaction((tx) => tx.copyRows('copy_strict', ['n'], [[1], [null]]))).rejects.toThrow();
    expect((await db().query(`SELECT * FROM copy_strict`)).rows).toEqual([]);
  });
});
