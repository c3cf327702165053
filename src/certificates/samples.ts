import type { Analysis, MetalCode } from '../metals/spec-types.ts';
import type { Submission } from './model.ts';

// Realistic certificate contents for the demo world, tests and the benchmark generator: chemistry
// close to (but inside) each contract's limits, bundles whose weights add up. Deterministic for a
// given random source, so seeds and benchmarks are reproducible.

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG (not for secrets). */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Range = readonly [number, number, number?]; // [min, max, decimals]

interface Profile {
  base: string | null;
  /** Base element reported with this many decimals (floored so it never overstates purity). */
  baseDecimals: number;
  impurities: Record<string, Range>;
  /** Elements reported as "below detection limit". */
  belowDetection: Record<string, string>;
  piecesPerBundle: readonly [number, number];
  pieceKg: readonly [number, number];
  bundles: readonly [number, number];
  packagingKg: number;
}

export const PROFILES: Record<MetalCode, Profile> = {
  AH: {
    base: 'Al',
    baseDecimals: 2,
    impurities: { Si: [0.03, 0.07, 3], Fe: [0.06, 0.14, 3], Zn: [0.002, 0.015, 3], Ga: [0.008, 0.02, 3], V: [0.004, 0.015, 3] },
    belowDetection: {},
    piecesPerBundle: [45, 48],
    pieceKg: [22, 23.5],
    bundles: [22, 26],
    packagingKg: 1.5,
  },
  CA: {
    base: null,
    baseDecimals: 4,
    impurities: {
      Ag: [0.0006, 0.0012, 5],
      As: [0.00005, 0.0002, 5],
      Bi: [0.00002, 0.00008, 5],
      Fe: [0.0001, 0.0005, 5],
      Pb: [0.0001, 0.0003, 5],
      S: [0.0003, 0.0008, 5],
      Sb: [0.00005, 0.0002, 5],
      Ni: [0.0001, 0.0003, 5],
      Sn: [0.00002, 0.0001, 5],
      Zn: [0.00002, 0.0001, 5],
    },
    belowDetection: { Se: '0.0001', Te: '0.0001' },
    piecesPerBundle: [20, 24],
    pieceKg: [100, 120],
    bundles: [10, 12],
    packagingKg: 2,
  },
  ZS: {
    base: 'Zn',
    baseDecimals: 3,
    impurities: { Pb: [0.0008, 0.0018, 4], Cd: [0.0002, 0.0008, 4], Fe: [0.0003, 0.0009, 4], Cu: [0.0001, 0.0004, 4] },
    belowDetection: { Sn: '0.0001' },
    piecesPerBundle: [40, 42],
    pieceKg: [24, 26],
    bundles: [23, 26],
    packagingKg: 1.5,
  },
  PB: {
    base: 'Pb',
    baseDecimals: 3,
    impurities: { Bi: [0.004, 0.012, 4], Ag: [0.0005, 0.001, 4], Cu: [0.0004, 0.001, 4], Sb: [0.0002, 0.0006, 4], Zn: [0.0001, 0.0003, 4] },
    belowDetection: { Fe: '0.0005' },
    piecesPerBundle: [42, 42],
    pieceKg: [25.5, 26.5],
    bundles: [22, 24],
    packagingKg: 1.2,
  },
  NI: {
    base: 'Ni',
    baseDecimals: 2,
    impurities: { Co: [0.005, 0.05, 3], Cu: [0.001, 0.005, 4], Fe: [0.002, 0.01, 4], S: [0.0003, 0.001, 4], C: [0.002, 0.01, 4] },
    belowDetection: { Pb: '0.0005' },
    piecesPerBundle: [18, 20],
    pieceKg: [75, 85],
    bundles: [4, 5],
    packagingKg: 3,
  },
  SN: {
    base: 'Sn',
    baseDecimals: 2,
    impurities: { Pb: [0.01, 0.03, 3], Sb: [0.005, 0.02, 3], Cu: [0.002, 0.01, 3], As: [0.001, 0.005, 4], Fe: [0.001, 0.004, 4] },
    belowDetection: { Bi: '0.001' },
    piecesPerBundle: [40, 40],
    pieceKg: [24.5, 25.5],
    bundles: [5, 5],
    packagingKg: 1,
  },
  AA: {
    base: null,
    baseDecimals: 2,
    // Designation 226 (EN AC-46000) and no other: Si above A380.1's 9.5, Zn above AD12.1's 1.0.
    impurities: { Si: [9.6, 10.8, 2], Cu: [2.2, 3.4, 2], Fe: [0.6, 1.0, 2], Zn: [1.02, 1.18, 2], Mg: [0.15, 0.45, 2], Mn: [0.1, 0.4, 2], Ni: [0.05, 0.3, 2] },
    belowDetection: {},
    piecesPerBundle: [54, 56],
    pieceKg: [7, 8],
    bundles: [45, 50],
    packagingKg: 1,
  },
  NA: {
    base: null,
    baseDecimals: 2,
    // Designation A380.1.
    impurities: { Si: [8.5, 9.5, 2], Cu: [3.0, 3.6, 2], Fe: [0.7, 1.0, 2], Zn: [1.0, 2.9, 2], Mg: [0.05, 0.1, 2], Mn: [0.1, 0.5, 2] },
    belowDetection: {},
    piecesPerBundle: [54, 56],
    pieceKg: [7, 8],
    bundles: [45, 50],
    packagingKg: 1,
  },
  CO: {
    base: 'Co',
    baseDecimals: 2,
    impurities: { Ni: [0.005, 0.04, 3], Fe: [0.002, 0.01, 4], Cu: [0.001, 0.005, 4], C: [0.002, 0.01, 4], S: [0.0005, 0.002, 4] },
    belowDetection: { Pb: '0.0005' },
    piecesPerBundle: [10, 12],
    pieceKg: [20, 25],
    bundles: [4, 4],
    packagingKg: 2,
  },
};

