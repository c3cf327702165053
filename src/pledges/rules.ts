// The rules of electronic receipts and pledges. Pure.
//
// Electronic warehouse receipt (title to a reconciled lot kept off warrant):
//
//   issued ──► active ──transfer──► active
//                 │
//                 ├──convert──► converted      (a warrant is issued for the lot; the receipt retires)
//                 └──deliver──► delivered_out  (the metal leaves the warehouse to its holder)
//
// Only the holder transfers; only the warehouse converts and delivers (at the holder's request).
//
// Pledge (one or more warrants or receipts, from their holder to a lender or the clearing house):
//
//   proposed ──accept (lender)──► active ──release (lender)──► released
//      │                           │  └────enforce (lender)──► enforced   (title moves to the lender or its buyer)
//      ├──decline (lender)──► declined
//      └──withdraw (pledgor)─► withdrawn
//
// While active, each of its assets is locked: a transfer or cancellation needs the lender's consent
// (one consent, one use), and a load-out, delivery, conversion, holder-changing correction or new
// pledge needs the pledge's release. Maturity does not end a pledge: once it has passed, the pledge
// stays active (the metal stays locked) and is flagged overdue until the lender releases or enforces.

export const E_RECEIPT_STATUSES = ['active', 'converted', 'delivered_out'] as const;
export type EReceiptStatus = (typeof E_RECEIPT_STATUSES)[number];
export type EReceiptAction = 'transfer' | 'convert' | 'deliver';

export const E_RECEIPT_KIND: Record<EReceiptAction | 'issue', string> = {
  issue: 'e_receipt.issued',
  transfer: 'e_receipt.transferred',
  convert: 'e_receipt.converted',
  deliver: 'e_receipt.delivered_out',
};

const RECEIPT_RULES: Record<EReceiptAction, { by: 'holder' | 'warehouse'; to: EReceiptStatus }> = {
  transfer: { by: 'holder', to: 'active' },
  convert: { by: 'warehouse', to: 'converted' },
  deliver: { by: 'warehouse', to: 'delivered_out' },
};

export type Refusal = { ok: false; refusal: 'forbidden' | 'conflict'; reason: string };

export function receiptTransition(
  action: EReceiptAction,
  status: EReceiptStatus,
  parts: { holder: boolean; warehouse: boolean },
): { ok: true; to: EReceiptStatus } | Refusal {
  const r = RECEIPT_RULES[action];
  if (!parts[r.by]) return { ok: false, refusal: 'forbidden', reason: `Only ${r.by === 'holder' ? 'its holder' : 'the warehouse storing the metal'} may ${action} an electronic receipt` };
  if (status !== 'active') return { ok: false, refusal: 'conflict', reason: `The receipt is ${status.replace('_', ' ')}: only an active receipt can ${action === 'deliver' ? 'be delivered' : action === 'convert' ? 'be converted' : 'change hands'}` };
  return { ok: true, to: r.to };
}

// ---------------------------------------------------------------- pledges

