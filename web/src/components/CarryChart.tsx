import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarryQuote } from '../market.ts';
import { useFormat } from '../format.ts';
import { EChart, type ChartOption } from './EChart.tsx';

// The two legs of a carry as two bars (price per tonne at each prompt), buys in green and sells in
// red, the axis starting near the prices so a small spread is visible. Loaded lazily with ECharts.

const SIDE_COLOURS = { buy: '#2b8a3e', sell: '#c92a2a' } as const;

export default function CarryChart({ quote }: { quote: CarryQuote }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [near, far] = quote.legs;
  const option = useMemo((): ChartOption => {
    const number = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 6 });
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 28, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? number.format(v) : String(v ?? '')) },
      xAxis: { type: 'category', data: quote.legs.map((l) => `${f.date(l.prompt)} · ${t(`market.carry.${l.side}`)}`) },
      // Start below the lower price by the spread (at least 1), so both bars show and the gap reads.
      yAxis: { type: 'value', min: (v: { min: number; max: number }) => Math.floor(v.min - Math.max(v.max - v.min, 1)), axisLabel: { formatter: (v: number) => number.format(v) } },
      series: [
        {
          type: 'bar',
          name: t('market.carry.price'),
          barMaxWidth: 64,
          data: quote.legs.map((l) => ({ value: Number(l.price), itemStyle: { color: SIDE_COLOURS[l.side] } })),
          label: { show: true, position: 'top', formatter: (p) => (typeof p.value === 'number' ? number.format(p.value) : '') },
        },
      ],
    };
  }, [quote, f, t]);
  const label = t('market.carry.chartLabel', {
    near: f.date(near.prompt),
    nearSide: t(`market.carry.${near.side}`),
    nearPrice: f.decimal(near.price),
    far: f.date(far.prompt),
    farSide: t(`market.carry.${far.side}`),
    farPrice: f.decimal(far.price),
  });
  return <EChart option={option} label={label} height={220} testId="carry-chart" />;
}
