import type { Analysis, ChemistryResult } from '../metals/spec-types.ts';

/** What a producer submits for one production cast (PCR). Weights in kg as decimal strings. */
export interface Submission {
  brand: string;
  pcr: string;
  metal?: string;
  productionDate: string;
  originCountry: string;
  shape: string;
  dimensions?: { lengthMm?: string; widthMm?: string; thicknessMm?: string; heightMm?: string; description?: string };
  pieces: number;
  bundles: { number: string; pieces: number; netKg: string; grossKg?: string }[];
  grossWeightKg: string;
  netWeightKg: string;
  chemistry: Analysis;
  laboratory: { name: string; accreditation?: string; reportNumber?: string };
  signatory: { name: string; title?: string };
  remarks?: string;
}

/** The canonical certificate content of one version: what is hashed, and later signed. */
export interface CertificateContent extends Omit<Submission, 'brand' | 'metal'> {
  schema: 'assay.ecoa/1';
  number: string;
  version: number;
  brand: { id: string; code: string; name: string };
  producer: { id: string; name: string };
  plant: { name: string; country: string };
  metal: string;
  /** `designation`: for an alloy contract, the registered designation the analysis meets (e.g. "A380.1"). */
  spec: { metal: string; version: number; qualityStandard: string; designation?: string } | null;
  issuedAt: string;
  /** The person who issued this version, or through whose API key it came (absent before 2026-12). */
  issuedBy?: IssuedBy;
}

/** Names the human behind a version: a signed-in user, or the creator of the API key that sent it. */
export interface IssuedBy {
  name: string;
  userId?: string;
  apiKey?: { id: string; name: string };
}

export interface Reason {
  code: string;
  path: string;
  message: string;
}

export interface Evaluation {
  verdict: 'conforming' | 'non_conforming';
  reasons: Reason[];
  chemistry: ChemistryResult | null;
  warrantEligible: boolean;
  warrantReasons: Reason[];
}

export type CertificateStatus = 'issued' | 'rejected' | 'revoked';
