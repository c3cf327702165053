import { Alert, Badge, List, Loader, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../api.ts';

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
              : e?.status === 429
                ? t('errors.tooMany')
                : e?.status === 413
                  ? t('errors.tooLarge')
                  : e?.status === 422
                    ? t('errors.unprocessable')
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

/** A query's error, else a loader while it loads, else what it loaded. */
export function QueryState({ query, children }: { query: { error: unknown; isLoading: boolean }; children: ReactNode }) {
  return query.error ? <ErrorAlert error={query.error} /> : query.isLoading ? <Loading /> : <>{children}</>;
}

/**
 * The API's complaints about a form's fields (`byField`, `other`, as `fieldErrors` gives them) and
 * `fieldError(name)`, an input's error: the server's message, which is in English, or undefined.
 */
export function formErrors(error: unknown) {
  const { byField, other } = fieldErrors(error);
  const fieldError = (k: string): ReactNode => (byField[k] ? <span lang="en">{byField[k]}</span> : undefined);
  return { byField, other, fieldError };
}

/**
 * Under a form: the error in full when no field is to blame, or else one line (`fieldsMessage`)
 * that points at the fields, which show their own messages.
 */
export function FormErrorSummary({ error, byField, fieldsMessage }: { error: unknown; byField: Record<string, string>; fieldsMessage: string }) {
  const blamed = Object.keys(byField).length > 0;
  return (
    <>
      {error != null && !blamed && <ErrorAlert error={error} />}
      {blamed && (
        <Text size="sm" c="red" role="alert">
          {fieldsMessage}
        </Text>
      )}
    </>
  );
}

/** A page's title and, in place of its content, why this caller may not use it. */
export function PageRefusal({ title, reasonTitle, children }: { title: string; reasonTitle: string; children: ReactNode }) {
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Alert color="yellow" title={reasonTitle}>
        {children}
      </Alert>
    </Stack>
  );
}
