import type { Command } from 'commander';
import { WEEKDAY_NAMES, parseIsoDay, weekday } from '../market/dates.ts';
import { prompts, type PromptsAnswer } from '../market/service.ts';
import { CliError, print, withContext } from './common.ts';

const reasonText = (r: { kind: string; movedFrom?: string }): string => (r.movedFrom ? `${r.kind} (moved from ${r.movedFrom})` : r.kind);

export function formatPrompts(a: PromptsAnswer): string[] {
  const lines = [
    `${a.metal} prompt dates for trade date ${a.tradeDate}: ${a.prompts.length} prompts, monthly to ${a.horizonMonths} months` +
      `${a.horizonUnconfirmed ? ' (horizon unconfirmed)' : ''}; 3M rule ${a.threeMonthRule}; exchange calendar as of ${a.asOf}`,
  ];
  for (const p of a.prompts) {
    lines.push(`${p.date} ${WEEKDAY_NAMES[weekday(parseIsoDay(p.date)!)]}  ${p.reasons.map(reasonText).join(', ')}`);
  }
  return lines;
}

export function registerPrompts(program: Command): void {
  program
    .command('prompts')
    .description('list the prompt dates of a metal for a trade date (TOM, cash, daily to 3M, weekly to 6M, monthly to the horizon)')
    .argument('<metal>', 'LME contract code, e.g. NI')
    .option('--date <YYYY-MM-DD>', 'trade date (default today)')
    .option('--as-of <YYYY-MM-DD>', 'count the exchange calendar changes in force on this date (default today)')
    .option('--rule <name>', 'three-month roll rule (weekend_split_within_month or modified_following)')
    .option('--json', 'print the answer as JSON, as the API gives it')
    .action(async (metal: string, opts: { date?: string; asOf?: string; rule?: string; json?: boolean }) => {
      for (const [flag, v] of [
        ['--date', opts.date],
        ['--as-of', opts.asOf],
      ] as const) {
        if (v !== undefined && parseIsoDay(v) === undefined) throw new CliError(`${flag} must be a date written YYYY-MM-DD (got "${v}")`);
      }
      const answer = await withContext((ctx) =>
        prompts(
          ctx,
          { metal: metal.toUpperCase(), tradeDate: opts.date, asOf: opts.asOf, threeMonthRule: opts.rule },
          { metal: 'metal', tradeDate: '--date', asOf: '--as-of', threeMonthRule: '--rule' },
        ),
      );
      if (opts.json) print(JSON.stringify(answer, null, 2));
      else for (const line of formatPrompts(answer)) print(line);
    });
}