export const PLEDGE_STATUSES = ['proposed', 'active', 'declined', 'withdrawn', 'released', 'enforced'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export type PledgeStep = 'accept' | 'decline' | 'withdraw' | 'consent' | 'release' | 'enforce';

export const PLEDGE_KIND: Record<PledgeStep | 'propose', string> = {
  propose: 'pledge.proposed',
  accept: 'pledge.accepted',
  decline: 'pledge.declined',
  withdraw: 'pledge.withdrawn',
  consent: 'pledge.consented',
  release: 'pledge.released',
  enforce: 'pledge.enforced',
};
export const PLEDGE_KINDS = Object.values(PLEDGE_KIND);

const STEP_RULES: Record<PledgeStep, { by: 'lender' | 'pledgor'; from: PledgeStatus; to: PledgeStatus; done: string }> = {
  accept: { by: 'lender', from: 'proposed', to: 'active', done: 'accepted' },
  decline: { by: 'lender', from: 'proposed', to: 'declined', done: 'declined' },
  withdraw: { by: 'pledgor', from: 'proposed', to: 'withdrawn', done: 'withdrawn' },
  consent: { by: 'lender', from: 'active', to: 'active', done: 'consented to' },
  release: { by: 'lender', from: 'active', to: 'released', done: 'released' },
  enforce: { by: 'lender', from: 'active', to: 'enforced', done: 'enforced' },
};

export function pledgeStep(step: PledgeStep, status: PledgeStatus, parts: { lender: boolean; pledgor: boolean }): { ok: true; to: PledgeStatus } | Refusal {
  const r = STEP_RULES[step];
  if (!parts[r.by]) return { ok: false, refusal: 'forbidden', reason: `Only the ${r.by === 'lender' ? 'lender' : 'pledgor'} may ${step} this pledge` };
  if (status !== r.from) return { ok: false, refusal: 'conflict', reason: `The pledge is ${status}; only a ${r.from} pledge can be ${r.done}` };
  return { ok: true, to: r.to };
}

/** Past its maturity and still active: the metal stays locked, and the lender's book flags it. */
export const isOverdue = (p: { status: PledgeStatus; maturity: string }, today: string): boolean => p.status === 'active' && p.maturity < today;

// ---------------------------------------------------------------- what a pledge locks

/** Everything that can happen to a pledged asset, in the words of the refusal. */
export type AssetAction = 'transfer' | 'cancel' | 'load_out' | 'deliver' | 'convert' | 'correct_holder' | 'pledge';
export const CONSENTABLE: readonly AssetAction[] = ['transfer', 'cancel'];

const DOING: Record<AssetAction, string> = {
  transfer: 'a transfer',
  cancel: 'a cancellation',
  load_out: 'a load-out',
  deliver: 'a delivery',
  convert: 'a conversion to a warrant',
  correct_holder: 'a change of holder',
  pledge: 'another pledge',
};

/** The refusal of an action on an asset locked by an active pledge (the lender's consent, where it can be given, having been looked for). */
export function lockedReason(asset: { kind: 'Warrant' | 'Electronic receipt'; number: string }, pledgeNumber: string, action: AssetAction): string {
  const needs = CONSENTABLE.includes(action) ? "the lender's consent or the pledge's release" : "the pledge's release";
  return `${asset.kind} ${asset.number} is pledged under ${pledgeNumber}: ${DOING[action]} needs ${needs}`;
}

/** A lender's consent to one action on one asset; `logIndex` orders it against the asset's transitions. */
export interface Consent {
  assetId: string;
  action: AssetAction;
  toOrgId: string | null;
  logIndex: number;
}

/**
 * Whether an unused consent allows `action` now. A transition uses the earliest consent given
 * before it, not yet used, that fits it (same action; no recipient named, or this recipient);
 * replaying the asset's transitions since the consents in log order says which are used, so
 * nothing is stored when a consent is used: the asset's own logged history says so.
 */
export function consentAvailable(
  consents: readonly Consent[],
  pastTransitions: readonly { action: AssetAction; toOrgId: string | null; logIndex: number }[],
  want: { assetId: string; action: AssetAction; toOrgId: string | null },
): boolean {
  const mine = consents.filter((c) => c.assetId === want.assetId && c.action === want.action).sort((a, b) => a.logIndex - b.logIndex);
  const fits = (c: Consent, toOrgId: string | null) => c.toOrgId === null || c.toOrgId === toOrgId;
  const used = new Set<Consent>();
  for (const t of [...pastTransitions].filter((x) => x.action === want.action).sort((a, b) => a.logIndex - b.logIndex)) {
    const c = mine.find((x) => !used.has(x) && x.logIndex < t.logIndex && fits(x, t.toOrgId));
    if (c) used.add(c);
  }
  return mine.some((c) => !used.has(c) && fits(c, want.toOrgId));
}
