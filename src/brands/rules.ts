import type { BrandStatus } from './repo.ts';

/**
 * Brand status transitions. Any status may move to any other (a suspension is lifted by listing
 * again; a delisted brand may be relisted after a new application), but a change must change
 * something. Returns why a transition is refused, or null.
 */
export function allowedTransition(from: BrandStatus, to: BrandStatus): string | null {
  if (from === to) return `The brand is already ${to}`;
  return null;
}
