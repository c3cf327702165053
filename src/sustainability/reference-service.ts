import { actorOf, type Authenticated } from '../access/principal.ts';
import { isMetal } from '../metals/service.ts';
import type { AppContext } from '../platform/context.ts';
import { forbidden, type ErrorDetail } from '../platform/errors.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { isIsoDate, decimalProblem } from './fields.ts';
import type { Methodology, PremiumThreshold, Reference, Settings, Standard, Topic } from './reference.ts';
import * as repo from './reference-repo.ts';
import { KIND, SUBJECT } from './records.ts';
import { bad } from './service-common.ts';

// The sustainability reference data: anyone reads it; the exchange edits it, each change logged.

export { loadReferenceSustainability, readReferenceSustainability } from './reference-repo.ts';

export const getReference = (ctx: AppContext): Promise<Reference> => repo.getReference(ctx.db);

export type ReferenceChange =
  | { table: 'topics'; key: string; record: Topic }
  | { table: 'standards'; key: string; record: Standard }
  | { table: 'methodologies'; key: string; record: Methodology }
  | { table: 'premium-thresholds'; key: string; record: PremiumThreshold }
  | { table: 'settings'; key: string; record: Settings };

/** The exchange edits its reference data; each change is logged and audited. */
export async function updateReference(ctx: AppContext, p: Authenticated, change: ReferenceChange): Promise<Reference> {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange maintains sustainability reference data');
  const problems: ErrorDetail[] = [];
  if (change.table === 'methodologies' || change.table === 'premium-thresholds') {
    if (!isMetal(change.key)) problems.push({ path: 'params.metal', message: `unknown metal ${change.key}` });
  }
  if (change.table === 'premium-thresholds') {
    const why = decimalProblem(change.record.maxTco2ePerTonne);
    if (why) problems.push({ path: 'body.maxTco2ePerTonne', message: why });
  }
  if (change.table === 'standards') {
    change.record.metals.forEach((m, i) => {
      if (!isMetal(m)) problems.push({ path: `body.metals.${i}`, message: `unknown metal ${m}` });
    });
  }
  if (change.table === 'settings') {
    if (!isIsoDate(change.record.cbamDailyFrom)) problems.push({ path: 'body.cbamDailyFrom', message: 'is not a date' });
    change.record.publicTrackMetals.forEach((m, i) => {
      if (!isMetal(m)) problems.push({ path: `body.publicTrackMetals.${i}`, message: `unknown metal ${m}` });
    });
  }
  if (problems.length) throw bad('The reference data cannot be changed', problems);
  await ctx.db.transaction(async (tx) => {
    switch (change.table) {
      case 'topics':
        await repo.upsertTopic(tx, change.record);
        break;
      case 'standards':
        await repo.upsertStandard(tx, change.record);
        break;
      case 'methodologies':
        await repo.upsertMethodology(tx, change.record);
        break;
      case 'premium-thresholds':
        await repo.upsertThreshold(tx, change.record);
        break;
      case 'settings':
        await repo.upsertSettings(tx, change.record);
        break;
    }
    // The log commits to the row as stored (a threshold of "09.50" is stored as 9.50).
    const subjectId = repo.referenceSubjectId(change.table, change.key);
    const record = (await repo.referenceRecords(tx)).get(subjectId)!;
    await recordSignedChange(ctx, tx, {
      log: { kind: KIND.reference, subjectType: SUBJECT.reference, subjectId, version: null },
      payload: { record },
      event: { actor: actorOf(p), details: { ...record } },
    });
  });
  return repo.getReference(ctx.db);
}
