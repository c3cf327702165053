import { compare, formatDecimal, fromUnits, parseDecimal, toUnits, type Fixed } from '../metals/fixed.ts';

// Inbound reconciliation: each bundle that arrived is checked against the register (its eCOA, the
// brand's listing, the origin rule, CBAM coverage, the sourcing ruling), and each lot the clerk
// grouped against the contract's lot size. Pure: the service gathers the facts, this decides, with
// a reason for every check. Only fully conforming lots may go on warrant; the rest stays in the
// warehouse as off-warrant stock, with its reasons.

export type CheckCode = 'ecoa' | 'bundle' | 'weights' | 'shape' | 'origin' | 'listing' | 'cbam' | 'sourcing';

export interface BundleCheck {
  code: CheckCode;
  ok: boolean;
  reason: string;
}

/** One received bundle, as the clerk recorded it. Weights in kg as decimal strings. */
export interface ReceivedBundle {
  line: number;
  lotRef: string | null;
  pcr: string;
  bundleRef: string;
  pieces: number;
  grossKg: string;
  netKg: string;
}

/** What the register says about one cast (brand + PCR): its current certificate, if any. */
export interface CastFacts {
  certificateId: string;
  number: string;
  status: 'issued' | 'rejected' | 'revoked';
  verdict: 'conforming' | 'non_conforming';
  productionDate: string;
  originCountry: string;
  shape: string;
  warrantEligible: boolean;
  warrantReasons: { code: string; message: string }[];
  bundles: { number: string; pieces: number; netKg: string; grossKg?: string }[];
}

export interface BrandStatusChange {
  status: 'listed' | 'suspended' | 'delisted';
  effectiveDate: string;
}

export interface ReconcileInput {
  metal: string;
  shape: string;
  originCountry: string;
  bundles: ReceivedBundle[];
  /** Facts by PCR; a PCR with none has no certificate in the register. */
  casts: ReadonlyMap<string, CastFacts>;
  brandHistory: readonly BrandStatusChange[];
  /** Years covered by a CBAM report of the brand (asked only for CBAM metals). */
  cbamYears: ReadonlySet<number>;
  cbamMetals: readonly string[];
  /** The brand's latest sourcing ruling, if any. */
  sourcingRuling: { status: 'compliant' | 'non_compliant'; reason: string } | null;
  weightTolerancePct: string;
  piecesTolerance: number;
  lotTonnes: string;
  lotTolerancePct: string;
}

export interface ReconciledBundle extends ReceivedBundle {
  certificateId: string | null;
  certificateNumber: string | null;
  checks: BundleCheck[];
  conforming: boolean;
}

export interface ReconciledLot {
  lotRef: string;
  netKg: string;
  tonnes: string;
  bundles: number;
  lines: number[];
  warrantable: boolean;
  reasons: string[];
}

export interface Reconciliation {
  bundles: ReconciledBundle[];
  lots: ReconciledLot[];
  /** Lines of bundles in no lot, or in a lot that cannot go on warrant: off-warrant stock. */
  offWarrantLines: number[];
  summary: { bundles: number; conforming: number; netKg: string; lots: number; warrantableLots: number };
}

const kg = (s: string): Fixed => parseDecimal(s, 3);
const UNIT_PER_KG = 10n ** 12n;

/** |a − b| ≤ b × pct / 100, exactly. */
function within(a: Fixed, b: Fixed, pct: string): boolean {
  const diff = toUnits(a) - toUnits(b);
  const abs = diff < 0n ? -diff : diff;
  const p = toUnits(parseDecimal(pct));
  return abs * 100n * UNIT_PER_KG <= toUnits(b) * p;
}

/** The brand's status on a day: the last change effective on or before it (none: not yet listed). */
export function statusOn(history: readonly BrandStatusChange[], day: string): BrandStatusChange['status'] | 'not_listed' {
  let s: BrandStatusChange['status'] | 'not_listed' = 'not_listed';
  for (const h of history) if (h.effectiveDate <= day) s = h.status;
  return s;
}

