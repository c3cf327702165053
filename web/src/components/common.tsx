import { Alert, Badge, List, Loader, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors, type ErrorDetail } from '../api.ts';
import i18n from '../i18n.ts';
import type { validationEn } from '../locales/governance.ts';
import { rulesEn } from '../locales/ux.ts';

/** The codes src/platform/http.ts gives validation problems; each has a message in `validation`. */
const VALIDATION_CODES = [
  'required',
  'unknown_field',
  'invalid_format',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'too_few',
  'too_many',
  'duplicate',
  'wrong_type',
  'not_allowed',
  'invalid',
] as const satisfies readonly (keyof typeof validationEn)[];
type ValidationCode = (typeof VALIDATION_CODES)[number];
/** Size rules, whose message names the limit when the server sends one. */
const WITH_LIMIT = {
  too_short: 'too_short_limit',
  too_long: 'too_long_limit',
  too_small: 'too_small_limit',
  too_large: 'too_large_limit',
  too_few: 'too_few_limit',
  too_many: 'too_many_limit',
} as const satisfies Partial<Record<ValidationCode, keyof typeof validationEn>>;

/**
 * A problem in the reader's language, from its stable code (a rule's, or a validation rule's) (and the limit a size rule
 * names), or undefined when the code is not a validation rule's (then the server's own words stand).
 */
export function translatedDetail(d: ErrorDetail): string | undefined {
  // A rule's code (a future date, a spec before the latest, a CBAM field's rule…): its message, with
  // the values the server sent beside the code.
  if (d.code && Object.hasOwn(rulesEn, d.code)) return i18n.t(`ruleCodes.${d.code as keyof typeof rulesEn}`, d as Record<string, unknown>);
  const code = d.code as ValidationCode | undefined;
  if (!code || !(VALIDATION_CODES as readonly string[]).includes(code)) return undefined;
  const limit = (d as { limit?: unknown }).limit;
  const sized = (WITH_LIMIT as Partial<Record<ValidationCode, (typeof WITH_LIMIT)[keyof typeof WITH_LIMIT]>>)[code];
  return typeof limit === 'number' && sized ? i18n.t(`validation.${sized}`, { limit }) : i18n.t(`validation.${code}`);
}

/** One problem in plain words, with its code in small print for support (the English original as its title). */
export function DetailMessage({ detail }: { detail: ErrorDetail }) {
  const plain = translatedDetail(detail);
  return (
    <span data-error-code={detail.code}>
      {plain ?? <span lang="en">{detail.message}</span>}
      {detail.code && (
        <Text span size="xs" c="dimmed" ml={6} className="mono" title={detail.message}>
          ({i18n.t('validation.code', { code: detail.code })})
        </Text>
      )}
    </span>
  );
}

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
  // A validation refusal whose every problem is said below in the reader's language needs no English summary.
  const allTranslated = !!e && e.details.length > 0 && e.details.every((d) => translatedDetail(d) !== undefined);
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
      {!allTranslated && <span lang="en">{e?.message ?? (error instanceof Error ? error.message : String(error))}</span>}
      {e && (
        <Text span size="xs" c="dimmed" ml={6} className="mono">
          ({i18n.t('validation.code', { code: e.code })})
        </Text>
      )}
      {e && e.details.length > 0 && (
        <List size="sm" mt="xs">
          {e.details.map((d) => (
            <List.Item key={`${d.path}|${d.message}`}>
              {d.path && <code>{d.path}</code>}
              {d.path && ': '}
              <DetailMessage detail={d} />
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
 * `fieldError(name)`, an input's error: each problem in the reader's language from its code, with
 * the code for support (a code without a message of ours keeps the server's English), or undefined.
 */
export function formErrors(error: unknown) {
  const { byField, other, detailsByField } = fieldErrors(error);
  const fieldError = (k: string): ReactNode =>
    detailsByField[k]?.length ? (
      <>
        {detailsByField[k].map((d, i) => (
          <span key={`${i}|${d.code}`}>
            {i > 0 && ' '}
            <DetailMessage detail={d} />
          </span>
        ))}
      </>
    ) : byField[k] ? (
      // A message a page placed itself (e.g. a conflict beside the field it concerns): the server's words.
      <span lang="en">{byField[k]}</span>
    ) : undefined;
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
