// Subject types whose tamper cases live in another test file (test/db/sustainability-audit.test.ts),
// so test/db/tamper.test.ts can hold every checked subject type to having one.
export const SUSTAINABILITY_TAMPER_TYPES: readonly string[] = [];
