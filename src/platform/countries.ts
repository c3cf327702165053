import countries from 'i18n-iso-countries';

// ISO 3166-1 alpha-2, from a maintained list. XK (Kosovo) is a user-assigned code, not ISO 3166.
const ALPHA2 = new Set(Object.keys(countries.getAlpha2Codes()).filter((c) => c !== 'XK'));

export const isIsoCountry = (code: string): boolean => ALPHA2.has(code);
