import type { AppContext } from './context.ts';
import type { Authenticated } from '../access/principal.ts';
import type { Submission } from '../certificates/model.ts';
import { PROFILES, sampleSubmission, type Rng } from '../certificates/samples.ts';
import { issueCertificate } from '../certificates/service.ts';
import { submitCbam } from '../cbam/report-service.ts';
import type { CbamRaw } from '../cbam/rules.ts';
import { listSpecs } from '../metals/specs.ts';
import { selectSpec } from '../metals/spec-select.ts';
import type { MetalCode } from '../metals/spec-types.ts';
import type { Queryable } from '../platform/db.ts';
import { approveFacility } from '../warehouse/network-service.ts';
import { recordReceipt, type ReceiptInput } from '../warehouse/receipt-service.ts';
import {
  cancelWarrant,
  issueWarrant,
  loadOut,
  proposeSwap,
  transferWarrants,
} from '../warehouse/warrant-service.ts';

// The demo world's warehouses: a facility of each demo warehouse company at Rotterdam, Port Klang,
// Kaohsiung and Hong Kong, approved by the exchange; metal arriving there with its certificates,
// reconciled in receipts (with some bundles that may not go on warrant, and why); warrants issued
// to the traders, the lender and the end user that deposited it, then sold, financed, cancelled
// into the load-out queue, loaded out and offered in a swap. All through the services, as over the
// API: every step signed by the organisation that takes it, logged and audited, dated today (the
// transparency log is never back-dated; production and arrival dates lie in the past).

/** A listed demo brand, its seed and the producer's quality manager who issues its certificates. */
export interface DemoBrand {
  seed: { code: string; metal: MetalCode; plant: string; country: string; shapes: string[] };
  issuer: Authenticated;
}

interface ReceiptPlan {
  brand: string;
  /** Slug of the organisation that owns the arriving metal (its warrants are issued to it). */
  depositor: string;
  /** Whole lots of certified metal, one cast each. */
  lots: number;
  /** About how long ago the metal arrived. */
  daysAgo: number;
  /** A bundle with no certificate in the register, recorded outside any lot. */
  untagged?: boolean;
  /** One bundle of the last lot weighs outside the tolerance: that lot stays off warrant. */
  weightMismatch?: boolean;
}

interface SitePlan {
  key: string; // short name used in the script below
  location: string;
  warehouse: string; // slug of the warehouse company
  name: string;
  address: string;
  metals: string[];
  minDailyLoadOutTonnes: string;
  approvedFrom: string;
  receipts: ReceiptPlan[];
}

/**
 * The four sites. Rotterdam loads out slowly (25 t a day at this shed) so its queue of several
 * cancelled warrants spreads over several days. Russian nickel produced after 13 April 2024 arrives
 * in Hong Kong and stays off warrant under the origin rule.
 */
