import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Warrant } from '../api.ts';
import { ErrorAlert } from './common.tsx';
import { MIN_REASON } from './ReasonModal.tsx';
import { OrganisationSelect } from './Warrants.tsx';

// The exchange corrects a warrant: a reason (required, signed into the warrant's history) and, if
// title went astray, its rightful holder.

export function CorrectModal({ warrant, onClose, onDone }: { warrant: { id: string; number: string } | null; onClose: () => void; onDone: (w: Warrant) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [holder, setHolder] = useState('');
  const [touched, setTouched] = useState(false);
  const correct = useMutation({
    meta: { toast: 'warrant' },
    mutationFn: () =>
      api<Warrant>(`/api/v1/warrants/${warrant!.id}/corrections`, { body: { reason: reason.trim(), ...(holder ? { holderOrgId: holder } : {}) } }),
    onSuccess: async (w) => {
      await qc.invalidateQueries({ queryKey: ['warrants'] });
      await qc.invalidateQueries({ queryKey: ['warrant-review'] });
      close();
      onDone(w);
    },
  });
  const close = () => {
    setReason('');
    setHolder('');
    setTouched(false);
    correct.reset();
    onClose();
  };
  const tooShort = reason.trim().length < MIN_REASON;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!tooShort) correct.mutate();
  };
  return (
    <Modal opened={warrant !== null} onClose={close} title={t('correct.title', { number: warrant?.number ?? '' })} centered>
      <form onSubmit={submit} noValidate data-testid="correct-form">
        <Stack gap="sm">
          <Text size="sm">{t('correct.body')}</Text>
          <Textarea
            label={t('correct.reason')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && tooShort ? t('common.reasonTooShort', { min: MIN_REASON }) : undefined}
            data-autofocus
          />
          <OrganisationSelect label={t('correct.holder')} description={t('correct.holderHint')} value={holder} onChange={setHolder} first={t('correct.keepHolder')} />
          {correct.error != null && <ErrorAlert error={correct.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={correct.isPending}>
              {t('correct.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
