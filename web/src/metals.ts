import { useTranslation } from 'react-i18next';

export function useMetalName() {
  const { t } = useTranslation();
  const names: Record<string, string> = {
    AH: t('metals.AH'),
    CA: t('metals.CA'),
    ZS: t('metals.ZS'),
    PB: t('metals.PB'),
    NI: t('metals.NI'),
    SN: t('metals.SN'),
    AA: t('metals.AA'),
    NA: t('metals.NA'),
    CO: t('metals.CO'),
  };
  return (code: string): string => names[code] ?? code;
}
