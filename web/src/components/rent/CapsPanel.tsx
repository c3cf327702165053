import { Alert, Button, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DataTable } from '../DataTable.tsx';
import { formErrors, FormErrorSummary, QueryState } from '../common.tsx';
import { useFormat } from '../../format.ts';
import { useMetalName } from '../../metals.ts';
import { RENT_KEYS, type CapsInYear, type Locations, type RentSettings } from '../../rent.ts';

/** The caps in force in a rate year (public); the exchange sets new ones here. */
export function CapsPanel({ settings, canEdit }: { settings: RentSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const [year, setYear] = useState(settings.currentRateYear);
  const caps = useQuery({ queryKey: RENT_KEYS.caps(year), queryFn: () => api<CapsInYear>('/api/v1/rent/caps', { query: { rateYear: year } }) });
  const label = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  return (
    <Stack gap="lg">
      <section aria-labelledby="caps-heading">
        <Title order={2} size="h3" id="caps-heading" mb={4}>
          {t('rent.caps.heading')}
        </Title>
        <Text size="sm" c="dimmed" maw={760} mb="sm">
          {t('rent.caps.intro')}
        </Text>
        <NativeSelect
          label={t('rent.caps.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={[-1, 0, 1].map((d) => settings.currentRateYear + d).map((y) => ({ value: String(y), label: label(y) }))}
          maw={200}
          mb="sm"
        />
        <QueryState query={caps}>
          <DataTable
            testId="rent-caps"
            columns={[t('rent.common.location'), t('rent.common.metal'), t('rent.common.rent'), t('rent.common.fot'), t('rent.caps.effective')]}
            items={caps.data?.items ?? []}
            emptyRow={t('rent.caps.none')}
            row={(c) => (
              <Table.Tr key={`${c.location.code}/${c.metal}`} data-cap={`${c.location.code}/${c.metal}`}>
                <Table.Td>{c.location.name}</Table.Td>
                <Table.Td>
                  {c.metal} · {metalName(c.metal)}
                </Table.Td>
                <Table.Td>{f.decimal(c.rentUsdPerTonneDay)}</Table.Td>
                <Table.Td>{c.fotPerTonne ? `${f.decimal(c.fotPerTonne)} ${c.fotCurrency}` : t('rent.common.none')}</Table.Td>
                <Table.Td>
                  {c.caps.map((x) => `${f.date(x.effectiveFrom)}${x.indexSteps ? ` (${t('rent.caps.indexed', { n: x.indexSteps })})` : ''}`).join(', ')}
                </Table.Td>
              </Table.Tr>
            )}
          />
        </QueryState>
      </section>
      {canEdit && <CapForm />}
    </Stack>
  );
}

function CapForm() {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const qc = useQueryClient();
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => api<Locations>('/api/v1/locations') });
  const [v, setV] = useState({ location: '', metal: '', effectiveFrom: '', rent: '', fot: '', fotCurrency: '', index: '', indexFrom: '', source: '' });
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV((x) => ({ ...x, [k]: e.currentTarget.value }));
  const location = locations.data?.items.find((l) => l.code === v.location) ?? locations.data?.items[0];
  const metal = location?.metals.includes(v.metal) ? v.metal : (location?.metals[0] ?? '');
  const add = useMutation({
    meta: { toast: 'rent' },
    mutationFn: () =>
      api('/api/v1/rent-caps', {
        body: {
          location: location!.code,
          metal,
          effectiveFrom: v.effectiveFrom,
          rentUsdPerTonneDay: v.rent.trim(),
          ...(v.fot.trim() ? { fotPerTonne: v.fot.trim(), fotCurrency: (v.fotCurrency.trim() || location!.currency).toUpperCase() } : {}),
          ...(v.index.trim() ? { yearlyIndexPct: v.index.trim(), indexFromYear: Number(v.indexFrom) } : {}),
          ...(v.source.trim() ? { source: v.source.trim() } : {}),
        },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['rent', 'caps'] });
    },
  });
  const { byField, fieldError } = formErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="cap-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="cap-form">
            {t('rent.caps.add')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('rent.caps.addIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label={t('rent.caps.location')} value={location?.code ?? ''} onChange={set('location')} data={(locations.data?.items ?? []).map((l) => ({ value: l.code, label: l.name }))} error={fieldError('location')} />
            <NativeSelect label={t('rent.caps.metal')} value={metal} onChange={set('metal')} data={(location?.metals ?? []).map((m) => ({ value: m, label: `${m} · ${metalName(m)}` }))} error={fieldError('metal')} />
            <TextInput type="date" label={t('rent.caps.effectiveFrom')} value={v.effectiveFrom} onChange={set('effectiveFrom')} error={fieldError('effectiveFrom')} required />
            <TextInput label={t('rent.caps.rent')} inputMode="decimal" value={v.rent} onChange={set('rent')} error={fieldError('rentUsdPerTonneDay')} required />
            <TextInput label={t('rent.caps.fot')} inputMode="decimal" value={v.fot} onChange={set('fot')} error={fieldError('fotPerTonne')} />
            <TextInput label={t('rent.caps.fotCurrency')} placeholder={location?.currency} maxLength={3} value={v.fotCurrency} onChange={set('fotCurrency')} error={fieldError('fotCurrency')} />
            <TextInput label={t('rent.caps.index')} inputMode="decimal" value={v.index} onChange={set('index')} error={fieldError('yearlyIndexPct')} />
            <TextInput label={t('rent.caps.indexFrom')} inputMode="numeric" value={v.indexFrom} onChange={set('indexFrom')} error={fieldError('indexFromYear')} />
            <TextInput label={t('rent.caps.source')} value={v.source} onChange={set('source')} error={fieldError('source')} />
          </SimpleGrid>
          <FormErrorSummary error={add.error} byField={byField} fieldsMessage={t('rent.caps.notSet')} />
          <Button type="submit" w="fit-content" loading={add.isPending}>
            {t('rent.caps.submit')}
          </Button>
          {add.isSuccess && (
            <Alert color="green" role="status">
              {t('rent.caps.done')}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