function checkBundle(b: ReceivedBundle, i: ReconcileInput): ReconciledBundle {
  const cast = i.casts.get(b.pcr);
  const checks: BundleCheck[] = [];
  const add = (code: CheckCode, ok: boolean, reason: string) => checks.push({ code, ok, reason });
  if (!cast) {
    add('ecoa', false, `No certificate of analysis is registered for PCR ${b.pcr} of this brand`);
    return { ...b, certificateId: null, certificateNumber: null, checks, conforming: false };
  }
  const ecoaOk = cast.status === 'issued' && cast.verdict === 'conforming';
  add(
    'ecoa',
    ecoaOk,
    cast.status === 'revoked'
      ? `Certificate ${cast.number} was revoked`
      : cast.status === 'rejected' || cast.verdict !== 'conforming'
        ? `Certificate ${cast.number} does not conform to the contract specification`
        : `Certificate ${cast.number} is issued and conforming (current version)`,
  );
  const certBundle = cast.bundles.find((x) => x.number === b.bundleRef);
  add('bundle', !!certBundle, certBundle ? `Bundle ${b.bundleRef} is on certificate ${cast.number}` : `Certificate ${cast.number} lists no bundle ${b.bundleRef}`);
  if (certBundle) {
    const problems: string[] = [];
    const pieceDiff = Math.abs(certBundle.pieces - b.pieces);
    if (pieceDiff > i.piecesTolerance) problems.push(`${b.pieces} pieces received, ${certBundle.pieces} certified`);
    if (!within(kg(b.netKg), kg(certBundle.netKg), i.weightTolerancePct)) {
      problems.push(`net ${b.netKg} kg received, ${certBundle.netKg} kg certified (tolerance ${i.weightTolerancePct} %)`);
    }
    if (certBundle.grossKg !== undefined && !within(kg(b.grossKg), kg(certBundle.grossKg), i.weightTolerancePct)) {
      problems.push(`gross ${b.grossKg} kg received, ${certBundle.grossKg} kg certified (tolerance ${i.weightTolerancePct} %)`);
    }
    add('weights', problems.length === 0, problems.length ? `Bundle ${b.bundleRef}: ${problems.join('; ')}` : 'Pieces and weights agree with the certificate');
  }
  add('shape', cast.shape === i.shape, cast.shape === i.shape ? `Shape ${i.shape} as certified` : `Received as ${i.shape}, certified as ${cast.shape}`);
  const originOk = cast.originCountry === i.originCountry && cast.warrantEligible;
  add(
    'origin',
    originOk,
    cast.originCountry !== i.originCountry
      ? `Received as of ${i.originCountry} origin, certified as ${cast.originCountry}`
      : !cast.warrantEligible
        ? cast.warrantReasons.map((r) => r.message).join('; ') || 'The certificate says this metal may not be warranted'
        : `Origin ${cast.originCountry}, produced ${cast.productionDate}: may be warranted`,
  );
  const listing = statusOn(i.brandHistory, cast.productionDate);
  add('listing', listing === 'listed', listing === 'listed' ? `The brand was listed on ${cast.productionDate}` : `The brand was ${listing.replace('_', ' ')} on ${cast.productionDate}, the production date`);
  if (i.cbamMetals.includes(i.metal)) {
    const year = Number(cast.productionDate.slice(0, 4));
    const covered = i.cbamYears.has(year);
    add('cbam', covered, covered ? `A CBAM report of the brand covers ${year}` : `No CBAM report of the brand covers ${year}, the production year`);
  }
  const ruling = i.sourcingRuling;
  add(
    'sourcing',
    ruling?.status !== 'non_compliant',
    ruling?.status === 'non_compliant' ? `The exchange ruled the brand non-compliant with its responsible-sourcing rules: ${ruling.reason}` : 'No non-compliance ruling on the brand',
  );
  return { ...b, certificateId: cast.certificateId, certificateNumber: cast.number, checks, conforming: checks.every((c) => c.ok) };
}

export function tonnesOf(netKg: Fixed): string {
  return formatDecimal(fromUnits(toUnits(netKg) / 1000n));
}

/** The lot size range, e.g. 25 t ± 2 % → 24.5 to 25.5 t, in kg. */
export function lotRange(lotTonnes: string, tolerancePct: string): { min: Fixed; max: Fixed } {
  const lotKg = toUnits(parseDecimal(lotTonnes)) * 1000n;
  const tol = (lotKg * toUnits(parseDecimal(tolerancePct))) / (100n * UNIT_PER_KG);
  return { min: fromUnits(lotKg - tol), max: fromUnits(lotKg + tol) };
}

