import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCertificateWithVerification } from '../certificate-queries.ts';
import { ChecksReport } from '../components/Checks.tsx';
import { ErrorAlert, Loading, StatusBadge } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { Field } from '../components/Field.tsx';

// Where a certificate's QR code leads: the minimal public view and every verification check.
export function PublicVerifyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const { cert, verification: report } = useCertificateWithVerification(id);
  if (cert.isLoading) return <Loading />;
  if (cert.error || !cert.data) return <ErrorAlert error={cert.error} />;
  const c = cert.data;
  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          {t('verify.publicHeading')}
        </Text>
        <Title order={1} size="h2" className="mono">
          {c.number}
        </Title>
      </div>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
          <Field label={t('filters.status')}>
            <StatusBadge status={c.status} />
          </Field>
          <Field label={t('filters.brand')}>
            {c.brand.code} — {c.brand.name}
          </Field>
          <Field label={t('filters.metal')}>{metalName(c.metal)}</Field>
          <Field label={t('certificate.version')}>{c.version}</Field>
          <Field label={t('certificate.productionDate')}>{f.date(c.productionDate)}</Field>
          <Field label={t('certificate.issuedAt')}>{f.dateTime(c.issuedAt)}</Field>
          <Field label={t('certificate.updatedAt')}>{f.dateTime(c.updatedAt)}</Field>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {t('certificate.digest')}
        </Text>
        <Text size="sm" className="mono">
          {c.contentDigest}
        </Text>
      </Paper>
      {report.isLoading ? <Loading /> : report.error ? <ErrorAlert error={report.error} /> : report.data && <ChecksReport report={report.data} />}
      <Text size="sm" c="dimmed">
        {t('verify.holderHint')}{' '}
        <Anchor component={Link} to="/verify">
          {t('nav.verify')}
        </Anchor>
      </Text>
    </Stack>
  );
}
