import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type BrandCbam, type CbamAccess, type CbamReport, type CertificateCarbon, type ResponseOf } from '../api.ts';
import { DataTable } from './DataTable.tsx';
import { Field } from './Field.tsx';
import { ErrorAlert, Loading } from './common.tsx';
import { useFormat } from '../format.ts';
import { useSession } from '../session.ts';

// CBAM figures are private by default: the API decides who may read them. The app first asks the
// search (which silently leaves out what the caller may not read) and only then the brand's or the
// certificate's own endpoint, so a caller without access never sees figures, and a 401/403 shows a
// plain "not visible" message.

export const isHidden = (e: unknown): boolean => e instanceof ApiError && (e.status === 401 || e.status === 403);

/** Whether this caller may read the brand's CBAM data, as far as the API lets us know without a refusal. */
export function useCbamReadable(brandCode: string | undefined, producerId: string | undefined) {
  const session = useSession();
  const s = session.data;
  const own = !!s?.signedIn && (s.organisation?.kind === 'exchange' || (!!producerId && s.organisation?.id === producerId));
  const search = useQuery({
    queryKey: ['cbam-search', brandCode, s?.organisation?.id ?? null],
    queryFn: () => api<ResponseOf<'/api/v1/cbam-reports'>>('/api/v1/cbam-reports', { query: { brand: brandCode } }),
    enabled: !!brandCode && session.isSuccess && !own,
  });
  return {
    settled: session.isSuccess && (own || search.isSuccess || search.isError),
    readable: own || (search.data?.items.length ?? 0) > 0,
  };
}

export function AccessBadge({ access }: { access: CbamAccess }) {
  const { t } = useTranslation();
  const label = { exchange: t('cbam.access.exchange'), producer: t('cbam.access.producer'), holder: t('cbam.access.holder'), grantee: t('cbam.access.grantee'), published: t('cbam.access.published') }[
    access
  ];
  return (
    <Badge variant="light" color={access === 'published' ? 'green' : 'grape'}>
      {label}
    </Badge>
  );
}

function usePeriodKind() {
  const { t } = useTranslation();
  return (k: string) => ({ annual: t('cbam.periodKinds.annual'), daily: t('cbam.periodKinds.daily') } as Record<string, string>)[k] ?? k;
}

function useVerification() {
  const { t } = useTranslation();
  return (k: string) =>
    (
      {
        verified: t('cbam.verification.verified'),
        in_progress: t('cbam.verification.in_progress'),
        unverified: t('cbam.verification.unverified'),
      } as Record<string, string>
    )[k] ?? k;
}

export function CbamReportsTable({ reports, caption, testId }: { reports: CbamReport[]; caption: string; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const kind = usePeriodKind();
  const verification = useVerification();
  return (
    <DataTable
      testId={testId}
      caption={caption}
      columns={[
        t('cbam.period'),
        t('certificate.version'),
        t('cbam.installation'),
        t('cbam.direct'),
        t('cbam.indirect'),
        t('cbam.electricity'),
        t('cbam.verificationStatus'),
        t('cbam.submitted'),
      ]}
      items={reports}
      row={(r) => (
        <Table.Tr key={r.id} data-superseded={r.superseded}>
          <Table.Td>
            {kind(r.periodKind)}: {f.date(r.periodStart)} – {f.date(r.periodEnd)}
          </Table.Td>
          <Table.Td>
            {r.version}
            {r.superseded ? ` (${t('certificate.superseded')})` : ''}
          </Table.Td>
          <Table.Td>
            {r.installation} ({r.installationCountry})
          </Table.Td>
          <Table.Td className="cbam-figure">{f.decimal(r.directEmissions)}</Table.Td>
          <Table.Td className="cbam-figure">{f.decimal(r.indirectEmissions)}</Table.Td>
          <Table.Td>
            {f.decimal(r.electricityConsumption)} MWh/t × {f.decimal(r.electricityEmissionFactor)} tCO2e/MWh
          </Table.Td>
          <Table.Td>
            {verification(r.verificationStatus)}
            {r.verifier ? ` — ${r.verifier}` : ''}
          </Table.Td>
          <Table.Td>{f.dateTime(r.submittedAt)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}

export function NotVisible() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('cbam.notVisibleTitle')} data-testid="cbam-not-visible">
      {t('cbam.notVisible')}
    </Alert>
  );
}

/** The CBAM section of a brand page. */
export function BrandCbamSection({ brandId, brandCode, producerId }: { brandId: string; brandCode: string; producerId: string }) {
  const { t } = useTranslation();
  const gate = useCbamReadable(brandCode, producerId);
  const reports = useQuery({
    queryKey: ['brand-cbam', brandId],
    queryFn: () => api<BrandCbam>(`/api/v1/brands/${brandId}/cbam-reports`),
    enabled: gate.settled && gate.readable,
    retry: false,
  });
  return (
    <section aria-labelledby="cbam" data-testid="brand-cbam">
      <Title order={2} size="h3" id="cbam" mb="xs">
        {t('cbam.title')}
      </Title>
      {!gate.settled || reports.isLoading ? (
        <Loading />
      ) : !gate.readable || isHidden(reports.error) ? (
        <NotVisible />
      ) : reports.error ? (
        <ErrorAlert error={reports.error} />
      ) : reports.data ? (
        <Stack gap="sm">
          <Group gap="xs">
            <AccessBadge access={reports.data.access} />
            <Text size="sm">{reports.data.published ? t('cbam.isPublished') : t('cbam.isPrivate')}</Text>
          </Group>
          {reports.data.reports.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('cbam.none')}
            </Text>
          ) : (
            <CbamReportsTable reports={reports.data.reports} caption={t('cbam.current')} testId="cbam-current" />
          )}
          {reports.data.history.length > reports.data.reports.length && (
            <CbamReportsTable reports={reports.data.history} caption={t('cbam.history')} testId="cbam-history" />
          )}
          <Text size="xs" c="dimmed">
            {t('cbam.unitNote')}
          </Text>
        </Stack>
      ) : null}
    </section>
  );
}

