import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type Disclosure, type ProducerProfile } from '../api.ts';
import { ErrorAlert, Loading, StatusBadge } from '../components/common.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useComplianceName, useTrackName } from './BrandPage.tsx';

export function useValidityName() {
  const { t } = useTranslation();
  return (v: string | null) =>
    v === null ? '—' : (({ valid: t('profile.valid'), expired: t('profile.expired'), not_yet_valid: t('profile.notYetValid') }) as Record<string, string>)[v] ?? v;
}

function DisclosureTable({ items, caption, testId }: { items: Disclosure[]; caption: string; testId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const validity = useValidityName();
  return (
    <DataTable
      testId={testId}
      caption={caption}
      columns={[t('profile.disclosureTitle'), t('profile.topic'), t('profile.level'), t('profile.value'), t('profile.period'), t('profile.validity')]}
      items={items}
      empty={null}
      row={(d) => (
        <Table.Tr key={d.id}>
          <Table.Td>
            {d.title}
            {d.standardCode ? ` (${d.standardCode})` : ''}
          </Table.Td>
          <Table.Td className="mono">{d.topic}</Table.Td>
          <Table.Td>{d.brand ? d.brand.code : (d.asset ?? '—')}</Table.Td>
          <Table.Td>{d.value !== null ? `${f.decimal(d.value)} ${d.unit ?? ''}` : '—'}</Table.Td>
          <Table.Td>
            {d.periodStart || d.periodEnd ? `${f.date(d.periodStart)} – ${f.date(d.periodEnd)}` : d.validUntil ? `→ ${f.date(d.validUntil)}` : '—'}
          </Table.Td>
          <Table.Td>{validity(d.validity)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}

export function ProducerPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const trackName = useTrackName();
  const complianceName = useComplianceName();
  const profile = useQuery({ queryKey: ['producer-profile', orgId], queryFn: () => api<ProducerProfile>(`/api/v1/producers/${orgId}/profile`) });
  if (profile.isLoading) return <Loading />;
  if (profile.error || !profile.data) return <ErrorAlert error={profile.error} />;
  const p = profile.data;
  const nothing = p.certifications.length + p.metrics.length + p.targets.length === 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Text size="sm" c="dimmed">
            {t('profile.heading')}
          </Text>
          <Title order={1} size="h2">
            {p.organisation.name}
          </Title>
          {p.organisation.country && <Text c="dimmed">{p.organisation.country}</Text>}
        </div>
        <Button component={Link} to={`/compare?producers=${p.organisation.id}`} variant="light">
          {t('compare.action')}
        </Button>
      </Group>
      <section aria-labelledby="p-brands">
        <Title order={2} size="h3" id="p-brands" mb="xs">
          {t('nav.brands')}
        </Title>
        <div className="table-scroll">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('brands.code')}</Table.Th>
                <Table.Th>{t('filters.metal')}</Table.Th>
                <Table.Th>{t('brands.plant')}</Table.Th>
                <Table.Th>{t('sourcing.track')}</Table.Th>
                <Table.Th>{t('sourcing.compliance')}</Table.Th>
                <Table.Th>{t('filters.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.brands.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/brands/${b.id}`} className="mono">
                      {b.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{metalName(b.metal)}</Table.Td>
                  <Table.Td>
                    {b.plant.name} ({b.plant.country})
                  </Table.Td>
                  <Table.Td>
                    {b.currentTrack
                      ? `${b.currentTrack.track} — ${trackName(b.currentTrack.track)} (${t('sourcing.since', { date: f.date(b.currentTrack.effectiveFrom) })})`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {b.compliance ? (
                      <Badge color={b.compliance.status === 'compliant' ? 'green' : 'red'} variant="light">
                        {complianceName(b.compliance.status)}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={b.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
      <section aria-labelledby="p-disclosures">
        <Title order={2} size="h3" id="p-disclosures" mb="xs">
          {t('profile.disclosures')}
        </Title>
        {nothing && (
          <Text size="sm" c="dimmed">
            {t('profile.noDisclosures')}
          </Text>
        )}
        <Stack gap="md">
          <DisclosureTable items={p.certifications} caption={t('profile.certifications')} testId="profile-certifications" />
          <DisclosureTable items={p.metrics} caption={t('profile.metrics')} testId="profile-metrics" />
          <DisclosureTable items={p.targets} caption={t('profile.targets')} testId="profile-targets" />
        </Stack>
      </section>
    </Stack>
  );
}
