import type { AuditCheck, TrustRegistry } from '../trust/registry.ts';
import { digestOf } from '../trust/canonical.ts';
import * as repo from './repo.ts';
import { brandLogRecord } from './records.ts';

// Brands register one audit check: each brand row, with its latest status change, must be what the
// brand's last brand.* entry committed to. Rulings and CBAM visibility about a brand are other
// records (subject types of their own), so they never make a brand look changed.

export const BRAND_LOG_KINDS = ['brand.listed', 'brand.updated', 'brand.status_changed'] as const;

export const brandAuditCheck: AuditCheck = {
  subjectType: 'brand',
  kinds: BRAND_LOG_KINDS,
  noun: 'brand',
  async run(ctx, logged, r) {
    const brands = await repo.listBrands(ctx.db, {});
    for (const b of brands) {
      const last = logged.get(b.id)?.at(-1);
      const history = await repo.statusHistory(ctx.db, b.id);
      if (!last || last.digest !== digestOf(brandLogRecord(b, history.at(-1))) || (last.version ?? 0) !== history.length) {
        r.find('brand_changed', `brand ${b.code}`, `Brand ${b.code} differs from its last logged state`);
      }
    }
    return { checked: brands.length, present: new Set(brands.map((b) => b.id)) };
  },
};

export const brandTrust: Partial<TrustRegistry> = { checks: [brandAuditCheck] };
