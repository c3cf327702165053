import { Alert, Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type Session, type Transferred, type Warrant, type WarrantStatement } from '../api.ts';
import { CorrectModal } from '../components/CorrectModal.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Field } from '../components/Field.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { TransferModal } from '../components/TransferModal.tsx';
import { WarrantStatusBadge } from '../components/Warrants.tsx';
import { ErrorAlert, Loading, QueryState } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isExchange, isMember, useSession } from '../session.ts';
import { plainDecimal, useDirectory, useStatementKindName } from '../warrants.ts';
import { LoadOutModal, QueueSummary } from './LoadOutPage.tsx';

// One warrant as its holder, its warehouse and the exchange see it: the metal, the holder, its
// place in the load-out queue, its certificates (which the holder reads in full), its bundles and
// the signed history of every transition; and the actions each of them may take now. Anyone else
// is sent to the public page.

export function WarrantPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const warrant = useQuery({ queryKey: ['warrants', 'one', id], queryFn: () => api<Warrant>(`/api/v1/warrants/${encodeURIComponent(id)}`) });
  if (warrant.isLoading || session.isLoading) return <Loading />;
  if (warrant.error || !warrant.data) return <ErrorAlert error={warrant.error} />;
  const w = warrant.data;
  if (w.view !== 'full' || !session.data?.signedIn) {
    return (
      <Stack>
        <Title order={1} size="h2" className="mono">
          {w.number}
        </Title>
        <Alert color="blue" title={t('warrant.publicOnlyTitle')}>
          {t('warrant.publicOnly')}{' '}
          <Anchor component={Link} to={`/w/${w.number}`}>
            {t('warrant.publicPage')}
          </Anchor>
        </Alert>
      </Stack>
    );
  }
  return <FullWarrant w={w} s={session.data} />;
}