const SITES: SitePlan[] = [
  {
    key: 'RTM',
    location: 'ROTTERDAM',
    warehouse: 'maasvlakte',
    name: 'Maasvlakte Distripark, Shed 4',
    address: 'Distripark Maasvlakte, Rotterdam',
    metals: ['AH', 'CA', 'CO', 'NI', 'ZS'],
    minDailyLoadOutTonnes: '25',
    approvedFrom: '2012-03-01',
    receipts: [
      { brand: 'ATACU', depositor: 'meridian', lots: 5, daysAgo: 95 },
      { brand: 'ELDAL', depositor: 'lioncity', lots: 2, daysAgo: 60 },
      { brand: 'LUACO', depositor: 'meridian', lots: 2, daysAgo: 40 },
    ],
  },
  {
    key: 'PKG',
    location: 'PORTKLANG',
    warehouse: 'klangharbour',
    name: 'Westport Bonded Store 2',
    address: 'Pulau Indah, Port Klang, Selangor',
    metals: ['AH', 'CA', 'PB', 'SN', 'ZS'],
    minDailyLoadOutTonnes: '60',
    approvedFrom: '2014-09-15',
    receipts: [
      { brand: 'HANZN', depositor: 'lioncity', lots: 3, daysAgo: 80, untagged: true },
      { brand: 'SCXPB', depositor: 'meridian', lots: 2, daysAgo: 55 },
      { brand: 'BTMSN', depositor: 'lioncity', lots: 2, daysAgo: 30 },
    ],
  },
  {
    key: 'KHH',
    location: 'KAOHSIUNG',
    warehouse: 'kaohsiungbonded',
    name: 'Chien Chen Bonded Warehouse B',
    address: 'Chien Chen District, Kaohsiung',
    metals: ['AA', 'AH', 'CA', 'NI', 'ZS'],
    minDailyLoadOutTonnes: '60',
    approvedFrom: '2013-06-17',
    receipts: [
      { brand: 'KAFCU', depositor: 'meridian', lots: 3, daysAgo: 70, weightMismatch: true },
      { brand: 'APOAA', depositor: 'lioncity', lots: 2, daysAgo: 50 },
      { brand: 'POHNI', depositor: 'harbourside', lots: 2, daysAgo: 25 },
    ],
  },
  {
    key: 'HKG',
    location: 'HONGKONG',
    warehouse: 'tsingyi',
    name: 'Tsing Yi Terminal, Godown 3',
    address: 'Tsing Yi, New Territories, Hong Kong',
    metals: ['AA', 'AH', 'CA', 'NI', 'ZS'],
    minDailyLoadOutTonnes: '60',
    approvedFrom: '2025-01-20',
    receipts: [
      { brand: 'ATACU', depositor: 'lioncity', lots: 2, daysAgo: 45 },
      { brand: 'ELDAL', depositor: 'meridian', lots: 3, daysAgo: 35 },
      { brand: 'PECHNI', depositor: 'lioncity', lots: 1, daysAgo: 20 },
    ],
  },
];

/** A warrant of the script: site key / brand / lot number (1-based, in the receipt's order). */
type Ref = `${string}/${string}/${number}`;

type Step =
  | { do: 'transfer'; to: string; warrants: Ref[] }
  | { do: 'cancel'; warrants: Ref[] }
  | { do: 'load-out'; warrant: Ref; reference: string }
  | { do: 'swap'; to: string; give: Ref[]; take: Ref[] };

/**
 * What happened after the metal went on warrant, in order; the acting holder is whoever holds the
 * warrant at that step. Each location ends with live, cancelled and delivered-out warrants.
 */
const SCRIPT: Step[] = [
  // Meridian sells four lots of Rotterdam copper to the cable maker, which calls three of them out.
  {
    do: 'transfer',
    to: 'rheinkabel',
    warrants: ['RTM/ATACU/1', 'RTM/ATACU/2', 'RTM/ATACU/3', 'RTM/ATACU/4'],
  },
  // Lion City finances two lots of Port Klang zinc with the bank: title passes to the lender.
  { do: 'transfer', to: 'harbourside', warrants: ['PKG/HANZN/1', 'PKG/HANZN/2'] },
  { do: 'cancel', warrants: ['RTM/ATACU/1', 'RTM/ATACU/2', 'RTM/ATACU/3', 'RTM/LUACO/1'] },
  { do: 'load-out', warrant: 'RTM/ATACU/1', reference: 'Truck NL-82-BXT-4' },
  { do: 'cancel', warrants: ['PKG/SCXPB/1', 'PKG/SCXPB/2'] },
  { do: 'load-out', warrant: 'PKG/SCXPB/1', reference: 'Container MSKU 7731204' },
  { do: 'cancel', warrants: ['KHH/KAFCU/1', 'KHH/APOAA/1'] },
  { do: 'load-out', warrant: 'KHH/APOAA/1', reference: 'Truck KHH-6618' },
  { do: 'cancel', warrants: ['HKG/ELDAL/1', 'HKG/ELDAL/2'] },
  { do: 'load-out', warrant: 'HKG/ELDAL/1', reference: 'Lighter TY-2207' },
  // Meridian offers Rotterdam copper for Lion City's Hong Kong copper; Lion City has yet to answer.
  { do: 'swap', to: 'lioncity', give: ['RTM/ATACU/5'], take: ['HKG/ATACU/1'] },
];

