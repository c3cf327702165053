import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCertificateWithVerification } from '../certificate-queries.ts';
import { RevocationNotice, VersionHistory } from '../components/CertificateHistory.tsx';
import { ChecksReport } from '../components/Checks.tsx';
import { ChemistryTable } from '../components/ChemistryTable.tsx';
import { ErrorAlert, Loading, StatusBadge } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { Field } from '../components/Field.tsx';

// Where a certificate's QR code leads, by id or by the number printed on the PDF (any case, with
// spaces: the API resolves it). Everyone sees the status — revoked with its date and reason — and
// every verification check. The analysis a buyer checks (producer, PCR, production, shape, weights,
// chemistry against the contract's limits, version history) is shown only when the API answers the
// full view: to the producer, the exchange, and the holder and warehouse of the metal (numbers are
// sequential, so an anonymous visitor must not read analyses by counting). Anyone else is told who
// sees it, and that a holder of the PDF or credential reads its contents on the /verify page.
export function PublicVerifyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const { cert, verification: report } = useCertificateWithVerification(id);
  if (cert.isLoading) return <Loading />;
  if (cert.error || !cert.data) return <ErrorAlert error={cert.error} />;
  const c = cert.data;
  const content = c.view === 'full' ? c.content : undefined;
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
      {c.revocation && <RevocationNotice revocation={c.revocation} />}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
          <Field label={t('filters.status')}>
            <StatusBadge status={c.status} />
          </Field>
          {c.warrantEligible !== undefined && (
            <Field label={t('certificate.warrantEligible')}>
              <span data-testid="warrant-eligible" data-eligible={c.warrantEligible}>
                {c.warrantEligible ? t('common.yes') : t('common.no')}
              </span>
            </Field>
          )}
          {content ? (
            <Field label={t('publicCert.producerBrand')}>
              {content.producer.name} · {c.brand.code} — {c.brand.name}
            </Field>
          ) : (
            <Field label={t('filters.brand')}>
              {c.brand.code} — {c.brand.name}
            </Field>
          )}
          <Field label={t('filters.metal')}>{metalName(c.metal)}</Field>
          {content && <Field label={t('certificate.pcr')}>{content.pcr}</Field>}
          <Field label={t('certificate.version')}>{c.version}</Field>
          <Field label={t('certificate.productionDate')}>{f.date(c.productionDate)}</Field>
          {content && <Field label={t('certificate.shape')}>{content.shape}</Field>}
          {content && (
            <Field label={t('publicCert.weights')}>
              {t('publicCert.weightsValue', { net: f.decimal(content.netWeightKg), gross: f.decimal(content.grossWeightKg), pieces: f.integer(content.pieces) })}
            </Field>
          )}
          {content?.spec && <Field label={t('certificate.spec')}>{`${content.spec.qualityStandard} (v${content.spec.version})`}</Field>}
          <Field label={t('certificate.issuedAt')}>{f.dateTime(c.issuedAt)}</Field>
          <Field label={t('certificate.updatedAt')}>{f.dateTime(c.updatedAt)}</Field>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {t('certificate.digest')}
        </Text>
        <Text size="sm" className="mono" style={{ overflowWrap: 'anywhere' }}>
          {c.contentDigest}
        </Text>
      </Paper>
      {content ? (
        <section aria-labelledby="public-chem">
          <Title order={2} size="h3" id="public-chem" mb="xs">
            {t('chemistry.title')}
          </Title>
          <ChemistryTable analysis={content.chemistry} check={c.chemistryCheck} />
        </section>
      ) : (
        <Text size="sm" data-testid="analysis-hidden">
          {t('publicCert.analysisHidden')}{' '}
          <Anchor component={Link} to="/verify">
            {t('nav.verify')}
          </Anchor>
        </Text>
      )}
      {content && c.versions && <VersionHistory versions={c.versions} id="public-versions" />}
      {report.isLoading ? <Loading /> : report.error ? <ErrorAlert error={report.error} /> : report.data && <ChecksReport report={report.data} />}
      {content && (
        <Text size="sm" c="dimmed">
          {t('verify.holderHint')}{' '}
          <Anchor component={Link} to="/verify">
            {t('nav.verify')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
