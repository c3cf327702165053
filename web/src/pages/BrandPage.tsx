import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type Brand, type Sourcing } from '../api.ts';
import { BrandCbamSection } from '../components/Cbam.tsx';
import { Field } from '../components/Field.tsx';
import { BrandGovernance, BrandStatusHistory, governs } from '../components/Governance.tsx';
import { PremiumSection } from '../components/Premium.tsx';
import { ErrorAlert, Loading, StatusBadge } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useSession } from '../session.ts';

export function useTrackName() {
  const { t } = useTranslation();
  return (track: string) => ({ A: t('sourcing.tracks.A'), B: t('sourcing.tracks.B'), C: t('sourcing.tracks.C'), D: t('sourcing.tracks.D') } as Record<string, string>)[track] ?? track;
}

export function useComplianceName() {
  const { t } = useTranslation();
  return (s: string) => ({ compliant: t('sourcing.compliant'), non_compliant: t('sourcing.nonCompliant') } as Record<string, string>)[s] ?? s;
}

export function BrandPage() {
  const { brand: ref = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const trackName = useTrackName();
  const complianceName = useComplianceName();
  const session = useSession();
  const brand = useQuery({ queryKey: ['brand', ref], queryFn: () => api<Brand>(`/api/v1/brands/${encodeURIComponent(ref)}`) });
  const sourcing = useQuery({
    queryKey: ['sourcing', ref],
    queryFn: () => api<Sourcing>(`/api/v1/brands/${encodeURIComponent(ref)}/sourcing`),
  });
  if (brand.isLoading) return <Loading />;
  if (brand.error || !brand.data) return <ErrorAlert error={brand.error} />;
  const b = brand.data;
  const s = sourcing.data;
  const me = session.data;
  // The producer manages its brand's CBAM reports, visibility and grants; the exchange manages grants.
  const managesCbam = !!me?.signedIn && (me.organisation?.kind === 'exchange' || me.organisation?.id === b.producer.id);

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          {t('brandPage.heading')}
        </Text>
        <Title order={1} size="h2">
          <span className="mono">{b.code}</span> — {b.name}
        </Title>
        <Group gap="xs" mt={4}>
          <StatusBadge status={b.status} />
        </Group>
      </div>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="dl" m={0}>
          <Field label={t('filters.metal')}>{metalName(b.metal)}</Field>
          <Field label={t('brands.producer')}>
            <Anchor component={Link} to={`/producers/${b.producer.id}`}>
              {b.producer.name}
            </Anchor>
          </Field>
          <Field label={t('brands.plant')}>
            {b.plant.name} ({b.plant.country})
          </Field>
          <Field label={t('brands.shapes')}>{b.shapes.join(t('common.listSeparator'))}</Field>
        </SimpleGrid>
        <Anchor component={Link} to={`/certificates?brand=${encodeURIComponent(b.code)}`} size="sm" mt="sm" display="inline-block">
          {t('brandPage.certificates')}
        </Anchor>
      </Paper>

      <section aria-labelledby="sourcing">
        <Title order={2} size="h3" id="sourcing" mb="xs">
          {t('sourcing.title')}
        </Title>
        {sourcing.error && <ErrorAlert error={sourcing.error} />}
        {sourcing.isLoading ? (
          <Loading />
        ) : s ? (
          <Stack gap="sm">
            <Group gap="sm" data-testid="current-track">
              <Text fw={500}>{t('sourcing.current')}:</Text>
              {s.currentTrack ? (
                <>
                  <Badge size="lg" variant="filled">
                    {t('sourcing.trackN', { track: s.currentTrack.track })}
                  </Badge>
                  <Text size="sm">
                    {trackName(s.currentTrack.track)} · {t('sourcing.since', { date: f.date(s.currentTrack.effectiveFrom) })}
                    {s.currentTrack.standardCode ? ` · ${s.currentTrack.standardCode}` : ''}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('sourcing.noTrack')}
                </Text>
              )}
            </Group>
            {s.compliance && (
              <Group gap="xs">
                <Text size="sm">{t('sourcing.compliance')}:</Text>
                <Badge color={s.compliance.status === 'compliant' ? 'green' : 'red'} variant="light">
                  {complianceName(s.compliance.status)}
                </Badge>
                <Text size="sm">
                  {t('sourcing.since', { date: f.date(s.compliance.effectiveDate) })} — {s.compliance.reason}
                </Text>
              </Group>
            )}
            {s.tracks.length > 0 && (
              <div className="table-scroll">
                <Table striped data-testid="track-history">
                  <Table.Caption>{t('sourcing.history')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('sourcing.track')}</Table.Th>
                      <Table.Th>{t('sourcing.effectiveFrom')}</Table.Th>
                      <Table.Th>{t('sourcing.standard')}</Table.Th>
                      <Table.Th>{t('sourcing.auditor')}</Table.Th>
                      <Table.Th>{t('sourcing.recordedAt')}</Table.Th>
                      <Table.Th>{t('sourcing.logIndex')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.tracks.map((tr) => (
                      <Table.Tr key={tr.id}>
                        <Table.Td>
                          {tr.track} — {trackName(tr.track)}
                          {tr.restricted ? ` (${t('sourcing.restricted')})` : ''}
                        </Table.Td>
                        <Table.Td>{f.date(tr.effectiveFrom)}</Table.Td>
                        <Table.Td>{tr.standardCode ?? '—'}</Table.Td>
                        <Table.Td>{tr.auditor ? `${tr.auditor.name} (${tr.auditor.reportReference})` : '—'}</Table.Td>
                        <Table.Td>{f.dateTime(tr.recordedAt)}</Table.Td>
                        <Table.Td>{tr.logIndex}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
            {s.complianceHistory.length > 0 && (
              <div className="table-scroll">
                <Table striped>
                  <Table.Caption>{t('sourcing.complianceHistory')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('filters.status')}</Table.Th>
                      <Table.Th>{t('sourcing.effectiveFrom')}</Table.Th>
                      <Table.Th>{t('sourcing.reason')}</Table.Th>
                      <Table.Th>{t('sourcing.recordedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.complianceHistory.map((c) => (
                      <Table.Tr key={`${c.logIndex}`}>
                        <Table.Td>{complianceName(c.status)}</Table.Td>
                        <Table.Td>{f.date(c.effectiveDate)}</Table.Td>
                        <Table.Td>{c.reason}</Table.Td>
                        <Table.Td>{f.dateTime(c.recordedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
            {s.isoCertificates.length > 0 && (
              <Text size="sm">
                {t('sourcing.iso')}: {s.isoCertificates.map((d) => d.standardCode ?? d.title).join(t('common.listSeparator'))}
              </Text>
            )}
          </Stack>
        ) : null}
      </section>

      <BrandStatusHistory brandRef={ref} />

      {governs(me) && <BrandGovernance brand={b} brandRef={ref} />}

      <PremiumSection brandId={b.id} brandCode={b.code} producerId={b.producer.id} />

      <BrandCbamSection brandId={b.id} brandCode={b.code} producerId={b.producer.id} />
      {managesCbam && (
        <Button component={Link} to={`/brands/${b.id}/cbam`} variant="light" w="fit-content">
          {t('cbamManage.manage')}
        </Button>
      )}
    </Stack>
  );
}