/** CBAM annual reports the aluminium producers file for every year their warehoused metal was made. */
const CBAM: Record<string, { producer: string; figures: CbamRaw }> = {
  ELDAL: {
    producer: 'eldvik',
    figures: {
      installation: 'Eldvík smelter, Reyðarströnd',
      installationCountry: 'IS',
      productionRoute: 'primary',
      cnCode: '760110',
      directEmissions: '1.61',
      indirectEmissions: '0.16',
      electricityConsumption: '14.3',
      electricityEmissionFactor: '0.011',
    },
  },
  APOAA: {
    producer: 'apodaca',
    figures: {
      installation: 'Apodaca alloy plant',
      installationCountry: 'MX',
      productionRoute: 'secondary',
      cnCode: '760120',
      directEmissions: '0.42',
      indirectEmissions: '0.31',
      electricityConsumption: '0.74',
      electricityEmissionFactor: '0.423',
    },
  },
};

export interface DemoWarehouseFigures {
  facilities: number;
  receipts: number;
  /** Certificates issued for the casts the warehouses received (part of the register's totals). */
  certificates: number;
  /** Received bundles not on any warrant (no certificate, a weight outside tolerance, an origin rule). */
  offWarrantBundles: number;
  warrants: { live: number; cancelled: number; deliveredOut: number };
  byLocation: {
    location: string;
    locationName: string;
    facility: string;
    warehouse: string;
    receipts: number;
    live: number;
    cancelled: number;
    deliveredOut: number;
  }[];
  /** Swaps on offer, awaiting the counterparty's answer. */
  swapsOffered: { proposer: string; counterparty: string }[];
}

const DAY_MS = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
const pick = (rng: Rng, [lo, hi]: readonly [number, number]): number => lo + (hi - lo) * rng();
const int = (rng: Rng, [lo, hi]: readonly [number, number]): number => Math.floor(lo + (hi - lo + 1) * rng());
/** Tenths of a kilogram → "1234.5". */
const kg = (t: number): string => `${Math.trunc(t / 10)}.${t % 10}`;
/** The clerk's lot references: A, B, C… */
const lotRef = (i: number): string => String.fromCharCode(65 + i);

/**
 * A cast's certificate whose bundles make one whole lot: bundles of the metal's usual size, scaled
 * together so they add up to within 0.2 % of the contract's lot size. Net weights are whole
 * kilograms, as the weighbridge prints them (a warrant's tonnage then has at most three decimals).
 */
function lotSubmission(
  b: DemoBrand,
  pcr: string,
  productionDate: string,
  lotKg: number,
  rng: Rng,
): Submission {
  const { seed } = b;
  const p = PROFILES[seed.metal];
  const sample = sampleSubmission(
    seed.metal,
    { code: seed.code, shapes: seed.shapes, country: seed.country },
    pcr,
    productionDate,
    rng,
  );
  const target = Math.round(lotKg * (1 + (rng() - 0.5) * 0.004)); // kg
  const raw: { pieces: number; kg: number }[] = [];
  let sum = 0;
  while (sum < target) {
    const pieces = int(rng, p.piecesPerBundle);
    const w = pieces * pick(rng, p.pieceKg);
    raw.push({ pieces, kg: w });
    sum += w;
  }
  const last = raw.at(-1)!.kg;
  if (raw.length > 1 && sum - target > target - (sum - last)) {
    raw.pop();
    sum -= last;
  }
  const packaging = Math.round(p.packagingKg * 10); // tenths of a kilogram
  let acc = 0;
  const bundles = raw.map((r, i) => {
    const net = i === raw.length - 1 ? target - acc : Math.round((r.kg * target) / sum);
    acc += net;
    return {
      number: `${pcr}-${String(i + 1).padStart(2, '0')}`,
      pieces: r.pieces,
      netKg: String(net),
      grossKg: kg(net * 10 + packaging),
    };
  });
  return {
    ...sample,
    shape: seed.shapes[0]!,
    pieces: raw.reduce((s, r) => s + r.pieces, 0),
    bundles,
    netWeightKg: String(target),
    grossWeightKg: kg(target * 10 + packaging * bundles.length),
    laboratory: {
      name: `${seed.plant} laboratory`,
      accreditation: 'ISO/IEC 17025',
      reportNumber: `${seed.code}/${pcr}`,
    },
    signatory: {
      name: b.issuer.type === 'user' ? b.issuer.name : 'Quality Manager',
      title: 'Quality Manager',
    },
  };
}

