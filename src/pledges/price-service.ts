import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actorOf, type Authenticated } from '../access/principal.ts';
import { checkXlsxArchive } from '../imports/zip-guard.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { ensureIssuerKey, orgDid } from '../trust/keys-service.ts';
import { recordSignedChange } from '../trust/signed-change.ts';
import { digestBytes } from '../trust/trust.ts';
import { signCredentialJwt } from '../trust/vc.ts';
import { KIND, pricesCredential, SUBJECT, type PriceRow, type PricesSubject } from './credential.ts';
import { checkPriceRows, parsePriceCsv, parsePriceXlsx, type ParsedSheet } from './price-file.ts';
import { collateralReference } from './reference.ts';
import * as repo from './repo.ts';

// The exchange's official prices per metal and prompt: published by API (JSON), or as a CSV or
// XLSX sheet; each publication is one PricePublication credential signed by the exchange, logged,
// and its rows stored. A later publication of the same metal, prompt and date corrects an earlier
// one (the latest publication wins); nothing is deleted.

/** Largest price sheet accepted, in bytes (the route's body limit allows for base64 on top). */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

const rules = () => ({ prompts: collateralReference().prompts, defaultCurrency: collateralReference().priceCurrency });

function refuseSheet(sheet: ParsedSheet): void {
  if (sheet.problems.length) {
    throw new AppError('bad_request', `The prices have ${sheet.problems.length} problem${sheet.problems.length === 1 ? '' : 's'}; nothing was published`, sheet.problems.slice(0, 200));
  }
}

async function publish(ctx: AppContext, p: Authenticated, rows: PriceRow[], source: PricesSubject['source'], filename: string | null) {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange publishes official prices');
  const key = await ensureIssuerKey(ctx, p.orgId);
  const id = randomUUID();
  const publishedAt = ctx.now();
  const subject: PricesSubject = { schema: 'assay.price-publication/1', source, prices: rows };
  const credential = await signCredentialJwt(pricesCredential({ id, issuerDid: orgDid(ctx, p.orgId), issuedAt: publishedAt.toISOString(), subject }), {
    privateKey: key.privateKey,
    kid: key.kid,
  });
  const actor = actorOf(p);
  await ctx.db.transaction(async (tx) => {
    const seq = await repo.nextPublicationSeq(tx);
    const { logIndex } = await recordSignedChange(ctx, tx, {
      log: { kind: KIND.prices, subjectType: SUBJECT.prices, subjectId: id, version: 1 },
      payload: { payloadDigest: digestBytes(credential), credential },
      event: { actor, details: { prices: rows.length, source, ...(filename ? { filename } : {}) } },
    });
    await repo.insertPublication(
      tx,
      {
        id,
        seq,
        source,
        filename,
        credential,
        content_digest: digestBytes(credential),
        log_index: logIndex,
        published_by_org: p.orgId,
        published_at: publishedAt,
        userId: actor.userId,
        apiKeyId: actor.apiKeyId,
      },
      rows,
    );
  });
  return publicationView(ctx, id);
}

export async function publishPrices(ctx: AppContext, p: Authenticated, input: { prices: { date: string; metal: string; prompt: string; price: string; currency?: string }[] }) {
  const sheet = checkPriceRows(
    input.prices.map((x) => ({ date: x.date, metal: x.metal, prompt: x.prompt, price: x.price, currency: x.currency ?? '' })),
    rules(),
    (i, column) => `body.prices.${i}${column ? `.${column}` : ''}`,
  );
  refuseSheet(sheet);
  return publish(ctx, p, sheet.rows, 'api', null);
}

/** A CSV or XLSX sheet (base64); the format is told by its bytes (an XLSX file is a zip archive). */
export async function uploadPrices(ctx: AppContext, p: Authenticated, input: { filename: string; contentBase64: string }) {
  if (p.orgKind !== 'exchange') throw forbidden('Only the exchange publishes official prices');
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > MAX_SHEET_BYTES) throw new AppError('payload_too_large', `The sheet is larger than ${MAX_SHEET_BYTES} bytes`);
  const xlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let sheet: ParsedSheet;
  if (xlsx) {
    // The archive is judged from its directory before anything inflates it (zip bombs).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-prices-'));
    try {
      const file = path.join(dir, 'prices.xlsx');
      fs.writeFileSync(file, bytes);
      await checkXlsxArchive(file, { maxUncompressedBytes: 64 * 1024 * 1024, maxRatio: ctx.config.imports.maxZipRatio });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    sheet = await parsePriceXlsx(bytes, rules());
  } else {
    const text = bytes.toString('utf8');
    if (text.includes('\u0000') || text.includes('\uFFFD')) throw new AppError('bad_request', 'The file is neither a UTF-8 CSV file nor an XLSX workbook', [{ path: 'body.contentBase64', message: 'not CSV or XLSX' }]);
    sheet = parsePriceCsv(text, rules());
  }
  refuseSheet(sheet);
  return publish(ctx, p, sheet.rows, xlsx ? 'xlsx' : 'csv', input.filename.trim() || null);
}

export async function publicationView(ctx: AppContext, id: string) {
  const row = await repo.getPublication(ctx.db, id);
  if (!row) throw notFound('Price publication');
  const prices = await repo.publicationPrices(ctx.db, id);
  return {
    id: row.id,
    source: row.source,
    filename: row.filename,
    publishedAt: row.published_at.toISOString(),
    prices: prices.map(priceView),
    credential: row.credential,
    logIndex: row.log_index,
  };
}

const plain = (t: string): string => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);
const priceView = (r: repo.PriceRowDb) => ({ date: r.price_date, metal: r.metal, prompt: r.prompt, price: plain(r.price), currency: r.currency, publicationId: r.publication_id });

/** The latest price of each metal and prompt (or of one), as of a date (default: every date). */
export async function latestPrices(ctx: AppContext, q: { metal?: string; prompt?: string; asOf?: string }) {
  const rows = await repo.latestPrices(ctx.db, { ...(q.metal ? { metal: q.metal } : {}), ...(q.prompt ? { prompt: q.prompt } : {}), ...(q.asOf ? { onOrBefore: q.asOf } : {}) });
  return { items: rows.map(priceView), valuationPrompt: collateralReference().valuationPrompt, prompts: collateralReference().prompts };
}

export async function listPublications(ctx: AppContext, q: { limit?: number }) {
  return Promise.all((await repo.listPublications(ctx.db, { limit: q.limit ?? 20 })).map((r) => publicationView(ctx, r.id)));
}
