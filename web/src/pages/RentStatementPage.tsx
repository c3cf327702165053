import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorAlert, QueryState } from '../components/common.tsx';
import { StatementStatus } from '../components/rent/StatementList.tsx';
import { useFormat } from '../format.ts';
import { RENT_KEYS, statementFile, type Statement } from '../rent.ts';
import { useSession } from '../session.ts';

// One rent statement: its lines per warrant (with the rates of each rate year), totals per
// warehouse and currency, who endorsed it; the warehouse endorses here, the holder withdraws.

export function RentStatementPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const session = useSession();
  const qc = useQueryClient();
  const statement = useQuery({ queryKey: RENT_KEYS.statement(id), queryFn: () => api<Statement>(`/api/v1/rent/statements/${encodeURIComponent(id)}`) });
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ['rent'] });
  };
  const endorse = useMutation({ meta: { toast: 'rent' }, mutationFn: () => api<Statement>(`/api/v1/rent/statements/${encodeURIComponent(id)}/endorsement`, { method: 'POST' }), onSuccess: done });
  const withdraw = useMutation({ meta: { toast: 'rent' }, mutationFn: () => api<Statement>(`/api/v1/rent/statements/${encodeURIComponent(id)}/withdrawal`, { body: {} }), onSuccess: done });
  const s = statement.data;
  const isHolder = !!s && session.data?.organisation?.id === s.holder.id;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/rent" size="sm">
        {t('rent.statement.back')}
      </Anchor>
      <QueryState query={statement}>
        {s && (
          <>
            <div>
              <Group gap="sm">
                <Title order={1}>{t('rent.statement.title', { number: s.number })}</Title>
                <StatementStatus status={s.status} />
              </Group>
              <Text c="dimmed">
                {t('rent.statement.holder', { name: s.holder.name })} · {t('rent.statement.paidTo', { date: f.date(s.paidTo) })} · {t('rent.statement.made', { date: f.dateTime(s.madeAt) })}
              </Text>
              {s.view === 'warehouse' && (
                <Text size="sm" c="dimmed">
                  {t('rent.statement.warehouseView')}
                </Text>
              )}
            </div>
            <Group gap="md">
              <Anchor href={statementFile(s.id, 'pdf')}>{t('rent.common.pdf')}</Anchor>
              <Anchor href={statementFile(s.id, 'xlsx')}>{t('rent.common.xlsx')}</Anchor>
            </Group>
            <DataTable
              testId="statement-lines"
              caption={t('rent.statement.lines')}
              columns={[t('rent.common.warrant'), t('rent.common.warehouse'), t('rent.common.tonnes'), t('rent.common.from'), t('rent.common.to'), t('rent.common.days'), t('rent.statement.rates'), t('rent.statement.exact'), t('rent.common.amount')]}
              items={s.lines}
              row={(l) => (
                <Table.Tr key={l.line} data-warrant={l.number}>
                  <Table.Td>{l.number}</Table.Td>
                  <Table.Td>
                    {l.warehouse.name}
                    <Text size="xs" c="dimmed">
                      {l.facility.name} · {l.metal}
                    </Text>
                  </Table.Td>
                  <Table.Td>{f.decimal(l.tonnes)}</Table.Td>
                  <Table.Td>{f.date(l.from)}</Table.Td>
                  <Table.Td>{f.date(l.to)}</Table.Td>
                  <Table.Td>{l.days}</Table.Td>
                  <Table.Td>
                    {l.segments.map((g) => (
                      <div key={g.from}>
                        {f.decimal(g.rateUsdPerTonneDay)} × {g.days} ({g.rateYear})
                      </div>
                    ))}
                  </Table.Td>
                  <Table.Td>{f.decimal(l.exact)}</Table.Td>
                  <Table.Td data-testid="line-amount">
                    {f.decimal(l.amount)} {l.currency}
                  </Table.Td>
                </Table.Tr>
              )}
            />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('rent.statement.totalsWarehouse')}
              </Title>
              {s.warehouses.map((w) => (
                <Group key={w.id} justify="space-between" wrap="wrap" data-testid="statement-warehouse">
                  <Text>
                    {w.name}:{' '}
                    {s.totals.byWarehouse
                      .filter((x) => x.warehouse.id === w.id)
                      .map((x) => `${f.decimal(x.amount)} ${x.currency}`)
                      .join(' · ')}
                  </Text>
                  <Text size="sm" c={w.endorsed ? 'green' : 'dimmed'}>
                    {w.endorsed ? t('rent.statement.endorsedOn', { date: f.date(w.endorsed.on) }) : t('rent.statement.notEndorsed')}
                  </Text>
                </Group>
              ))}
              <Text fw={700} mt="sm" data-testid="statement-total">
                {t('rent.statement.totalCurrency')}: {s.totals.byCurrency.map((x) => `${f.decimal(x.amount)} ${x.currency}`).join(' · ')}
              </Text>
            </Paper>
            <Text size="xs" c="dimmed" lang="en">
              {t('rent.statement.rounding')}: {s.rounding}
            </Text>
            {endorse.error != null && <ErrorAlert error={endorse.error} />}
            {withdraw.error != null && <ErrorAlert error={withdraw.error} />}
            <Group>
              {s.canEndorse && (
                <Button onClick={() => endorse.mutate()} loading={endorse.isPending}>
                  {t('rent.statement.endorse')}
                </Button>
              )}
              {isHolder && (s.status === 'open' || s.status === 'partly_endorsed') && (
                <Button variant="default" color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
                  {t('rent.statement.withdraw')}
                </Button>
              )}
            </Group>
            {endorse.data && (
              <Alert color="green" role="status" data-testid="statement-endorsed">
                {t('rent.statement.endorsed', { date: f.date(endorse.data.paidTo) })}
              </Alert>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
