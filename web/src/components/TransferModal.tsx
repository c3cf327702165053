import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Transferred, type Warrant } from '../api.ts';
import { fromMilli, toMilli } from '../decimal.ts';
import { useFormat } from '../format.ts';
import { useDirectory } from '../warrants.ts';
import { ErrorAlert } from './common.tsx';
import { OrganisationSelect } from './Warrants.tsx';

// Transfers warrants the caller holds to another organisation picked from the directory, after a
// confirmation that says what moves and that it is all or nothing.

export function TransferModal({
  opened,
  warrants,
  selfOrgId,
  onClose,
  onDone,
}: {
  opened: boolean;
  warrants: readonly Warrant[];
  selfOrgId: string;
  onClose: () => void;
  onDone: (t: Transferred) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const directory = useDirectory(opened);
  const [to, setTo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const transfer = useMutation({
    meta: { toast: 'warrant' },
    mutationFn: () => api<Transferred>('/api/v1/warrants/transfers', { body: { warrantIds: warrants.map((w) => w.id), toOrgId: to } }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['warrants'] });
      close();
      onDone(r);
    },
  });
  const close = () => {
    setTo('');
    setConfirming(false);
    transfer.reset();
    onClose();
  };
  const toName = directory.data?.items.find((o) => o.id === to)?.name ?? '';
  const tonnes = fromMilli(warrants.reduce((s, w) => s + (toMilli(w.tonnes) ?? 0n), 0n));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    if (!confirming) setConfirming(true);
    else transfer.mutate();
  };
  // A refusal names the warrant by its place in the request (body.warrantIds.N).
  const named =
    transfer.error instanceof ApiError
      ? transfer.error.details.map((d) => {
          const i = /^body\.warrantIds\.(\d+)$/.exec(d.path ?? '')?.[1];
          return { number: i !== undefined ? warrants[Number(i)]?.number : undefined, message: d.message };
        })
      : [];
  return (
    <Modal opened={opened} onClose={close} title={t('transfer.title', { count: warrants.length })} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="transfer-form">
        <Stack gap="sm">
          <Text size="sm">{t('transfer.what', { count: warrants.length, tonnes: f.decimal(tonnes), numbers: warrants.map((w) => w.number).join(t('common.listSeparator')) })}</Text>
          <OrganisationSelect
            label={t('transfer.to')}
            required
            value={to}
            onChange={(v) => {
              setTo(v);
              setConfirming(false);
            }}
            exclude={[selfOrgId]}
            first={t('transfer.chooseTo')}
          />
          {confirming && to && (
            <Alert color="orange" title={t('transfer.confirmTitle')} role="alert" data-testid="transfer-confirm">
              {t('transfer.allOrNothing', { count: warrants.length, to: toName })}
            </Alert>
          )}
          {transfer.error != null && (
            <>
              <ErrorAlert error={transfer.error} />
              {named.some((n) => n.number) && (
                <List size="sm">
                  {named.map((n, i) => (
                    <List.Item key={i}>
                      <span className="mono">{n.number}</span>: <span lang="en">{n.message}</span>
                    </List.Item>
                  ))}
                </List>
              )}
              <Text size="sm">{t('transfer.nothingMoved')}</Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!to || warrants.length === 0} loading={transfer.isPending}>
              {confirming ? t('transfer.confirm', { count: warrants.length, to: toName }) : t('transfer.next')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