export async function seedDemoWarehouses(
  ctx: AppContext,
  w: {
    exchange: Authenticated;
    /** Organisation slug → a member who acts for it. */
    members: ReadonlyMap<string, Authenticated>;
    brands: ReadonlyMap<string, DemoBrand>;
    /** Brand code → the last cast number used (PCRs continue the brand's series). */
    castNo: Map<string, number>;
    rng: Rng;
    log: (msg: string) => void;
    signal?: AbortSignal;
  },
): Promise<DemoWarehouseFigures> {
  const { rng } = w;
  const today = ctx.now();
  const member = (slug: string): Authenticated => {
    const m = w.members.get(slug);
    if (!m) throw new Error(`Demo warehouses: no organisation ${slug}`);
    return m;
  };
  const brandOf = (code: string): DemoBrand => {
    const b = w.brands.get(code);
    if (!b) throw new Error(`Demo warehouses: no brand ${code}`);
    return b;
  };
  const lotKgOf = async (metal: MetalCode, day: string): Promise<number> => {
    const spec = selectSpec(await listSpecs(ctx.db, metal), metal, day);
    if (!spec) throw new Error(`Demo warehouses: no ${metal} contract specification on ${day}`);
    return Number(spec.lotTonnes) * 1000;
  };

  // 1. When each receipt arrived and each of its casts was made (the casts a few weeks earlier).
  const plans = SITES.flatMap((site) =>
    site.receipts.map((r) => {
      const receivedOn = new Date(today.getTime() - (r.daysAgo + Math.floor(rng() * 5)) * DAY_MS);
      const produced = Array.from({ length: r.lots }, () =>
        isoDate(new Date(receivedOn.getTime() - (15 + Math.floor(rng() * 60)) * DAY_MS)),
      );
      return { site, r, receivedOn: isoDate(receivedOn), produced };
    }),
  );

  // 2. The aluminium producers' CBAM reports cover every production year of the warehoused metal.
  const years = new Map<string, Set<number>>();
  for (const p of plans) {
    if (!CBAM[p.r.brand]) continue;
    const s = years.get(p.r.brand) ?? new Set<number>();
    for (const d of p.produced) s.add(Number(d.slice(0, 4)));
    years.set(p.r.brand, s);
  }
  let cbamReports = 0;
  for (const [code, ys] of years) {
    const c = CBAM[code]!;
    for (const y of [...ys].sort()) {
      await submitCbam(ctx, member(c.producer), code, {
        ...c.figures,
        periodKind: 'annual',
        periodStart: `${y}-01-01`,
        periodEnd: `${y}-12-31`,
        valueType: 'actual',
        methodology: 'IAI-CF',
        verificationStatus: 'verified',
        verifier: 'Clearline Assurance Ltd',
      });
      cbamReports++;
    }
  }

  // 3. The exchange approves a facility of each warehouse company.
  const facilities = new Map<string, string>(); // site key → facility id
  for (const site of SITES) {
    const f = await approveFacility(ctx, w.exchange, {
      warehouseOrgId: member(site.warehouse).orgId,
      location: site.location,
      name: site.name,
      address: site.address,
      metals: site.metals,
      minDailyLoadOutTonnes: site.minDailyLoadOutTonnes,
      approvedFrom: site.approvedFrom,
    });
    facilities.set(site.key, f.id);
  }

  // 4. The producers certify the casts; the warehouses receive them and warrant every clean lot.
  const warrants = new Map<Ref, { id: string; holder: string }>();
  let certificates = 0;
  let receipts = 0;
  for (const { site, r, receivedOn, produced } of plans) {
    w.signal?.throwIfAborted();
    const b = brandOf(r.brand);
    const lotKg = await lotKgOf(b.seed.metal, receivedOn);
    const rows: ReceiptInput['bundles'] = [];
    for (const [i, date] of produced.entries()) {
      const n = (w.castNo.get(b.seed.code) ?? 0) + 1;
      w.castNo.set(b.seed.code, n);
      const pcr = `${date.slice(2, 4)}${date.slice(5, 7)}-${String(n).padStart(5, '0')}`;
      const s = lotSubmission(b, pcr, date, lotKg, rng);
      const cert = await issueCertificate(ctx, b.issuer, s);
      if (cert.status !== 'issued')
        throw new Error(`Demo warehouse cast ${b.seed.code} ${pcr} came out ${cert.status}`);
      certificates++;
      const lot = lotRef(i);
      const mismatch =
        r.weightMismatch && i === produced.length - 1 ? Math.floor(rng() * s.bundles.length) : -1;
      for (const [k, bundle] of s.bundles.entries()) {
        // One bundle weighed 1.2 % light at the gate: outside the 0.5 % weight tolerance.
        const short = k === mismatch ? Math.round(Number(bundle.netKg) * 0.012) : 0; // kg
        const gross = Math.round(Number(bundle.grossKg) * 10) - short * 10; // tenths of a kilogram
        rows.push({
          lot,
          pcr,
          bundleRef: bundle.number,
          pieces: bundle.pieces,
          grossKg: kg(gross),
          netKg: String(Number(bundle.netKg) - short),
        });
      }
    }
    if (r.untagged) {
      // A bundle whose tag names a cast the register does not know: off-warrant stock, with the reason.
      const ref = `${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}-00417R`;
      const p = PROFILES[b.seed.metal];
      const pieces = int(rng, p.piecesPerBundle);
      const net = Math.round(pieces * pick(rng, p.pieceKg)); // kg
      rows.push({
        lot: null,
        pcr: ref,
        bundleRef: `${ref}-01`,
        pieces,
        grossKg: kg(net * 10 + Math.round(p.packagingKg * 10)),
        netKg: String(net),
      });
    }
    const receipt = await recordReceipt(ctx, member(site.warehouse), {
      facilityId: facilities.get(site.key)!,
      depositorOrgId: member(r.depositor).orgId,
      brand: b.seed.code,
      shape: b.seed.shapes[0]!,
      originCountry: b.seed.country,
      receivedOn,
      reference: `${site.key}-DN-${receivedOn.replaceAll('-', '')}-${String(++receipts).padStart(2, '0')}`,
      bundles: rows,
    });
    for (const [i] of produced.entries()) {
      const lot = receipt.lots.find((l) => l.lotRef === lotRef(i));
      if (!lot?.warrantable || !lot.id) continue;
      const wr = await issueWarrant(ctx, member(site.warehouse), { lotId: lot.id });
      warrants.set(`${site.key}/${r.brand}/${i + 1}`, { id: wr.id, holder: r.depositor });
    }
  }
  w.log(
    `${SITES.length} facilities approved; ${receipts} receipts of ${certificates} certified casts (${cbamReports} CBAM reports filed for their aluminium); ${warrants.size} warrants issued`,
  );

  // 5. Title moves, load-outs, a swap on offer.
  const get = (ref: Ref) => {
    const x = warrants.get(ref);
    if (!x) throw new Error(`Demo warehouses: no warrant ${ref}`);
    return x;
  };
  for (const step of SCRIPT) {
    w.signal?.throwIfAborted();
    switch (step.do) {
      case 'transfer': {
        const from = get(step.warrants[0]!).holder;
        await transferWarrants(ctx, member(from), {
          warrantIds: step.warrants.map((r) => get(r).id),
          toOrgId: member(step.to).orgId,
        });
        for (const r of step.warrants) get(r).holder = step.to;
        break;
      }
      case 'cancel':
        for (const r of step.warrants) await cancelWarrant(ctx, member(get(r).holder), get(r).id, {});
        break;
      case 'load-out': {
        const site = SITES.find((s) => step.warrant.startsWith(`${s.key}/`))!;
        await loadOut(ctx, member(site.warehouse), get(step.warrant).id, { reference: step.reference });
        break;
      }
      case 'swap': {
        const from = get(step.give[0]!).holder;
        await proposeSwap(ctx, member(from), {
          counterpartyOrgId: member(step.to).orgId,
          give: step.give.map((r) => get(r).id),
          take: step.take.map((r) => get(r).id),
        });
        break;
      }
    }
  }

  const figures = await demoWarehouseFigures(ctx.db);
  return { ...figures, certificates };
}

