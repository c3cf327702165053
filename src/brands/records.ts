import type { BrandRecord, StatusChange } from './repo.ts';

/** What a brand log entry commits to: the brand as it stands after the change, with its latest status record. */
export function brandLogRecord(b: BrandRecord, latest: StatusChange | undefined) {
  return {
    brandId: b.id,
    code: b.code,
    name: b.name,
    metal: b.metal,
    producerOrgId: b.producer.id,
    plant: b.plant,
    shapes: b.shapes,
    status: b.status,
    statusEffectiveDate: latest?.effectiveDate ?? null,
    statusReason: latest?.reason ?? null,
  };
}
