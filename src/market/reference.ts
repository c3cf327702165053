import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalCalendarDefinition } from './calendar.ts';
import type { RuleCalendarDefinition } from './holidays.ts';
import type { PromptRules } from './prompts.ts';

// The market reference data the exchange maintains (reference/market-calendar.json and
// reference/local-calendars.json), read once per process. Pure file reads; no database.

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../reference');

export interface ReferenceAdjustment {
  key: string;
  date: string;
  kind: 'closure' | 'opening';
  name: string;
  source: string;
}

export interface MarketReference {
  exchange: RuleCalendarDefinition & { substitution: string; sources: string[] };
  prompts: PromptRules & { substituteNote: string; sources: string[] };
  adjustments: ReferenceAdjustment[];
}

let market: MarketReference | undefined;
let locals: LocalCalendarDefinition[] | undefined;

export function marketReference(): MarketReference {
  market ??= JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'market-calendar.json'), 'utf8')) as MarketReference;
  return market;
}

export function localCalendarDefinitions(): LocalCalendarDefinition[] {
  locals ??= (
    JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'local-calendars.json'), 'utf8')) as { calendars: LocalCalendarDefinition[] }
  ).calendars;
  return locals;
}
