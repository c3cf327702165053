import { Alert, Badge, Button, Checkbox, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  COLLATERAL_TAKERS,
  type AssetStatus,
  type CollateralBook,
  type Holding,
  type Pledge,
  type PledgeProposal,
  type ResponseOf,
  type Session,
  type ValuedPledge,
} from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorAlert, formErrors, FormErrorSummary, Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useSession } from '../session.ts';

// Pledges. A lender (or the clearing house) sees its book: proposals to accept, active pledges
// valued at the latest official price after its haircut with their LTV, the alerts, and a
// due-diligence check of any warrant or receipt. A holder proposes pledges of what it holds, and
// sees each pledged asset locked with the reason, naming the pledge.

const PLEDGES_KEY = ['pledges'] as const;

export const isCollateralTaker = (s: Session | undefined): boolean => !!s?.signedIn && (COLLATERAL_TAKERS as readonly string[]).includes(s.organisation?.kind ?? '');

export function PledgesPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!s?.signedIn || s.organisation?.kind === 'exchange' || s.organisation?.kind === 'auditor') {
    return (
      <PageRefusal title={t('pledges.title')} reasonTitle={t('pledges.partiesOnlyTitle')}>
        {t('pledges.partiesOnly')}
      </PageRefusal>
    );
  }
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('pledges.title')}</Title>
        <Text c="dimmed" maw={760}>
          {isCollateralTaker(s) ? t('pledges.lenderIntro') : t('pledges.holderIntro')}
        </Text>
      </div>
      {isCollateralTaker(s) ? <LenderBook /> : <HolderPledges canAct={s.user?.role !== 'viewer'} />}
    </Stack>
  );
}

function useStatusName() {
  const { t } = useTranslation();
  return (status: string): string =>
    (
      ({
        proposed: t('pledges.status.proposed'),
        active: t('pledges.status.active'),
        declined: t('pledges.status.declined'),
        withdrawn: t('pledges.status.withdrawn'),
        released: t('pledges.status.released'),
        enforced: t('pledges.status.enforced'),
      }) as Record<string, string>
    )[status] ?? status;
}

function useAlertName() {
  const { t } = useTranslation();
  return (code: string): string =>
    (
      ({
        ltv: t('pledges.alertCodes.ltv'),
        overdue: t('pledges.alertCodes.overdue'),
        no_price: t('pledges.alertCodes.no_price'),
        stale_price: t('pledges.alertCodes.stale_price'),
        no_haircut: t('pledges.alertCodes.no_haircut'),
        currency: t('pledges.alertCodes.currency'),
        no_value: t('pledges.alertCodes.no_value'),
      }) as Record<string, string>
    )[code] ?? code;
}

function useAssetStatusName() {
  const { t } = useTranslation();
  return (status: string): string =>
    (
      ({
        live: t('pledges.assetStatuses.live'),
        cancelled: t('pledges.assetStatuses.cancelled'),
        delivered_out: t('pledges.assetStatuses.delivered_out'),
        active: t('pledges.assetStatuses.active'),
        converted: t('pledges.assetStatuses.converted'),
      }) as Record<string, string>
    )[status] ?? status;
}

function PledgeStatus({ p }: { p: Pick<Pledge, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  const name = useStatusName();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={p.status === 'active' ? 'blue' : p.status === 'proposed' ? 'yellow' : 'gray'} variant="light">
        {name(p.status)}
      </Badge>
      {p.overdue && (
        <Badge color="red" variant="light">
          {t('pledges.overdue')}
        </Badge>
      )}
    </Group>
  );
}

const assetList = (p: Pick<Pledge, 'assets'>) => p.assets.map((a) => a.number).join(', ');

// ------------------------------------------------------------------------------------ lender

