import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { DataTable } from '../DataTable.tsx';
import { formErrors, FormErrorSummary, QueryState } from '../common.tsx';
import { useFormat } from '../../format.ts';
import { RENT_KEYS, type Outstanding, type Statement } from '../../rent.ts';
import { StatementList } from './StatementList.tsx';

/** Outstanding rent on the warrants the caller holds (or, `stored`, a warehouse's receivable), and for a holder: statements. */
export function OutstandingRent({ scope }: { scope: 'held' | 'stored' }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const outstanding = useQuery({ queryKey: RENT_KEYS.outstanding(scope), queryFn: () => api<Outstanding>('/api/v1/rent/outstanding', { query: { scope } }) });
  const data = outstanding.data;
  const selectable = scope === 'held';
  const [selected, setSelected] = useState<string[]>([]);
  const [paidTo, setPaidTo] = useState('');
  useEffect(() => {
    if (data && paidTo === '') setPaidTo(data.rateYearEnd);
  }, [data, paidTo]);
  const free = (data?.items ?? []).filter((i) => !i.rent.openStatement);
  const make = useMutation({
    meta: { toast: 'rent' },
    mutationFn: (all: boolean) => api<Statement>('/api/v1/rent/statements', { body: { ...(all ? { all: true } : { warrantIds: selected }), ...(paidTo ? { paidTo } : {}) } }),
    onSuccess: async () => {
      setSelected([]);
      await qc.invalidateQueries({ queryKey: ['rent'] });
    },
  });
  const { byField, fieldError } = formErrors(make.error);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <Stack gap="lg">
      <section aria-labelledby={`rent-${scope}`}>
        <Title order={2} size="h3" id={`rent-${scope}`} mb={4}>
          {scope === 'held' ? t('rent.mine.heading') : t('rent.stored.heading')}
        </Title>
        <QueryState query={outstanding}>
          {data && (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('rent.mine.asOf', { date: f.date(data.asOf), end: f.date(data.rateYearEnd) })}
              </Text>
              <DataTable
                testId={`rent-outstanding-${scope}`}
                caption={t('rent.mine.caption', { count: data.items.length })}
                columns={[
                  ...(selectable
                    ? [
                        <Checkbox
                          key="all"
                          aria-label={t('rent.mine.selectAll')}
                          checked={free.length > 0 && selected.length === free.length}
                          onChange={(e) => setSelected(e.currentTarget.checked ? free.map((i) => i.warrantId) : [])}
                        />,
                      ]
                    : []),
                  t('rent.common.warrant'),
                  t('rent.common.warehouse'),
                  t('rent.common.metal'),
                  t('rent.common.tonnes'),
                  t('rent.common.status'),
                  t('rent.common.paidTo'),
                  t('rent.mine.outstanding'),
                  t('rent.mine.toYearEnd', { date: f.date(data.rateYearEnd) }),
                ]}
                items={data.items}
                emptyRow={t('rent.mine.none')}
                row={(i) => (
                  <Table.Tr key={i.warrantId} data-warrant={i.number}>
                    {selectable && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('rent.mine.select', { number: i.number })}
                          disabled={!!i.rent.openStatement}
                          checked={selected.includes(i.warrantId)}
                          onChange={() => toggle(i.warrantId)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>{i.number}</Table.Td>
                    <Table.Td>
                      {i.warehouse.name}
                      <Text size="xs" c="dimmed">
                        {i.facility.name} · {i.location}
                      </Text>
                    </Table.Td>
                    <Table.Td>{i.metal}</Table.Td>
                    <Table.Td>{f.decimal(i.tonnes)}</Table.Td>
                    <Table.Td>{t(`rent.warrantStatus.${i.status as 'live'}`)}</Table.Td>
                    <Table.Td>{i.rent.paidTo ? f.date(i.rent.paidTo) : t('rent.common.never')}</Table.Td>
                    <Table.Td data-testid="owed-today">
                      {f.decimal(i.rent.outstanding.amount)} {i.rent.currency}
                    </Table.Td>
                    <Table.Td data-testid="owed-year">
                      {f.decimal(i.rent.toRateYearEnd.amount)} {i.rent.currency}
                      {i.rent.missingRateYears.length > 0 && (
                        <Text size="xs" c="orange">
                          {t('rent.mine.unpriced', { years: i.rent.missingRateYears.join(', ') })}
                        </Text>
                      )}
                      {i.rent.openStatement && (
                        <Badge variant="light" color="yellow" ml={4}>
                          {t('rent.mine.onStatement', { number: i.rent.openStatement })}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )}
              />
              {data.totals.outstanding.length > 0 && (
                <Text size="sm" data-testid={`rent-totals-${scope}`}>
                  {t('rent.mine.totals')}:{' '}
                  {data.totals.outstanding
                    .map((o) => {
                      const y = data.totals.toRateYearEnd.find((x) => x.warehouse.id === o.warehouse.id);
                      return `${o.warehouse.name}: ${f.decimal(o.amount)} / ${f.decimal(y?.amount ?? '0.00')} ${o.currency}`;
                    })
                    .join(' · ')}
                </Text>
              )}
            </Stack>
          )}
        </QueryState>
      </section>
      {selectable && data && (
        <Paper withBorder p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              make.mutate(selected.length === 0);
            }}
            noValidate
          >
            <Group align="end" wrap="wrap">
              <TextInput
                type="date"
                label={t('rent.mine.payTo')}
                description={t('rent.mine.payToHint')}
                value={paidTo}
                onChange={(e) => setPaidTo(e.currentTarget.value)}
                error={fieldError('paidTo')}
              />
              <Button type="submit" loading={make.isPending} disabled={free.length === 0}>
                {selected.length > 0 ? t('rent.mine.make', { count: selected.length }) : t('rent.mine.makeAll')}
              </Button>
            </Group>
            <FormErrorSummary error={make.error} byField={byField} fieldsMessage={make.error instanceof Error ? make.error.message : ''} />
          </form>
          {make.data && (
            <Alert color="green" mt="md" role="status" data-testid="statement-made">
              <Text size="sm">
                {t('rent.mine.made', { number: make.data.number, amount: make.data.totals.byCurrency.map((c) => f.decimal(c.amount)).join(' + '), currency: make.data.totals.byCurrency.map((c) => c.currency).join('/') })}
              </Text>
              <Anchor component={Link} to={`/rent/statements/${make.data.id}`} size="sm">
                {make.data.number}
              </Anchor>
            </Alert>
          )}
        </Paper>
      )}
      {selectable && (
        <section aria-labelledby="rent-statements">
          <Title order={2} size="h3" id="rent-statements" mb="xs">
            {t('rent.mine.statements')}
          </Title>
          <StatementList scope="held" empty={t('rent.mine.noStatements')} />
        </section>
      )}
    </Stack>
  );
}
