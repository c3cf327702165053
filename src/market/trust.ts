import { digestOf } from '../trust/canonical.ts';
import type { AuditCheck, TrustRegistry } from '../trust/registry.ts';
import { marketReference } from './reference.ts';
import { adjustmentLogRecord, listClosures } from './service.ts';

// Exchange calendar changes: one made through the API is logged and must be what its last entry
// committed to. A seeded one is the reference file's until withdrawn: its day and kind (what
// decides the calendar) must still be the file's; the file's wording and sources may be improved
// later without making every database a finding.

export const calendarAdjustmentCheck: AuditCheck = {
  subjectType: 'calendar_adjustment',
  kinds: ['calendar.adjustment_made', 'calendar.adjustment_withdrawn'],
  noun: 'calendar change',
  async run(ctx, logged, r) {
    const seeded = new Map(marketReference().adjustments.map((x) => [x.key, x]));
    const all = await listClosures(ctx, { includeWithdrawn: true });
    for (const a of all) {
      const what = `calendar change ${a.date} (${a.kind})`;
      const last = logged.get(a.id)?.at(-1);
      const ref = a.referenceKey === null ? undefined : seeded.get(a.referenceKey);
      if (!last) {
        const asSeeded = ref && a.version === 1 && ref.date === a.date && ref.kind === a.kind;
        if (!asSeeded) r.find('calendar_changed', what, `The ${what} is neither logged nor on the day and of the kind the reference data seeded`);
      } else if (last.version !== a.version || last.digest !== digestOf(adjustmentLogRecord(a))) {
        r.find('calendar_changed', what, `The ${what} differs from its last logged state`);
      }
    }
    return { checked: all.length, present: new Set(all.map((a) => a.id)) };
  },
};

export const marketTrust: Partial<TrustRegistry> = { checks: [calendarAdjustmentCheck] };
