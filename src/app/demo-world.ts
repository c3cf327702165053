import type { AppContext } from './context.ts';
import { DEMO_PASSWORD } from '../access/password-policy.ts';
import { acceptInvitation, addOrganisation, addUser, createOrganisation, createUser } from '../access/service.ts';
import type { Authenticated, OrgKind } from '../access/principal.ts';
import { listBrand, type Brand } from '../brands/service.ts';
import type { Submission } from '../certificates/model.ts';
import { sampleSubmission, seededRng, type Rng } from '../certificates/samples.ts';
import { amendCertificate, issueCertificate, revokeCertificate } from '../certificates/service.ts';
import type { MetalCode } from '../metals/spec-types.ts';
import type { Queryable } from '../platform/db.ts';
import { seedDemoWarehouses, type DemoWarehouseFigures } from './demo-warehouses.ts';

// A believable, entirely fictional market to explore Assay with: an exchange, producers of all nine
// metals, warehouses, traders, a lender, an end user and an auditor, each with an administrator and
// a member, and a register of eCOAs over the last 18 months; then the warehouses' facilities at four
// delivery locations, the metal they received and the warrants over it (demo-warehouses.ts).
// Everything goes through the services, so every row carries its versions and audit events exactly
// as if it had arrived over the API.

export { DEMO_PASSWORD };
export const DEMO_EXCHANGE_NAME = 'Assay Exchange (demo)';
export const DEMO_EMAIL_DOMAIN = 'demo';
export const DEFAULT_DEMO_CERTIFICATES = 3000;

/** Share of certificates that are non-conforming, amended and revoked (each at least one). */
const REJECTED_SHARE = 0.02;
const AMENDED_SHARE = 0.03;
const REVOKED_SHARE = 0.005;
const HISTORY_DAYS = 548; // about 18 months of production dates

interface OrgSeed {
  slug: string;
  name: string;
  kind: OrgKind;
  country: string;
  admin: string;
  member: string;
}

interface BrandSeed {
  org: string; // slug of the producer
  code: string;
  name: string;
  metal: MetalCode;
  plant: string;
  country: string;
  shapes: string[];
  capacityTonnes: string;
}

const EXCHANGE: OrgSeed = {
  slug: 'exchange',
  name: DEMO_EXCHANGE_NAME,
  kind: 'exchange',
  country: 'GB',
  admin: 'Eleanor Whitcombe',
  member: 'Rajesh Mistry',
};

