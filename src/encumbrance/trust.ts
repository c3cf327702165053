import type { TrustRegistry } from '../trust/registry.ts';
import { mapAuditCheck } from '../trust/map-service.ts';
import { ENCUMBRANCE_MAP } from './state.ts';

// The encumbrance map in the trust registry: its audit check replays every logged change, checks
// each checkpoint's `encumbrance` line, the stored leaves and the stored tree (trust/map-service.ts).

export const encumbranceCheck = mapAuditCheck(ENCUMBRANCE_MAP, 'asset');

export const encumbranceTrust: Partial<TrustRegistry> = { checks: [encumbranceCheck] };
