import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, type ResponseOf, type Session, type Swap, type WarrantList } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { OrganisationSelect } from '../components/Warrants.tsx';
import { ErrorAlert, Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isExchange, isMember, useSession } from '../session.ts';
import { normaliseWarrantRef, useSwapStatusName } from '../warrants.ts';

// Swaps: warrants one holder gives for warrants another gives back, moving at once on acceptance
// or not at all. Offers made to us (accept or decline), offers we made (withdraw), what was
// decided, and a form to propose one.

export function SwapsPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!s?.signedIn || !s.organisation) {
    return (
      <PageRefusal title={t('swaps.title')} reasonTitle={t('errors.unauthenticated')}>
        {t('warrants.signIn')}
      </PageRefusal>
    );
  }
  return <Swaps s={s} />;
}

function Swaps({ s }: { s: Session }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgId = s.organisation!.id;
  const member = isMember(s);
  const swaps = useQuery({ queryKey: ['warrant-swaps'], queryFn: () => api<ResponseOf<'/api/v1/warrant-swaps'>>('/api/v1/warrant-swaps') });
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation({
    meta: { toast: 'swap' },
    mutationFn: ({ swap, path }: { swap: Swap; path: 'acceptance' | 'declination' | 'withdrawal' }) => api<Swap>(`/api/v1/warrant-swaps/${swap.id}/${path}`, { method: 'POST' }),
    onSuccess: async (x, v) => {
      setDone(
        v.path === 'acceptance'
          ? x.moved
            ? t('swaps.accepted')
            : t('swaps.failedMoved', { reason: x.reason ?? '' })
          : v.path === 'declination'
            ? t('swaps.declinedDone')
            : t('swaps.withdrawnDone'),
      );
      await qc.invalidateQueries({ queryKey: ['warrant-swaps'] });
      await qc.invalidateQueries({ queryKey: ['warrants'] });
    },
  });
  const items = swaps.data?.items ?? [];
  const incoming = items.filter((x) => x.status === 'offered' && x.counterparty.id === orgId);
  const outgoing = items.filter((x) => x.status === 'offered' && x.proposer.id === orgId);
  const decided = items.filter((x) => x.status !== 'offered' || (x.counterparty.id !== orgId && x.proposer.id !== orgId));
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('swaps.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('swaps.intro')}
        </Text>
      </div>
      {done && (
        <Alert color={done === t('swaps.accepted') ? 'green' : 'blue'} role="status" data-testid="swap-done" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t('common.close')}>
          {done}
        </Alert>
      )}
      {decide.error != null && <ErrorAlert error={decide.error} />}
      <QueryState query={swaps}>
        <section aria-labelledby="incoming">
          <Title order={2} size="h3" id="incoming" mb="xs">
            {t('swaps.incoming')} <Badge color={incoming.length ? 'orange' : 'gray'}>{incoming.length}</Badge>
          </Title>
          <SwapTable
            items={incoming}
            testId="swaps-incoming"
            perspective="counterparty"
            actions={
              member
                ? (x) => (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" onClick={() => decide.mutate({ swap: x, path: 'acceptance' })} loading={decide.isPending && decide.variables?.swap.id === x.id && decide.variables.path === 'acceptance'} aria-label={t('swaps.acceptFrom', { name: x.proposer.name ?? '' })}>
                        {t('swaps.accept')}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => decide.mutate({ swap: x, path: 'declination' })} aria-label={t('swaps.declineFrom', { name: x.proposer.name ?? '' })}>
                        {t('swaps.decline')}
                      </Button>
                    </Group>
                  )
                : undefined
            }
          />
        </section>
        <section aria-labelledby="outgoing">
          <Title order={2} size="h3" id="outgoing" mb="xs">
            {t('swaps.outgoing')} <Badge color="gray">{outgoing.length}</Badge>
          </Title>
          <SwapTable
            items={outgoing}
            testId="swaps-outgoing"
            perspective="proposer"
            actions={
              member
                ? (x) => (
                    <Button size="xs" variant="default" onClick={() => decide.mutate({ swap: x, path: 'withdrawal' })} aria-label={t('swaps.withdrawTo', { name: x.counterparty.name ?? '' })}>
                      {t('swaps.withdraw')}
                    </Button>
                  )
                : undefined
            }
          />
        </section>
        {member && !isExchange(s) && <ProposeForm orgId={orgId} />}
        <section aria-labelledby="decided">
          <Title order={2} size="h3" id="decided" mb="xs">
            {isExchange(s) ? t('swaps.all') : t('swaps.decided')}
          </Title>
          <SwapTable items={decided} testId="swaps-decided" perspective={null} />
        </section>
      </QueryState>
    </Stack>
  );
}

