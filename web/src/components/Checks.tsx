import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckName, VerificationReport } from '../api.ts';

// Every verification check in plain words: what was checked, whether it passed, and why.

export function useCheckText(kind: 'certificate' | 'warrant' = 'certificate') {
  const { t } = useTranslation();
  const names: Record<CheckName, { title: string; explain: string }> = kind === 'warrant' ? {
    format: { title: t('checks.format.title'), explain: t('warrantChecks.format') },
    signature: { title: t('checks.signature.title'), explain: t('warrantChecks.signature') },
    issuer: { title: t('checks.issuer.title'), explain: t('warrantChecks.issuer') },
    key_validity: { title: t('checks.key_validity.title'), explain: t('warrantChecks.key_validity') },
    schema: { title: t('checks.schema.title'), explain: t('warrantChecks.schema') },
    status: { title: t('checks.status.title'), explain: t('warrantChecks.status') },
    log_inclusion: { title: t('checks.log_inclusion.title'), explain: t('warrantChecks.log_inclusion') },
    witnesses: { title: t('checks.witnesses.title'), explain: t('checks.witnesses.explain') },
    current: { title: t('checks.current.title'), explain: t('warrantChecks.current') },
  } : {
    format: { title: t('checks.format.title'), explain: t('checks.format.explain') },
    signature: { title: t('checks.signature.title'), explain: t('checks.signature.explain') },
    issuer: { title: t('checks.issuer.title'), explain: t('checks.issuer.explain') },
    key_validity: { title: t('checks.key_validity.title'), explain: t('checks.key_validity.explain') },
    schema: { title: t('checks.schema.title'), explain: t('checks.schema.explain') },
    status: { title: t('checks.status.title'), explain: t('checks.status.explain') },
    log_inclusion: { title: t('checks.log_inclusion.title'), explain: t('checks.log_inclusion.explain') },
    witnesses: { title: t('checks.witnesses.title'), explain: t('checks.witnesses.explain') },
    current: { title: t('checks.current.title'), explain: t('checks.current.explain') },
  };
  return names;
}

export function CheckStatus({ status }: { status: 'pass' | 'fail' | 'skip' }) {
  const { t } = useTranslation();
  const color = status === 'pass' ? 'green' : status === 'fail' ? 'red' : 'gray';
  return (
    <Badge color={color} variant="filled" miw={90} data-status={status}>
      {status === 'pass' ? t('checks.pass') : status === 'fail' ? t('checks.fail') : t('checks.skip')}
    </Badge>
  );
}

/** A report's verdict and every check explained; `kind` words it for a certificate (default) or a warrant. */
export function ChecksReport({ report, kind = 'certificate', headingOrder = 2 }: { report: Pick<VerificationReport, 'ok' | 'checks'>; kind?: 'certificate' | 'warrant'; headingOrder?: 2 | 3 }) {
  const { t } = useTranslation();
  const text = useCheckText(kind);
  const w = kind === 'warrant';
  const failed = report.checks.filter((c) => c.status === 'fail');
  return (
    <Stack gap="sm">
      {report.ok ? (
        <Alert color="green" title={t('checks.okTitle')} data-testid="verdict" data-ok="true">
          {w ? t('warrantChecks.okBody') : t('checks.okBody')}
        </Alert>
      ) : (
        <Alert color="red" title={w ? t('warrantChecks.failTitle') : t('checks.failTitle')} data-testid="verdict" data-ok="false" role="alert">
          {failed.length > 0
            ? t(w ? 'warrantChecks.failBody' : 'checks.failBody', { checks: failed.map((c) => text[c.name]?.title ?? c.name).join(t('common.listSeparator')) })
            : t('checks.failNoSignature')}
        </Alert>
      )}
      <Title order={headingOrder} size="h4">
        {t('checks.heading')}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('checks.heading')}>
        {report.checks.map((c) => (
          <Paper component="li" key={c.name} withBorder p="sm" data-check={c.name} data-status={c.status}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{text[c.name]?.title ?? c.name}</Text>
                <Text size="sm" c="dimmed">
                  {text[c.name]?.explain}
                </Text>
                <Text size="sm" mt={4} lang="en" style={{ overflowWrap: 'anywhere' }}>
                  {t('checks.detail')}: {c.reason}
                </Text>
              </div>
              <CheckStatus status={c.status} />
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
