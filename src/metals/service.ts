import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { AppError, isUniqueViolation, notFound } from '../platform/errors.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { checkChemistry } from './chemistry.ts';
import * as repo from './repo.ts';
import { selectSpec } from './spec-select.ts';
import { METAL_CODES, type Analysis, type ChemistryResult, type ContractSpec, type MetalCode } from './spec-types.ts';
import { isIsoDate, validateSpec } from './spec-validate.ts';

export const isMetal = (m: string): m is MetalCode => (METAL_CODES as readonly string[]).includes(m);

function metalOrThrow(metal: string): MetalCode {
  if (!isMetal(metal)) throw notFound(`Metal ${metal}`);
  return metal;
}

export async function listMetals(ctx: AppContext, on: string): Promise<{ metal: MetalCode; spec: ContractSpec | null }[]> {
  const specs = await repo.listSpecs(ctx.db);
  return METAL_CODES.map((metal) => ({ metal, spec: selectSpec(specs, metal, on) ?? null }));
}

export async function listSpecVersions(ctx: AppContext, metal: string): Promise<ContractSpec[]> {
  return repo.listSpecs(ctx.db, metalOrThrow(metal));
}

export async function specInForce(ctx: AppContext, metal: string, on: string): Promise<ContractSpec> {
  const m = metalOrThrow(metal);
  if (!isIsoDate(on)) throw new AppError('bad_request', 'Date must be YYYY-MM-DD', [{ path: 'query.on', message: 'not a date' }]);
  const spec = selectSpec(await repo.listSpecs(ctx.db, m), m, on);
  if (!spec) throw notFound(`A ${m} contract specification in force on ${on}`);
  return spec;
}

/** The exchange publishes a new version; the number is assigned here, dates only move forward. */
export async function createSpecVersion(
  ctx: AppContext,
  p: Authenticated,
  metal: string,
  body: Omit<ContractSpec, 'metal' | 'version'>,
): Promise<ContractSpec> {
  const m = metalOrThrow(metal);
  const existing = await repo.listSpecs(ctx.db, m);
  const latest = existing.at(-1);
  const spec = { ...body, metal: m, version: (latest?.version ?? 0) + 1 } as ContractSpec;
  const issues = validateSpec(spec);
  if (latest && spec.effectiveFrom < latest.effectiveFrom) {
    issues.push({
      path: 'effectiveFrom',
      code: 'before_latest',
      message: `must be on or after ${latest.effectiveFrom}, when version ${latest.version} took effect`,
      params: { date: latest.effectiveFrom, version: latest.version },
    });
  }
  if (issues.length > 0) {
    throw new AppError(
      'bad_request',
      'The contract specification is invalid',
      issues.map((i) => ({ path: `body.${i.path}`, message: i.message, code: i.code, ...i.params })),
    );
  }
  try {
    await ctx.db.transaction(async (tx) => {
      await repo.insertSpec(tx, spec, p.type === 'user' ? p.userId : null);
      await recordSignedChange(ctx, tx, {
        log: { kind: 'contract_spec.published', subjectType: 'contract_spec', subjectId: m, version: spec.version },
        payload: { record: spec },
        event: { actor: actorOf(p), subjectId: `${m}/${spec.version}` },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', 'Another version was published at the same time; retry');
    throw e;
  }
  return spec;
}

export async function checkAnalysis(
  ctx: AppContext,
  metal: string,
  on: string,
  analysis: Analysis,
): Promise<{ spec: { metal: MetalCode; version: number; qualityStandard: string }; result: ChemistryResult }> {
  const spec = await specInForce(ctx, metal, on);
  return {
    spec: { metal: spec.metal, version: spec.version, qualityStandard: spec.qualityStandard },
    result: checkChemistry(spec, analysis),
  };
}
