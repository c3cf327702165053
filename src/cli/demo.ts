import type { AppContext } from '../platform/context.ts';
import { DEMO_PASSWORD, seedDemoWorld, type DemoLogin, type DemoWorldSummary } from '../app/demo-world.ts';
import { CliError, print } from './common.ts';

/** Seeds the demo world with progress lines; an interruption becomes a clear message. */
export async function seedWithProgress(
  ctx: AppContext,
  certificates: number,
  signal?: AbortSignal,
): Promise<DemoWorldSummary> {
  print(
    `Seeding the demo world with ${certificates} certificates (through the services: versions and audit events included)…`,
  );
  try {
    const s = await seedDemoWorld(ctx, {
      certificates,
      log: (m) => print(`  ${m}`),
      ...(signal ? { signal } : {}),
    });
    const c = s.certificates;
    print(
      `Demo world ready in ${(s.elapsedMs / 1000).toFixed(1)} s: ${s.organisations} organisations, ${s.users} users, ${s.brands} brands, ` +
        `${c.total} certificates (${c.issued} issued of which ${c.amended} amended and ${c.notWarrantEligible} not warrant-eligible, ` +
        `${c.rejected} rejected, ${c.revoked} revoked).`,
    );
    return s;
  } catch (e) {
    if (signal?.aborted) {
      throw new CliError(
        'Seeding interrupted: the database now holds a partial demo world. Delete it (for PGlite, remove ASSAY_DATA_DIR/pglite) and start again.',
        130,
      );
    }
    throw e;
  }
}

const KIND_ORDER = ['exchange', 'producer', 'warehouse', 'trader', 'lender', 'clearing_house', 'end_user', 'auditor'];

/** One administrator login per kind of organisation, and how the rest are named. */
export function printDemoLogins(logins: DemoLogin[]): void {
  const admins = logins.filter((l) => l.role === 'admin');
  if (!admins.length) return;
  print(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  const shown = new Set<string>();
  const width = Math.max(...admins.map((l) => l.email.length));
  for (const kind of KIND_ORDER) {
    for (const l of admins.filter((a) => a.kind === kind).slice(0, kind === 'producer' ? 2 : 1)) {
      shown.add(l.email);
      print(`  ${l.email.padEnd(width)}  ${l.kind.replace('_', ' ')} admin, ${l.organisation}`);
    }
  }
  const others = admins.length - shown.size;
  if (others > 0) {
    print(`  …and ${others} more organisations; each has admin@<name>.demo and member@<name>.demo.`);
  }
}
