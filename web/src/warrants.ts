import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type DirectoryEntry, type ResponseOf, type WarrantStatus } from './api.ts';

// Words for warrants, swaps and receipts in the chosen language, the organisation directory, and
// the server's messages about a receipt put in the reader's language where they are generic.

export function useWarrantStatusName() {
  const { t } = useTranslation();
  return (s: WarrantStatus | string): string =>
    ({ live: t('warrants.status.live'), cancelled: t('warrants.status.cancelled'), delivered_out: t('warrants.status.delivered_out') })[s] ?? s;
}

export const WARRANT_STATUS_COLOURS: Record<string, string> = { live: 'green', cancelled: 'orange', delivered_out: 'gray' };

export function useStatementKindName() {
  const { t } = useTranslation();
  return (kind: string): string =>
    (
      ({
        'warrant.issued': t('warrants.kinds.issued'),
        'warrant.transferred': t('warrants.kinds.transferred'),
        'warrant.cancelled': t('warrants.kinds.cancelled'),
        'warrant.rewarranted': t('warrants.kinds.rewarranted'),
        'warrant.loaded_out': t('warrants.kinds.loaded_out'),
        'warrant.corrected': t('warrants.kinds.corrected'),
      }) as Record<string, string>
    )[kind] ?? kind;
}

export function useSwapStatusName() {
  const { t } = useTranslation();
  return (s: string): string =>
    (
      ({
        offered: t('swaps.status.offered'),
        accepted: t('swaps.status.accepted'),
        declined: t('swaps.status.declined'),
        withdrawn: t('swaps.status.withdrawn'),
        failed: t('swaps.status.failed'),
      }) as Record<string, string>
    )[s] ?? s;
}

/** The reconciliation's checks of a bundle (src/warehouse/reconcile.ts CheckCode). */
export function useCheckCodeName() {
  const { t } = useTranslation();
  return (code: string): string =>
    (
      ({
        ecoa: t('receipt.checks.ecoa'),
        bundle: t('receipt.checks.bundle'),
        weights: t('receipt.checks.weights'),
        shape: t('receipt.checks.shape'),
        origin: t('receipt.checks.origin'),
        listing: t('receipt.checks.listing'),
        cbam: t('receipt.checks.cbam'),
        sourcing: t('receipt.checks.sourcing'),
      }) as Record<string, string>
    )[code] ?? code;
}

/** Every organisation on the register by name (any signed-in caller), to pick a depositor or a counterparty. */
export function useDirectory(enabled = true) {
  return useQuery({
    queryKey: ['directory'],
    queryFn: () => api<ResponseOf<'/api/v1/organisation-directory'>>('/api/v1/organisation-directory'),
    enabled,
    staleTime: 60_000,
  });
}

export const byName = (a: DirectoryEntry, b: DirectoryEntry): number => a.name.localeCompare(b.name);

/** A warrant number as people type it ("wr-12", "WR 0000000012") as the register writes it; anything else unchanged. */
export function normaliseWarrantRef(input: string): string {
  const s = input.replace(/\s+/g, '').toUpperCase();
  const m = /^WR-?(\d{1,10})$/.exec(s);
  return m ? `WR-${m[1]!.padStart(10, '0')}` : input.trim();
}

/**
 * One of the server's messages about a receipt's field or row, in the reader's language when it is
 * one the app knows (the generic schema messages, and the receipt rules of
 * src/warehouse/receipt-service.ts and reconcile.ts); otherwise the server's English, marked so.
 */
export function useServerMessage() {
  const { t } = useTranslation();
  return (field: string | null, message: string): { text: string; lang?: 'en' } => {
    const generic: [RegExp, (m: RegExpExecArray) => string][] = [
      [/^must NOT have fewer than 1 characters$|^must have required property/, () => t('receive.errors.required')],
      [/^must match pattern/, () => (field === 'pcr' ? t('receive.errors.pcrFormat') : field === 'grossKg' || field === 'netKg' ? t('receive.errors.weightFormat') : field === 'originCountry' ? t('receive.errors.country') : t('receive.errors.refFormat'))],
      [/^must be (integer|>= 1|<= 100000)$/, () => t('receive.errors.pieces')],
      [/^must NOT have more than (\d+) characters$/, (m) => t('receive.errors.tooLong', { max: m[1] })],
      [/^no certificate is registered for PCR (.+) of this brand; leave lot empty/, (m) => t('receive.errors.noCertificateInLot', { pcr: m[1] })],
      [/^lot (.+) holds (\S+) t; a lot is (\S+) t ± (\S+) % \((\S+) to (\S+) t\)$/, (m) => t('receive.errors.lotSize', { lot: m[1], tonnes: m[2], size: m[3], pct: m[4], min: m[5], max: m[6] })],
      [/^bundle (.+) of PCR (.+) is already on line (\d+)$/, (m) => t('receive.errors.duplicate', { bundle: m[1], pcr: m[2], line: m[3] })],
      [/^PCR (.+) is split across lots (.+) and (.+); a cast goes on one warrant$/, (m) => t('receive.errors.split', { pcr: m[1], a: m[2], b: m[3] })],
      [/^net (\S+) kg is more than gross (\S+) kg$/, (m) => t('receive.errors.netOverGross', { net: m[1], gross: m[2] })],
      [/^is in the future$/, () => t('receive.errors.future')],
      [/^the facility's approval ended on (\S+)$/, (m) => t('receive.errors.facilityEnded', { date: m[1] })],
      [/^the facility was approved only from (\S+)$/, (m) => t('receive.errors.facilityNotYet', { date: m[1] })],
      [/^no such organisation$/, () => t('receive.errors.noOrganisation')],
      [/^not a facility of your company$/, () => t('receive.errors.notOurFacility')],
      [/^no brand (.+)$/, (m) => t('receive.errors.noBrand', { brand: m[1] })],
      [/^brand (\S+) is listed in (.+), not (.+)$/, (m) => t('receive.errors.shape', { brand: m[1], shapes: m[2], shape: m[3] })],
      [/^(.+) is not approved for (\S+) \(it takes (.+)\)$/, (m) => t('receive.errors.facilityMetal', { facility: m[1], metal: m[2], metals: m[3] })],
    ];
    for (const [re, word] of generic) {
      const m = re.exec(message);
      if (m) return { text: word(m) };
    }
    return { text: message, lang: 'en' };
  };
}

/** The delivery network's locations (public), cached: names for location codes. */
export function useLocations() {
  return useQuery({ queryKey: ['locations'], queryFn: () => api<ResponseOf<'/api/v1/locations'>>('/api/v1/locations'), staleTime: 300_000 });
}

export function useLocationName() {
  const locations = useLocations();
  const names = new Map((locations.data?.items ?? []).map((l) => [l.code, l.name]));
  return (code: string): string => names.get(code) ?? code;
}

/** A decimal as people write it: numeric columns come back as "60.000". */
export const plainDecimal = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