const ORGS: OrgSeed[] = [
  // Producers (fictional names; places chosen for the metal, not for any real company).
  {
    slug: 'eldvik',
    name: 'Eldvík Aluminium hf.',
    kind: 'producer',
    country: 'IS',
    admin: 'Sigrún Hallsdóttir',
    member: 'Gunnar Ólafsson',
  },
  {
    slug: 'atacama',
    name: 'Atacama Cátodos S.A.',
    kind: 'producer',
    country: 'CL',
    admin: 'Valentina Rojas',
    member: 'Matías Fuentes',
  },
  {
    slug: 'copperbelt',
    name: 'Copperbelt Cathode Refining plc',
    kind: 'producer',
    country: 'ZM',
    admin: 'Chanda Mwale',
    member: 'Mutale Banda',
  },
  {
    slug: 'pohjola',
    name: 'Pohjola Nikkeli Oy',
    kind: 'producer',
    country: 'FI',
    admin: 'Aino Virtanen',
    member: 'Janne Korhonen',
  },
  {
    slug: 'pechora',
    name: 'Pechora Nickel Combine JSC',
    kind: 'producer',
    country: 'RU',
    admin: 'Irina Sokolova',
    member: 'Dmitri Volkov',
  },
  {
    slug: 'hanbit',
    name: 'Hanbit Zinc Co., Ltd.',
    kind: 'producer',
    country: 'KR',
    admin: 'Kim Seo-yeon',
    member: 'Park Ji-ho',
  },
  {
    slug: 'southerncross',
    name: 'Southern Cross Lead Pty Ltd',
    kind: 'producer',
    country: 'AU',
    admin: 'Olivia Harrington',
    member: 'Liam McAllister',
  },
  {
    slug: 'bangkatimah',
    name: 'PT Bangka Timah Murni',
    kind: 'producer',
    country: 'ID',
    admin: 'Dewi Lestari',
    member: 'Agus Santoso',
  },
  {
    slug: 'lualaba',
    name: 'Lualaba Cobalt Raffinerie SARL',
    kind: 'producer',
    country: 'CD',
    admin: 'Grâce Mbuyi',
    member: 'Patrick Kabongo',
  },
  {
    slug: 'apodaca',
    name: 'Aleaciones Apodaca S.A. de C.V.',
    kind: 'producer',
    country: 'MX',
    admin: 'Mariana Treviño',
    member: 'Luis Garza',
  },
  {
    slug: 'greatlakes',
    name: 'Great Lakes Alloy Castings Inc.',
    kind: 'producer',
    country: 'US',
    admin: 'Karen Kowalski',
    member: 'Marcus Reed',
  },
  // Warehouses at four delivery locations.
  {
    slug: 'maasvlakte',
    name: 'Maasvlakte Metal Storage B.V.',
    kind: 'warehouse',
    country: 'NL',
    admin: 'Pieter de Vries',
    member: 'Sanne Bakker',
  },
  {
    slug: 'klangharbour',
    name: 'Klang Harbour Warehousing Sdn Bhd',
    kind: 'warehouse',
    country: 'MY',
    admin: 'Nurul Aziz',
    member: 'Tan Wei Ming',
  },
  {
    slug: 'kaohsiungbonded',
    name: 'Kaohsiung Bonded Metals Ltd.',
    kind: 'warehouse',
    country: 'TW',
    admin: 'Lin Mei-hua',
    member: 'Chen Chih-wei',
  },
  {
    slug: 'tsingyi',
    name: 'Tsing Yi Metal Terminals Ltd.',
    kind: 'warehouse',
    country: 'HK',
    admin: 'Wong Ka-yan',
    member: 'Lau Chun-kit',
  },
  // Market participants.
  {
    slug: 'meridian',
    name: 'Meridian Metals Trading SA',
    kind: 'trader',
    country: 'CH',
    admin: 'Laurent Favre',
    member: 'Sofia Brunner',
  },
  {
    slug: 'lioncity',
    name: 'Lion City Commodities Pte. Ltd.',
    kind: 'trader',
    country: 'SG',
    admin: 'Rachel Goh',
    member: 'Arjun Pillai',
  },
  {
    slug: 'harbourside',
    name: 'Harbourside Commodity Bank',
    kind: 'lender',
    country: 'GB',
    admin: 'James Ashworth',
    member: 'Priya Nair',
  },
  {
    slug: 'rheinkabel',
    name: 'Rheinland Kabelwerk GmbH',
    kind: 'end_user',
    country: 'DE',
    admin: 'Katrin Vogel',
    member: 'Tobias Richter',
  },
  {
    slug: 'clearline',
    name: 'Clearline Assurance Ltd',
    kind: 'auditor',
    country: 'GB',
    admin: 'Hannah Okafor',
    member: 'David Lindqvist',
  },
];

const BRANDS: BrandSeed[] = [
  {
    org: 'eldvik',
    code: 'ELDAL',
    name: 'ELDVÍK',
    metal: 'AH',
    plant: 'Eldvík smelter, Reyðarströnd',
    country: 'IS',
    shapes: ['ingots', 'T-bars'],
    capacityTonnes: '330000',
  },
  {
    org: 'atacama',
    code: 'ATACU',
    name: 'ATACAMA CU',
    metal: 'CA',
    plant: 'Punta Salitre refinery',
    country: 'CL',
    shapes: ['cathodes'],
    capacityTonnes: '280000',
  },
  {
    org: 'copperbelt',
    code: 'KAFCU',
    name: 'KAFUE',
    metal: 'CA',
    plant: 'Kafue River tankhouse',
    country: 'ZM',
    shapes: ['cathodes'],
    capacityTonnes: '200000',
  },
  {
    org: 'pohjola',
    code: 'POHNI',
    name: 'POHJOLA',
    metal: 'NI',
    plant: 'Pohjanlahti nickel refinery',
    country: 'FI',
    shapes: ['full plate cathodes', 'cut cathodes'],
    capacityTonnes: '60000',
  },
  // Russian origin: its production since 13 April 2024 is issued but may not be warranted.
  {
    org: 'pechora',
    code: 'PECHNI',
    name: 'PECHORA',
    metal: 'NI',
    plant: 'Pechora refinery',
    country: 'RU',
    shapes: ['full plate cathodes'],
    capacityTonnes: '90000',
  },
  {
    org: 'hanbit',
    code: 'HANZN',
    name: 'HANBIT SHG',
    metal: 'ZS',
    plant: 'Onsan-Haean smelter',
    country: 'KR',
    shapes: ['ingots', 'jumbos'],
    capacityTonnes: '250000',
  },
  {
    org: 'southerncross',
    code: 'SCXPB',
    name: 'SOUTHERN CROSS',
    metal: 'PB',
    plant: 'Spencer Gulf lead smelter',
    country: 'AU',
    shapes: ['ingots'],
    capacityTonnes: '180000',
  },
  {
    org: 'bangkatimah',
    code: 'BTMSN',
    name: 'BANGKA MURNI',
    metal: 'SN',
    plant: 'Pangkal Balam tin smelter',
    country: 'ID',
    shapes: ['ingots'],
    capacityTonnes: '30000',
  },
  {
    org: 'lualaba',
    code: 'LUACO',
    name: 'LUALABA CO',
    metal: 'CO',
    plant: 'Kambove cobalt refinery',
    country: 'CD',
    shapes: ['cathodes', 'briquettes'],
    capacityTonnes: '20000',
  },
  {
    org: 'apodaca',
    code: 'APOAA',
    name: 'APODACA 226',
    metal: 'AA',
    plant: 'Apodaca alloy plant',
    country: 'MX',
    shapes: ['ingots', 'sows'],
    capacityTonnes: '90000',
  },
  {
    org: 'greatlakes',
    code: 'GLKNA',
    name: 'GREAT LAKES A380',
    metal: 'NA',
    plant: 'Maumee Bay foundry',
    country: 'US',
    shapes: ['ingots'],
    capacityTonnes: '75000',
  },
];

