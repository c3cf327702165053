import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type LoadOutQueue, type OffWarrantBundle, type ResponseOf, type Session, type WarrantList } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Queue } from '../components/Queue.tsx';
import { TotalsTable, WarrantStatusBadge } from '../components/Warrants.tsx';
import { QueryState } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isMember } from '../session.ts';
import { useLocationName } from '../warrants.ts';
import { readyLots, ReceiptTable } from './ReceiptsPage.tsx';
import { useReviewQueue } from './WarrantReviewPage.tsx';

// The home page's panels for the roles of the warrant side: a warehouse's day (lots ready to
// warrant, its load-out queues, recent receipts, stock off warrant), a holder's position (warrants
// and tonnes held, offers waiting), and the exchange's review queue of warrants.

/** Organisations that hold warrants rather than store them or run the exchange. */
export const HOLDER_KINDS: readonly string[] = ['trader', 'lender', 'end_user', 'producer'];
const RECEIPTS_SCANNED = 50;

export function WarehouseHome({ s }: { s: Session }) {
  const { t } = useTranslation();
  const f = useFormat();
  const orgId = s.organisation!.id;
  const receipts = useQuery({
    queryKey: ['receipts', 'list', RECEIPTS_SCANNED],
    queryFn: () => api<ResponseOf<'/api/v1/receipts'>>('/api/v1/receipts', { query: { limit: RECEIPTS_SCANNED } }),
  });
  const facilities = useQuery({
    queryKey: ['facilities', 'warehouse', orgId],
    queryFn: () => api<ResponseOf<'/api/v1/facilities'>>('/api/v1/facilities', { query: { warehouse: orgId } }),
  });
  const queues = useQueries({
    queries: (facilities.data?.items ?? []).map((x) => ({ queryKey: ['queue', x.id], queryFn: () => api<LoadOutQueue>(`/api/v1/facilities/${x.id}/queue`) })),
  });
  const stock = useQuery({ queryKey: ['off-warrant-stock'], queryFn: () => api<{ items: OffWarrantBundle[] }>('/api/v1/off-warrant-stock') });
  const ready = (receipts.data?.items ?? []).flatMap((r) => readyLots(r).map((l) => ({ r, l })));
  const ours = (receipts.data?.items ?? []).filter((r) => r.warehouse.id === orgId);
  return (
    <Stack gap="xl" data-testid="warehouse-home">
      <Group>
        {isMember(s) && (
          <Button component={Link} to="/receipts/new">
            {t('receive.title')}
          </Button>
        )}
        <Button component={Link} to="/load-out" variant="light">
          {t('nav.loadOut')}
        </Button>
        <Button component={Link} to="/stock" variant="default">
          {t('nav.stock')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Queue id="wh-ready" title={t('warehouseHome.ready')} count={receipts.data ? ready.length : undefined} hint={t('warehouseHome.readyHint')}>
          <QueryState query={receipts}>
            <DataTable
              testId="ready-to-warrant"
              columns={[t('receipts.number'), t('receive.lot'), t('receipt.tonnes'), t('receipts.depositor')]}
              items={ready}
              emptyRow={<Text size="sm">{t('warehouseHome.noneReady')}</Text>}
              row={({ r, l }) => (
                <Table.Tr key={`${r.id}/${l.lotRef}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/receipts/${r.id}`} className="mono">
                      {r.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="mono">{l.lotRef}</Table.Td>
                  <Table.Td>{f.decimal(l.tonnes)}</Table.Td>
                  <Table.Td>{r.depositor.name}</Table.Td>
                </Table.Tr>
              )}
            />
          </QueryState>
        </Queue>
        <Queue
          id="wh-queue"
          title={t('warehouseHome.queue')}
          count={queues.every((q) => q.data) ? queues.reduce((n, q) => n + (q.data?.items.length ?? 0), 0) : undefined}
          hint={t('warehouseHome.queueHint')}
        >
          <QueryState query={facilities}>
            <DataTable
              testId="home-queues"
              columns={[t('receipts.facility'), t('warehouseHome.waiting'), t('warrants.tonnes'), t('warehouseHome.lastOut')]}
              items={facilities.data?.items ?? []}
              emptyRow={<Text size="sm">{t('loadOut.noFacility')}</Text>}
              row={(x, i) => {
                const q = queues[i]?.data;
                const last = q?.items[q.items.length - 1];
                return (
                  <Table.Tr key={x.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/load-out?facility=${x.id}`}>
                        {x.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td data-testid="queue-length">{q ? f.integer(q.items.length) : '…'}</Table.Td>
                    <Table.Td>{q ? f.decimal(q.tonnes) : '…'}</Table.Td>
                    <Table.Td>{last ? f.date(last.estimatedLoadOut) : '—'}</Table.Td>
                  </Table.Tr>
                );
              }}
            />
          </QueryState>
        </Queue>
      </SimpleGrid>
      <section aria-labelledby="wh-recent">
        <Title order={2} size="h3" id="wh-recent" mb="xs">
          {t('warehouseHome.recent')}
        </Title>
        <QueryState query={receipts}>
          <ReceiptTable items={ours.slice(0, 5)} testId="home-receipts" compact />
        </QueryState>
        <Group gap="md" mt={4}>
          <Anchor component={Link} to="/receipts" size="sm">
            {t('warehouseHome.allReceipts')}
          </Anchor>
          {stock.data && (
            <Anchor component={Link} to="/stock" size="sm" data-testid="home-stock">
              {t('warehouseHome.stock', { count: stock.data.items.length })}
            </Anchor>
          )}
        </Group>
      </section>
    </Stack>
  );
}

export function HolderHome({ s }: { s: Session }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const locationName = useLocationName();
  const orgId = s.organisation!.id;
  const held = useQuery({ queryKey: ['warrants', 'list', 'held', ''], queryFn: () => api<WarrantList>('/api/v1/warrants', { query: { scope: 'held', limit: 500 } }) });
  const swaps = useQuery({ queryKey: ['warrant-swaps'], queryFn: () => api<ResponseOf<'/api/v1/warrant-swaps'>>('/api/v1/warrant-swaps') });
  const items = held.data?.items ?? [];
  const live = items.filter((w) => w.status === 'live');
  const cancelled = items.filter((w) => w.status === 'cancelled');
  const incoming = (swaps.data?.items ?? []).filter((x) => x.status === 'offered' && x.counterparty.id === orgId);
  return (
    <section aria-labelledby="holder-home" data-testid="holder-home">
      <Title order={2} size="h3" id="holder-home" mb="xs">
        {t('holderHome.title')}
      </Title>
      <QueryState query={held}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('holderHome.live')}
            </Text>
            <Text fz="xl" fw={700} data-testid="held-live">
              {f.integer(live.length)}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('holderHome.cancelled')}
            </Text>
            <Text fz="xl" fw={700}>
              {f.integer(cancelled.length)}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('holderHome.offers')}
            </Text>
            <Group gap="xs">
              <Text fz="xl" fw={700} data-testid="incoming-offers">
                {swaps.data ? f.integer(incoming.length) : '…'}
              </Text>
              {incoming.length > 0 && (
                <Anchor component={Link} to="/swaps" size="sm">
                  {t('holderHome.review')}
                </Anchor>
              )}
            </Group>
          </Paper>
        </SimpleGrid>
        <TotalsTable totals={held.data?.totals ?? []} caption={t('warrants.totalsCaption')} testId="home-totals" />
        {cancelled.length > 0 && (
          <DataTable
            caption={t('holderHome.awaiting')}
            columns={[t('warrants.number'), t('filters.status'), t('filters.metal'), t('warrants.location'), t('warrants.tonnes'), t('warrants.queue')]}
            items={cancelled}
            row={(w) => (
              <Table.Tr key={w.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/warrants/${w.id}`} className="mono">
                    {w.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <WarrantStatusBadge status={w.status} />
                </Table.Td>
                <Table.Td>{metalName(w.metal)}</Table.Td>
                <Table.Td>{locationName(w.location.code)}</Table.Td>
                <Table.Td>{f.decimal(w.tonnes)}</Table.Td>
                <Table.Td>{w.queue ? t('warrants.queueCell', { position: w.queue.position, date: f.date(w.queue.estimatedLoadOut) }) : '—'}</Table.Td>
              </Table.Tr>
            )}
          />
        )}
        <Group gap="md" mt="xs">
          <Anchor component={Link} to="/warrants" size="sm">
            {t('holderHome.all')}
          </Anchor>
          <Anchor component={Link} to="/swaps" size="sm">
            {t('nav.swaps')}
          </Anchor>
        </Group>
      </QueryState>
    </section>
  );
}

/** The exchange's queue of warrants over certificates revoked after warranting, on its home page. */
export function WarrantReviewQueue() {
  const { t } = useTranslation();
  const review = useReviewQueue();
  const items = review.data?.items ?? [];
  return (
    <Queue id="q-warrants" title={t('review.title')} count={review.data ? items.length : undefined} hint={t('review.hint')}>
      <QueryState query={review}>
        {items.length === 0 ? (
          <Text size="sm">{t('queues.empty')}</Text>
        ) : (
          <Group gap="sm">
            {items.slice(0, 12).map((x) => (
              <Anchor key={`${x.id}/${x.certificate}`} component={Link} to={`/warrants/${x.id}`} size="sm" className="mono">
                {x.number} ({x.certificate})
              </Anchor>
            ))}
          </Group>
        )}
      </QueryState>
      <Anchor component={Link} to="/warrant-review" size="sm">
        {t('review.all')}
      </Anchor>
    </Queue>
  );
}
