import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import { EChart, type ChartOption } from './EChart.tsx';

// Live and cancelled tonnage per published business day, stacked, for one location or metal (or
// all of them added up). Loaded lazily, with ECharts, only on the market data page; the page's
// stock table holds the figures of the chosen day.

export interface SeriesPoint {
  day: string;
  key: string;
  live: string;
  cancelled: string;
}

/** Per day, live and cancelled tonnes for `key` (null = every key added up), in thousandths to stay exact while adding. */
export function seriesFor(days: readonly string[], points: readonly SeriesPoint[], key: string | null) {
  const milli = (s: string) => Math.round(Number(s) * 1000);
  return days.map((day) => {
    const mine = points.filter((p) => p.day === day && (key === null || p.key === key));
    return {
      day,
      live: mine.reduce((s, p) => s + milli(p.live), 0) / 1000,
      cancelled: mine.reduce((s, p) => s + milli(p.cancelled), 0) / 1000,
    };
  });
}

export default function StockChart({ days, points, keyName }: { days: string[]; points: SeriesPoint[]; keyName: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = useMemo(() => seriesFor(days, points, keyName), [days, points, keyName]);
  const number = useMemo(() => new Intl.NumberFormat(f.locale, { maximumFractionDigits: 3 }), [f.locale]);
  const option = useMemo((): ChartOption => {
    const bar = (name: string, field: 'live' | 'cancelled', color: string) => ({
      type: 'bar' as const,
      name,
      stack: 'tonnes',
      itemStyle: { color },
      data: data.map((d) => d[field]),
    });
    return {
      grid: { left: 8, right: 16, top: 40, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${number.format(v)} t` : String(v ?? '—')) },
      xAxis: { type: 'category', data: data.map((d) => f.date(d.day)) },
      yAxis: { type: 'value', name: 't', axisLabel: { formatter: (v: number) => number.format(v) } },
      series: [bar(t('marketData.live'), 'live', '#1971c2'), bar(t('marketData.cancelled'), 'cancelled', '#e67700')],
    };
  }, [data, number, f, t]);
  const last = data.at(-1);
  const label = last
    ? t('marketData.chartLabel', { days: data.length, day: f.date(last.day), live: number.format(last.live), cancelled: number.format(last.cancelled) })
    : t('marketData.noSeries');
  return <EChart option={option} label={label} height={300} testId="stock-chart" />;
}
