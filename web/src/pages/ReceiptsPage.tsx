import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Receipt, type ResponseOf } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isMember, isWarehouse, orgKindOf, useSession } from '../session.ts';

// Receipts: what a warehouse recorded arriving at its facilities, what a depositor deposited, and
// (for the exchange) all of them, newest first, with how many lots are ready to go on warrant.

export const RECEIPTS_SHOWN = 100;

/** Lots that passed reconciliation and are not on a warrant yet. */
export const readyLots = (r: Receipt) => r.lots.filter((l) => l.warrantable && !l.warrant);

export function ReceiptsPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!s?.signedIn) {
    return (
      <PageRefusal title={t('receipts.title')} reasonTitle={t('errors.unauthenticated')}>
        {t('receipts.signIn')}
      </PageRefusal>
    );
  }
  return <ReceiptList canReceive={isWarehouse(s) && isMember(s)} showWarehouse={!isWarehouse(s)} kind={orgKindOf(s) ?? ''} />;
}

function ReceiptList({ canReceive, showWarehouse, kind }: { canReceive: boolean; showWarehouse: boolean; kind: string }) {
  const { t } = useTranslation();
  const receipts = useQuery({
    queryKey: ['receipts', 'list', RECEIPTS_SHOWN],
    queryFn: () => api<ResponseOf<'/api/v1/receipts'>>('/api/v1/receipts', { query: { limit: RECEIPTS_SHOWN } }),
  });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('receipts.title')}</Title>
        <Text c="dimmed" maw={760}>
          {kind === 'warehouse' ? t('receipts.introWarehouse') : kind === 'exchange' ? t('receipts.introExchange') : t('receipts.introDepositor')}
        </Text>
      </div>
      {canReceive && (
        <Group>
          <Button component={Link} to="/receipts/new">
            {t('receive.title')}
          </Button>
          <Button component={Link} to="/load-out" variant="light">
            {t('nav.loadOut')}
          </Button>
          <Button component={Link} to="/stock" variant="default">
            {t('nav.stock')}
          </Button>
        </Group>
      )}
      <QueryState query={receipts}>
        <ReceiptTable items={receipts.data?.items ?? []} showWarehouse={showWarehouse} testId="receipts" />
      </QueryState>
    </Stack>
  );
}

export function ReceiptTable({ items, showWarehouse, testId, compact }: { items: readonly Receipt[]; showWarehouse?: boolean; testId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const columns = [
    t('receipts.number'),
    t('receipts.receivedOn'),
    t('receipts.facility'),
    ...(showWarehouse ? [t('receipts.warehouse')] : []),
    t('receipts.depositor'),
    t('receipts.brand'),
    ...(compact ? [] : [t('receipts.bundles'), t('receipts.netTonnes')]),
    t('receipts.lots'),
  ];
  return (
    <DataTable
      testId={testId}
      columns={columns}
      items={items}
      emptyRow={<Text size="sm">{t('receipts.none')}</Text>}
      row={(r) => {
        const ready = readyLots(r).length;
        const s = r.reconciliation.summary;
        return (
          <Table.Tr key={r.id} data-receipt={r.number}>
            <Table.Td>
              <Anchor component={Link} to={`/receipts/${r.id}`} className="mono">
                {r.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{f.date(r.receivedOn)}</Table.Td>
            <Table.Td>
              {r.facility.name} <Text span size="xs" c="dimmed">({r.facility.location})</Text>
            </Table.Td>
            {showWarehouse && <Table.Td>{r.warehouse.name}</Table.Td>}
            <Table.Td>{r.depositor.name}</Table.Td>
            <Table.Td>
              <span className="mono">{r.brand.code}</span> · {metalName(r.metal)}
            </Table.Td>
            {!compact && (
              <Table.Td>
                {t('receipts.conformingOf', { conforming: f.integer(s.conforming), bundles: f.integer(s.bundles) })}
              </Table.Td>
            )}
            {!compact && <Table.Td>{f.decimal(tonnesOfKg(s.netKg))}</Table.Td>}
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{t('receipts.warrantableOf', { warrantable: f.integer(s.warrantableLots), lots: f.integer(s.lots) })}</Text>
                {ready > 0 && (
                  <Badge color="blue" variant="filled" data-testid="ready-lots">
                    {t('receipts.ready', { count: ready })}
                  </Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      }}
    />
  );
}

/** "25000.5" kg as tonnes to the kilogram, "25.001" (rounded half up), exactly. */
export function tonnesOfKg(kg: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(kg);
  if (!m) return kg;
  const grams = BigInt(m[1]!) * 1000n + BigInt(((m[2] ?? '') + '000').slice(0, 3));
  const kgRounded = (grams + 500n) / 1000n;
  const frac = (kgRounded % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${kgRounded / 1000n}${frac ? `.${frac}` : ''}`;
}
