import { describe, expect, it } from 'vitest';
import { consentAvailable, isOverdue, lockedReason, pledgeStep, receiptTransition, type Consent } from './rules.ts';

describe('electronic receipt transitions', () => {
  it('lets only the holder transfer and only the warehouse convert or deliver, an active receipt only', () => {
    expect(receiptTransition('transfer', 'active', { holder: true, warehouse: false })).toEqual({ ok: true, to: 'active' });
    expect(receiptTransition('transfer', 'active', { holder: false, warehouse: true })).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(receiptTransition('convert', 'active', { holder: false, warehouse: true })).toEqual({ ok: true, to: 'converted' });
    expect(receiptTransition('deliver', 'active', { holder: true, warehouse: true })).toEqual({ ok: true, to: 'delivered_out' });
    expect(receiptTransition('convert', 'converted', { holder: false, warehouse: true })).toMatchObject({ ok: false, refusal: 'conflict', reason: expect.stringContaining('converted') });
  });
});

describe('pledge steps', () => {
  it('follows proposed → active → released/enforced, each by its party', () => {
    const lender = { lender: true, pledgor: false };
    const pledgor = { lender: false, pledgor: true };
    expect(pledgeStep('accept', 'proposed', lender)).toEqual({ ok: true, to: 'active' });
    expect(pledgeStep('accept', 'proposed', pledgor)).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(pledgeStep('withdraw', 'proposed', pledgor)).toEqual({ ok: true, to: 'withdrawn' });
    expect(pledgeStep('withdraw', 'active', pledgor)).toMatchObject({ ok: false, refusal: 'conflict', reason: 'The pledge is active; only a proposed pledge can be withdrawn' });
    expect(pledgeStep('consent', 'active', lender)).toEqual({ ok: true, to: 'active' });
    expect(pledgeStep('release', 'active', lender)).toEqual({ ok: true, to: 'released' });
    expect(pledgeStep('enforce', 'released', lender)).toMatchObject({ ok: false, refusal: 'conflict' });
    expect(pledgeStep('decline', 'proposed', lender)).toEqual({ ok: true, to: 'declined' });
  });

  it('flags an active pledge past maturity as overdue, and only that', () => {
    expect(isOverdue({ status: 'active', maturity: '2026-12-02' }, '2026-12-03')).toBe(true);
    expect(isOverdue({ status: 'active', maturity: '2026-12-03' }, '2026-12-03')).toBe(false);
    expect(isOverdue({ status: 'released', maturity: '2026-12-02' }, '2026-12-03')).toBe(false);
  });

  it('names the pledge and what would lift the lock', () => {
    expect(lockedReason({ kind: 'Warrant', number: 'WR-0000000007' }, 'PL-0000000003', 'transfer')).toBe(
      "Warrant WR-0000000007 is pledged under PL-0000000003: a transfer needs the lender's consent or the pledge's release",
    );
    expect(lockedReason({ kind: 'Electronic receipt', number: 'ER-0000000001' }, 'PL-0000000003', 'convert')).toBe(
      "Electronic receipt ER-0000000001 is pledged under PL-0000000003: a conversion to a warrant needs the pledge's release",
    );
  });
});

describe('consents', () => {
  const c = (logIndex: number, action: Consent['action'] = 'transfer', toOrgId: string | null = null): Consent => ({ assetId: 'A', action, toOrgId, logIndex });
  const want = (toOrgId: string | null = 'X', action: Consent['action'] = 'transfer') => ({ assetId: 'A', action, toOrgId });

  it('allows one action per consent, used in log order by the asset’s transitions after it', () => {
    expect(consentAvailable([], [], want())).toBe(false);
    expect(consentAvailable([c(10)], [], want())).toBe(true);
    expect(consentAvailable([c(10)], [{ action: 'transfer', toOrgId: 'X', logIndex: 11 }], want())).toBe(false);
    // A transition before the consent does not use it.
    expect(consentAvailable([c(10)], [{ action: 'transfer', toOrgId: 'X', logIndex: 9 }], want())).toBe(true);
    expect(consentAvailable([c(10), c(12)], [{ action: 'transfer', toOrgId: 'X', logIndex: 11 }], want())).toBe(true);
    // A consent to cancel does not allow a transfer, nor one for another asset.
    expect(consentAvailable([c(10, 'cancel')], [], want())).toBe(false);
    expect(consentAvailable([{ ...c(10), assetId: 'B' }], [], want())).toBe(false);
  });

  it('holds a consent naming a recipient to that recipient, and replays which consent each transfer used', () => {
    expect(consentAvailable([c(10, 'transfer', 'Y')], [], want('X'))).toBe(false);
    expect(consentAvailable([c(10, 'transfer', 'Y')], [], want('Y'))).toBe(true);
    // Consents to Y (10) and to anyone (12); a transfer to X at 13 used the open one, so Y's remains.
    const past = [{ action: 'transfer' as const, toOrgId: 'X', logIndex: 13 }];
    expect(consentAvailable([c(10, 'transfer', 'Y'), c(12)], past, want('Y'))).toBe(true);
    expect(consentAvailable([c(10, 'transfer', 'Y'), c(12)], past, want('X'))).toBe(false);
  });
});
