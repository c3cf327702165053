import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarrantTotal } from '../api.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useLocationName } from '../warrants.ts';
import { EChart, type ChartOption } from './EChart.tsx';

// Tonnes on warrant per location, one stacked bar segment per metal. The totals table beside it
// holds the same figures; the chart's text alternative says them too. Loaded lazily with ECharts.

const COLOURS = ['#1c7ed6', '#e8590c', '#2b8a3e', '#7048e8', '#c2255c', '#0c8599', '#5c940d', '#862e9c', '#495057'];

export default function TonnesChart({ totals }: { totals: readonly WarrantTotal[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const locationName = useLocationName();
  const locations = [...new Set(totals.map((x) => x.location))];
  const metals = [...new Set(totals.map((x) => x.metal))];
  const locationLabels = locations.map(locationName);
  const metalLabels = metals.map(metalName);
  // Redrawn when the figures or their words change, not on every render.
  const key = JSON.stringify([totals, locationLabels, metalLabels, f.locale]);
  const option = useMemo((): ChartOption => {
    const number = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 3 });
    return {
      color: COLOURS,
      grid: { left: 8, right: 16, top: metals.length > 1 ? 36 : 16, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: metals.length > 1 ? { top: 0 } : { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${number.format(v)} t` : String(v ?? '')) },
      xAxis: { type: 'category', data: locationLabels },
      yAxis: { type: 'value', name: 't', axisLabel: { formatter: (v: number) => number.format(v) } },
      series: metals.map((m, i) => ({
        type: 'bar' as const,
        name: metalLabels[i],
        stack: 'tonnes',
        barMaxWidth: 56,
        data: locations.map((l) => Number(totals.find((x) => x.metal === m && x.location === l)?.tonnes ?? 0)),
      })),
    };
  }, [key]);
  const label = t('warrants.chartLabel', {
    figures: totals.map((x) => t('warrants.chartFigure', { location: locationName(x.location), metal: metalName(x.metal), tonnes: f.decimal(x.tonnes) })).join(t('common.listSeparator')),
  });
  return <EChart option={option} label={label} height={Math.max(180, 120 + 20 * metals.length)} testId="tonnes-chart" />;
}
