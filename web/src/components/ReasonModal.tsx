import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './common.tsx';

export const MIN_REASON = 3;

/**
 * A confirmation dialog that asks for a reason (revoking a certificate or a grant). Focus is
 * trapped inside while it is open and Escape cancels; the reason is required.
 */
export function ReasonModal({
  opened,
  onClose,
  title,
  body,
  reasonLabel,
  confirmLabel,
  pending,
  error,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  body: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!tooShort) onConfirm(reason.trim());
  };
  const close = () => {
    setReason('');
    setTouched(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{body}</Text>
          <Textarea
            label={reasonLabel}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && tooShort ? t('common.reasonTooShort', { min: MIN_REASON }) : undefined}
            data-autofocus
          />
          {error != null && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
