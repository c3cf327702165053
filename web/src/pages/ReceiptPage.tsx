import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, type Receipt, type ReceiptLot, type ReconciledBundle, type Warrant } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorAlert, Loading, PageRefusal } from '../components/common.tsx';
import { PassBadge } from '../components/Warrants.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isMember, useSession } from '../session.ts';
import { useCheckCodeName } from '../warrants.ts';
import { tonnesOfKg } from './ReceiptsPage.tsx';

// One receipt's reconciliation: every bundle's checks against the register (passed or not, and
// why), every lot warrantable or not (and why), and for the warehouse that recorded it a button
// that issues the warrant of each lot ready for one.

export function ReceiptPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  if (!session.data?.signedIn) {
    return (
      <PageRefusal title={t('receipt.title')} reasonTitle={t('errors.unauthenticated')}>
        {t('receipts.signIn')}
      </PageRefusal>
    );
  }
  return <ReceiptView />;
}

function ReceiptView() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const session = useSession();
  const location = useLocation();
  const recorded = (location.state as { recorded?: boolean } | null)?.recorded === true;
  const receipt = useQuery({ queryKey: ['receipts', 'one', id], queryFn: () => api<Receipt>(`/api/v1/receipts/${encodeURIComponent(id)}`) });
  if (receipt.isLoading) return <Loading />;
  if (receipt.error || !receipt.data) return <ErrorAlert error={receipt.error} />;
  const r = receipt.data;
  const s = session.data;
  const ours = s?.organisation?.id === r.warehouse.id && isMember(s);
  const sum = r.reconciliation.summary;
  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to="/receipts" size="sm">
          ← {t('receipts.title')}
        </Anchor>
        <Text size="sm" c="dimmed" mt="xs">
          {t('receipt.title')}
        </Text>
        <Title order={1} size="h2" className="mono">
          {r.number}
        </Title>
      </div>
      {recorded && (
        <Alert color="green" title={t('receipt.recordedTitle')} role="status" data-testid="receipt-recorded">
          {t('receipt.recorded', { bundles: f.integer(sum.bundles), lots: f.integer(sum.lots), warrantable: f.integer(sum.warrantableLots) })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
          <Field label={t('receipts.facility')}>
            {r.facility.name} ({r.facility.location})
          </Field>
          <Field label={t('receipts.warehouse')}>{r.warehouse.name}</Field>
          <Field label={t('receipts.depositor')}>{r.depositor.name}</Field>
          <Field label={t('receipts.receivedOn')}>{f.date(r.receivedOn)}</Field>
          <Field label={t('receipts.brand')}>
            <Anchor component={Link} to={`/brands/${r.brand.id}`} className="mono">
              {r.brand.code}
            </Anchor>{' '}
            — {r.brand.name}
          </Field>
          <Field label={t('filters.metal')}>{metalName(r.metal)}</Field>
          <Field label={t('receive.shape')}>{r.shape}</Field>
          <Field label={t('receive.origin')}>{f.country(r.originCountry)}</Field>
          <Field label={t('receive.reference')}>{r.reference ?? '—'}</Field>
          <Field label={t('receipt.lotSize')}>{t('receipt.lotSizeValue', { tonnes: f.decimal(r.lotSize.tonnes), pct: f.decimal(r.lotSize.tolerancePct) })}</Field>
          <Field label={t('receipts.bundles')}>{t('receipts.conformingOf', { conforming: f.integer(sum.conforming), bundles: f.integer(sum.bundles) })}</Field>
          <Field label={t('receipts.netTonnes')}>{f.decimal(tonnesOfKg(sum.netKg))}</Field>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {t('receipt.recordedAt', { at: f.dateTime(r.recordedAt), index: r.logIndex })}
        </Text>
      </Paper>
      <Lots receipt={r} canIssue={ours} />
      <Bundles receipt={r} />
    </Stack>
  );
}

function Lots({ receipt: r, canIssue }: { receipt: Receipt; canIssue: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [issued, setIssued] = useState<Warrant | null>(null);
  const issue = useMutation({
    meta: { toast: 'warrant' },
    mutationFn: (lot: ReceiptLot) => api<Warrant>('/api/v1/warrants', { body: { lotId: lot.id! } }),
    onSuccess: async (w) => {
      setIssued(w);
      await qc.invalidateQueries({ queryKey: ['receipts'] });
      await qc.invalidateQueries({ queryKey: ['warrants'] });
    },
  });
  return (
    <section aria-labelledby="lots">
      <Title order={2} size="h3" id="lots" mb="xs">
        {t('receipt.lots')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('receipt.lotsHint', { depositor: r.depositor.name })}
      </Text>
      {issued && (
        <Alert color="green" title={t('receipt.issuedTitle')} role="status" mb="sm" data-testid="warrant-issued">
          {t('receipt.issued', { number: issued.number, holder: issued.holder?.name ?? r.depositor.name, tonnes: f.decimal(issued.tonnes) })}{' '}
          <Anchor component={Link} to={`/warrants/${issued.id}`} className="mono">
            {issued.number}
          </Anchor>
        </Alert>
      )}
      {issue.error != null && <ErrorAlert error={issue.error} />}
      <DataTable
        testId="receipt-lots"
        columns={[t('receive.lot'), t('receipts.bundles'), t('receipt.tonnes'), t('receipt.warrantable'), t('receipt.reasons'), t('receipt.warrant')]}
        items={r.lots}
        emptyRow={<Text size="sm">{t('receipt.noLots')}</Text>}
        row={(l) => (
          <Table.Tr key={l.lotRef} data-lot={l.lotRef} data-warrantable={l.warrantable}>
            <Table.Td className="mono">{l.lotRef}</Table.Td>
            <Table.Td>{f.integer(l.bundles)}</Table.Td>
            <Table.Td>{f.decimal(l.tonnes)}</Table.Td>
            <Table.Td>
              <PassBadge ok={l.warrantable} okLabel={t('receipt.yes')} failLabel={t('receipt.no')} />
            </Table.Td>
            <Table.Td>
              {l.reasons.length === 0 ? (
                <Text size="sm">{t('receipt.allPassed')}</Text>
              ) : (
                <List size="sm" spacing={2}>
                  {l.reasons.map((x) => (
                    <List.Item key={x} lang="en" style={{ overflowWrap: 'anywhere' }}>
                      {x}
                    </List.Item>
                  ))}
                </List>
              )}
            </Table.Td>
            <Table.Td>
              {l.warrant ? (
                <Anchor component={Link} to={`/warrants/${l.warrant.id}`} className="mono">
                  {l.warrant.number}
                </Anchor>
              ) : canIssue && l.warrantable && l.id ? (
                <Button
                  size="xs"
                  onClick={() => issue.mutate(l)}
                  loading={issue.isPending && issue.variables?.lotRef === l.lotRef}
                  aria-label={t('receipt.issueFor', { lot: l.lotRef })}
                >
                  {t('receipt.issue')}
                </Button>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {r.reconciliation.offWarrantLines.length > 0 && (
        <Text size="sm" mt="xs" data-testid="off-warrant-lines">
          {t('receipt.offWarrant', { lines: r.reconciliation.offWarrantLines.join(t('common.listSeparator')) })}
        </Text>
      )}
    </section>
  );
}

function Bundles({ receipt: r }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const f = useFormat();
  const checkName = useCheckCodeName();
  return (
    <section aria-labelledby="bundles">
      <Title order={2} size="h3" id="bundles" mb="xs">
        {t('receipt.bundles')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('receipt.bundlesHint')}
      </Text>
      <DataTable
        testId="receipt-bundles"
        columns={[t('receipt.line'), t('receive.lot'), t('receive.pcr'), t('receive.bundleRef'), t('receive.pieces'), t('receive.netKg'), t('receipt.certificate'), t('receipt.checksColumn')]}
        items={r.reconciliation.bundles}
        row={(b: ReconciledBundle) => {
          const failed = b.checks.filter((c) => !c.ok);
          return (
            <Table.Tr key={b.line} data-line={b.line} data-conforming={b.conforming}>
              <Table.Td>{b.line}</Table.Td>
              <Table.Td className="mono">{b.lotRef ?? '—'}</Table.Td>
              <Table.Td className="mono">{b.pcr}</Table.Td>
              <Table.Td className="mono">{b.bundleRef}</Table.Td>
              <Table.Td>{f.integer(b.pieces)}</Table.Td>
              <Table.Td>{f.decimal(b.netKg)}</Table.Td>
              <Table.Td>
                {b.certificateId ? (
                  <Anchor component={Link} to={`/certificates/${b.certificateId}`} className="mono">
                    {b.certificateNumber}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td miw={260}>
                <Group gap={6} mb={failed.length ? 4 : 0}>
                  <PassBadge ok={b.conforming} okLabel={t('receipt.conforming')} failLabel={t('receipt.notConforming')} />
                </Group>
                {failed.map((c) => (
                  <Text size="sm" key={c.code} data-check={c.code} data-ok="false" c="red.9">
                    <b>{checkName(c.code)}</b>: <span lang="en">{c.reason}</span>
                  </Text>
                ))}
                <details>
                  <summary>
                    <Text span size="sm">
                      {t('receipt.allChecks', { passed: b.checks.length - failed.length, count: b.checks.length })}
                    </Text>
                  </summary>
                  <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                    {b.checks.map((c) => (
                      <li key={c.code} data-check={c.code} data-ok={c.ok}>
                        <Text size="sm">
                          <Badge component="span" size="xs" color={c.ok ? 'green' : 'red'} variant="light" mr={4}>
                            {c.ok ? t('checks.pass') : t('checks.fail')}
                          </Badge>
                          <b>{checkName(c.code)}</b>: <span lang="en">{c.reason}</span>
                        </Text>
                      </li>
                    ))}
                  </ul>
                </details>
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    </section>
  );
}
