import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../platform/db.ts';
import type { Methodology, PremiumThreshold, Reference, ReferenceTable, Settings, Standard, Topic } from './reference.ts';

// The SQL of the sustainability reference tables: loading reference/sustainability.json at start,
// reading the tables, and the exchange's edits.

export const REFERENCE_SUSTAINABILITY_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../reference/sustainability.json',
);

export function readReferenceSustainability(file = REFERENCE_SUSTAINABILITY_FILE): Reference {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Reference;
}

/**
 * Loads reference/sustainability.json into its tables. Rows already present are left alone: once
 * loaded, the tables are the record and the exchange edits them through the API.
 */
export async function loadReferenceSustainability(q: Queryable, ref = readReferenceSustainability()): Promise<number> {
  let inserted = 0;
  for (const t of ref.topics) {
    inserted += (await q.query(`INSERT INTO sustainability_topics (code, name, pillar) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [t.code, t.name, t.pillar])).rowCount;
  }
  for (const s of ref.standards) {
    inserted += (
      await q.query(
        `INSERT INTO sustainability_standards (code, name, body, category, metals, recognised, qualifies_for_premium)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [s.code, s.name, s.body, s.category, s.metals, s.recognised, s.qualifiesForPremium],
      )
    ).rowCount;
  }
  for (const m of ref.methodologies) {
    inserted += (
      await q.query(`INSERT INTO emissions_methodologies (metal, code, name, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [m.metal, m.code, m.name, m.body])
    ).rowCount;
  }
  for (const t of ref.premiumThresholds) {
    inserted += (
      await q.query(
        `INSERT INTO premium_thresholds (metal, max_tco2e_per_t, requires_recognised_standard) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [t.metal, t.maxTco2ePerTonne, t.requiresRecognisedStandard],
      )
    ).rowCount;
  }
  for (const [key, value] of Object.entries(ref.settings)) {
    inserted += (await q.query(`INSERT INTO sustainability_settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key, JSON.stringify(value)])).rowCount;
  }
  return inserted;
}

export async function getReference(q: Queryable): Promise<Reference> {
  const topics = await q.query<Topic>(`SELECT code, name, pillar FROM sustainability_topics ORDER BY pillar, code`);
  const standards = await q.query<{ code: string; name: string; body: string; category: Standard['category']; metals: string[]; recognised: boolean; qualifies_for_premium: boolean }>(
    `SELECT * FROM sustainability_standards ORDER BY code`,
  );
  const methodologies = await q.query<Methodology>(`SELECT metal, code, name, body FROM emissions_methodologies ORDER BY metal`);
  const thresholds = await q.query<{ metal: string; max_tco2e_per_t: string; requires_recognised_standard: boolean }>(
    `SELECT * FROM premium_thresholds ORDER BY metal`,
  );
  const settings = await q.query<{ key: string; value: unknown }>(`SELECT key, value FROM sustainability_settings`);
  const s = Object.fromEntries(settings.rows.map((r) => [r.key, r.value])) as Partial<Settings>;
  return {
    topics: topics.rows,
    standards: standards.rows.map((r) => ({
      code: r.code,
      name: r.name,
      body: r.body,
      category: r.category,
      metals: r.metals,
      recognised: r.recognised,
      qualifiesForPremium: r.qualifies_for_premium,
    })),
    methodologies: methodologies.rows,
    premiumThresholds: thresholds.rows.map((r) => ({
      metal: r.metal,
      maxTco2ePerTonne: r.max_tco2e_per_t,
      requiresRecognisedStandard: r.requires_recognised_standard,
    })),
    settings: { cbamDailyFrom: s.cbamDailyFrom ?? '9999-12-31', publicTrackMetals: s.publicTrackMetals ?? [] },
  };
}

export async function upsertTopic(q: Queryable, t: Topic): Promise<void> {
  await q.query(
    `INSERT INTO sustainability_topics (code, name, pillar) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, pillar = EXCLUDED.pillar, updated_at = now()`,
    [t.code, t.name, t.pillar],
  );
}

export async function upsertStandard(q: Queryable, s: Standard): Promise<void> {
  await q.query(
    `INSERT INTO sustainability_standards (code, name, body, category, metals, recognised, qualifies_for_premium) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, body = EXCLUDED.body, category = EXCLUDED.category, metals = EXCLUDED.metals,
       recognised = EXCLUDED.recognised, qualifies_for_premium = EXCLUDED.qualifies_for_premium, updated_at = now()`,
    [s.code, s.name, s.body, s.category, s.metals, s.recognised, s.qualifiesForPremium],
  );
}

export async function upsertMethodology(q: Queryable, m: Methodology): Promise<void> {
  await q.query(
    `INSERT INTO emissions_methodologies (metal, code, name, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (metal) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, body = EXCLUDED.body, updated_at = now()`,
    [m.metal, m.code, m.name, m.body],
  );
}

export async function upsertThreshold(q: Queryable, t: PremiumThreshold): Promise<void> {
  await q.query(
    `INSERT INTO premium_thresholds (metal, max_tco2e_per_t, requires_recognised_standard) VALUES ($1, $2, $3)
     ON CONFLICT (metal) DO UPDATE SET max_tco2e_per_t = EXCLUDED.max_tco2e_per_t,
       requires_recognised_standard = EXCLUDED.requires_recognised_standard, updated_at = now()`,
    [t.metal, t.maxTco2ePerTonne, t.requiresRecognisedStandard],
  );
}

export async function upsertSettings(q: Queryable, s: Settings): Promise<void> {
  for (const [key, value] of Object.entries(s)) {
    await q.query(
      `INSERT INTO sustainability_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }
}

/** One edit of the reference data as the log commits to it: the row as stored after the edit. */
export interface ReferenceRecord {
  table: ReferenceTable;
  key: string;
  record: Topic | Standard | Methodology | PremiumThreshold | Settings;
}

/** The log subject id of a reference row. */
export const referenceSubjectId = (table: ReferenceTable, key: string): string => `${table}/${key}`;

/** Every editable reference row as its log record, by subject id (`<table>/<key>`; the settings are `settings/settings`). */
export async function referenceRecords(q: Queryable): Promise<Map<string, ReferenceRecord>> {
  const ref = await getReference(q);
  const out = new Map<string, ReferenceRecord>();
  const put = (table: ReferenceTable, key: string, record: ReferenceRecord['record']) => out.set(referenceSubjectId(table, key), { table, key, record });
  for (const t of ref.topics) put('topics', t.code, { code: t.code, name: t.name, pillar: t.pillar });
  for (const s of ref.standards) put('standards', s.code, s);
  for (const m of ref.methodologies) put('methodologies', m.metal, { metal: m.metal, code: m.code, name: m.name, body: m.body });
  for (const t of ref.premiumThresholds) put('premium-thresholds', t.metal, t);
  // The settings are one record; each stored key is one member (none stored: nothing to compare).
  const settings = await q.query<{ key: string; value: unknown }>(`SELECT key, value FROM sustainability_settings ORDER BY key`);
  if (settings.rows.length > 0) put('settings', 'settings', Object.fromEntries(settings.rows.map((r) => [r.key, r.value])) as unknown as Settings);
  return out;
}
