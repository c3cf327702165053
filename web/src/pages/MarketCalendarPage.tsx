import { Alert, Badge, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api.ts';
import { ErrorAlert, Loading, formErrors } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import {
  addDays,
  isoDay,
  kindKey,
  mondayIndex,
  monthDays,
  shiftMonth,
  type BusinessDaysAnswer,
  type CarryQuote,
  type Prompt,
  type PromptKind,
  type PromptsAnswer,
} from '../market.ts';
import { useMetalName } from '../metals.ts';

// ECharts arrives with the carry result only.
const CarryChart = lazy(() => import('../components/CarryChart.tsx'));

const METALS = ['AH', 'CA', 'ZS', 'PB', 'NI', 'SN', 'AA', 'NA', 'CO'];
const KIND_COLOURS: Record<PromptKind, string> = { tom: 'grape', cash: 'teal', daily: 'gray', '3M': 'blue', weekly: 'orange', monthly: 'indigo' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function MarketCalendarPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const [params, setParams] = useSearchParams();
  const metal = METALS.includes(params.get('metal') ?? '') ? params.get('metal')! : 'CA';
  const dateParam = params.get('date');
  const today = isoDay(new Date());

  // Without a date in the address, the first exchange business day from today.
  const firstOpen = useQuery({
    queryKey: ['business-days', 'exchange', today],
    queryFn: () => api<BusinessDaysAnswer>('/api/v1/calendar/business-days', { query: { from: today, to: addDays(today, 14) } }),
    enabled: !dateParam,
  });
  const tradeDate = dateParam ?? firstOpen.data?.businessDays[0] ?? null;
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : (tradeDate ?? today).slice(0, 7);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  // From the address as it is when the click lands, so quick repeated clicks each move one month.
  const shift = (by: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        const current = /^\d{4}-\d{2}$/.test(next.get('month') ?? '') ? next.get('month')! : month;
        next.set('month', shiftMonth(current, by));
        return next;
      },
      { replace: true },
    );

  const [dateInput, setDateInput] = useState(tradeDate ?? '');
  useEffect(() => setDateInput(tradeDate ?? ''), [tradeDate]);

  const prompts = useQuery({
    queryKey: ['prompts', metal, tradeDate],
    queryFn: () => api<PromptsAnswer>('/api/v1/calendar/prompts', { query: { metal, tradeDate } }),
    enabled: tradeDate !== null,
  });
  const days = monthDays(month);
  const closures = useQuery({
    queryKey: ['business-days', 'exchange', month],
    queryFn: () => api<BusinessDaysAnswer>('/api/v1/calendar/business-days', { query: { from: days[0], to: days.at(-1) } }),
  });

  const byDate = useMemo(() => new Map((prompts.data?.prompts ?? []).map((p) => [p.date, p])), [prompts.data]);
  const closedByDate = useMemo(() => new Map((closures.data?.closures ?? []).map((c) => [c.date, c.name])), [closures.data]);
  const weekdays = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(f.locale, { weekday: 'short', timeZone: 'UTC' });
    return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(Date.UTC(2024, 0, 1 + i)))); // 1 Jan 2024 was a Monday
  }, [f.locale]);
  const monthTitle = new Intl.DateTimeFormat(f.locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: mondayIndex(days[0]!) }, () => null);
  for (const d of days) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);

  const kindLabel = (k: PromptKind): string => t(`market.kinds.${kindKey(k)}` as const);
  const reasonText = (p: Prompt) =>
    p.reasons.map((r) => (r.movedFrom ? `${kindLabel(r.kind)} (${t('market.movedFrom', { date: f.date(r.movedFrom) })})` : kindLabel(r.kind))).join(t('common.listSeparator'));

  const data = prompts.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('market.title')}</Title>
        <Text c="dimmed">{t('market.intro')}</Text>
      </div>

      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (ISO_DATE.test(dateInput)) set({ date: dateInput, month: dateInput.slice(0, 7) });
        }}
      >
        <Group align="end" wrap="wrap">
          <NativeSelect
            label={t('market.metal')}
            value={metal}
            onChange={(e) => set({ metal: e.currentTarget.value })}
            data={METALS.map((m) => ({ value: m, label: `${m} · ${metalName(m)}` }))}
          />
          <TextInput
            label={t('market.tradeDate')}
            type="date"
            value={dateInput}
            onChange={(e) => setDateInput(e.currentTarget.value)}
            onBlur={() => ISO_DATE.test(dateInput) && dateInput !== tradeDate && set({ date: dateInput, month: dateInput.slice(0, 7) })}
          />
          <Button type="submit" variant="default">
            {t('market.show')}
          </Button>
        </Group>
      </form>

      {firstOpen.error && <ErrorAlert error={firstOpen.error} />}
      {prompts.error && <ErrorAlert error={prompts.error} />}
      {data && (
        <Stack gap={4}>
          <Text data-testid="prompt-summary">
            {t('market.summary', {
              tom: f.date(data.tom),
              cash: f.date(data.cash),
              threeMonth: f.date(data.threeMonth.date),
              last: f.date(data.lastPrompt),
              count: data.prompts.length,
            })}
          </Text>
          {data.threeMonth.movedFrom && <Text size="sm">{t('market.threeMonthMoved', { from: f.date(data.threeMonth.movedFrom) })}</Text>}
          {data.horizonUnconfirmed && (
            <Alert color="yellow" variant="light">
              {t('market.horizonUnconfirmed', { months: data.horizonMonths })}
            </Alert>
          )}
        </Stack>
      )}

      <section aria-labelledby="month-title">
        <Group justify="space-between" mb="xs">
          <Button variant="default" size="xs" onClick={() => shift(-1)} aria-label={t('market.previousMonth')}>
            ←
          </Button>
          <Title order={2} size="h3" id="month-title">
            {monthTitle}
          </Title>
          <Button variant="default" size="xs" onClick={() => shift(1)} aria-label={t('market.nextMonth')}>
            →
          </Button>
        </Group>
        {closures.error && <ErrorAlert error={closures.error} />}
        <div className="table-scroll">
          <Table withColumnBorders layout="fixed" data-testid="month-calendar">
            <Table.Caption>{t('market.calendarCaption', { month: monthTitle })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {weekdays.map((w) => (
                  <Table.Th key={w} scope="col">
                    {w}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.map((w, i) => (
                <Table.Tr key={i}>
                  {w.map((d, j) => {
                    if (!d) return <Table.Td key={j} />;
                    const p = byDate.get(d);
                    const closed = closedByDate.get(d);
                    const weekend = j >= 5;
                    return (
                      <Table.Td
                        key={d}
                        data-date={d}
                        data-kinds={p?.reasons.map((r) => r.kind).join(' ') ?? ''}
                        style={{ verticalAlign: 'top', background: closed ? 'var(--mantine-color-red-0)' : weekend ? 'var(--mantine-color-gray-0)' : undefined }}
                      >
                        <Text fw={d === data?.tradeDate ? 800 : 500} size="sm">
                          {Number(d.slice(8))}
                        </Text>
                        {closed && (
                          <Text size="xs" c="red.9">
                            {t('market.closed')}: {closed}
                          </Text>
                        )}
                        {p && (
                          <Group gap={2} title={reasonText(p)}>
                            {p.reasons
                              .filter((r) => r.kind !== 'daily' || p.reasons.length === 1)
                              .map((r) => (
                                <Badge key={r.kind} size="xs" variant={r.movedFrom ? 'outline' : 'light'} color={KIND_COLOURS[r.kind]}>
                                  {kindLabel(r.kind)}
                                  {r.movedFrom ? ' ↷' : ''}
                                </Badge>
                              ))}
                          </Group>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Group gap="xs" mt="xs" aria-label={t('market.legend')}>
          <Text size="xs" fw={500}>
            {t('market.legend')}:
          </Text>
          {(Object.keys(KIND_COLOURS) as PromptKind[]).map((k) => (
            <Badge key={k} size="xs" variant="light" color={KIND_COLOURS[k]}>
              {kindLabel(k)}
            </Badge>
          ))}
          <Badge size="xs" variant="outline" color="gray">
            ↷ {t('market.movedFrom', { date: '…' })}
          </Badge>
        </Group>
      </section>

      {data && <CarryCalculator key={`${data.metal} ${data.tradeDate}`} answer={data} reasonText={reasonText} />}
    </Stack>
  );
}

function CarryCalculator({ answer, reasonText }: { answer: PromptsAnswer; reasonText: (p: Prompt) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [near, setNear] = useState(answer.cash);
  const [far, setFar] = useState(answer.threeMonth.date);
  const [direction, setDirection] = useState<'borrow' | 'lend'>('borrow');
  const [lots, setLots] = useState('1');
  const [nearPrice, setNearPrice] = useState('');
  const [farPrice, setFarPrice] = useState('');
  const quote = useMutation({
    meta: { toast: 'market' },
    mutationFn: () =>
      api<CarryQuote>('/api/v1/carries/quote', {
        body: {
          metal: answer.metal,
          tradeDate: answer.tradeDate,
          direction,
          lots: /^\d+$/.test(lots) ? Number(lots) : lots,
          near,
          far,
          nearPrice,
          farPrice,
        },
      }),
  });
  const { byField, fieldError } = formErrors(quote.error);
  const options = answer.prompts.map((p) => ({ value: p.date, label: `${f.date(p.date)} · ${reasonText(p)}` }));
  const q = quote.data;
  const side = (s: 'buy' | 'sell') => t(`market.carry.${s}`);
  return (
    <section aria-labelledby="carry-title">
      <Title order={2} size="h3" id="carry-title">
        {t('market.carry.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('market.carry.intro')}
      </Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            quote.mutate();
          }}
        >
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={t('market.carry.near')} value={near} onChange={(e) => setNear(e.currentTarget.value)} data={options} error={fieldError('near')} />
              <NativeSelect label={t('market.carry.far')} value={far} onChange={(e) => setFar(e.currentTarget.value)} data={options} error={fieldError('far')} />
              <TextInput label={t('market.carry.nearPrice')} inputMode="decimal" value={nearPrice} onChange={(e) => setNearPrice(e.currentTarget.value)} error={fieldError('nearPrice')} />
              <TextInput label={t('market.carry.farPrice')} inputMode="decimal" value={farPrice} onChange={(e) => setFarPrice(e.currentTarget.value)} error={fieldError('farPrice')} />
              <TextInput label={t('market.carry.lots')} inputMode="numeric" value={lots} onChange={(e) => setLots(e.currentTarget.value)} error={fieldError('lots')} />
              <Radio.Group label={t('market.carry.direction')} value={direction} onChange={(v) => setDirection(v as 'borrow' | 'lend')} error={fieldError('direction')}>
                <Group mt={4}>
                  <Radio value="borrow" label={t('market.carry.borrow')} />
                  <Radio value="lend" label={t('market.carry.lend')} />
                </Group>
              </Radio.Group>
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={quote.isPending}>
                {t('market.carry.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {quote.error && !Object.keys(byField).length && <ErrorAlert error={quote.error} />}
      {q && (
        <Stack mt="md" gap="sm" data-testid="carry-result">
          <Title order={3} size="h4">
            {t('market.carry.result')}
          </Title>
          <Table withColumnBorders>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('market.carry.structure')}</Table.Th>
                <Table.Td>{t(`market.carry.${q.structure}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('market.carry.spread')}</Table.Th>
                <Table.Td>{f.decimal(q.spread)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('market.carry.tonnes')}</Table.Th>
                <Table.Td>{f.decimal(q.tonnes)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('market.carry.netPerTonne')}</Table.Th>
                <Table.Td data-testid="carry-net-per-tonne">{f.decimal(q.netPerTonne)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('market.carry.net')}</Table.Th>
                <Table.Td data-testid="carry-net">{f.decimal(q.net)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text data-testid="carry-payment">
            {q.payment
              ? t('market.carry.pays', {
                  from: q.payment.from === 'borrower' ? t('market.carry.borrower') : t('market.carry.lenderSubject'),
                  to: q.payment.to === 'lender' ? t('market.carry.lender') : t('market.carry.borrowerObject'),
                  perTonne: f.decimal(q.payment.perTonne),
                  total: f.decimal(q.payment.total),
                })
              : t('market.carry.nobodyPays')}
          </Text>
          <Table withColumnBorders striped>
            <Table.Caption>{t('market.carry.legs')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('market.carry.prompt')}</Table.Th>
                <Table.Th scope="col">{t('market.carry.side')}</Table.Th>
                <Table.Th scope="col">{t('market.carry.price')}</Table.Th>
                <Table.Th scope="col">{t('market.carry.cashFlow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.legs.map((l) => (
                <Table.Tr key={l.prompt}>
                  <Table.Td>{f.date(l.prompt)}</Table.Td>
                  <Table.Td>{side(l.side)}</Table.Td>
                  <Table.Td>{f.decimal(l.price)}</Table.Td>
                  <Table.Td>{f.decimal(l.cashFlow)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Suspense fallback={<Loading />}>
            <CarryChart quote={q} />
          </Suspense>
        </Stack>
      )}
    </section>
  );
}
