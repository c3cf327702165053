import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { encodeCosignatureVerifierKey } from '../trust/cosignature.ts';
import { generateEd25519, privateKeyFromPkcs8 } from '../trust/keystore.ts';
import { ed25519RawPublicKey } from '../trust/note.ts';
import { EMPTY_ROOT } from '../trust/merkle.ts';
import { witnessStep, type WitnessIo, type WitnessState } from '../trust/witness.ts';
import { CliError, print } from './common.ts';

// `assay witness`: a separate process with its own key. It follows a registry's checkpoints,
// checks each is an append-only extension of the last one it saw, and hands back cosignatures.

function httpIo(base: string): WitnessIo & { trust(): Promise<{ log: { origin: string; verifierKey: string } }> } {
  const get = async (p: string) => {
    const r = await fetch(new URL(p, base));
    if (!r.ok) throw new CliError(`GET ${p}: HTTP ${r.status}`);
    return r;
  };
  return {
    trust: async () => (await (await get('/api/v1/trust')).json()) as { log: { origin: string; verifierKey: string } },
    checkpoint: async () => (await get('/log/checkpoint')).text(),
    consistency: async (from, to) => ((await (await get(`/api/v1/log/proofs/consistency?from=${from}&to=${to}`)).json()) as { hashes: string[] }).hashes,
    submit: async (size, line) => {
      const r = await fetch(new URL('/api/v1/log/cosignatures', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ size, witness: name(line), signatureLine: line }),
      });
      if (!r.ok) throw new CliError(`the registry refused the cosignature: HTTP ${r.status} ${await r.text()}`);
    },
  };
}
const name = (line: string): string => line.replace(/^— /, '').split(' ')[0]!;

export function registerWitness(program: Command): void {
  program
    .command('witness')
    .description('run a witness: follow a registry’s checkpoints, verify consistency, return C2SP cosignatures')
    .requiredOption('--registry <url>', 'the registry base URL, e.g. http://localhost:3000')
    .requiredOption('--name <name>', 'this witness’s key name, e.g. witness.example/w1')
    .option('--dir <dir>', 'where the witness keeps its key and state', './witness-data')
    .option('--interval <ms>', 'how often to look for a new checkpoint', '2000')
    .option('--once', 'cosign the current checkpoint once and exit')
    .action(async (opts: { registry: string; name: string; dir: string; interval: string; once?: boolean }) => {
      fs.mkdirSync(opts.dir, { recursive: true });
      const keyFile = path.join(opts.dir, 'witness.key');
      if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, generateEd25519().privateKeyPkcs8.toString('base64'), { mode: 0o600 });
      const privateKey = privateKeyFromPkcs8(Buffer.from(fs.readFileSync(keyFile, 'utf8'), 'base64'));
      const vkey = encodeCosignatureVerifierKey(opts.name, ed25519RawPublicKey(privateKey));
      print(`Witness ${opts.name}; register this verifier key with the registry (POST /api/v1/log/witnesses):\n  ${vkey}`);
      const io = httpIo(opts.registry);
      const stateFile = path.join(opts.dir, 'state.json');
      let state: WitnessState;
      if (fs.existsSync(stateFile)) state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as WitnessState;
      else {
        // Trust on first use: pin the log's key and origin, starting from the empty tree.
        const t = await io.trust();
        state = { origin: t.log.origin, logVerifierKey: t.log.verifierKey, size: 0, rootHash: EMPTY_ROOT.toString('base64') };
      }
      const interval = Number(opts.interval);
      for (;;) {
        const r = await witnessStep(io, state, { name: opts.name, privateKey }, Math.floor(Date.now() / 1000));
        if (r.outcome === 'refused') throw new CliError(`refusing to cosign: ${r.reason}`, 3);
        if (r.outcome === 'cosigned') print(`cosigned checkpoint ${r.state.size}`);
        state = r.state;
        fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
        if (opts.once) return;
        await new Promise((res) => setTimeout(res, interval));
      }
    });
}
