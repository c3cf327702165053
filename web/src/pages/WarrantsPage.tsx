import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, WARRANT_STATUSES, type Session, type Transferred, type Warrant, type WarrantList, type WarrantStatus } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { TransferModal } from '../components/TransferModal.tsx';
import { TotalsTable, WarrantStatusBadge } from '../components/Warrants.tsx';
import { Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { fromMilli, toMilli } from '../decimal.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isExchange, isMember, isWarehouse, useSession } from '../session.ts';
import { useWarrantStatusName } from '../warrants.ts';

// "My warrants": what the organisation holds (a warehouse also what it stores; the exchange sees
// all), with totals per metal and location and a chart of tonnes per location. Holders select live
// warrants to transfer them (all or nothing) or to offer them in a swap.

const TonnesChart = lazy(() => import('../components/TonnesChart.tsx'));
const LIMIT = 500;
type Scope = 'held' | 'stored' | 'all';

export function WarrantsPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!s?.signedIn || !s.organisation) {
    return (
      <PageRefusal title={t('warrants.title')} reasonTitle={t('errors.unauthenticated')}>
        {t('warrants.signIn')}
      </PageRefusal>
    );
  }
  return <Warrants s={s} />;
}

function Warrants({ s }: { s: Session }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const statusName = useWarrantStatusName();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const exchange = isExchange(s);
  const warehouse = isWarehouse(s);
  const scopes: Scope[] = exchange ? ['all', 'held'] : warehouse ? ['stored', 'held'] : ['held'];
  const scope: Scope = scopes.includes(params.get('scope') as Scope) ? (params.get('scope') as Scope) : scopes[0]!;
  const status = (WARRANT_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as WarrantStatus) : '';
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const list = useQuery({
    queryKey: ['warrants', 'list', scope, status],
    queryFn: () => api<WarrantList>('/api/v1/warrants', { query: { ...(scope === 'all' ? {} : { scope }), ...(status ? { status } : {}), limit: LIMIT } }),
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [transferring, setTransferring] = useState(false);
  const [transferred, setTransferred] = useState<Transferred | null>(null);
  const items = list.data?.items ?? [];
  const orgId = s.organisation!.id;
  const canAct = isMember(s);
  const selectable = (w: Warrant) => canAct && w.status === 'live' && w.holder?.id === orgId;
  const chosen = items.filter((w) => selected.has(w.id) && selectable(w));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectableItems = items.filter(selectable);
  const allChosen = selectableItems.length > 0 && selectableItems.every((w) => selected.has(w.id));
  const chosenTonnes = fromMilli(chosen.reduce((sum, w) => sum + (toMilli(w.tonnes) ?? 0n), 0n));
  const totals = list.data?.totals ?? [];
  const title = scope === 'held' ? t('warrants.title') : scope === 'stored' ? t('warrants.storedTitle') : t('warrants.allTitle');

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed" maw={760}>
          {scope === 'held' ? t('warrants.introHeld') : scope === 'stored' ? t('warrants.introStored') : t('warrants.introAll')}
        </Text>
      </div>
      <Group align="flex-end" gap="lg" wrap="wrap">
        {scopes.length > 1 && (
          <div>
            <Text size="sm" fw={500} id="scope-label" mb={4}>
              {t('warrants.scope')}
            </Text>
            <SegmentedControl
              aria-labelledby="scope-label"
              value={scope}
              onChange={(v) => {
                setSelected(new Set());
                setParam('scope', v === scopes[0] ? '' : v);
              }}
              data={scopes.map((x) => ({ value: x, label: x === 'held' ? t('warrants.scopeHeld') : x === 'stored' ? t('warrants.scopeStored') : t('warrants.scopeAll') }))}
            />
          </div>
        )}
        <NativeSelect
          label={t('filters.status')}
          value={status}
          onChange={(e) => setParam('status', e.currentTarget.value)}
          data={[{ value: '', label: t('warrants.anyStatus') }, ...WARRANT_STATUSES.map((x) => ({ value: x, label: statusName(x) }))]}
        />
        {scope === 'held' && (
          <Button component={Link} to="/swaps" variant="default">
            {t('nav.swaps')}
          </Button>
        )}
      </Group>
      {transferred && (
        <Alert color="green" title={t('transfer.doneTitle')} role="status" data-testid="transfer-done" withCloseButton onClose={() => setTransferred(null)} closeButtonLabel={t('common.close')}>
          {t('transfer.done', { count: transferred.transferred.length, to: transferred.to.name, numbers: transferred.transferred.map((w) => w.number).join(t('common.listSeparator')) })}
        </Alert>
      )}
      <QueryState query={list}>
        <section aria-labelledby="totals">
          <Title order={2} size="h3" id="totals" mb="xs">
            {t('warrants.totals')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <TotalsTable totals={totals} testId="warrant-totals" caption={t('warrants.totalsCaption')} />
            {totals.length > 0 && (
              <Suspense fallback={<Loading />}>
                <TonnesChart totals={totals} />
              </Suspense>
            )}
          </SimpleGrid>
        </section>
        <section aria-labelledby="warrant-list">
          <Title order={2} size="h3" id="warrant-list" mb="xs">
            {t('warrants.list')}
          </Title>
          {scope === 'held' && canAct && (
            <Group gap="sm" mb="sm" data-testid="selection-actions">
              <Text size="sm" aria-live="polite">
                {t('warrants.selected', { count: chosen.length, tonnes: f.decimal(chosenTonnes) })}
              </Text>
              <Button size="sm" disabled={chosen.length === 0} onClick={() => setTransferring(true)}>
                {t('warrants.transfer')}
              </Button>
              <Button size="sm" variant="light" disabled={chosen.length === 0} onClick={() => navigate(`/swaps?give=${chosen.map((w) => w.id).join(',')}`)}>
                {t('warrants.proposeSwap')}
              </Button>
            </Group>
          )}
          <DataTable
            testId="warrants"
            caption={t('warrants.caption', { count: items.length })}
            columns={[
              ...(scope === 'held' && canAct
                ? [
                    <Checkbox
                      key="all"
                      aria-label={t('warrants.selectAll')}
                      checked={allChosen}
                      indeterminate={!allChosen && chosen.length > 0}
                      disabled={selectableItems.length === 0}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(selectableItems.map((w) => w.id)) : new Set())}
                    />,
                  ]
                : []),
              t('warrants.number'),
              t('filters.status'),
              t('filters.metal'),
              t('filters.brand'),
              t('warrants.location'),
              t('warrants.tonnes'),
              t('warrants.warrantedOn'),
              scope === 'held' ? t('warrants.warehouse') : t('warrants.holder'),
              t('warrants.queue'),
            ]}
            items={items}
            emptyRow={<Text size="sm">{t('warrants.none')}</Text>}
            row={(w) => (
              <Table.Tr key={w.id} data-number={w.number} data-status={w.status}>
                {scope === 'held' && canAct && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('warrants.select', { number: w.number })}
                      checked={selected.has(w.id)}
                      disabled={!selectable(w)}
                      onChange={(e) => toggle(w.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={`/warrants/${w.id}`} className="mono">
                    {w.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <WarrantStatusBadge status={w.status} />
                </Table.Td>
                <Table.Td>{metalName(w.metal)}</Table.Td>
                <Table.Td className="mono">{w.brand.code}</Table.Td>
                <Table.Td>{w.location.name}</Table.Td>
                <Table.Td>{f.decimal(w.tonnes)}</Table.Td>
                <Table.Td>{f.date(w.warrantedOn)}</Table.Td>
                <Table.Td>{scope === 'held' ? w.warehouse.name : (w.holder?.name ?? '—')}</Table.Td>
                <Table.Td>{w.queue ? t('warrants.queueCell', { position: w.queue.position, date: f.date(w.queue.estimatedLoadOut) }) : '—'}</Table.Td>
              </Table.Tr>
            )}
          />
          {items.length >= LIMIT && (
            <Text size="sm" c="dimmed">
              {t('warrants.limited', { count: LIMIT })}
            </Text>
          )}
        </section>
      </QueryState>
      <TransferModal
        opened={transferring}
        warrants={chosen}
        selfOrgId={orgId}
        onClose={() => setTransferring(false)}
        onDone={(r) => {
          setSelected(new Set());
          setTransferred(r);
        }}
      />
    </Stack>
  );
}
