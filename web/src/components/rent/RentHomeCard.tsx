import { Anchor, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { useFormat } from '../../format.ts';
import { RENT_KEYS, sumMoney, type Outstanding } from '../../rent.ts';

/** On a holder's home page: the rent its warrants owe today and to the next 31 March (nothing when it holds none). */
export function RentHomeCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({ queryKey: RENT_KEYS.outstanding('held'), queryFn: () => api<Outstanding>('/api/v1/rent/outstanding', { query: { scope: 'held' } }) });
  const d = q.data;
  if (!d || d.items.length === 0) return null;
  const now = sumMoney(d.totals.outstanding.map((x) => x.amount));
  const year = sumMoney(d.totals.toRateYearEnd.map((x) => x.amount));
  return (
    <Paper withBorder p="md" data-testid="rent-home">
      <Title order={2} size="h4" mb={4}>
        {t('rent.home.heading')}
      </Title>
      <Text size="sm">{t('rent.home.owed', { amount: f.decimal(now), year: f.decimal(year), currency: 'USD', date: f.date(d.rateYearEnd) })}</Text>
      <Anchor component={Link} to="/rent" size="sm">
        {t('rent.home.link')}
      </Anchor>
    </Paper>
  );
}
