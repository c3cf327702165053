import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Collateral defaults the exchange maintains as data (reference/collateral.json): the valuation
// prompt and currency, the prompts prices may be published for, how old a price may be, and the
// default haircuts and LTV alert threshold a collateral taker starts from.

export const COLLATERAL_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference/collateral.json');

export interface CollateralReference {
  valuationPrompt: string;
  priceCurrency: string;
  prompts: string[];
  staleAfterDays: number;
  defaultLtvAlertPct: string;
  defaultHaircutsPct: Record<string, string>;
  unconfirmed: string[];
}

let cached: CollateralReference | undefined;

export function collateralReference(): CollateralReference {
  return (cached ??= JSON.parse(fs.readFileSync(COLLATERAL_FILE, 'utf8')) as CollateralReference);
}
