import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PremiumAnswer } from '../api.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isHidden, useCbamReadable } from './Cbam.tsx';
import { Field } from './Field.tsx';
import { ErrorAlert, Loading } from './common.tsx';

// Sustainable-metal premium eligibility of a brand for a year, with its reason. The answer states
// the brand's carbon intensity, so the API applies the CBAM visibility rule; the section is shown
// only to those who may read the brand's CBAM data.

const YEARS_BACK = 5;

/** Decimal strings compared exactly (no floating point). */
export function compareDecimals(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  const len = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(len, '0'));
  const y = BigInt(bi + bf.padEnd(len, '0'));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The server's reason, rebuilt from its structured answer in the chosen language. */
export function usePremiumReason() {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  return (p: PremiumAnswer): string => {
    const metal = metalName(p.metal);
    if (p.threshold === null) return t('premium.reasons.noThreshold', { metal });
    const threshold = f.decimal(p.threshold);
    if (p.intensity === null) return t('premium.reasons.noReport', { period: p.period, threshold });
    const intensity = f.decimal(p.intensity);
    if (p.eligible) {
      return p.standards.length
        ? t('premium.reasons.eligibleWith', { intensity, threshold, standards: p.standards.join(t('common.listSeparator')) })
        : t('premium.reasons.eligible', { intensity, threshold });
    }
    if (compareDecimals(p.intensity, p.threshold) > 0) return t('premium.reasons.above', { intensity, threshold, metal });
    return t('premium.reasons.noStandard', { intensity, threshold });
  };
}

export function PremiumSection({ brandId, brandCode, producerId }: { brandId: string; brandCode: string; producerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reason = usePremiumReason();
  const gate = useCbamReadable(brandCode, producerId);
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const premium = useQuery({
    queryKey: ['premium', brandId, year],
    queryFn: () => api<PremiumAnswer>(`/api/v1/brands/${brandId}/premium-eligibility`, { query: { year } }),
    enabled: gate.settled && gate.readable,
    retry: false,
  });
  if (!gate.settled || !gate.readable || isHidden(premium.error)) return null;
  const p = premium.data;
  return (
    <section aria-labelledby="premium" data-testid="premium">
      <Title order={2} size="h3" id="premium" mb="xs">
        {t('premium.title')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <NativeSelect
            label={t('premium.year')}
            w={160}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i))}
          />
          {premium.isLoading ? (
            <Loading />
          ) : premium.error ? (
            <ErrorAlert error={premium.error} />
          ) : p ? (
            <>
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <Badge color={p.eligible ? 'green' : 'gray'} variant={p.eligible ? 'filled' : 'light'} size="lg" style={{ flexShrink: 0 }}>
                  {p.eligible ? t('premium.eligible') : t('premium.notEligible')}
                </Badge>
                <Text size="sm" data-testid="premium-reason">
                  {reason(p)}
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 1, xs: 3 }} component="dl" m={0}>
                <Field label={t('premium.intensity')}>{p.intensity !== null ? `${f.decimal(p.intensity)} tCO2e/t` : '—'}</Field>
                <Field label={t('premium.threshold')}>{p.threshold !== null ? `${f.decimal(p.threshold)} tCO2e/t` : '—'}</Field>
                <Field label={t('premium.standards')}>{p.standards.length ? p.standards.join(t('common.listSeparator')) : t('premium.none')}</Field>
              </SimpleGrid>
            </>
          ) : null}
        </Stack>
      </Paper>
    </section>
  );
}
