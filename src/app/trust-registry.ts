import { brandTrust } from '../brands/trust.ts';
import { cbamTrust } from '../cbam/trust.ts';
import { certificateTrust } from '../certificates/trust.ts';
import { encumbranceTrust } from '../encumbrance/trust.ts';
import { marketTrust } from '../market/trust.ts';
import { metalsTrust } from '../metals/trust.ts';
import { pledgesTrust } from '../pledges/trust.ts';
import type { AppContext } from '../platform/context.ts';
import { rentTrust } from '../rent/trust.ts';
import { sustainabilityTrust } from '../sustainability/trust.ts';
import { runAudit as runKernelAudit, type AuditResult, type SeenCheckpoint } from '../trust/audit.ts';
import { kernelTrust } from '../trust/kernel-checks.ts';
import { trustRegistry } from '../trust/registry.ts';
import { warehouseTrust } from '../warehouse/trust.ts';
import { reportsTrust } from '../reports/trust.ts';

// Every record type the register signs or logs, as the trust kernel sees it: credential types for
// verification, audit checks for `assay audit`. A new record type adds its module's part here.

export const TRUST_REGISTRY = trustRegistry([kernelTrust, certificateTrust, brandTrust, metalsTrust, marketTrust, sustainabilityTrust, cbamTrust, warehouseTrust, rentTrust, pledgesTrust, reportsTrust, encumbranceTrust]);

/** `assay audit` over the whole register. */
export const runAudit = (ctx: AppContext, seen: SeenCheckpoint[] = []): Promise<AuditResult> => runKernelAudit(ctx, TRUST_REGISTRY, seen);