/** Checks every bundle and every lot; see the module comment. */
export function reconcile(i: ReconcileInput): Reconciliation {
  const bundles = i.bundles.map((b) => checkBundle(b, i));
  const byLot = new Map<string, ReconciledBundle[]>();
  for (const b of bundles) if (b.lotRef) byLot.set(b.lotRef, [...(byLot.get(b.lotRef) ?? []), b]);
  const range = lotRange(i.lotTonnes, i.lotTolerancePct);
  const lots: ReconciledLot[] = [];
  for (const [lotRef, members] of byLot) {
    const net = fromUnits(members.reduce((s, b) => s + toUnits(kg(b.netKg)), 0n));
    const reasons: string[] = [];
    for (const b of members) {
      for (const c of b.checks) if (!c.ok) reasons.push(`Line ${b.line} (PCR ${b.pcr}, bundle ${b.bundleRef}): ${c.reason}`);
    }
    if (compare(net, range.min) < 0 || compare(net, range.max) > 0) {
      reasons.push(`Lot ${lotRef} holds ${tonnesOf(net)} t; a lot is ${i.lotTonnes} t ± ${i.lotTolerancePct} %`);
    }
    lots.push({
      lotRef,
      netKg: formatDecimal(net),
      tonnes: tonnesOf(net),
      bundles: members.length,
      lines: members.map((b) => b.line),
      warrantable: reasons.length === 0,
      reasons,
    });
  }
  const warrantableLines = new Set(lots.filter((l) => l.warrantable).flatMap((l) => l.lines));
  const total = fromUnits(bundles.reduce((s, b) => s + toUnits(kg(b.netKg)), 0n));
  return {
    bundles,
    lots,
    offWarrantLines: bundles.filter((b) => !warrantableLines.has(b.line)).map((b) => b.line),
    summary: {
      bundles: bundles.length,
      conforming: bundles.filter((b) => b.conforming).length,
      netKg: formatDecimal(total),
      lots: lots.length,
      warrantableLots: lots.filter((l) => l.warrantable).length,
    },
  };
}

export type InputProblem = {
  path: string;
  message: string;
};

/**
 * What makes a receipt's input impossible rather than merely non-conforming: a declared lot whose
 * weight is outside the contract's range, a cast split across lots, a bundle offered for warranting
 * with no certificate in the register, a bundle line twice. Refused with a row error each; nothing
 * is written.
 */
export function inputProblems(i: Pick<ReconcileInput, 'bundles' | 'casts' | 'lotTonnes' | 'lotTolerancePct'>, rowPath: (line: number, field?: string) => string): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Map<string, number>();
  const lotOfCast = new Map<string, string | null>();
  for (const b of i.bundles) {
    const key = `${b.pcr}\u0000${b.bundleRef}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ path: rowPath(b.line, 'bundleRef'), message: `bundle ${b.bundleRef} of PCR ${b.pcr} is already on line ${first}` });
    else seen.set(key, b.line);
    if (b.lotRef && !i.casts.has(b.pcr)) {
      problems.push({ path: rowPath(b.line, 'pcr'), message: `no certificate is registered for PCR ${b.pcr} of this brand; leave lot empty to record it as off-warrant stock` });
    }
    if (lotOfCast.has(b.pcr) && lotOfCast.get(b.pcr) !== b.lotRef) {
      problems.push({ path: rowPath(b.line, 'lot'), message: `PCR ${b.pcr} is split across lots ${lotOfCast.get(b.pcr) ?? '(none)'} and ${b.lotRef ?? '(none)'}; a cast goes on one warrant` });
    } else lotOfCast.set(b.pcr, b.lotRef);
  }
  const range = lotRange(i.lotTonnes, i.lotTolerancePct);
  const lots = new Map<string, { net: bigint; first: number }>();
  for (const b of i.bundles) {
    if (!b.lotRef) continue;
    const l = lots.get(b.lotRef) ?? { net: 0n, first: b.line };
    l.net += toUnits(kg(b.netKg));
    lots.set(b.lotRef, l);
  }
  for (const [ref, l] of lots) {
    const net = fromUnits(l.net);
    if (compare(net, range.min) < 0 || compare(net, range.max) > 0) {
      problems.push({
        path: rowPath(l.first, 'lot'),
        message: `lot ${ref} holds ${tonnesOf(net)} t; a lot is ${i.lotTonnes} t ± ${i.lotTolerancePct} % (${tonnesOf(range.min)} to ${tonnesOf(range.max)} t)`,
      });
    }
  }
  return problems;
}
