import { expect, it } from 'vitest';
import { getReference, loadReferenceSustainability, readReferenceSustainability, upsertThreshold } from '../../src/sustainability/reference-repo.ts';
import { describeEngines } from '../engines.ts';

describeEngines('sustainability reference data and CBAM storage', (db) => {
  it('loads reference/sustainability.json once; afterwards the table is the record', async () => {
    const file = readReferenceSustainability();
    const ref = await getReference(db());
    expect(ref.topics).toHaveLength(file.topics.length);
    expect(ref.standards.find((s) => s.code === 'JDDS')).toMatchObject({ recognised: true, metals: ['CA', 'PB', 'NI', 'ZS'] });
    expect(ref.methodologies.find((m) => m.metal === 'AH')?.code).toBe('IAI-CF');
    expect(ref.settings).toEqual({ cbamDailyFrom: '2026-04-15', publicTrackMetals: ['NI'] });
    await upsertThreshold(db(), { metal: 'AH', maxTco2ePerTonne: '9.5', requiresRecognisedStandard: true });
    expect(await loadReferenceSustainability(db())).toBe(0);
    expect((await getReference(db())).premiumThresholds.find((t) => t.metal === 'AH')?.maxTco2ePerTonne).toBe('9.5');
  });

  it('keeps CBAM figures as exact numerics and refuses negative emissions', async () => {
    const r = await db().query<{ v: string }>(`SELECT '1.830'::numeric AS v`);
    expect(r.rows[0]!.v).toBe('1.830');
    await expect(
      db().query(
        `INSERT INTO cbam_reports (brand_id, period_kind, period_start, period_end, version, installation, installation_country, production_route, cn_code,
           direct_tco2e_per_t, indirect_tco2e_per_t, electricity_mwh_per_t, electricity_factor_tco2e_per_mwh, value_type, methodology,
           verification_status, source, content, content_digest, credential, log_index)
         VALUES (gen_random_uuid(), 'annual', '2025-01-01', '2025-12-31', 1, 'x', 'NO', 'primary', '7601', -1, 0, 0, 0, 'actual', 'IAI-CF',
           'unverified', 'json', '{}', 'd', 'c', 0)`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
