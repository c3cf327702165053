import type { AppContext } from '../platform/context.ts';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { recordEvent } from '../trail/events.ts';
import { AppError, isUniqueViolation, notFound } from '../platform/errors.ts';
import { checkCosignatureLine, servableCosignatureLines } from './cosignature.ts';
import * as repo from './log-repo.ts';
import { decodeVerifierKey, parseNote, SIG_TYPE_COSIGNATURE_V1 } from './note.ts';

// The registry's side of witnessing: the exchange registers witnesses' keys; anyone may hand in a
// cosignature, since a witness's lines are public anyway. What authenticates the witness is its
// registered key, not the caller: a line is kept only if it is exactly one cosignature/v1 line by
// that key over that checkpoint, and what is stored is rebuilt from the verified parts.

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
      await recordEvent(tx, { actor: actorOf(p), action: 'witness.registered', subjectType: 'witness', subjectId: input.name });
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

/**
 * Keeps a witness's cosignature of a stored checkpoint. One line per witness and checkpoint: the
 * first that checks out stays (so the served note is stable and a replay changes nothing), and a
 * later valid one is acknowledged without being stored (`created: false`). A stored line that no
 * longer checks out (written before lines were checked, or under a since-replaced key) is replaced.
 */
export async function acceptCosignature(ctx: AppContext, input: { size: number; witness: string; signatureLine: string }) {
  const w = await ctx.db.query<{ verifier_key: string }>(`SELECT verifier_key FROM witnesses WHERE name = $1`, [input.witness]);
  const verifierKey = w.rows[0]?.verifier_key;
  if (verifierKey === undefined) throw notFound(`Witness ${input.witness}`);
  const cp = await repo.checkpointBySize(ctx.db, input.size);
  if (!cp) throw notFound(`Checkpoint ${input.size}`);
  const key = decodeVerifierKey(verifierKey);
  const text = parseNote(cp.note).text;
  const res = checkCosignatureLine(text, input.signatureLine, { name: input.witness, publicKey: key.publicKey });
  if (!res.ok) {
    throw new AppError('bad_request', `Cosignature refused for checkpoint ${input.size} and witness ${input.witness}: ${res.detail}`, [
      { path: 'body.signatureLine', message: res.detail, code: res.reason },
    ]);
  }
  const line = res.cosignature.line.slice(0, -1);
  const row = { size: input.size, witness: input.witness, line };
  const created = await ctx.db.transaction(async (tx) => {
    const stored = await repo.lockCosignature(tx, input.size, input.witness);
    if (stored === undefined) return repo.insertCosignature(tx, row);
    if (servableCosignatureLines(text, [{ witness: input.witness, verifierKey, line: stored }]).length === 1) return false;
    await repo.replaceCosignature(tx, row);
    return true;
  });
  return { size: input.size, witness: input.witness, created };
}
