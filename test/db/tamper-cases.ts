// Subject types whose tamper cases live in another test file (test/db/sustainability-audit.test.ts),
// so test/db/tamper.test.ts can hold every checked subject type to having one. That file fails
// unless each type listed here has a change case and a delete case the audit names.
export const SUSTAINABILITY_TAMPER_TYPES: readonly string[] = [
  'sustainability_reference',
  'evidence_file',
  'sourcing_track',
  'sourcing_ruling',
  'disclosure',
  'disclosure_attestation',
  'cbam_report',
  'cbam_visibility',
  'cbam_grant',
];

// The rent module's subject types; their cases are in test/db/rent-audit.test.ts, which holds itself
// to a change and a delete case for each.
export const RENT_TAMPER_TYPES: readonly string[] = ['rent_tariff', 'rent_statement', 'rent_endorsement', 'supervision_fee'];
// Subject types of src/pledges, whose tamper cases live in test/db/pledges-audit.test.ts (held there
// to a change and a delete case each that the audit names).
export const PLEDGE_TAMPER_TYPES: readonly string[] = ['e_receipt', 'e_receipt_event', 'pledge_event', 'price_publication', 'collateral_terms'];

// The authenticated encumbrance map (src/encumbrance), whose tamper cases (a leaf changed and
// deleted, a change row, a tree node and the head edited) live in test/http/encumbrance.test.ts.
export const ENCUMBRANCE_TAMPER_TYPES: readonly string[] = ['encumbrance'];
