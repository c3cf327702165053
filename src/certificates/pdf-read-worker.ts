import { parentPort } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../platform/errors.ts';
import { pdfRefusal, readPdfAttachments, type PdfReadLimits } from './pdf-read.ts';

// A PDF reading thread (see pdf-read-pool.ts): reads one uploaded PDF at a time off the main
// thread, under the heap limit the pool gave it, and answers with the attached files or a refusal.

export interface PdfReadRequest {
  bytes: Uint8Array;
  limits: PdfReadLimits;
}

export type PdfReadMessage =
  | { type: 'ready' }
  | { type: 'done'; files: [string, Uint8Array][] }
  | { type: 'refused'; code: ErrorCode; message: string; detail: string };

function answer(req: PdfReadRequest): PdfReadMessage {
  try {
    return { type: 'done', files: [...readPdfAttachments(req.bytes, req.limits)] };
  } catch (e) {
    // Anything the reader did not foresee is still only "not a PDF we can read" to the client.
    const err =
      e instanceof AppError
        ? e
        : pdfRefusal('unreadable', `unexpected ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    const cause = err.cause instanceof Error ? err.cause.message : '';
    return { type: 'refused', code: err.code, message: err.message, detail: cause };
  }
}

parentPort!.on('message', (req: PdfReadRequest) => parentPort!.postMessage(answer(req)));
parentPort!.postMessage({ type: 'ready' } satisfies PdfReadMessage);