const AMENDMENT_REASONS = {
  reweigh: 'Corrected bundle weight after re-weighing',
  report: 'Laboratory report number added',
};

const REVOCATION_REASONS = [
  'Cast withdrawn: bundle tags did not match the certificate',
  'Issued under the wrong PCR; replaced by a new certificate',
  'Metal re-melted after an internal quality hold',
];

export interface DemoLogin {
  organisation: string;
  kind: OrgKind;
  email: string;
  role: 'admin' | 'member';
}

export interface DemoWorldSummary {
  organisations: number;
  users: number;
  brands: number;
  /** The whole register: the requested history plus the casts the warehouses received. */
  certificates: {
    total: number;
    issued: number;
    rejected: number;
    revoked: number;
    amended: number;
    notWarrantEligible: number;
  };
  warehouses: DemoWarehouseFigures;
  logins: DemoLogin[];
  password: string;
  elapsedMs: number;
}

export interface SeedOptions {
  certificates: number;
  /** Progress lines for a person watching (the CLI prints them). */
  log?: (msg: string) => void;
  /** Seed of the random choices; the same seed and "today" give the same world. */
  seed?: number;
  /** Stops between certificates (Ctrl-C); what was written so far stays. */
  signal?: AbortSignal;
}

export const demoEmail = (role: 'admin' | 'member', slug: string): string =>
  `${role === 'admin' ? 'admin' : 'member'}@${slug}.${DEMO_EMAIL_DOMAIN}`;