function FullWarrant({ w, s }: { w: Warrant; s: Session }) {
  const { t, i18n } = useTranslation();
  const pdfLang = i18n.language === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
  const f = useFormat();
  const metalName = useMetalName();
  const qc = useQueryClient();
  const orgId = s.organisation!.id;
  const member = isMember(s);
  const holder = w.holder?.id === orgId;
  const warehouse = w.warehouse.id === orgId;
  const exchange = isExchange(s);
  const [dialog, setDialog] = useState<'transfer' | 'cancel' | 'loadOut' | 'rewarrant' | 'correct' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['warrants'] });
    await qc.invalidateQueries({ queryKey: ['queue'] });
    await qc.invalidateQueries({ queryKey: ['statements', w.id] });
  };
  const rewarrant = useMutation({
    meta: { toast: 'warrant' },
    mutationFn: (reason: string) => api<Warrant>(`/api/v1/warrants/${w.id}/rewarranting`, { body: { reason } }),
    onSuccess: async (x) => {
      setDialog(null);
      setMessage(t('loadOut.rewarranted', { number: x.number }));
      await refresh();
    },
  });
  const actions = [
    member && holder && w.status === 'live' && (
      <Button key="transfer" onClick={() => setDialog('transfer')}>
        {t('warrants.transfer')}
      </Button>
    ),
    member && holder && w.status === 'live' && (
      <Button key="swap" variant="light" component={Link} to={`/swaps?give=${w.id}`}>
        {t('warrants.proposeSwap')}
      </Button>
    ),
    member && holder && w.status === 'live' && (
      <Button key="cancel" variant="outline" color="orange" onClick={() => setDialog('cancel')}>
        {t('warrant.cancel')}
      </Button>
    ),
    member && warehouse && w.status === 'cancelled' && (
      <Button key="load-out" onClick={() => setDialog('loadOut')}>
        {t('loadOut.loadOut')}
      </Button>
    ),
    member && (warehouse || exchange) && w.status === 'cancelled' && (
      <Button key="rewarrant" variant="default" onClick={() => setDialog('rewarrant')}>
        {t('loadOut.rewarrant')}
      </Button>
    ),
    member && exchange && w.status !== 'delivered_out' && (
      <Button key="correct" variant="outline" color="red" onClick={() => setDialog('correct')}>
        {t('correct.action')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to="/warrants" size="sm">
          ← {t('warrants.title')}
        </Anchor>
        <Group gap="sm" mt="xs" align="center">
          <Title order={1} size="h2" className="mono">
            {w.number}
          </Title>
          <WarrantStatusBadge status={w.status} />
        </Group>
        <Text c="dimmed">{t('warrant.headline', { tonnes: f.decimal(w.tonnes), metal: metalName(w.metal), brand: w.brand.code, location: w.location.name })}</Text>
      </div>
      {message && (
        <Alert color="green" role="status" data-testid="warrant-message" withCloseButton onClose={() => setMessage(null)} closeButtonLabel={t('common.close')}>
          {message}
        </Alert>
      )}
      {w.queue && <QueueSummary queue={w.queue} />}
      {actions.length > 0 && (
        <Group gap="sm" data-testid="warrant-actions">
          {actions}
        </Group>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
          <Field label={t('warrants.holder')}>{w.holder?.name ?? '—'}</Field>
          <Field label={t('filters.metal')}>{metalName(w.metal)}</Field>
          <Field label={t('filters.brand')}>
            <Anchor component={Link} to={`/brands/${w.brand.id}`} className="mono">
              {w.brand.code}
            </Anchor>{' '}
            — {w.brand.name}
          </Field>
          <Field label={t('warrants.tonnes')}>{f.decimal(w.tonnes)}</Field>
          <Field label={t('receive.shape')}>{w.shape}</Field>
          <Field label={t('receive.origin')}>{f.country(w.originCountry)}</Field>
          <Field label={t('warrants.warrantedOn')}>{f.date(w.warrantedOn)}</Field>
          <Field label={t('warrants.location')}>{w.location.name}</Field>
          <Field label={t('receipts.facility')}>{w.facility.name}</Field>
          <Field label={t('warrants.warehouse')}>{w.warehouse.name}</Field>
          <Field label={t('warrant.rent')}>{w.rent ? t('warrant.rentValue', { rent: f.decimal(plainDecimal(w.rent.usdPerTonneDay)) }) : '—'}</Field>
          <Field label={t('warrant.lot')}>
            {w.lot ? (
              warehouse || exchange ? (
                <Anchor component={Link} to={`/receipts/${w.lot.receipt}`} className="mono">
                  {w.lot.receipt} / {w.lot.lotRef}
                </Anchor>
              ) : (
                <span className="mono">
                  {w.lot.receipt} / {w.lot.lotRef}
                </span>
              )
            ) : (
              '—'
            )}
          </Field>
          {w.cancelledAt && <Field label={t('loadOut.cancelledAt')}>{f.dateTime(w.cancelledAt)}</Field>}
          {w.deliveredOutAt && <Field label={t('warrant.deliveredOutAt')}>{f.dateTime(w.deliveredOutAt)}</Field>}
        </SimpleGrid>
        <Text size="sm" mt="md">
          <Anchor component={Link} to={`/w/${w.number}`}>
            {t('warrant.publicPage')}
          </Anchor>
          {' · '}
          <Anchor href={`/api/v1/warrants/${w.id}/pdf?lang=${pdfLang}`} download data-testid="warrant-pdf">
            {t('warrant.pdf')}
          </Anchor>
        </Text>
      </Paper>
      <section aria-labelledby="certs">
        <Title order={2} size="h3" id="certs" mb="xs">
          {t('warrant.certificates')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {holder ? t('warrant.certificatesHolder') : t('warrant.certificatesHint')}
        </Text>
        <Group gap="md" data-testid="warrant-certificates">
          {w.certificates.map((c) => (
            <Anchor key={c.id} component={Link} to={`/certificates/${c.id}`} className="mono">
              {c.number}
            </Anchor>
          ))}
        </Group>
      </section>
      <History w={w} />
      {w.bundles && (
        <section aria-labelledby="wbundles">
          <Title order={2} size="h3" id="wbundles" mb="xs">
            {t('warrant.bundles')}
          </Title>
          <DataTable
            columns={[t('receive.pcr'), t('receive.bundleRef'), t('receive.pieces'), t('receive.netKg'), t('receipt.certificate')]}
            items={w.bundles}
            row={(b) => (
              <Table.Tr key={`${b.pcr}/${b.bundleRef}`}>
                <Table.Td className="mono">{b.pcr}</Table.Td>
                <Table.Td className="mono">{b.bundleRef}</Table.Td>
                <Table.Td>{f.integer(b.pieces)}</Table.Td>
                <Table.Td>{f.decimal(b.netKg)}</Table.Td>
                <Table.Td className="mono">{b.certificate.number}</Table.Td>
              </Table.Tr>
            )}
          />
        </section>
      )}

      <TransferModal
        opened={dialog === 'transfer'}
        warrants={[w]}
        selfOrgId={orgId}
        onClose={() => setDialog(null)}
        onDone={(r: Transferred) => {
          setMessage(t('transfer.done', { count: 1, to: r.to.name, numbers: w.number }));
        }}
      />
      <CancelModal
        warrant={dialog === 'cancel' ? w : null}
        onClose={() => setDialog(null)}
        onDone={async (x) => {
          setDialog(null);
          setMessage(
            x.queue
              ? t('warrant.cancelled', { number: x.number, position: x.queue.position, date: f.date(x.queue.estimatedLoadOut) })
              : t('warrant.cancelledNoQueue', { number: x.number }),
          );
          await refresh();
        }}
      />
      <LoadOutModal
        number={dialog === 'loadOut' ? w.number : null}
        onClose={() => setDialog(null)}
        onDone={async (x) => {
          setDialog(null);
          setMessage(t('loadOut.loaded', { number: x.number }));
          await refresh();
        }}
      />
      <ReasonModal
        opened={dialog === 'rewarrant'}
        onClose={() => {
          setDialog(null);
          rewarrant.reset();
        }}
        title={t('loadOut.rewarrantTitle', { number: w.number })}
        body={t('loadOut.rewarrantBody')}
        reasonLabel={t('loadOut.rewarrantReason')}
        confirmLabel={t('loadOut.rewarrant')}
        pending={rewarrant.isPending}
        error={rewarrant.error}
        onConfirm={(reason) => rewarrant.mutate(reason)}
      />
      <CorrectModal
        warrant={dialog === 'correct' ? w : null}
        onClose={() => setDialog(null)}
        onDone={(x) => {
          setMessage(t('correct.done', { number: x.number }));
          void refresh();
        }}
      />
    </Stack>
  );
}

/** Cancels a live warrant for load-out: it joins the facility's queue. */
function CancelModal({ warrant, onClose, onDone }: { warrant: Warrant | null; onClose: () => void; onDone: (w: Warrant) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    meta: { toast: 'warrant' },
    mutationFn: () => api<Warrant>(`/api/v1/warrants/${warrant!.id}/cancellation`, { body: reason.trim().length >= 3 ? { reason: reason.trim() } : {} }),
    onSuccess: async (w) => {
      setReason('');
      await onDone(w);
    },
  });
  const close = () => {
    setReason('');
    cancel.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate();
  };
  return (
    <Modal opened={warrant !== null} onClose={close} title={t('warrant.cancelTitle', { number: warrant?.number ?? '' })} centered>
      <form onSubmit={submit} noValidate data-testid="cancel-form">
        <Stack gap="sm">
          <Text size="sm">{t('warrant.cancelBody', { facility: warrant?.facility.name ?? '' })}</Text>
          <TextInput label={t('warrant.cancelReason')} description={t('warrant.cancelReasonHint')} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          {cancel.error != null && <ErrorAlert error={cancel.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={cancel.isPending}>
              {t('warrant.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The signed statement of every transition, oldest first. */
function History({ w }: { w: Warrant }) {
  const { t } = useTranslation();
  const f = useFormat();
  const kindName = useStatementKindName();
  const directory = useDirectory();
  const statements = useQuery({ queryKey: ['statements', w.id, w.version], queryFn: () => api<{ items: WarrantStatement[] }>(`/api/v1/warrants/${w.id}/statements`) });
  const orgName = (id: string | undefined) => (id ? (directory.data?.items.find((o) => o.id === id)?.name ?? id) : '');
  return (
    <section aria-labelledby="history">
      <Title order={2} size="h3" id="history" mb="xs">
        {t('warrant.history')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('warrant.historyHint')}
      </Text>
      <QueryState query={statements}>
        <Timeline active={(statements.data?.items.length ?? 1) - 1} bulletSize={14} lineWidth={2} data-testid="warrant-history">
          {(statements.data?.items ?? []).map((e) => (
            <Timeline.Item key={e.version} title={<Text fw={600}>{kindName(e.kind)}</Text>} data-kind={e.kind}>
              <Text size="sm">
                {t('warrant.statementLine', { version: e.version, at: f.dateTime(e.at), holder: orgName(e.record.holderOrgId) })}
              </Text>
              {e.record.previousHolderOrgId && (
                <Text size="sm">{t('warrant.previousHolder', { name: orgName(e.record.previousHolderOrgId) })}</Text>
              )}
              {e.record.reason && (
                <Text size="sm">
                  {t('warrant.reason')}: {e.record.reason}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                <Anchor href={`/api/v1/log/entries/${e.logIndex}`} size="xs">
                  {t('warrant.logEntry', { index: e.logIndex })}
                </Anchor>
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </QueryState>
    </section>
  );
}