/** What the warehouses hold now, per location (the demo's summary). */
export async function demoWarehouseFigures(
  q: Queryable,
): Promise<Omit<DemoWarehouseFigures, 'certificates'>> {
  const sites = await q.query<{
    location: string;
    location_name: string;
    facility: string;
    warehouse: string;
    receipts: number;
    live: number;
    cancelled: number;
    delivered_out: number;
  }>(
    `SELECT f.location_code AS location, l.name AS location_name, f.name AS facility, o.name AS warehouse,
            (SELECT count(*)::int FROM receipts r WHERE r.facility_id = f.id) AS receipts,
            count(w.id) FILTER (WHERE w.status = 'live')::int AS live,
            count(w.id) FILTER (WHERE w.status = 'cancelled')::int AS cancelled,
            count(w.id) FILTER (WHERE w.status = 'delivered_out')::int AS delivered_out
       FROM facilities f JOIN delivery_locations l ON l.code = f.location_code
       JOIN organisations o ON o.id = f.warehouse_org_id
       LEFT JOIN warrants w ON w.facility_id = f.id
      GROUP BY f.id, f.location_code, l.name, f.name, o.name
      ORDER BY f.location_code, f.name`,
  );
  const off = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM receipt_bundles b
       LEFT JOIN lots l ON l.receipt_id = b.receipt_id AND l.lot_ref = b.lot_ref
       LEFT JOIN warrants w ON w.lot_id = l.id
      WHERE w.id IS NULL`,
  );
  const swaps = await q.query<{ proposer: string; counterparty: string }>(
    `SELECT p.name AS proposer, c.name AS counterparty FROM warrant_swaps s
       JOIN organisations p ON p.id = s.proposer_org_id JOIN organisations c ON c.id = s.counterparty_org_id
      WHERE s.status = 'offered' ORDER BY s.created_at, s.id`,
  );
  const byLocation = sites.rows.map((s) => ({
    location: s.location,
    locationName: s.location_name,
    facility: s.facility,
    warehouse: s.warehouse,
    receipts: s.receipts,
    live: s.live,
    cancelled: s.cancelled,
    deliveredOut: s.delivered_out,
  }));
  const sum = (f: (x: (typeof byLocation)[number]) => number): number =>
    byLocation.reduce((a, x) => a + f(x), 0);
  return {
    facilities: byLocation.length,
    receipts: sum((x) => x.receipts),
    offWarrantBundles: off.rows[0]!.n,
    warrants: {
      live: sum((x) => x.live),
      cancelled: sum((x) => x.cancelled),
      deliveredOut: sum((x) => x.deliveredOut),
    },
    byLocation,
    swapsOffered: swaps.rows,
  };
}