const pick = (rng: Rng, [lo, hi]: readonly [number, number]): number => lo + (hi - lo) * rng();
const int = (rng: Rng, [lo, hi]: readonly [number, number]): number => Math.floor(lo + (hi - lo + 1) * rng());

/** Integer arithmetic in units of 10^-decimals, so generated figures are exact decimals. */
function fixedString(units: number, decimals: number): string {
  const s = Math.round(units).toString().padStart(decimals + 1, '0');
  return decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

export function sampleAnalysis(metal: MetalCode, rng: Rng): Analysis {
  const p = PROFILES[metal];
  const analysis: Analysis = {};
  const SCALE = 100_000; // 1e-5 % resolution for the purity arithmetic
  let impuritySum = 0;
  for (const [el, [lo, hi, decimals = 4]] of Object.entries(p.impurities)) {
    const units = Math.round(pick(rng, [lo, hi]) * 10 ** decimals);
    analysis[el] = { value: fixedString(units, decimals), unit: '%' };
    impuritySum += Math.round((units * SCALE) / 10 ** decimals);
  }
  for (const [el, bound] of Object.entries(p.belowDetection)) {
    analysis[el] = { value: bound, unit: '%', operator: '<' };
    impuritySum += Math.round(Number(bound) * SCALE);
  }
  if (p.base) {
    const step = SCALE / 10 ** p.baseDecimals;
    const baseUnits = Math.floor((100 * SCALE - impuritySum) / step);
    analysis[p.base] = { value: fixedString(baseUnits, p.baseDecimals), unit: '%' };
  }
  return analysis;
}

export function sampleSubmission(
  metal: MetalCode,
  brand: { code: string; shapes: string[]; country: string },
  pcr: string,
  productionDate: string,
  rng: Rng,
): Submission {
  const p = PROFILES[metal];
  const bundleCount = int(rng, p.bundles);
  const bundles: Submission['bundles'] = [];
  let net = 0;
  let gross = 0;
  let pieces = 0;
  for (let i = 1; i <= bundleCount; i++) {
    const n = int(rng, p.piecesPerBundle);
    const netG = Math.round(n * pick(rng, p.pieceKg) * 10); // 0.1 kg units
    const grossG = netG + Math.round(p.packagingKg * 10);
    bundles.push({ number: `${pcr}-${String(i).padStart(2, '0')}`, pieces: n, netKg: fixedString(netG, 1), grossKg: fixedString(grossG, 1) });
    net += netG;
    gross += grossG;
    pieces += n;
  }
  return {
    brand: brand.code,
    pcr,
    metal,
    productionDate,
    originCountry: brand.country,
    shape: brand.shapes[0]!,
    pieces,
    bundles,
    grossWeightKg: fixedString(gross, 1),
    netWeightKg: fixedString(net, 1),
    chemistry: sampleAnalysis(metal, rng),
    laboratory: { name: `${brand.code} plant laboratory`, accreditation: 'ISO/IEC 17025' },
    signatory: { name: 'Quality Manager', title: 'Head of Quality' },
  };
}
