import { Alert, Badge, List, Loader, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'issued' || status === 'listed' ? 'green' : status === 'rejected' || status === 'revoked' || status === 'delisted' ? 'red' : 'yellow';
  const label = (
    {
      issued: t('status.issued'),
      rejected: t('status.rejected'),
      revoked: t('status.revoked'),
      listed: t('brandStatus.listed'),
      suspended: t('brandStatus.suspended'),
      delisted: t('brandStatus.delisted'),
    } as Record<string, string>
  )[status];
  return (
    <Badge color={color} variant="light">
      {label ?? status}
    </Badge>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const title =
    e?.status === 401
      ? t('errors.unauthenticated')
      : e?.status === 403
        ? t('errors.forbidden')
        : e?.status === 404
          ? t('errors.notFound')
          : e?.status === 409
            ? t('errors.conflict')
            : e?.status === 400
              ? t('errors.badRequest')
              : t('errors.generic');
  return (
    <Alert color="red" title={title} role="alert">
      {e?.message ?? (error instanceof Error ? error.message : String(error))}
      {e && e.details.length > 0 && (
        <List size="sm" mt="xs">
          {e.details.map((d) => (
            <List.Item key={`${d.path}|${d.message}`}>
              <code>{d.path}</code>: {d.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
