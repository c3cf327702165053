// The warrant state machine, and the load-out queue estimate. Pure.
//
//   issued ──► live ──cancel──► cancelled ──load-out──► delivered_out
//                ▲                  │
//                └──── re-warrant ──┘
//
// Only the holder transfers or cancels; only the warehouse re-warrants (at the holder's request)
// and loads out; the exchange corrects. A transfer moves a live warrant only; a cancelled warrant
// is earmarked for its holder's load-out and does not change hands.

export const WARRANT_STATUSES = ['live', 'cancelled', 'delivered_out'] as const;
export type WarrantStatus = (typeof WARRANT_STATUSES)[number];

export type WarrantAction = 'transfer' | 'cancel' | 'rewarrant' | 'load_out' | 'correct';
export type Actor = 'holder' | 'warehouse' | 'exchange' | 'other';

interface Rule {
  from: readonly WarrantStatus[];
  by: readonly Actor[];
  to: WarrantStatus | 'same';
  /** What the refusal says when the status is wrong. */
  needs: string;
}

const RULES: Record<WarrantAction, Rule> = {
  transfer: { from: ['live'], by: ['holder'], to: 'same', needs: 'only a live warrant changes hands' },
  cancel: { from: ['live'], by: ['holder'], to: 'cancelled', needs: 'only a live warrant is cancelled' },
  rewarrant: { from: ['cancelled'], by: ['warehouse', 'exchange'], to: 'live', needs: 'only a cancelled warrant is made live again' },
  load_out: { from: ['cancelled'], by: ['warehouse'], to: 'delivered_out', needs: 'metal is loaded out only after its warrant was cancelled' },
  correct: { from: ['live', 'cancelled'], by: ['exchange'], to: 'same', needs: 'a delivered-out warrant is history and is not corrected' },
};

export const ACTION_KIND: Record<WarrantAction, string> = {
  transfer: 'warrant.transferred',
  cancel: 'warrant.cancelled',
  rewarrant: 'warrant.rewarranted',
  load_out: 'warrant.loaded_out',
  correct: 'warrant.corrected',
};

const WHO: Record<Actor, string> = { holder: 'its holder', warehouse: 'the warehouse', exchange: 'the exchange', other: 'others' };

/** The status after the action, or why it is refused (kind: who may not, or the status forbids). */
export function transition(
  action: WarrantAction,
  status: WarrantStatus,
  actors: readonly Actor[],
): { ok: true; to: WarrantStatus } | { ok: false; refusal: 'forbidden' | 'conflict'; reason: string } {
  const r = RULES[action];
  if (!actors.some((a) => r.by.includes(a))) {
    return { ok: false, refusal: 'forbidden', reason: `Only ${r.by.map((a) => WHO[a]).join(' or ')} may ${action.replace('_', ' ')} a warrant` };
  }
  if (!r.from.includes(status)) return { ok: false, refusal: 'conflict', reason: `The warrant is ${status.replace('_', ' ')}: ${r.needs}` };
  return { ok: true, to: r.to === 'same' ? status : r.to };
}

/** Every part the caller plays for this warrant (a warehouse may also hold what it stores). */
export function actorOf(p: { orgId: string; orgKind: string }, w: { holderOrgId: string; warehouseOrgId: string }): Actor[] {
  const parts: Actor[] = [];
  if (p.orgKind === 'exchange') parts.push('exchange');
  if (p.orgId === w.holderOrgId) parts.push('holder');
  if (p.orgId === w.warehouseOrgId) parts.push('warehouse');
  return parts.length ? parts : ['other'];
}

/**
 * A facility's load-out queue: cancelled warrants in the order they were cancelled, each with its
 * position, the tonnes ahead of it, and how many working days it takes at the facility's minimum
 * daily load-out rate to move everything up to and including it (the queue starts moving on the
 * next working day; the service turns the count into a date in the location's calendar).
 */
export function queueEstimate<W extends { tonnes: string; cancelledAt: string }>(
  cancelled: readonly W[],
  minDailyTonnes: string,
): (W & { position: number; tonnesAhead: string; workingDays: number })[] {
  const rate = toMilli(minDailyTonnes);
  let ahead = 0n;
  return [...cancelled]
    .sort((a, b) => (a.cancelledAt < b.cancelledAt ? -1 : a.cancelledAt > b.cancelledAt ? 1 : 0))
    .map((w, i) => {
      const before = ahead;
      ahead += toMilli(w.tonnes);
      return { ...w, position: i + 1, tonnesAhead: fromMilli(before), workingDays: Number((ahead + rate - 1n) / rate) };
    });
}

/** The sum of tonnages, exactly. */
export const sumTonnes = (xs: readonly string[]): string => fromMilli(xs.reduce((s, t) => s + toMilli(t), 0n));

function toMilli(t: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) throw new RangeError(`not a tonnage: ${t}`);
  return BigInt(m[1]!) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
}

function fromMilli(m: bigint): string {
  const frac = (m % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${m / 1000n}${frac ? `.${frac}` : ''}`;
}
