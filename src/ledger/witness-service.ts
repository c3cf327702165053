import type { AppContext } from '../app/context.ts';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { recordAudit } from '../audit/repo.ts';
import { AppError, isUniqueViolation, notFound } from '../platform/errors.ts';
import { cosignatureVerifierFromKey } from './cosignature.ts';
import * as repo from './log-repo.ts';
import { decodeVerifierKey, parseNote, SIG_TYPE_COSIGNATURE_V1 } from './note.ts';

// The registry's side of witnessing: the exchange registers witnesses' keys; anyone may hand in a
// cosignature, which is kept only if it verifies over the stored checkpoint.

export async function registerWitness(ctx: AppContext, p: Authenticated, input: { name: string; verifierKey: string }) {
  let key;
  try {
    key = decodeVerifierKey(input.verifierKey);
  } catch (e) {
    throw new AppError('bad_request', 'Not a verifier key', [{ path: 'body.verifierKey', message: (e as Error).message }]);
  }
  if (key.sigType !== SIG_TYPE_COSIGNATURE_V1 || key.name !== input.name) {
    throw new AppError('bad_request', 'Expected a cosignature/v1 (type 0x04) verifier key whose name is the witness name', [
      { path: 'body.verifierKey', message: 'wrong key type or name' },
    ]);
  }
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO witnesses (name, verifier_key) VALUES ($1, $2)`, [input.name, input.verifierKey]);
      await recordAudit(tx, { actor: actorOf(p), action: 'witness.registered', subjectType: 'witness', subjectId: input.name });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', `Witness ${input.name} is already registered`);
    throw e;
  }
  return { name: input.name, verifierKey: input.verifierKey };
}

export async function listWitnesses(ctx: AppContext) {
  return (await ctx.db.query<{ name: string; verifier_key: string }>(`SELECT name, verifier_key FROM witnesses ORDER BY name`)).rows.map(
    (w) => ({ name: w.name, verifierKey: w.verifier_key }),
  );
}

export async function acceptCosignature(ctx: AppContext, input: { size: number; witness: string; signatureLine: string }) {
  const w = await ctx.db.query<{ verifier_key: string }>(`SELECT verifier_key FROM witnesses WHERE name = $1`, [input.witness]);
  if (!w.rows[0]) throw notFound(`Witness ${input.witness}`);
  const cp = await repo.checkpointBySize(ctx.db, input.size);
  if (!cp) throw notFound(`Checkpoint ${input.size}`);
  const note = `${cp.note}${input.signatureLine}\n`;
  let ok = false;
  try {
    const parsed = parseNote(note);
    const verifier = cosignatureVerifierFromKey(w.rows[0].verifier_key);
    const sig = parsed.signatures.at(-1);
    ok = !!sig && sig.name === verifier.name && sig.keyId.equals(verifier.keyId) && verifier.verify(parsed.textBytes, sig.signature);
  } catch {
    ok = false;
  }
  if (!ok) throw new AppError('bad_request', `The cosignature does not verify for checkpoint ${input.size} and witness ${input.witness}`);
  await repo.insertCosignature(ctx.db, { size: input.size, witness: input.witness, line: input.signatureLine });
  return { size: input.size, witness: input.witness };
}
