import { appliesTo, type Reference } from './reference.ts';
import { decimalIssue, type FieldProblem } from './fields.ts';

// Responsible-sourcing tracks (OECD due-diligence alignment routes A–D): what each track needs
// before the producer may record it. Pure.

export const TRACKS = ['A', 'B', 'C', 'D'] as const;
export type Track = (typeof TRACKS)[number];

export interface RedFlagAnswer {
  answer: 'yes' | 'no';
  explanation?: string;
}
export interface RedFlagAssessment {
  assessmentDate: string;
  publishedAt?: string;
  publicationUrl?: string;
  /** Exactly three: the location red flags. */
  locationRedFlags: RedFlagAnswer[];
  /** Exactly two: the supplier red flags. */
  supplierRedFlags: RedFlagAnswer[];
}
export interface TrackInput {
  track: Track;
  effectiveFrom: string;
  standardCode?: string;
  auditor?: { name: string; reportReference: string; reportDate: string };
  rfa?: RedFlagAssessment;
  secondaryMaterials?: { declaration: string; recycledSharePercent?: string };
  evidenceFileIds?: string[];
  restricted?: boolean;
}

/** What each track needs (OECD due-diligence alignment routes A–D). Paths are relative to the body. */
export function trackProblems(t: TrackInput, metal: string, ref: Reference, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string, code: string, params?: Record<string, string | number>) =>
    problems.push({ field, message, code, ...(params ? { params } : {}) });
  if (t.effectiveFrom > today) add('effectiveFrom', 'must not be in the future', 'future_date');
  const rfaChecks = () => {
    if (!t.rfa) return;
    if (t.rfa.locationRedFlags.length !== 3) add('rfa.locationRedFlags', 'must answer exactly three location red flags', 'rfa_location_flags');
    if (t.rfa.supplierRedFlags.length !== 2) add('rfa.supplierRedFlags', 'must answer exactly two supplier red flags', 'rfa_supplier_flags');
    const flags: [string, RedFlagAnswer[]][] = [
      ['rfa.locationRedFlags', t.rfa.locationRedFlags],
      ['rfa.supplierRedFlags', t.rfa.supplierRedFlags],
    ];
    for (const [path, list] of flags) {
      list.forEach((f, i) => {
        if (f.answer === 'yes' && !f.explanation?.trim()) add(`${path}.${i}.explanation`, 'a red flag answered "yes" needs an explanation of the mitigation', 'red_flag_explanation');
      });
    }
    if (t.rfa.assessmentDate > today) add('rfa.assessmentDate', 'must not be in the future', 'future_date');
  };
  switch (t.track) {
    case 'A': {
      const s = ref.standards.find((x) => x.code === t.standardCode);
      if (!t.standardCode) add('standardCode', 'track A needs the recognised standard the brand is assessed against', 'track_a_standard');
      else if (!s) add('standardCode', `unknown standard ${t.standardCode}`, 'unknown_standard', { standard: t.standardCode });
      else if (!s.recognised || !['responsible_sourcing', 'multi_dimensional'].includes(s.category)) {
        add('standardCode', `${s.code} is not a recognised responsible-sourcing standard`, 'standard_not_recognised', { standard: s.code });
      } else if (!appliesTo(s, metal)) add('standardCode', `${s.code} does not cover ${metal}`, 'standard_metal', { standard: s.code, metal });
      break;
    }
    case 'B':
      if (!t.auditor) add('auditor', "track B needs the approved auditor's report (name, reference, date)", 'track_b_auditor');
      else if (t.auditor.reportDate > today) add('auditor.reportDate', 'must not be in the future', 'future_date');
      if (!t.rfa) add('rfa', 'track B needs the audited Red Flag Assessment', 'track_b_rfa');
      rfaChecks();
      break;
    case 'C':
      if (!t.rfa) add('rfa', 'track C needs the published Red Flag Assessment', 'track_c_rfa');
      else if (!t.rfa.publishedAt) add('rfa.publishedAt', 'track C needs the date the Red Flag Assessment was published', 'track_c_published');
      rfaChecks();
      break;
    case 'D':
      if (!t.secondaryMaterials?.declaration.trim()) add('secondaryMaterials.declaration', 'track D needs a secondary-materials declaration', 'track_d_declaration');
      if (t.secondaryMaterials?.recycledSharePercent !== undefined) {
        const why = decimalIssue(t.secondaryMaterials.recycledSharePercent);
        if (why) add('secondaryMaterials.recycledSharePercent', why.message, why.code!, why.params);
        else if (Number(t.secondaryMaterials.recycledSharePercent) > 100) add('secondaryMaterials.recycledSharePercent', 'must be at most 100', 'too_large', { limit: 100 });
      }
      break;
  }
  if (t.restricted && ref.settings.publicTrackMetals.includes(metal)) {
    add('restricted', `${metal} responsible-sourcing tracks are public by exchange rule`, 'track_public', { metal });
  }
  return problems;
}