/** The lender's (or clearing house's) book; also its home page. */
export function LenderBook() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const alertName = useAlertName();
  const book = useQuery({ queryKey: [...PLEDGES_KEY, 'book'], queryFn: () => api<CollateralBook>('/api/v1/collateral/book') });
  const act = useMutation({
    meta: { toast: 'pledge' },
    mutationFn: ({ p, step }: { p: ValuedPledge; step: 'acceptance' | 'declination' | 'release' }) => api<Pledge>(`/api/v1/pledges/${p.id}/${step}`, { body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: PLEDGES_KEY }),
  });
  const b = book.data;
  const value = (p: ValuedPledge) => (p.valuation.collateralValue === null ? '—' : `${f.decimal(p.valuation.collateralValue)} ${p.valuation.currency}`);
  const ltv = (p: ValuedPledge) => (p.valuation.ltvPct === null ? '—' : `${f.decimal(p.valuation.ltvPct)} %`);
  return (
    <Stack gap="xl" data-testid="lender-book">
      <QueryState query={book}>
        {b && (
          <>
            <section aria-labelledby="pledge-alerts">
              <Title order={2} size="h3" id="pledge-alerts" mb="xs">
                {t('pledges.alerts')}
              </Title>
              {b.alerts.length === 0 ? (
                <Text size="sm">{t('pledges.noAlerts')}</Text>
              ) : (
                <Alert color="red" title={t('pledges.alertsTitle', { count: b.alerts.length })} data-testid="ltv-alerts">
                  <List size="sm">
                    {b.alerts.map((a) => (
                      <List.Item key={`${a.pledgeId}/${a.code}/${a.message}`}>
                        <strong>{a.pledge}</strong> · {alertName(a.code)}: <span lang="en">{a.message}</span>
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <Text size="xs" c="dimmed" mt="xs">
                {t('pledges.termsLine', { prompt: b.terms.valuationPrompt, currency: b.terms.priceCurrency, threshold: f.decimal(b.terms.ltvAlertPct), asOf: f.date(b.asOf) })}
              </Text>
            </section>
            {act.error != null && <ErrorAlert error={act.error} />}
            <section aria-labelledby="pledge-proposals">
              <Title order={2} size="h3" id="pledge-proposals" mb="xs">
                {t('pledges.proposals')}
              </Title>
              <DataTable
                testId="pledge-proposals"
                columns={[t('pledges.number'), t('pledges.pledgor'), t('pledges.assets'), t('pledges.amount'), t('pledges.maturity'), t('pledges.collateralValue'), t('pledges.ltv'), '']}
                items={b.proposals}
                emptyRow={t('pledges.noProposals')}
                row={(p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.number}</Table.Td>
                    <Table.Td>{p.pledgor.name}</Table.Td>
                    <Table.Td>{assetList(p)}</Table.Td>
                    <Table.Td>
                      {f.decimal(p.amount)} {p.currency}
                    </Table.Td>
                    <Table.Td>{f.date(p.maturity)}</Table.Td>
                    <Table.Td>{value(p)}</Table.Td>
                    <Table.Td>{ltv(p)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" onClick={() => act.mutate({ p, step: 'acceptance' })} loading={act.isPending} aria-label={t('pledges.acceptOne', { number: p.number })}>
                          {t('pledges.accept')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => act.mutate({ p, step: 'declination' })} disabled={act.isPending} aria-label={t('pledges.declineOne', { number: p.number })}>
                          {t('pledges.decline')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )}
              />
            </section>
            <section aria-labelledby="pledge-active">
              <Title order={2} size="h3" id="pledge-active" mb="xs">
                {t('pledges.active')}
              </Title>
              <DataTable
                testId="pledges-active"
                columns={[t('pledges.number'), t('pledges.pledgor'), t('pledges.assets'), t('pledges.amount'), t('pledges.maturity'), t('pledges.collateralValue'), t('pledges.ltv'), t('pledges.statusColumn'), '']}
                items={b.active}
                emptyRow={t('pledges.noActive')}
                row={(p) => (
                  <Table.Tr key={p.id} data-pledge={p.number}>
                    <Table.Td>{p.number}</Table.Td>
                    <Table.Td>{p.pledgor.name}</Table.Td>
                    <Table.Td>{assetList(p)}</Table.Td>
                    <Table.Td>
                      {f.decimal(p.amount)} {p.currency}
                    </Table.Td>
                    <Table.Td>{f.date(p.maturity)}</Table.Td>
                    <Table.Td>{value(p)}</Table.Td>
                    <Table.Td>
                      {ltv(p)}{' '}
                      {p.valuation.ltvAlert && (
                        <Badge color="red" variant="light">
                          {t('pledges.ltvAlert')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <PledgeStatus p={p} />
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => act.mutate({ p, step: 'release' })} loading={act.isPending} aria-label={t('pledges.releaseOne', { number: p.number })}>
                        {t('pledges.release')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                )}
              />
            </section>
          </>
        )}
      </QueryState>
      <DueDiligence />
    </Stack>
  );
}

type Encumbrance = ResponseOf<'/api/v1/assets/{assetId}/encumbrance'>;

/** Is this warrant or receipt free? Anyone signed in may ask; the pledge is named only to its parties. */
export function DueDiligence() {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const statusName = useAssetStatusName();
  const [ref, setRef] = useState('');
  // The asset, then its encumbrance proof against the latest signed checkpoint (public, offline-checkable).
  const check = useMutation({
    meta: { toast: false },
    mutationFn: async (r: string) => {
      const asset = await api<AssetStatus>(`/api/v1/assets/${encodeURIComponent(r.trim())}`);
      const proof = await api<Encumbrance>(`/api/v1/assets/${encodeURIComponent(asset.id)}/encumbrance`);
      return { ...asset, proof };
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ref.trim()) check.mutate(ref);
  };
  const a = check.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="due-diligence">
      <Title order={2} size="h3" id="due-diligence" mb="xs">
        {t('pledges.dueDiligence')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={760}>
        {t('pledges.dueDiligenceHint')}
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput label={t('pledges.assetRef')} value={ref} onChange={(e) => setRef(e.currentTarget.value)} w={360} />
          <Button type="submit" loading={check.isPending}>
            {t('pledges.check')}
          </Button>
        </Group>
      </form>
      {check.error != null && <ErrorAlert error={check.error} />}
      {a && (
        <Alert mt="sm" color={a.encumbered ? 'orange' : 'green'} title={a.encumbered ? t('pledges.pledgedNow', { number: a.number }) : t('pledges.freeNow', { number: a.number })} data-testid="due-diligence-result">
          <Text size="sm">
            {t('pledges.assetLine', { type: a.type === 'warrant' ? t('pledges.warrant') : t('pledges.eReceipt'), metal: metalName(a.metal), tonnes: f.decimal(a.tonnes), location: a.location, status: statusName(a.status) })}
          </Text>
          {a.pledge && <Text size="sm">{t('pledges.yourPledge', { number: a.pledge.number })}</Text>}
          <Text size="xs" c="dimmed">
            {t('pledges.asOf', { at: f.dateTime(a.asOf) })}
          </Text>
          <Text size="sm" mt="xs" data-testid="encumbrance-proof">
            {t(a.proof.status === 'free' ? 'pledges.proofFree' : 'pledges.proofPledged', { size: f.integer(a.proof.checkpoint.size), at: f.dateTime(a.proof.checkpoint.signedAt) })}{' '}
            <a
              href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(a.proof.bundle, null, 2) + '\n')}`}
              download={`encumbrance-${a.number}-checkpoint-${a.proof.checkpoint.size}.json`}
            >
              {t('pledges.downloadProof')}
            </a>
          </Text>
          <Text size="xs" c="dimmed">
            {t('pledges.proofHint')}
          </Text>
        </Alert>
      )}
    </Paper>
  );
}

// ------------------------------------------------------------------------------------ holder

function HolderPledges({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const statusName = useAssetStatusName();
  const holdings = useQuery({ queryKey: [...PLEDGES_KEY, 'holdings'], queryFn: () => api<ResponseOf<'/api/v1/holdings'>>('/api/v1/holdings') });
  const mine = useQuery({ queryKey: [...PLEDGES_KEY, 'mine'], queryFn: () => api<ResponseOf<'/api/v1/pledges'>>('/api/v1/pledges', { query: { role: 'pledgor' } }) });
  const withdraw = useMutation({
    meta: { toast: 'pledge' },
    mutationFn: (p: Pledge) => api<Pledge>(`/api/v1/pledges/${p.id}/withdrawal`, { body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: PLEDGES_KEY }),
  });
  const items = holdings.data?.items ?? [];
  return (
    <Stack gap="xl">
      {canAct && <ProposeForm holdings={items.filter((h) => h.pledgeable)} />}
      <section aria-labelledby="holdings">
        <Title order={2} size="h3" id="holdings" mb="xs">
          {t('pledges.holdings')}
        </Title>
        <QueryState query={holdings}>
          <DataTable
            testId="holdings"
            columns={[t('pledges.asset'), t('pledges.metal'), t('pledges.tonnes'), t('pledges.assetStatus'), t('pledges.pledge'), t('pledges.locked')]}
            items={items}
            emptyRow={t('pledges.noHoldings')}
            row={(h: Holding) => (
              <Table.Tr key={h.id} data-asset={h.number}>
                <Table.Td>
                  {h.number} <Text span size="xs" c="dimmed">({h.type === 'warrant' ? t('pledges.warrant') : t('pledges.eReceipt')})</Text>
                </Table.Td>
                <Table.Td>{h.metal}</Table.Td>
                <Table.Td>{f.decimal(h.tonnes)}</Table.Td>
                <Table.Td>{statusName(h.status)}</Table.Td>
                <Table.Td>{h.pledge ? h.pledge.number : h.proposals.length ? t('pledges.proposedIn', { numbers: h.proposals.join(', ') }) : t('pledges.free')}</Table.Td>
                <Table.Td>
                  {h.locked.length === 0 ? (
                    '—'
                  ) : (
                    <List size="xs" data-testid="lock-reasons">
                      {h.locked.map((l) => (
                        <List.Item key={l.action}>
                          <span lang="en">{l.reason}</span>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
        </QueryState>
      </section>
      <section aria-labelledby="my-pledges">
        <Title order={2} size="h3" id="my-pledges" mb="xs">
          {t('pledges.myPledges')}
        </Title>
        {withdraw.error != null && <ErrorAlert error={withdraw.error} />}
        <QueryState query={mine}>
          <DataTable
            testId="my-pledges"
            columns={[t('pledges.number'), t('pledges.lender'), t('pledges.assets'), t('pledges.amount'), t('pledges.maturity'), t('pledges.statusColumn'), '']}
            items={mine.data?.items ?? []}
            emptyRow={t('pledges.noPledges')}
            row={(p) => (
              <Table.Tr key={p.id} data-pledge={p.number}>
                <Table.Td>{p.number}</Table.Td>
                <Table.Td>{p.lender.name}</Table.Td>
                <Table.Td>{assetList(p)}</Table.Td>
                <Table.Td>
                  {f.decimal(p.amount)} {p.currency}
                </Table.Td>
                <Table.Td>{f.date(p.maturity)}</Table.Td>
                <Table.Td>
                  <PledgeStatus p={p} />
                </Table.Td>
                <Table.Td>
                  {p.status === 'proposed' && canAct && (
                    <Button size="xs" variant="default" onClick={() => withdraw.mutate(p)} loading={withdraw.isPending} aria-label={t('pledges.withdrawOne', { number: p.number })}>
                      {t('pledges.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          />
        </QueryState>
      </section>
      <DueDiligence />
    </Stack>
  );
}

function ProposeForm({ holdings }: { holdings: Holding[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const takers = useQuery({
    queryKey: ['directory', 'collateral-takers'],
    queryFn: async () => {
      const all = await api<ResponseOf<'/api/v1/organisation-directory'>>('/api/v1/organisation-directory');
      return all.items.filter((o) => (COLLATERAL_TAKERS as readonly string[]).includes(o.kind));
    },
  });
  const [assets, setAssets] = useState<string[]>([]);
  const [lender, setLender] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [reference, setReference] = useState('');
  const [maturity, setMaturity] = useState('');
  const propose = useMutation({
    meta: { toast: 'pledge' },
    mutationFn: () => api<Pledge>('/api/v1/pledges', { body: { assets, lenderOrgId: lender, amount: amount.trim(), currency: currency.trim().toUpperCase(), reference: reference.trim(), maturity } satisfies PledgeProposal }),
    onSuccess: async () => {
      setAssets([]);
      setAmount('');
      setReference('');
      await qc.invalidateQueries({ queryKey: PLEDGES_KEY });
    },
  });
  const { byField, fieldError } = formErrors(propose.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate();
  };
  const lenders = takers.data ?? [];
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby="propose" noValidate data-testid="propose-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="propose">
            {t('pledges.propose')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('pledges.proposeHint')}
          </Text>
          <Checkbox.Group label={t('pledges.assetsToPledge')} value={assets} onChange={setAssets} error={fieldError('assets')}>
            <Stack gap={4} mt="xs">
              {holdings.length === 0 && <Text size="sm">{t('pledges.nothingToPledge')}</Text>}
              {holdings.map((h) => (
                <Checkbox key={h.id} value={h.id} label={`${h.number} · ${h.metal} · ${f.decimal(h.tonnes)} t`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('pledges.lender')}
              value={lender}
              onChange={(e) => setLender(e.currentTarget.value)}
              data={[{ value: '', label: t('pledges.chooseLender') }, ...lenders.map((o) => ({ value: o.id, label: o.name }))]}
              error={fieldError('lenderOrgId')}
            />
            <TextInput label={t('pledges.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={fieldError('reference')} />
            <TextInput label={t('pledges.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={fieldError('amount')} inputMode="decimal" />
            <TextInput label={t('pledges.currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} error={fieldError('currency')} maxLength={3} />
            <TextInput label={t('pledges.maturity')} type="date" value={maturity} onChange={(e) => setMaturity(e.currentTarget.value)} error={fieldError('maturity')} />
          </SimpleGrid>
          <FormErrorSummary error={propose.error} byField={byField} fieldsMessage={t('pledges.fixFields')} />
          {propose.data && (
            <Alert color="green" title={t('pledges.proposed', { number: propose.data.number })}>
              {t('pledges.proposedHint')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={propose.isPending}>
              {t('pledges.proposeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