function Numbers({ refs }: { refs: Swap['give'] }) {
  return (
    <Group gap={6}>
      {refs.map((r) => (
        <Anchor key={r.warrantId} component={Link} to={`/warrants/${r.warrantId}`} className="mono" size="sm">
          {r.number ?? r.warrantId}
        </Anchor>
      ))}
    </Group>
  );
}

function SwapTable({ items, testId, perspective, actions }: { items: Swap[]; testId: string; perspective: 'proposer' | 'counterparty' | null; actions?: (s: Swap) => ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const statusName = useSwapStatusName();
  const columns =
    perspective === 'counterparty'
      ? [t('swaps.from'), t('swaps.youReceive'), t('swaps.youGive'), t('swaps.offered')]
      : perspective === 'proposer'
        ? [t('swaps.toWhom'), t('swaps.youGive'), t('swaps.youReceive'), t('swaps.offered')]
        : [t('swaps.proposer'), t('swaps.gives'), t('swaps.counterparty'), t('swaps.givesBack'), t('filters.status'), t('swaps.decidedAt')];
  return (
    <DataTable
      testId={testId}
      columns={[...columns, ...(actions ? [t('loadOut.actions')] : [])]}
      items={items}
      emptyRow={<Text size="sm">{t('swaps.none')}</Text>}
      row={(x) => (
        <Table.Tr key={x.id} data-swap={x.id} data-status={x.status}>
          {perspective === 'counterparty' && (
            <>
              <Table.Td>{x.proposer.name}</Table.Td>
              <Table.Td>
                <Numbers refs={x.give} />
              </Table.Td>
              <Table.Td>
                <Numbers refs={x.take} />
              </Table.Td>
              <Table.Td>{f.dateTime(x.createdAt)}</Table.Td>
            </>
          )}
          {perspective === 'proposer' && (
            <>
              <Table.Td>{x.counterparty.name}</Table.Td>
              <Table.Td>
                <Numbers refs={x.give} />
              </Table.Td>
              <Table.Td>
                <Numbers refs={x.take} />
              </Table.Td>
              <Table.Td>{f.dateTime(x.createdAt)}</Table.Td>
            </>
          )}
          {perspective === null && (
            <>
              <Table.Td>{x.proposer.name}</Table.Td>
              <Table.Td>
                <Numbers refs={x.give} />
              </Table.Td>
              <Table.Td>{x.counterparty.name}</Table.Td>
              <Table.Td>
                <Numbers refs={x.take} />
              </Table.Td>
              <Table.Td>
                {statusName(x.status)}
                {x.reason && (
                  <Text size="xs" lang="en">
                    {x.reason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{x.decidedAt ? f.dateTime(x.decidedAt) : '—'}</Table.Td>
            </>
          )}
          {actions && <Table.Td>{actions(x)}</Table.Td>}
        </Table.Tr>
      )}
    />
  );
}

function ProposeForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [counterparty, setCounterparty] = useState('');
  const [give, setGive] = useState<Set<string>>(() => new Set((params.get('give') ?? '').split(',').filter(Boolean)));
  const [take, setTake] = useState('');
  const [tried, setTried] = useState(false);
  const mine = useQuery({
    queryKey: ['warrants', 'list', 'held', 'live'],
    queryFn: () => api<WarrantList>('/api/v1/warrants', { query: { scope: 'held', status: 'live', limit: 500 } }),
  });
  const takeRefs = take
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map(normaliseWarrantRef);
  const giveIds = [...give].filter((id) => mine.data?.items.some((w) => w.id === id));
  const propose = useMutation({
    meta: { toast: 'swap' },
    mutationFn: () => api<Swap>('/api/v1/warrant-swaps', { body: { counterpartyOrgId: counterparty, give: giveIds, take: takeRefs } }),
    onSuccess: async () => {
      setGive(new Set());
      setTake('');
      setCounterparty('');
      setTried(false);
      await qc.invalidateQueries({ queryKey: ['warrant-swaps'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (counterparty && giveIds.length && takeRefs.length) propose.mutate();
  };
  // The server names a refused warrant by its place in give or take.
  const refused =
    propose.error instanceof ApiError
      ? propose.error.details.map((d) => {
          const m = /^body\.(give|take)\.(\d+)$/.exec(d.path ?? '');
          const ref = m ? (m[1] === 'give' ? mine.data?.items.find((w) => w.id === giveIds[Number(m[2])])?.number : takeRefs[Number(m[2])]) : undefined;
          return { ref, message: d.message };
        })
      : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="propose">
      <form onSubmit={submit} noValidate data-testid="swap-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="propose">
            {t('swaps.propose')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('swaps.proposeHint')}
          </Text>
          <OrganisationSelect
            label={t('swaps.counterparty')}
            required
            value={counterparty}
            onChange={setCounterparty}
            exclude={[orgId]}
            first={t('transfer.chooseTo')}
            error={tried && !counterparty ? t('receive.errors.required') : undefined}
          />
          <Checkbox.Group label={t('swaps.giveLabel')} withAsterisk error={tried && giveIds.length === 0 ? t('swaps.chooseGive') : undefined} value={[...give]} onChange={(v) => setGive(new Set(v))}>
            <QueryState query={mine}>
              <Stack gap={4} mt={4}>
                {(mine.data?.items ?? []).length === 0 && <Text size="sm">{t('swaps.nothingToGive')}</Text>}
                {(mine.data?.items ?? []).map((w) => (
                  <Checkbox
                    key={w.id}
                    value={w.id}
                    label={`${w.number} · ${metalName(w.metal)} · ${w.brand.code} · ${w.location.name} · ${f.decimal(w.tonnes)} t`}
                  />
                ))}
              </Stack>
            </QueryState>
          </Checkbox.Group>
          <Textarea
            label={t('swaps.takeLabel')}
            description={t('swaps.takeHint')}
            withAsterisk
            autosize
            minRows={1}
            value={take}
            onChange={(e) => setTake(e.currentTarget.value)}
            error={tried && takeRefs.length === 0 ? t('swaps.chooseTake') : undefined}
          />
          {takeRefs.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('swaps.takeRead', { numbers: takeRefs.join(t('common.listSeparator')) })}
            </Text>
          )}
          {propose.error != null && (
            <>
              <ErrorAlert error={propose.error} />
              {refused.some((r) => r.ref) && (
                <List size="sm">
                  {refused.map((r, i) => (
                    <List.Item key={i}>
                      <span className="mono">{r.ref}</span>: <span lang="en">{r.message}</span>
                    </List.Item>
                  ))}
                </List>
              )}
            </>
          )}
          {propose.isSuccess && (
            <Text size="sm" c="green" role="status" data-testid="swap-proposed">
              {t('swaps.proposed', { name: propose.data.counterparty.name ?? '' })}
            </Text>
          )}
          <Button type="submit" w="fit-content" loading={propose.isPending}>
            {t('swaps.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
