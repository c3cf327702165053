import { Alert, Anchor, Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Facility, type LoadOutQueue, type ResponseOf, type Session, type Warrant } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { ErrorAlert, Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { isExchange, isMember, isWarehouse, useSession } from '../session.ts';
import { plainDecimal } from '../warrants.ts';

// A facility's load-out queue: cancelled warrants in the order their metal leaves, with the
// tonnes ahead and the estimated load-out date at the facility's minimum daily rate. The warehouse
// records each load-out, or makes a warrant live again at its holder's request.

export function LoadOutPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!isWarehouse(s) && !isExchange(s)) {
    return (
      <PageRefusal title={t('loadOut.title')} reasonTitle={t('loadOut.onlyTitle')}>
        {t('loadOut.only')}
      </PageRefusal>
    );
  }
  return <Queues s={s!} />;
}

function Queues({ s }: { s: Session }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const warehouse = isWarehouse(s);
  const facilities = useQuery({
    queryKey: ['facilities', warehouse ? s.organisation!.id : 'all'],
    queryFn: () => api<ResponseOf<'/api/v1/facilities'>>('/api/v1/facilities', { query: warehouse ? { warehouse: s.organisation!.id } : {} }),
  });
  const items = facilities.data?.items ?? [];
  const chosen = params.get('facility') ?? '';
  // A warehouse sees every facility of its own at once; the exchange picks one of the network's.
  const shown = warehouse ? (chosen ? items.filter((x) => x.id === chosen) : items) : items.filter((x) => x.id === chosen);
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('loadOut.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('loadOut.intro')}
        </Text>
      </div>
      <QueryState query={facilities}>
        {items.length === 0 ? (
          <Alert color="yellow" title={t('receive.noFacilityTitle')}>
            {t('loadOut.noFacility')}
          </Alert>
        ) : (
          <>
            {(!warehouse || items.length > 1) && (
              <NativeSelect
                label={t('loadOut.facility')}
                maw={480}
                value={chosen}
                onChange={(e) => setParams(e.currentTarget.value ? { facility: e.currentTarget.value } : {}, { replace: true })}
                data={[
                  { value: '', label: warehouse ? t('loadOut.allOurs') : t('loadOut.chooseFacility') },
                  ...items.map((x) => ({ value: x.id, label: `${x.name} — ${x.location.name} · ${x.warehouse.name}` })),
                ]}
              />
            )}
            {shown.map((x) => (
              <FacilityQueue key={x.id} facility={x} canOperate={isMember(s) && (s.organisation?.id === x.warehouse.id || isExchange(s))} canLoadOut={isMember(s) && s.organisation?.id === x.warehouse.id} />
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function FacilityQueue({ facility, canOperate, canLoadOut }: { facility: Facility; canOperate: boolean; canLoadOut: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const queue = useQuery({ queryKey: ['queue', facility.id], queryFn: () => api<LoadOutQueue>(`/api/v1/facilities/${facility.id}/queue`) });
  const [loading, setLoading] = useState<string | null>(null);
  const [rewarranting, setRewarranting] = useState<string | null>(null);
  const [done, setDone] = useState<{ kind: 'loaded' | 'rewarranted'; w: Warrant } | null>(null);
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['queue'] });
    await qc.invalidateQueries({ queryKey: ['warrants'] });
  };
  const rewarrant = useMutation({
    meta: { toast: 'warrant' },
    mutationFn: ({ number, reason }: { number: string; reason: string }) => api<Warrant>(`/api/v1/warrants/${encodeURIComponent(number)}/rewarranting`, { body: { reason } }),
    onSuccess: async (w) => {
      setRewarranting(null);
      setDone({ kind: 'rewarranted', w });
      await refresh();
    },
  });
  const id = `queue-${facility.id}`;
  return (
    <section aria-labelledby={id} data-testid="load-out-queue" data-facility={facility.id}>
      <Title order={2} size="h3" id={id}>
        {facility.name} <Text span c="dimmed" size="md">· {facility.location.name}</Text>
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('loadOut.rate', { tonnes: f.decimal(plainDecimal(facility.minDailyLoadOutTonnes)) })}
        {queue.data && ` · ${t('loadOut.inQueue', { count: queue.data.items.length, tonnes: f.decimal(queue.data.tonnes) })}`}
      </Text>
      {done && (
        <Alert color="green" role="status" mb="sm" data-testid="load-out-done" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t('common.close')}>
          {done.kind === 'loaded' ? t('loadOut.loaded', { number: done.w.number }) : t('loadOut.rewarranted', { number: done.w.number })}
        </Alert>
      )}
      <QueryState query={queue}>
        <DataTable
          testId="queue-table"
          caption={t('loadOut.caption', { name: facility.name })}
          columns={[t('loadOut.position'), t('loadOut.warrant'), t('warrants.tonnes'), t('loadOut.tonnesAhead'), t('loadOut.cancelledAt'), t('loadOut.estimated'), ...(canOperate ? [t('loadOut.actions')] : [])]}
          items={queue.data?.items ?? []}
          emptyRow={<Text size="sm">{t('loadOut.empty')}</Text>}
          row={(x) => (
            <Table.Tr key={x.position} data-number={x.number ?? ''}>
              <Table.Td>{x.position}</Table.Td>
              <Table.Td>
                {x.number ? (
                  <Anchor component={Link} to={`/warrants/${x.number}`} className="mono">
                    {x.number}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{f.decimal(x.tonnes)}</Table.Td>
              <Table.Td>{f.decimal(x.tonnesAhead)}</Table.Td>
              <Table.Td>{f.dateTime(x.cancelledAt)}</Table.Td>
              <Table.Td>{f.date(x.estimatedLoadOut)}</Table.Td>
              {canOperate && (
                <Table.Td>
                  {x.number && (
                    <Group gap="xs" wrap="nowrap">
                      {canLoadOut && (
                        <Button size="xs" onClick={() => setLoading(x.number)} aria-label={t('loadOut.loadOutNumber', { number: x.number })}>
                          {t('loadOut.loadOut')}
                        </Button>
                      )}
                      <Button size="xs" variant="default" onClick={() => setRewarranting(x.number)} aria-label={t('loadOut.rewarrantNumber', { number: x.number })}>
                        {t('loadOut.rewarrant')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          )}
        />
      </QueryState>
      <LoadOutModal
        number={loading}
        onClose={() => setLoading(null)}
        onDone={async (w) => {
          setLoading(null);
          setDone({ kind: 'loaded', w });
          await refresh();
        }}
      />
      <ReasonModal
        opened={rewarranting !== null}
        onClose={() => {
          setRewarranting(null);
          rewarrant.reset();
        }}
        title={t('loadOut.rewarrantTitle', { number: rewarranting ?? '' })}
        body={t('loadOut.rewarrantBody')}
        reasonLabel={t('loadOut.rewarrantReason')}
        confirmLabel={t('loadOut.rewarrant')}
        pending={rewarrant.isPending}
        error={rewarrant.error}
        onConfirm={(reason) => rewarranting && rewarrant.mutate({ number: rewarranting, reason })}
      />
    </section>
  );
}

/** Records a cancelled warrant's metal delivered out, with the truck or vessel reference if given. */
export function LoadOutModal({ number, onClose, onDone }: { number: string | null; onClose: () => void; onDone: (w: Warrant) => Promise<void> | void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const loadOut = useMutation({
    meta: { toast: 'warrant' },
    mutationFn: () => api<Warrant>(`/api/v1/warrants/${encodeURIComponent(number!)}/load-out`, { body: reference.trim() ? { reference: reference.trim() } : {} }),
    onSuccess: async (w) => {
      setReference('');
      await onDone(w);
    },
  });
  const close = () => {
    setReference('');
    loadOut.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    loadOut.mutate();
  };
  return (
    <Modal opened={number !== null} onClose={close} title={t('loadOut.modalTitle', { number: number ?? '' })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('loadOut.modalBody')}</Text>
          <TextInput label={t('loadOut.reference')} description={t('loadOut.referenceHint')} maxLength={120} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-autofocus />
          {loadOut.error != null && <ErrorAlert error={loadOut.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loadOut.isPending}>
              {t('loadOut.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function QueueSummary({ queue }: { queue: NonNullable<Warrant['queue']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Paper withBorder p="sm" data-testid="queue-position">
      <Text size="sm">
        {t('loadOut.yourPosition', { position: queue.position, ahead: f.decimal(queue.tonnesAhead), date: f.date(queue.estimatedLoadOut) })}
      </Text>
    </Paper>
  );
}
