import { Anchor, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, type ResponseOf } from '../api.ts';
import { CheckStatus, useCheckText } from '../components/Checks.tsx';
import { ErrorAlert, Loading } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';

// The public "Market data" section: the exchange's published reports (daily stock per location and
// metal, warrant banding, load-out queues, monthly off-warrant stock), each as a table with CSV and
// Excel downloads and a link to verify it; a stacked chart of live and cancelled tonnage over the
// published days; and a page that verifies one report (signature, log, stored bytes, rebuilt from
// the history).

type Summary = ResponseOf<'/api/v1/market-reports'>['items'][number];
type Report = ResponseOf<'/api/v1/market-reports/{reportId}'>;
type Series = ResponseOf<'/api/v1/market-reports/stock-series'>;
type Kind = Summary['kind'];
type Doc<K extends Kind> = Extract<Report['document'], { kind: K }>;

const KINDS: Kind[] = ['stock', 'banding', 'queue', 'off_warrant'];
const StockChart = lazy(() => import('../components/StockChart.tsx'));

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function MarketDataPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const kind: Kind = KINDS.includes(params.get('kind') as Kind) ? (params.get('kind') as Kind) : 'stock';
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const list = useQuery({
    queryKey: ['market-reports', kind],
    queryFn: () => api<ResponseOf<'/api/v1/market-reports'>>('/api/v1/market-reports', { query: { kind, limit: 100 } }),
  });
  const items = list.data?.items ?? [];
  const chosen = items.find((i) => i.period === params.get('period')) ?? items[0];
  const report = useQuery({
    queryKey: ['market-report', chosen?.id],
    queryFn: () => api<Report>(`/api/v1/market-reports/${chosen!.id}`),
    enabled: !!chosen,
  });
  const kindName = (k: Kind) => t(`marketData.kinds.${k}` as const);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('marketData.title')}</Title>
        <Text c="dimmed">{t('marketData.intro')}</Text>
      </div>
      <SegmentedControl
        aria-label={t('marketData.kind')}
        value={kind}
        onChange={(v) => set({ kind: v, period: null })}
        data={KINDS.map((k) => ({ value: k, label: kindName(k) }))}
        data-testid="report-kind"
      />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isLoading && <Loading />}
      {list.data && items.length === 0 && <Text data-testid="no-reports">{t('marketData.none')}</Text>}
      {chosen && (
        <Group align="end" wrap="wrap" justify="space-between">
          <NativeSelect
            label={kind === 'off_warrant' ? t('marketData.month') : t('marketData.day')}
            value={chosen.period}
            onChange={(e) => set({ period: e.currentTarget.value })}
            data={items.map((i) => ({ value: i.period, label: i.period.length === 7 ? i.period : f.date(i.period) }))}
            data-testid="report-period"
          />
          <Group gap="md" wrap="wrap">
            <Anchor href={`/api/v1/market-reports/${chosen.id}/export?format=csv`} data-testid="download-csv">
              {t('marketData.csv')}
            </Anchor>
            <Anchor href={`/api/v1/market-reports/${chosen.id}/export?format=xlsx`} data-testid="download-xlsx">
              {t('marketData.xlsx')}
            </Anchor>
            <Anchor component={Link} to={`/market-data/reports/${chosen.id}/verify`} data-testid="verify-link">
              {t('marketData.verify')}
            </Anchor>
          </Group>
        </Group>
      )}
      {chosen && (
        <Text size="sm" c="dimmed">
          {t('marketData.published', { at: f.dateTime(chosen.publishedAt), digest: chosen.documentDigest })}
        </Text>
      )}
      {report.error && <ErrorAlert error={report.error} />}
      {report.data && <ReportTable doc={report.data.document} />}
      {kind === 'stock' && chosen && <StockOverTime to={chosen.period} />}
    </Stack>
  );
}

function Scroll({ children, testId, caption }: { children: ReactNode; testId: string; caption: string }) {
  return (
    <div className="table-scroll">
      <Table withColumnBorders striped data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        {children}
      </Table>
    </div>
  );
}

