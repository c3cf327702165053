import { useTranslation } from 'react-i18next';

// Numbers and dates follow the chosen language (Intl), never the machine's.

const decimals = (s: string): number => (s.includes('.') ? s.split('.')[1]!.length : 0);

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    locale,
    /** A decimal string, shown with exactly the digits it has. */
    decimal(s: string | undefined | null): string {
      if (s === undefined || s === null || s === '' || !/^-?\d+(\.\d+)?$/.test(s)) return s ?? '';
      const d = decimals(s);
      return new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(Number(s));
    },
    integer(n: number): string {
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
    },
    /** A business date (YYYY-MM-DD), shown in the calendar of the language, in UTC. */
    date(iso: string | undefined | null): string {
      if (!iso) return '';
      const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
    },
    /** An ISO 3166-1 alpha-2 code as the country's name in the language, followed by the code. */
    country(code: string | undefined | null): string {
      if (!code) return '';
      try {
        const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code);
        return name && name !== code ? `${name} (${code})` : code;
      } catch {
        return code;
      }
    },
    dateTime(iso: string | undefined | null): string {
      if (!iso) return '';
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    },
  };
}