/** True when the database holds any organisation (the demo world is only seeded into an empty one). */
export async function hasOrganisations(q: Queryable): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM organisations LIMIT 1`);
  return r.rowCount > 0;
}

/** The demo logins still present in this database (empty when it holds no demo world). */
export async function demoLogins(q: Queryable): Promise<DemoLogin[]> {
  const r = await q.query<{ email: string; role: 'admin' | 'member'; org: string; kind: OrgKind }>(
    `SELECT u.email, u.role, o.name AS org, o.kind FROM users u JOIN organisations o ON o.id = u.org_id
      WHERE u.email LIKE $1 AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL
        AND EXISTS (SELECT 1 FROM organisations WHERE name = $2)
      ORDER BY u.email`,
    [`%.${DEMO_EMAIL_DOMAIN}`, DEMO_EXCHANGE_NAME],
  );
  return r.rows.map((x) => ({ organisation: x.org, kind: x.kind, email: x.email, role: x.role }));
}

// ---------------------------------------------------------------- helpers

const DAY_MS = 86_400_000;
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Splits n over weights (largest remainder), every share at least one when n allows. */
function apportion(n: number, weights: number[]): number[] {
  const base = n >= weights.length ? 1 : 0;
  const rest = n - base * weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / total);
  const out = exact.map((x) => base + Math.floor(x));
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

/** Tenths of a kilogram ↔ "1234.5". */
const tenths = (kg: string): number => Math.round(Number(kg) * 10);
const kgString = (t: number): string => `${Math.trunc(t / 10)}.${Math.abs(t % 10)}`;

/** Makes a submission fail its contract in a way a laboratory or weighbridge really gets wrong. */
function spoil(metal: MetalCode, s: Submission, rng: Rng): Submission {
  const chem = { ...s.chemistry };
  const set = (el: string, value: string): void => {
    chem[el] = { value, unit: '%' };
  };
  const digit = (): number => 1 + Math.floor(rng() * 8);
  switch (metal) {
    case 'CA':
      set('Ag', `0.00${30 + digit() * 2}`); // Ag above 0.0025 %
      break;
    case 'AH':
      set('Si', `0.1${2 + Math.floor(rng() * 6)}`); // Si above 0.10 %
      break;
    case 'ZS':
      set('Pb', `0.00${35 + digit()}`);
      set('Zn', '99.993');
      break;
    case 'PB':
      set('Bi', `0.0${25 + digit()}`);
      set('Pb', '99.96');
      break;
    case 'NI':
      set('Co', `0.1${4 + digit()}`);
      set('Ni', '99.76');
      break;
    case 'SN':
      set('Pb', `0.0${80 + digit()}`);
      set('Sn', '99.82');
      break;
    case 'CO':
      set('Ni', `0.1${5 + digit()}`);
      set('Co', '99.74');
      break;
    case 'AA':
    case 'NA':
      // No element limits in force for the alloys: the weighbridge total disagrees with the bundles.
      return { ...s, netWeightKg: kgString(tenths(s.netWeightKg) + 250 + digit() * 10) };
  }
  return { ...s, chemistry: chem };
}

function reweigh(s: Submission, rng: Rng): Submission {
  const i = Math.floor(rng() * s.bundles.length);
  const delta = (rng() < 0.5 ? -1 : 1) * (5 + Math.floor(rng() * 40)); // 0.5–4.4 kg
  const bundles = s.bundles.map((b, k) =>
    k !== i
      ? b
      : {
          ...b,
          netKg: kgString(tenths(b.netKg) + delta),
          ...(b.grossKg ? { grossKg: kgString(tenths(b.grossKg) + delta) } : {}),
        },
  );
  return {
    ...s,
    bundles,
    netWeightKg: kgString(tenths(s.netWeightKg) + delta),
    grossWeightKg: kgString(tenths(s.grossWeightKg) + delta),
  };
}

/** What happens to a cast's certificate: issued as is, rejected, amended later (two ways), revoked. */
type Plan = 'issue' | 'reject' | 'reweigh' | 'add-report' | 'revoke';

// ---------------------------------------------------------------- the seeder

export async function seedDemoWorld(outer: AppContext, opts: SeedOptions): Promise<DemoWorldSummary> {
  // Demo mode: the one place the published demo password may be chosen (access/password-policy.ts).
  const ctx: AppContext = { ...outer, seedingDemo: true };
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const rngSeed = opts.seed ?? 20_260_413;
  const rng = seededRng(rngSeed);
  // The warehouses draw from their own sequence, so the register's history is the same with or without them.
  const warehouseRng = seededRng((rngSeed ^ 0x5eed_f00d) >>> 0);
  const total = Math.max(0, Math.floor(opts.certificates));
  const logins: DemoLogin[] = [];

  // 1. The exchange bootstraps itself: no one exists yet to authorise it, so the operator does.
  const exchangeOrg = await addOrganisation(
    ctx,
    { userId: null, apiKeyId: null, orgId: null },
    { name: EXCHANGE.name, kind: 'exchange', country: EXCHANGE.country },
    'demo-world',
  );
  const exchangeAdminUser = await addUser(
    ctx,
    { userId: null, apiKeyId: null, orgId: exchangeOrg.id },
    exchangeOrg.id,
    {
      email: demoEmail('admin', EXCHANGE.slug),
      name: EXCHANGE.admin,
      role: 'admin',
      password: DEMO_PASSWORD,
    },
  );
  const exchangeAdmin: Authenticated = {
    type: 'user',
    userId: exchangeAdminUser.user.id,
    orgId: exchangeOrg.id,
    orgKind: 'exchange',
    role: 'admin',
    email: exchangeAdminUser.user.email,
    name: exchangeAdminUser.user.name,
  };
  await createUser(ctx, exchangeAdmin, exchangeOrg.id, {
    email: demoEmail('member', EXCHANGE.slug),
    name: EXCHANGE.member,
    role: 'member',
    password: DEMO_PASSWORD,
  });
  logins.push(
    {
      organisation: EXCHANGE.name,
      kind: 'exchange',
      email: demoEmail('admin', EXCHANGE.slug),
      role: 'admin',
    },
    {
      organisation: EXCHANGE.name,
      kind: 'exchange',
      email: demoEmail('member', EXCHANGE.slug),
      role: 'member',
    },
  );

  // 2. Every other organisation, created by the exchange, with an administrator and a member.
  const members = new Map<string, Authenticated>(); // producer slug → its quality manager
  for (const o of ORGS) {
    const org = await createOrganisation(ctx, exchangeAdmin, {
      name: o.name,
      kind: o.kind,
      country: o.country,
    });
    // As in life: the exchange invites the organisation's first administrator, who chooses the
    // password; that administrator then adds a colleague.
    const invited = await createUser(ctx, exchangeAdmin, org.id, {
      email: demoEmail('admin', o.slug),
      name: o.admin,
      role: 'admin',
    });
    await acceptInvitation(ctx, invited.invitationToken!, DEMO_PASSWORD);
    const orgAdmin: Authenticated = {
      type: 'user',
      userId: invited.user.id,
      orgId: org.id,
      orgKind: o.kind,
      role: 'admin',
      email: invited.user.email,
      name: invited.user.name,
    };
    const m = await createUser(ctx, orgAdmin, org.id, {
      email: demoEmail('member', o.slug),
      name: o.member,
      role: 'member',
      password: DEMO_PASSWORD,
    });
    members.set(o.slug, {
      type: 'user',
      userId: m.user.id,
      orgId: org.id,
      orgKind: o.kind,
      role: 'member',
      email: m.user.email,
      name: m.user.name,
    });
    logins.push(
      { organisation: o.name, kind: o.kind, email: demoEmail('admin', o.slug), role: 'admin' },
      { organisation: o.name, kind: o.kind, email: demoEmail('member', o.slug), role: 'member' },
    );
  }
  log(`${ORGS.length + 1} organisations and ${2 * (ORGS.length + 1)} users created`);

  // 3. Brands, listed by the exchange. The log records that they were registered today; their
  // listing dates are historical facts the exchange records (demo brands since 2015), so metal
  // produced before today is deliverable.
  const brands: { seed: BrandSeed; brand: Brand; issuer: Authenticated }[] = [];
  for (const b of BRANDS) {
    const issuer = members.get(b.org)!;
    const brand = await listBrand(ctx, exchangeAdmin, {
      code: b.code,
      name: b.name,
      metal: b.metal,
      producerOrgId: issuer.orgId,
      plant: { name: b.plant, country: b.country },
      shapes: b.shapes,
      annualCapacityTonnes: b.capacityTonnes,
      listedFrom: '2015-01-01',
    });
    brands.push({ seed: b, brand, issuer });
  }
  log(`${brands.length} brands listed across ${new Set(BRANDS.map((b) => b.metal)).size} metals`);

  // 4. The certificates: who gets how many, what happens to each, in production-date order.
  const want = {
    rejected: total === 0 ? 0 : Math.max(1, Math.round(total * REJECTED_SHARE)),
    amended: total === 0 ? 0 : Math.max(1, Math.round(total * AMENDED_SHARE)),
    revoked: total === 0 ? 0 : Math.max(1, Math.round(total * REVOKED_SHARE)),
  };
  const perBrand = apportion(
    total,
    brands.map((b) => Number(b.seed.capacityTonnes)),
  );
  const today = ctx.now();
  const jobs = brands
    .flatMap((b, i) => Array.from({ length: perBrand[i]! }, () => b))
    .map((b) => ({
      b,
      date: isoDate(new Date(today.getTime() - Math.floor(rng() * HISTORY_DAYS) * DAY_MS)),
      plan: 'issue' as Plan,
    }));
  jobs.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  // Rejections, amendments and revocations fall on random casts; Russian nickel stays plainly
  // issued so the origin rule is always on show.
  const open = shuffle(
    jobs.map((_, i) => i).filter((i) => jobs[i]!.b.seed.country !== 'RU'),
    rng,
  );
  const assign = (n: number, plan: (k: number) => Plan): number => {
    let k = 0;
    for (; k < n && open.length > 0; k++) jobs[open.pop()!]!.plan = plan(k);
    return k;
  };
  const counts = {
    rejected: assign(want.rejected, () => 'reject'),
    amended: assign(want.amended, (k) => (k % 3 === 2 ? 'add-report' : 'reweigh')),
    revoked: assign(want.revoked, () => 'revoke'),
  };

  const later: { id: string; plan: Plan; issuer: Authenticated; submission: Submission }[] = [];
  const castNo = new Map<string, number>();
  let done = 0;
  let lastReport = Date.now();
  for (const job of jobs) {
    opts.signal?.throwIfAborted();
    const { seed, brand, issuer } = job.b;
    const n = (castNo.get(seed.code) ?? 0) + 1;
    castNo.set(seed.code, n);
    const pcr = `${job.date.slice(2, 4)}${job.date.slice(5, 7)}-${String(n).padStart(5, '0')}`;
    const sample = sampleSubmission(
      seed.metal,
      { code: seed.code, shapes: seed.shapes, country: seed.country },
      pcr,
      job.date,
      rng,
    );
    const laboratory: Submission['laboratory'] = {
      name: `${seed.plant} laboratory`,
      accreditation: 'ISO/IEC 17025',
    };
    // The 'add-report' casts go out without their laboratory report number; the amendment adds it.
    if (job.plan !== 'add-report') laboratory.reportNumber = `${seed.code}/${pcr}`;
    const s: Submission = {
      ...sample,
      shape: seed.shapes[Math.floor(rng() * seed.shapes.length)]!,
      laboratory,
      signatory: { name: issuer.type === 'user' ? issuer.name : 'Quality Manager', title: 'Quality Manager' },
    };
    const cert = await issueCertificate(ctx, issuer, job.plan === 'reject' ? spoil(seed.metal, s, rng) : s);
    const expected = job.plan === 'reject' ? 'rejected' : 'issued';
    if (cert.status !== expected) {
      throw new Error(`Demo certificate ${brand.code} ${pcr} came out ${cert.status}, expected ${expected}`);
    }
    if (job.plan !== 'issue' && job.plan !== 'reject')
      later.push({ id: cert.id, plan: job.plan, issuer, submission: s });
    done++;
    if (done === total || Date.now() - lastReport > 2000) {
      lastReport = Date.now();
      log(`${done}/${total} certificates issued (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  }

  // 5. Later events: corrections and withdrawals by the producers.
  let revokeK = 0;
  for (const l of later) {
    opts.signal?.throwIfAborted();
    if (l.plan === 'reweigh') {
      await amendCertificate(ctx, l.issuer, l.id, AMENDMENT_REASONS.reweigh, reweigh(l.submission, rng));
    } else if (l.plan === 'add-report') {
      const s = l.submission;
      await amendCertificate(ctx, l.issuer, l.id, AMENDMENT_REASONS.report, {
        ...s,
        laboratory: { ...s.laboratory, reportNumber: `${s.brand}/${s.pcr}` },
      });
    } else {
      await revokeCertificate(
        ctx,
        l.issuer,
        l.id,
        REVOCATION_REASONS[revokeK++ % REVOCATION_REASONS.length]!,
      );
    }
  }
  if (later.length) log(`${counts.amended} certificates amended, ${counts.revoked} revoked`);

  // 6. The warehouses: facilities, the metal they received, its warrants and what became of them.
  const warehousesStarted = Date.now();
  const warehouses = await seedDemoWarehouses(ctx, {
    exchange: exchangeAdmin,
    members,
    brands: new Map(brands.map((b) => [b.seed.code, b])),
    castNo,
    rng: warehouseRng,
    log,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const w = warehouses.warrants;
  log(
    `${w.live + w.cancelled + w.deliveredOut} warrants: ${w.live} live, ${w.cancelled} cancelled for load-out, ${w.deliveredOut} delivered out; ` +
      `${warehouses.swapsOffered.length} swap offered (${((Date.now() - warehousesStarted) / 1000).toFixed(1)} s)`,
  );

  const notWarrantEligible = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM certificates WHERE status = 'issued' AND NOT warrant_eligible`,
  );
  return {
    organisations: ORGS.length + 1,
    users: 2 * (ORGS.length + 1),
    brands: brands.length,
    certificates: {
      total: total + warehouses.certificates,
      issued: total - counts.rejected - counts.revoked + warehouses.certificates,
      rejected: counts.rejected,
      revoked: counts.revoked,
      amended: counts.amended,
      notWarrantEligible: notWarrantEligible.rows[0]!.n,
    },
    warehouses,
    logins,
    password: DEMO_PASSWORD,
    elapsedMs: Date.now() - started,
  };
}
