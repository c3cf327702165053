import { Anchor, Badge, Button, Group, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { DataTable } from '../DataTable.tsx';
import { ErrorAlert, QueryState } from '../common.tsx';
import { useFormat } from '../../format.ts';
import { RENT_KEYS, statementFile, type Statement, type StatementList as List } from '../../rent.ts';

const COLOURS: Record<string, string> = { open: 'yellow', partly_endorsed: 'orange', endorsed: 'green', withdrawn: 'gray' };

export function StatementStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[status] ?? 'gray'}>
      {t(`rent.statementStatus.${status as 'open'}`)}
    </Badge>
  );
}

/** Statements of a scope: the holder's, or a warehouse's queue (with an endorse button per statement). */
export function StatementList({ scope, empty }: { scope: 'held' | 'to-endorse' | 'stored' | 'all'; empty: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: RENT_KEYS.statements(scope), queryFn: () => api<List>('/api/v1/rent/statements', { query: { scope } }) });
  const endorse = useMutation({
    meta: { toast: 'rent' },
    mutationFn: (id: string) => api<Statement>(`/api/v1/rent/statements/${id}/endorsement`, { method: 'POST' }),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['rent'] });
    },
  });
  return (
    <QueryState query={list}>
      {endorse.error != null && <ErrorAlert error={endorse.error} />}
      <DataTable
        testId={`rent-statements-${scope}`}
        columns={[t('rent.fees.number'), t('rent.common.holder'), t('rent.common.paidTo'), t('rent.common.status'), t('rent.common.total'), '']}
        items={list.data?.items ?? []}
        emptyRow={empty}
        row={(s) => (
          <Table.Tr key={s.id} data-statement={s.number}>
            <Table.Td>
              <Anchor component={Link} to={`/rent/statements/${s.id}`}>
                {s.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{s.holder.name}</Table.Td>
            <Table.Td>{f.date(s.paidTo)}</Table.Td>
            <Table.Td>
              <StatementStatus status={s.status} />
            </Table.Td>
            <Table.Td>
              {s.totals.byCurrency.map((c) => `${f.decimal(c.amount)} ${c.currency}`).join(' · ')}
              <div>{t('rent.statement.warrants', { count: s.warrants })}</div>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Anchor href={statementFile(s.id, 'pdf')} size="sm">
                  {t('rent.common.pdf')}
                </Anchor>
                <Anchor href={statementFile(s.id, 'xlsx')} size="sm">
                  {t('rent.common.xlsx')}
                </Anchor>
                {s.canEndorse && (
                  <Button size="xs" onClick={() => endorse.mutate(s.id)} loading={endorse.isPending && endorse.variables === s.id}>
                    {t('rent.statement.endorse')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </QueryState>
  );
}