function ReportTable({ doc }: { doc: Report['document'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metal = useMetalName();
  const tn = (s: string) => f.decimal(s);
  const head = (cells: string[]) => (
    <Table.Thead>
      <Table.Tr>
        {cells.map((c) => (
          <Table.Th key={c} scope="col">
            {c}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  switch (doc.kind) {
    case 'stock': {
      const d = doc as Doc<'stock'>;
      return (
        <Scroll testId="stock-table" caption={t('marketData.stockCaption', { day: f.date(d.businessDay) })}>
          {head([t('marketData.location'), t('marketData.metal'), t('marketData.opening'), t('marketData.in'), t('marketData.out'), t('marketData.closing'), t('marketData.live'), t('marketData.cancelled')])}
          <Table.Tbody>
            {d.rows.map((r) => (
              <Table.Tr key={`${r.location}/${r.metal}`}>
                <Table.Td>{r.location}</Table.Td>
                <Table.Td>{metal(r.metal)}</Table.Td>
                <Table.Td>{tn(r.opening)}</Table.Td>
                <Table.Td>{tn(r.deliveredIn)}</Table.Td>
                <Table.Td>{tn(r.deliveredOut)}</Table.Td>
                <Table.Td>{tn(r.closing)}</Table.Td>
                <Table.Td>{tn(r.live)}</Table.Td>
                <Table.Td>{tn(r.cancelled)}</Table.Td>
              </Table.Tr>
            ))}
            {d.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>{t('marketData.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Scroll>
      );
    }
    case 'banding': {
      const d = doc as Doc<'banding'>;
      const band = (code: string) => {
        const b = d.bands.find((x) => x.code === code);
        return b ? t('marketData.bandRange', { code, from: b.fromPct, to: b.toPct }) : code;
      };
      return (
        <Scroll testId="banding-table" caption={t('marketData.bandingCaption', { day: f.date(d.period), asOf: f.date(d.asOf), n: d.arrearsBusinessDays })}>
          {head([t('marketData.metal'), t('marketData.liveTonnes'), t('marketData.liveWarrants'), t('marketData.position'), t('marketData.band')])}
          <Table.Tbody>
            {d.metals.flatMap((m) =>
              (m.positions.length ? m.positions : [null]).map((p, i) => (
                <Table.Tr key={`${m.metal}/${i}`}>
                  <Table.Td>{metal(m.metal)}</Table.Td>
                  <Table.Td>{tn(m.liveTonnes)}</Table.Td>
                  <Table.Td>{f.integer(m.liveWarrants)}</Table.Td>
                  <Table.Td>{p ? f.integer(p.position) : '—'}</Table.Td>
                  <Table.Td>{p ? band(p.band) : t('marketData.noBand')}</Table.Td>
                </Table.Tr>
              )),
            )}
            {d.metals.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{t('marketData.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Scroll>
      );
    }
    case 'queue': {
      const d = doc as Doc<'queue'>;
      return (
        <Scroll testId="queue-table" caption={t('marketData.queueCaption', { day: f.date(d.asOf) })}>
          {head([t('marketData.location'), t('marketData.facility'), t('marketData.warrants'), t('marketData.tonnes'), t('marketData.rate'), t('marketData.waitingDays'), t('marketData.waitingSince')])}
          <Table.Tbody>
            {d.facilities.map((q) => (
              <Table.Tr key={q.facility}>
                <Table.Td>{q.location}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {q.facility}
                  </Text>
                </Table.Td>
                <Table.Td>{f.integer(q.warrants)}</Table.Td>
                <Table.Td>{tn(q.tonnes)}</Table.Td>
                <Table.Td>{tn(q.minDailyLoadOutTonnes)}</Table.Td>
                <Table.Td>{f.integer(q.waitingWorkingDays)}</Table.Td>
                <Table.Td>{f.date(q.waitingSince)}</Table.Td>
              </Table.Tr>
            ))}
            {d.facilities.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>{t('marketData.noQueue')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Scroll>
      );
    }
    case 'off_warrant': {
      const d = doc as Doc<'off_warrant'>;
      return (
        <Scroll testId="off-warrant-table" caption={t('marketData.offWarrantCaption', { month: d.period })}>
          {head([t('marketData.location'), t('marketData.metal'), t('marketData.recorded'), t('marketData.declared'), t('marketData.total'), t('marketData.warehouses')])}
          <Table.Tbody>
            {d.rows.map((r) => (
              <Table.Tr key={`${r.location}/${r.metal}`}>
                <Table.Td>{r.location}</Table.Td>
                <Table.Td>{metal(r.metal)}</Table.Td>
                <Table.Td>{tn(r.recorded)}</Table.Td>
                <Table.Td>{tn(r.declared)}</Table.Td>
                <Table.Td>{tn(r.total)}</Table.Td>
                <Table.Td>{f.integer(r.warehouses)}</Table.Td>
              </Table.Tr>
            ))}
            {d.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>{t('marketData.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Scroll>
      );
    }
  }
}

function StockOverTime({ to }: { to: string }) {
  const { t } = useTranslation();
  const metal = useMetalName();
  const [params, setParams] = useSearchParams();
  const by = params.get('by') === 'location' ? 'location' : 'metal';
  const key = params.get('key');
  const series = useQuery({
    queryKey: ['stock-series', by, to],
    queryFn: () => api<Series>('/api/v1/market-reports/stock-series', { query: { from: addDays(to, -92), to, by } }),
  });
  const keys = [...new Set((series.data?.points ?? []).map((p) => p.key))].sort();
  const chosen = key && keys.includes(key) ? key : null;
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v === null) next.delete(k);
    else next.set(k, v);
    if (k === 'by') next.delete('key');
    setParams(next, { replace: true });
  };
  return (
    <section aria-labelledby="stock-over-time">
      <Title order={2} size="h3" id="stock-over-time" mb="xs">
        {t('marketData.overTime')}
      </Title>
      <Group align="end" wrap="wrap" mb="sm">
        <SegmentedControl
          aria-label={t('marketData.by')}
          value={by}
          onChange={(v) => set('by', v)}
          data={[
            { value: 'metal', label: t('marketData.byMetal') },
            { value: 'location', label: t('marketData.byLocation') },
          ]}
        />
        <NativeSelect
          label={by === 'metal' ? t('marketData.metal') : t('marketData.location')}
          value={chosen ?? ''}
          onChange={(e) => set('key', e.currentTarget.value || null)}
          data={[{ value: '', label: t('marketData.all') }, ...keys.map((k) => ({ value: k, label: by === 'metal' ? metal(k) : k }))]}
          data-testid="series-key"
        />
      </Group>
      {series.error && <ErrorAlert error={series.error} />}
      {series.isLoading && <Loading />}
      {series.data && (
        <Paper withBorder p="sm">
          <Suspense fallback={<Loading />}>
            <StockChart days={series.data.days.map((d) => d.day)} points={series.data.points} keyName={chosen} />
          </Suspense>
        </Paper>
      )}
    </section>
  );
}

export function MarketReportVerifyPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const text = useCheckText();
  const { id } = useParams();
  const v = useQuery({
    queryKey: ['market-report-verification', id],
    queryFn: () => api<ResponseOf<'/api/v1/market-reports/{reportId}/verification'>>(`/api/v1/market-reports/${id}/verification`),
  });
  const r = v.data;
  const kindName = (k: Kind) => t(`marketData.kinds.${k}` as const);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('marketData.verifyTitle')}</Title>
        {r && (
          <Text c="dimmed">
            {kindName(r.report.kind)} · {r.report.period.length === 7 ? r.report.period : f.date(r.report.period)} · {t('marketData.published', { at: f.dateTime(r.report.publishedAt), digest: r.report.documentDigest })}
          </Text>
        )}
      </div>
      {v.error && <ErrorAlert error={v.error} />}
      {v.isLoading && <Loading />}
      {r && (
        <Paper withBorder p="md" data-testid="report-verdict" data-ok={String(r.ok)}>
          <Text fw={700} c={r.ok ? 'green' : 'red'} role={r.ok ? undefined : 'alert'}>
            {r.ok ? t('marketData.verifyOk') : t('marketData.verifyFail')}
          </Text>
        </Paper>
      )}
      {r && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('checks.heading')}>
          {[
            ...r.checks.map((c) => ({ key: c.name, title: text[c.name]?.title ?? c.name, status: c.status, reason: c.reason })),
            { key: 'document', title: t('marketData.checkDocument'), status: r.document.status, reason: r.document.reason },
            { key: 'reproduced', title: t('marketData.checkReproduced'), status: r.reproduced.status, reason: r.reproduced.reason },
          ].map((c) => (
            <Paper component="li" key={c.key} withBorder p="sm" data-check={c.key} data-status={c.status}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600}>{c.title}</Text>
                  <Text size="sm">{c.reason}</Text>
                </div>
                <CheckStatus status={c.status} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {r && (
        <Group gap="md">
          <Anchor href={`/api/v1/market-reports/${r.report.id}/document`}>{t('marketData.document')}</Anchor>
          <Anchor href={`/api/v1/market-reports/${r.report.id}/credential`}>{t('marketData.credential')}</Anchor>
          <Anchor component={Link} to={`/market-data?kind=${r.report.kind}&period=${r.report.period}`}>
            {t('marketData.back')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
