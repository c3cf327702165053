// Seeded random warrant histories for the property tests and the benchmark: each warrant is issued
// on a business day, may change hands, be cancelled, re-warranted and cancelled again, and loaded
// out, always in the order the state machine allows, with strictly increasing times. Pure.

export type Rng = () => number;

export interface SimEvent {
  version: number;
  kind: 'warrant.issued' | 'warrant.transferred' | 'warrant.cancelled' | 'warrant.rewarranted' | 'warrant.loaded_out';
  /** ISO 8601 instant. */
  at: string;
  status: 'live' | 'cancelled' | 'delivered_out';
  holder: number;
}

export interface SimWarrant {
  /** Index into the places given. */
  place: number;
  /** Tonnage, three decimals at most. */
  tonnes: string;
  holder: number;
  events: SimEvent[];
}

export interface SimOptions {
  /** The business days of the history, ascending, each with the instant it begins (local midnight). */
  days: readonly { day: string; start: string }[];
  /** How many places (facility × metal) warrants lie at. */
  places: number;
  holders: number;
  /** Stop once this many warrants exist … */
  warrants?: number;
  /** … or once this many events exist. */
  events?: number;
  /** Tonnages to pick from (default 25 t lots within ±2 %). */
  tonnages?: readonly string[];
  /** Chance a warrant changes hands again (each time). */
  transferChance?: number;
}

const HOUR = 3_600_000;

export function simulateHistory(rng: Rng, o: SimOptions): SimWarrant[] {
  const tonnages = o.tonnages ?? ['25', '24.512', '25.48', '24.875'];
  const transferChance = o.transferChance ?? 0.55;
  const out: SimWarrant[] = [];
  let events = 0;
  const last = o.days.length - 1;
  const pick = (n: number) => Math.floor(rng() * n);
  while ((o.warrants === undefined || out.length < o.warrants) && (o.events === undefined || events < o.events)) {
    let day = pick(o.days.length);
    let prev = 0;
    const evs: SimEvent[] = [];
    // A moment in the working hours of the day (08:00–17:00 after local midnight), after the previous event.
    const at = (d: number): string => {
      let t = Date.parse(o.days[d]!.start) + 8 * HOUR + Math.floor(rng() * 9 * HOUR);
      if (t <= prev) t = prev + 1000;
      prev = t;
      return new Date(t).toISOString();
    };
    let holder = pick(o.holders);
    const push = (kind: SimEvent['kind'], status: SimEvent['status']) => evs.push({ version: evs.length + 1, kind, at: at(day), status, holder });
    /** Moves on by 0..span business days; false when the history ends first. */
    const later = (span: number): boolean => {
      day += pick(span + 1);
      return day <= last;
    };
    push('warrant.issued', 'live');
    let status: SimEvent['status'] = 'live';
    while (rng() < transferChance && later(15)) {
      holder = (holder + 1 + pick(o.holders - 1)) % o.holders;
      push('warrant.transferred', status);
    }
    if (rng() < 0.6 && later(20)) {
      status = 'cancelled';
      push('warrant.cancelled', status);
      if (rng() < 0.15 && later(5)) {
        status = 'live';
        push('warrant.rewarranted', status);
        if (rng() < 0.5 && later(10)) {
          status = 'cancelled';
          push('warrant.cancelled', status);
        }
      }
      if (status === 'cancelled' && rng() < 0.85 && later(25)) {
        status = 'delivered_out';
        push('warrant.loaded_out', status);
      }
    }
    out.push({ place: pick(o.places), tonnes: tonnages[pick(tonnages.length)]!, holder, events: evs });
    events += evs.length;
  }
  return out;
}
