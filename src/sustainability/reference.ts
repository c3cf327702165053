// The shapes of the sustainability reference data the exchange maintains: disclosure topics,
// recognised standards, the approved emissions methodology per metal, sustainable-premium
// thresholds and the CBAM settings. Pure data shapes; the tables are read and written through
// reference-service.ts.

export const PILLARS = ['environmental', 'social', 'governance', 'multi_dimensional'] as const;
export const STANDARD_CATEGORIES = ['responsible_sourcing', 'management_system', 'emissions', 'multi_dimensional'] as const;

export interface Topic {
  code: string;
  name: string;
  pillar: (typeof PILLARS)[number];
}
export interface Standard {
  code: string;
  name: string;
  body: string;
  category: (typeof STANDARD_CATEGORIES)[number];
  /** Empty: applies to every metal. */
  metals: string[];
  recognised: boolean;
  qualifiesForPremium: boolean;
}
export interface Methodology {
  metal: string;
  code: string;
  name: string;
  body: string;
}
export interface PremiumThreshold {
  metal: string;
  maxTco2ePerTonne: string;
  requiresRecognisedStandard: boolean;
}
export interface Settings {
  /** First day a daily CBAM update may cover. */
  cbamDailyFrom: string;
  /** Metals whose responsible-sourcing tracks the exchange publishes regardless of the producer's choice. */
  publicTrackMetals: string[];
}
export interface Reference {
  topics: Topic[];
  standards: Standard[];
  methodologies: Methodology[];
  premiumThresholds: PremiumThreshold[];
  settings: Settings;
}

/** The reference tables the exchange edits, as named in the API paths and the log. */
export const REFERENCE_TABLES = ['topics', 'standards', 'methodologies', 'premium-thresholds', 'settings'] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

export const appliesTo = (s: Standard, metal: string): boolean => s.metals.length === 0 || s.metals.includes(metal);
