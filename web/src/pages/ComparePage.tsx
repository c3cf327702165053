import { Anchor, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type ResponseOf } from '../api.ts';
import { ErrorAlert, Loading } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useValidityName } from './ProducerPage.tsx';

export const MAX_COMPARED = 5;

// ECharts is loaded with the charts, only when a comparison is shown.
const CompareCharts = lazy(() => import('../components/CompareCharts.tsx'));

export function ComparePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const validity = useValidityName();
  const [params, setParams] = useSearchParams();
  const selected = (params.get('producers') ?? '').split(',').filter(Boolean).slice(0, MAX_COMPARED);
  const brands = useQuery({ queryKey: ['brands', 'all'], queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands') });
  const producers = [...new Map((brands.data?.items ?? []).map((b) => [b.producer.id, b.producer])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const comparison = useQuery({
    queryKey: ['comparison', selected.join(',')],
    queryFn: () => api<ResponseOf<'/api/v1/sustainability/comparison'>>('/api/v1/sustainability/comparison', { query: { producers: selected.join(',') } }),
    enabled: selected.length > 0,
  });
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((x) => x !== id);
    setParams(next.length ? { producers: next.join(',') } : {}, { replace: true });
  };
  const subjects = comparison.data?.subjects ?? [];
  const topics = [...new Set(subjects.flatMap((s) => Object.keys(s.metrics)))].sort();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('compare.title')}</Title>
        <Text c="dimmed">{t('compare.intro', { max: MAX_COMPARED })}</Text>
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={500} mb="xs">
          {t('compare.choose', { count: selected.length, max: MAX_COMPARED })}
        </Text>
        {brands.isLoading ? (
          <Loading />
        ) : (
          <Group wrap="wrap" gap="md">
            {producers.map((p) => (
              <Checkbox
                key={p.id}
                label={p.name}
                checked={selected.includes(p.id)}
                disabled={!selected.includes(p.id) && selected.length >= MAX_COMPARED}
                onChange={(e) => toggle(p.id, e.currentTarget.checked)}
              />
            ))}
          </Group>
        )}
      </fieldset>
      {brands.error && <ErrorAlert error={brands.error} />}
      {comparison.error && <ErrorAlert error={comparison.error} />}
      {selected.length > 0 && comparison.isLoading && <Loading />}
      {subjects.length > 0 && (
        <section aria-labelledby="compare-charts">
          <Title order={2} size="h3" id="compare-charts" mb="xs">
            {t('compare.charts.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('compare.charts.intro')}
          </Text>
          <Suspense fallback={<Loading />}>
            <CompareCharts subjects={subjects} />
          </Suspense>
        </section>
      )}
      {subjects.length > 0 && (
        <div className="table-scroll">
          <Table withColumnBorders striped data-testid="comparison">
            <Table.Caption>{t('compare.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('compare.attribute')}</Table.Th>
                {subjects.map((s) => (
                  <Table.Th key={s.id} scope="col">
                    <Anchor component={Link} to={`/producers/${s.id}`}>
                      {s.name}
                    </Anchor>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('nav.brands')}</Table.Th>
                {subjects.map((s) => (
                  <Table.Td key={s.id}>{s.brands.map((b) => `${b.code} (${b.metal})`).join(t('common.listSeparator')) || '—'}</Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('sourcing.track')}</Table.Th>
                {subjects.map((s) => (
                  <Table.Td key={s.id}>
                    {Object.entries(s.tracks)
                      .map(([code, track]) => `${code}: ${track ?? '—'}`)
                      .join(t('common.listSeparator')) || '—'}
                  </Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('profile.certifications')}</Table.Th>
                {subjects.map((s) => (
                  <Table.Td key={s.id}>
                    {s.certifications.map((c) => `${c.standardCode ?? '—'} (${validity(c.validity)})`).join(t('common.listSeparator')) || '—'}
                  </Table.Td>
                ))}
              </Table.Tr>
              {topics.map((topic) => (
                <Table.Tr key={topic}>
                  <Table.Th scope="row" className="mono">
                    {topic}
                  </Table.Th>
                  {subjects.map((s) => {
                    const m = s.metrics[topic];
                    return <Table.Td key={s.id}>{m ? `${f.decimal(m.value)} ${m.unit ?? ''}${m.periodEnd ? ` (${f.date(m.periodEnd)})` : ''}` : '—'}</Table.Td>;
                  })}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('profile.targets')}</Table.Th>
                {subjects.map((s) => (
                  <Table.Td key={s.id}>
                    {s.targets.map((x) => `${x.title}: ${f.decimal(x.value)} ${x.unit ?? ''}${x.by ? ` (${f.date(x.by)})` : ''}`).join(t('common.listSeparator')) || '—'}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
