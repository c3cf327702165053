import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { SeenCheckpoint } from '../trust/audit.ts';
import type { TrustBundle } from '../trust/trust.ts';
import { buildTrustBundle } from '../trust/trust-service.ts';
import { runAudit, TRUST_REGISTRY } from '../app/trust-registry.ts';
import { profilesOf } from '../trust/registry.ts';
import { verifyCredential } from '../trust/verify.ts';
import { PROOF_FORMAT, verifyEncumbranceProof } from '../encumbrance/verify.ts';
import { CliError, config, print, withContext } from './common.ts';

// Offline trust: export what a verifier needs, verify without any network or database, and audit
// the whole log against the database.

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read ${what} ${file}: ${(e as Error).message}`);
  }
}

function writeText(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`Cannot write ${file}: ${(e as Error).message}`);
  }
}

/** A credential file may be the bare vc+jwt, or JSON { credential, proof? } as the API accepts. */
function readCredential(file: string): { jwt: string; proof?: string } {
  const text = readText(file, 'credential').trim();
  if (text.startsWith('{')) {
    try {
      const j = JSON.parse(text) as { credential?: unknown; proof?: unknown };
      if (typeof j.credential === 'string') return { jwt: j.credential, ...(typeof j.proof === 'string' ? { proof: j.proof } : {}) };
    } catch {
      // fall through
    }
    throw new CliError(`${file} is JSON but has no "credential" string`);
  }
  return { jwt: text };
}

/** The file's encumbrance proof bundle (bare, or the API's answer with a `bundle`), or null if it is not one. */
function readEncumbranceBundle(file: string): unknown {
  const text = readText(file, 'credential').trim();
  if (!text.startsWith('{')) return null;
  try {
    const j = JSON.parse(text) as { format?: unknown; bundle?: { format?: unknown } };
    if (j.format === PROOF_FORMAT) return j;
    if (j.bundle?.format === PROOF_FORMAT) return j.bundle;
  } catch {
    // not JSON: readCredential says so
  }
  return null;
}

export function registerTrust(program: Command): void {
  const trust = program.command('trust').description('trust material for offline verification');
  trust
    .command('export')
    .description('write the trust file: log key and origin, witnesses, every issuer key with its validity, status lists')
    .requiredOption('--out <file>', 'where to write it, e.g. trust.json')
    .action(async (opts: { out: string }) => {
      const bundle = await withContext((ctx) => buildTrustBundle(ctx));
      writeText(opts.out, JSON.stringify(bundle, null, 2) + '\n');
      print(`Wrote ${opts.out}: ${bundle.issuers.length} issuer keys, ${bundle.statusLists.length} status lists, log ${bundle.log.origin}`);
    });

  program
    .command('verify <credential>')
    .description(
      'verify fully offline a credential (a certificate, or any record type the register signs: vc+jwt file, or JSON {credential, proof}) or an encumbrance proof bundle (GET /api/v1/assets/{id}/encumbrance)',
    )
    .requiredOption('--trust <file>', 'trust file from `assay trust export`')
    .option('--proof <file>', 'C2SP tlog-proof bundle (GET /api/v1/certificates/{id}/proof, /api/v1/warrants/{id}/proof)')
    .option('--witnesses <n>', 'require this many witness cosignatures', '0')
    .option('--asset <id>', 'encumbrance proofs: the asset id you asked about (a proof for another asset fails)')
    .option('--min-checkpoint <size>', 'encumbrance proofs: refuse a proof against a checkpoint smaller than this one you have seen')
    .option('--json', 'print the report as JSON')
    .action((file: string, opts: { trust: string; proof?: string; witnesses: string; asset?: string; minCheckpoint?: string; json?: boolean }) => {
      let bundle: TrustBundle;
      try {
        bundle = JSON.parse(readText(opts.trust, 'trust file')) as TrustBundle;
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw new CliError(`${opts.trust} is not a trust file (invalid JSON)`);
      }
      if (bundle.format !== 'assay-trust/1') throw new CliError(`${opts.trust} is not an Assay trust file (format ${String(bundle.format)})`);
      const enc = readEncumbranceBundle(file);
      if (enc !== null) {
        // An encumbrance proof bundle (GET /api/v1/assets/{id}/encumbrance, its `bundle`).
        let minCheckpointSize: number | undefined;
        if (opts.minCheckpoint !== undefined) {
          minCheckpointSize = Number(opts.minCheckpoint);
          if (!Number.isSafeInteger(minCheckpointSize) || minCheckpointSize < 0) throw new CliError('--min-checkpoint must be a whole number');
        }
        const r = verifyEncumbranceProof({
          bundle: enc,
          trust: bundle,
          ...(opts.asset !== undefined ? { assetId: opts.asset } : {}),
          ...(minCheckpointSize !== undefined ? { minCheckpointSize } : {}),
        });
        if (opts.json) print(JSON.stringify(r, null, 2));
        else {
          print(r.ok ? `  ✓ encumbrance    ${r.reason} (${r.hashes} hashes)` : `  ✗ encumbrance    ${r.detail} [${r.reason}]`);
          print(r.ok ? 'VERIFIED' : 'NOT VERIFIED');
        }
        if (!r.ok) process.exitCode = 1;
        return;
      }
      const { jwt, proof: inlineProof } = readCredential(file);
      const proof = opts.proof ? readText(opts.proof, 'proof') : inlineProof;
      const quorum = Number(opts.witnesses);
      if (!Number.isInteger(quorum) || quorum < 0) throw new CliError('--witnesses must be a whole number');
      const report = verifyCredential({ jwt, trust: bundle, profiles: profilesOf(TRUST_REGISTRY), ...(proof ? { proof } : {}), witnessQuorum: quorum });
      if (opts.json) print(JSON.stringify(report, null, 2));
      else {
        const line = report.summary && TRUST_REGISTRY.credentials.find((c) => c.profile.type === report.type)?.profile.describe?.(report.summary);
        if (line) print(line);
        for (const c of report.checks) print(`  ${c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '–'} ${c.name.padEnd(14)} ${c.reason}`);
        print(report.ok ? 'VERIFIED' : 'NOT VERIFIED');
      }
      if (!report.ok) process.exitCode = 1;
    });

  program
    .command('audit')
    .description('replay the whole log, recompute every leaf and checkpoint, and report records changed behind the application')
    .option('--state <file>', 'checkpoints seen by earlier audits (default ASSAY_DATA_DIR/audit-state.json)')
    .option('--json', 'print findings as JSON')
    .action(async (opts: { state?: string; json?: boolean }) => {
      const stateFile = opts.state ?? path.join(config().dataDir, 'audit-state.json');
      const seen: SeenCheckpoint[] = fs.existsSync(stateFile) ? (JSON.parse(readText(stateFile, 'audit state')) as { seen: SeenCheckpoint[] }).seen : [];
      const started = Date.now();
      const result = await withContext((ctx) => runAudit(ctx, seen));
      if (opts.json) print(JSON.stringify(result, null, 2));
      else {
        print(`Audited ${result.entries} log entries, ${result.checkpoints} checkpoints (+${seen.length} remembered), ${Object.entries(result.records).map(([t, n]) => `${n} ${t}`).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        for (const f of result.findings) print(`  ✗ ${f.record}: ${f.message} [${f.code}]`);
        print(result.findings.length ? `${result.findings.length} finding(s)` : 'No findings: the database matches the log.');
      }
      if (result.findings.length) {
        process.exitCode = 2;
        return; // do not remember checkpoints from a log that failed its audit
      }
      if (result.latestCheckpoint && !seen.some((s) => s.size === result.latestCheckpoint!.size)) {
        writeText(stateFile, JSON.stringify({ seen: [...seen, result.latestCheckpoint].slice(-1000) }, null, 2) + '\n');
      }
    });
}
