import { SimpleGrid, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonSubject } from '../api.ts';
import { useFormat } from '../format.ts';
import { EChart, type ChartOption } from './EChart.tsx';

// Three charts beside the comparison table: carbon intensity (each producer's latest disclosed
// "carbon" metric), certifications held by validity, and the responsible-sourcing track of each
// producer's brands. Each chart names its figures in words (role="img" label); the table below
// holds the same figures. Loaded lazily, with ECharts, only on the comparison page.

const TRACKS = ['A', 'B', 'C', 'D'] as const;
const TRACK_COLOURS: Record<string, string> = { A: '#2b8a3e', B: '#1971c2', C: '#e67700', D: '#7048e8', none: '#adb5bd' };
const VALIDITY_COLOURS = { valid: '#2b8a3e', expired: '#c92a2a', not_yet_valid: '#868e96', none: '#adb5bd' };

/** The figures each chart draws, computed once per comparison. */
export function chartData(subjects: ComparisonSubject[]) {
  const withCarbon = subjects.filter((s) => s.metrics.carbon);
  const unit = withCarbon[0]?.metrics.carbon?.unit ?? null;
  const carbon = subjects.map((s) => {
    const m = s.metrics.carbon;
    return { name: s.name, value: m && m.unit === unit ? m.value : null, other: m && m.unit !== unit ? m : null };
  });
  const certifications = subjects.map((s) => {
    const count = (v: string | null) => s.certifications.filter((c) => c.validity === v).length;
    return { name: s.name, valid: count('valid'), expired: count('expired'), not_yet_valid: count('not_yet_valid'), none: count(null) };
  });
  const tracks = subjects.map((s) => {
    const values = Object.values(s.tracks);
    return {
      name: s.name,
      ...Object.fromEntries(TRACKS.map((t) => [t, values.filter((v) => v === t).length])),
      none: values.filter((v) => v === null).length,
    } as { name: string; none: number } & Record<(typeof TRACKS)[number], number>;
  });
  return { unit, carbon, certifications, tracks };
}

export default function CompareCharts({ subjects }: { subjects: ComparisonSubject[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = useMemo(() => chartData(subjects), [subjects]);
  const number = useMemo(() => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 6 }), [f.locale]);
  const sep = t('compare.charts.separator');

  const options = useMemo(() => {
    const base = (legend: boolean): ChartOption => ({
      // Keep the producers' names inside the chart (the equivalent of the old `containLabel`).
      grid: { left: 8, right: 24, top: legend ? 56 : 12, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? number.format(v) : String(v ?? '—')) },
      yAxis: { type: 'category', data: data.carbon.map((c) => c.name), inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
    });
    const axisNumber = { formatter: (v: number) => number.format(v) };
    const carbon: ChartOption = {
      ...base(false),
      xAxis: { type: 'value', name: data.unit ?? '', nameLocation: 'middle', nameGap: 24, axisLabel: axisNumber },
      series: [
        {
          type: 'bar',
          name: t('compare.charts.carbon'),
          data: data.carbon.map((c) => (c.value === null ? null : Number(c.value))),
          itemStyle: { color: '#495057' },
          label: { show: true, position: 'right', formatter: (p) => (typeof p.value === 'number' ? number.format(p.value) : '') },
        },
      ],
    };
    const certifications: ChartOption = {
      ...base(true),
      legend: { top: 0 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: axisNumber },
      series: (['valid', 'expired', 'not_yet_valid'] as const).map((k) => ({
        type: 'bar' as const,
        stack: 'certifications',
        name: { valid: t('profile.valid'), expired: t('profile.expired'), not_yet_valid: t('profile.notYetValid') }[k],
        data: data.certifications.map((c) => c[k]),
        itemStyle: { color: VALIDITY_COLOURS[k] },
      })),
    };
    const tracks: ChartOption = {
      ...base(true),
      legend: { top: 0 },
      xAxis: { type: 'value', minInterval: 1, name: t('compare.charts.brands'), nameLocation: 'middle', nameGap: 24, axisLabel: axisNumber },
      series: [...TRACKS, 'none' as const].map((k) => ({
        type: 'bar' as const,
        stack: 'tracks',
        name: k === 'none' ? t('compare.charts.noTrack') : t('sourcing.trackN', { track: k }),
        data: data.tracks.map((x) => x[k]),
        itemStyle: { color: TRACK_COLOURS[k] },
      })),
    };
    return { carbon, certifications, tracks };
  }, [data, number, t]);

  // Text alternatives: the same figures in words, in the chosen language.
  const carbonAlt = t('compare.charts.carbonAlt', {
    unit: data.unit ?? '',
    values: data.carbon.map((c) => `${c.name}: ${c.value === null ? t('compare.charts.noFigure') : f.decimal(c.value)}`).join(sep),
  });
  const certAlt = t('compare.charts.certificationsAlt', {
    values: data.certifications
      .map((c) => `${c.name}: ${t('compare.charts.certCounts', { valid: f.integer(c.valid), expired: f.integer(c.expired), notYet: f.integer(c.not_yet_valid) })}`)
      .join(sep),
  });
  const trackAlt = t('compare.charts.tracksAlt', {
    values: data.tracks
      .map((x) => `${x.name}: ${[...TRACKS.filter((k) => x[k] > 0).map((k) => `${t('sourcing.trackN', { track: k })} × ${f.integer(x[k])}`), ...(x.none ? [`${t('compare.charts.noTrack')} × ${f.integer(x.none)}`] : [])].join(t('common.listSeparator')) || '—'}`)
      .join(sep),
  });
  const height = Math.max(160, 70 + subjects.length * 44);
  const otherUnits = data.carbon.filter((c) => c.other);

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" data-testid="compare-charts">
      <figure style={{ margin: 0 }}>
        <Text component="figcaption" fw={600} size="sm" mb={4}>
          {t('compare.charts.carbonTitle')}
          {data.unit ? ` (${data.unit})` : ''}
        </Text>
        <EChart option={options.carbon} label={carbonAlt} height={height} testId="chart-carbon" />
        <Text size="xs" c="dimmed">
          {t('compare.charts.carbonNote')}
          {otherUnits.length > 0 && ` ${t('compare.charts.otherUnits', { names: otherUnits.map((c) => c.name).join(t('common.listSeparator')) })}`}
        </Text>
      </figure>
      <figure style={{ margin: 0 }}>
        <Text component="figcaption" fw={600} size="sm" mb={4}>
          {t('compare.charts.certificationsTitle')}
        </Text>
        <EChart option={options.certifications} label={certAlt} height={height} testId="chart-certifications" />
      </figure>
      <figure style={{ margin: 0 }}>
        <Text component="figcaption" fw={600} size="sm" mb={4}>
          {t('compare.charts.tracksTitle')}
        </Text>
        <EChart option={options.tracks} label={trackAlt} height={height} testId="chart-tracks" />
      </figure>
    </SimpleGrid>
  );
}