/** "Carbon (CBAM)" on a certificate: rendered only when the API says the caller is entitled. */
export function CertificateCarbonSection({ certificateId, brandCode, producerId }: { certificateId: string; brandCode: string; producerId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const kind = usePeriodKind();
  const verification = useVerification();
  const gate = useCbamReadable(brandCode, producerId);
  const carbon = useQuery({
    queryKey: ['carbon', certificateId],
    queryFn: () => api<CertificateCarbon>(`/api/v1/certificates/${certificateId}/carbon`),
    enabled: gate.settled && gate.readable,
    retry: false,
  });
  if (!gate.readable || !carbon.data) {
    if (carbon.error && !isHidden(carbon.error) && !(carbon.error instanceof ApiError && carbon.error.status === 404)) return <ErrorAlert error={carbon.error} />;
    return null;
  }
  const c = carbon.data;
  const r = c.report;
  return (
    <section aria-labelledby="carbon" data-testid="certificate-carbon">
      <Title order={2} size="h3" id="carbon" mb="xs">
        {t('cbam.certificateTitle')}
      </Title>
      {!r || !c.carbonIntensity ? (
        <Text size="sm" c="dimmed">
          {t('cbam.noneInForce')}
        </Text>
      ) : (
        <Paper withBorder p="md">
          <Group gap="xs" mb="sm">
            <AccessBadge access={c.access} />
            <Text size="sm">{t('cbam.inForce', { period: `${kind(r.periodKind)} ${f.date(r.periodStart)} – ${f.date(r.periodEnd)}`, version: r.version })}</Text>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} component="dl" m={0}>
            <Field label={t('cbam.direct')}>
              <span className="cbam-figure">{f.decimal(c.carbonIntensity.direct)}</span> {c.carbonIntensity.unit}
            </Field>
            <Field label={t('cbam.indirect')}>
              <span className="cbam-figure">{f.decimal(c.carbonIntensity.indirect)}</span> {c.carbonIntensity.unit}
            </Field>
            <Field label={t('cbam.total')}>
              <span className="cbam-figure">{f.decimal(c.carbonIntensity.total)}</span> {c.carbonIntensity.unit}
            </Field>
            <Field label={t('cbam.installation')}>
              {r.installation} ({r.installationCountry})
            </Field>
            <Field label={t('cbam.methodology')}>{r.methodology}</Field>
            <Field label={t('cbam.verificationStatus')}>
              {verification(r.verificationStatus)}
              {r.verifier ? ` — ${r.verifier}` : ''}
            </Field>
          </SimpleGrid>
        </Paper>
      )}
    </section>
  );
}
