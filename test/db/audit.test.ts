import { expect, it } from 'vitest';
import { recordEvent } from '../../src/trail/repo.ts';
import { describeEngines } from '../engines.ts';

describeEngines('audit trail is append-only in the database itself', (db) => {
  it('accepts inserts and refuses UPDATE, DELETE and TRUNCATE', async () => {
    await recordEvent(db(), {
      actor: { userId: null, apiKeyId: null, orgId: null },
      action: 'test.event',
      subjectType: 'test',
      subjectId: '1',
      digestAfter: 'sha256:00',
    });
    await expect(db().query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db().query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(db().query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const rows = await db().query<{ action: string }>(`SELECT action FROM audit_events WHERE subject_type = 'test'`);
    expect(rows.rows.map((r) => r.action)).toEqual(['test.event']);
  });
});
