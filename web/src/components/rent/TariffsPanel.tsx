import { Alert, Button, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DataTable } from '../DataTable.tsx';
import { formErrors, FormErrorSummary, QueryState } from '../common.tsx';
import { useFormat } from '../../format.ts';
import { useMetalName } from '../../metals.ts';
import { RENT_KEYS, type CapsInYear, type Facilities, type Locations, type RentSettings, type Tariff } from '../../rent.ts';

/** A warehouse company's tariffs: the ones it published, and the form to publish one within the caps. */
export function TariffsPanel({ orgId, settings }: { orgId: string; settings: RentSettings }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tariffs = useQuery({ queryKey: RENT_KEYS.tariffs(orgId), queryFn: () => api<{ items: Tariff[] }>('/api/v1/rent/tariffs', { query: { warehouse: orgId } }) });
  return (
    <Stack gap="lg">
      <TariffForm orgId={orgId} settings={settings} />
      <section aria-labelledby="tariffs-published">
        <Title order={2} size="h3" id="tariffs-published" mb="xs">
          {t('rent.tariffs.published')}
        </Title>
        <QueryState query={tariffs}>
          <DataTable
            testId="rent-tariffs"
            columns={[t('rent.common.facility'), t('rent.common.metal'), t('rent.common.rateYear'), t('rent.common.rent'), t('rent.common.fot'), t('rent.common.fic'), t('rent.tariffs.fees')]}
            items={tariffs.data?.items ?? []}
            emptyRow={t('rent.tariffs.none')}
            row={(x) => (
              <Table.Tr key={x.id}>
                <Table.Td>
                  {x.facility.name}
                  <Text size="xs" c="dimmed">
                    {x.location.name}
                  </Text>
                </Table.Td>
                <Table.Td>{x.metal}</Table.Td>
                <Table.Td>{x.rateYearLabel}</Table.Td>
                <Table.Td>{f.decimal(x.rentUsdPerTonneDay)}</Table.Td>
                <Table.Td>{x.fotPerTonne ? `${f.decimal(x.fotPerTonne)} ${x.currency}` : t('rent.common.none')}</Table.Td>
                <Table.Td>{x.ficPerTonne ? `${f.decimal(x.ficPerTonne)} ${x.currency}` : t('rent.common.none')}</Table.Td>
                <Table.Td>{x.perWarrantFees.map((p) => `${p.name}: ${f.decimal(p.amount)} ${p.currency}`).join('; ') || t('rent.common.none')}</Table.Td>
              </Table.Tr>
            )}
          />
        </QueryState>
      </section>
    </Stack>
  );
}

function TariffForm({ orgId, settings }: { orgId: string; settings: RentSettings }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const qc = useQueryClient();
  const facilities = useQuery({ queryKey: ['facilities', orgId], queryFn: () => api<Facilities>('/api/v1/facilities', { query: { warehouse: orgId } }) });
  const locations = useQuery({ queryKey: ['locations'], queryFn: () => api<Locations>('/api/v1/locations') });
  const [facilityId, setFacilityId] = useState('');
  const [metal, setMetal] = useState('');
  const [rateYear, setRateYear] = useState(settings.currentRateYear);
  const [rent, setRent] = useState('');
  const [fot, setFot] = useState('');
  const [fic, setFic] = useState('');
  const [ecoa, setEcoa] = useState('');
  const facility = facilities.data?.items.find((x) => x.id === facilityId) ?? facilities.data?.items[0];
  useEffect(() => {
    if (facility && !facility.metals.includes(metal)) setMetal(facility.metals[0] ?? '');
  }, [facility, metal]);
  const currency = locations.data?.items.find((l) => l.code === facility?.location.code)?.currency ?? '';
  const caps = useQuery({
    queryKey: ['rent', 'caps', facility?.location.code, metal, rateYear],
    queryFn: () => api<CapsInYear>('/api/v1/rent/caps', { query: { location: facility!.location.code, metal, rateYear } }),
    enabled: !!facility && !!metal,
  });
  const cap = caps.data?.items[0];
  const publish = useMutation({
    meta: { toast: 'rent' },
    mutationFn: () =>
      api<Tariff>('/api/v1/rent/tariffs', {
        body: {
          facilityId: facility!.id,
          metal,
          rateYear,
          rentUsdPerTonneDay: rent.trim(),
          ...(fot.trim() ? { fotPerTonne: fot.trim() } : {}),
          ...(fic.trim() ? { ficPerTonne: fic.trim() } : {}),
          ...(ecoa.trim() ? { perWarrantFees: [{ code: 'ecoa_registration', amount: ecoa.trim(), currency: 'USD' }] } : {}),
        },
      }),
    onSuccess: async () => {
      setRent('');
      setFot('');
      setFic('');
      setEcoa('');
      await qc.invalidateQueries({ queryKey: ['rent'] });
    },
  });
  const { byField, fieldError } = formErrors(publish.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate();
  };
  if (facilities.data && facilities.data.items.length === 0) return <Alert color="yellow">{t('rent.tariffs.noFacility')}</Alert>;
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="tariff-form" data-testid="tariff-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="tariff-form">
            {t('rent.tariffs.publish')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('rent.tariffs.publishIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('rent.tariffs.facility')}
              value={facility?.id ?? ''}
              onChange={(e) => setFacilityId(e.currentTarget.value)}
              data={(facilities.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} · ${x.location.name}` }))}
              error={fieldError('facilityId')}
            />
            <NativeSelect
              label={t('rent.tariffs.metal')}
              value={metal}
              onChange={(e) => setMetal(e.currentTarget.value)}
              data={(facility?.metals ?? []).map((m) => ({ value: m, label: `${m} · ${metalName(m)}` }))}
              error={fieldError('metal')}
            />
            <NativeSelect
              label={t('rent.tariffs.rateYear')}
              value={String(rateYear)}
              onChange={(e) => setRateYear(Number(e.currentTarget.value))}
              data={[settings.currentRateYear, settings.currentRateYear + 1].map((y) => ({ value: String(y), label: `${y}/${String((y + 1) % 100).padStart(2, '0')}` }))}
              error={fieldError('rateYear')}
            />
            <TextInput label={t('rent.tariffs.rent')} inputMode="decimal" value={rent} onChange={(e) => setRent(e.currentTarget.value)} error={fieldError('rentUsdPerTonneDay')} required />
            <TextInput label={t('rent.tariffs.fot', { currency })} inputMode="decimal" value={fot} onChange={(e) => setFot(e.currentTarget.value)} error={fieldError('fotPerTonne')} />
            <TextInput label={t('rent.tariffs.fic', { currency })} inputMode="decimal" value={fic} onChange={(e) => setFic(e.currentTarget.value)} error={fieldError('ficPerTonne')} />
            <TextInput label={t('rent.tariffs.ecoaFee')} inputMode="decimal" value={ecoa} onChange={(e) => setEcoa(e.currentTarget.value)} error={fieldError('perWarrantFees')} />
          </SimpleGrid>
          <Text size="sm" data-testid="tariff-cap">
            {cap
              ? `${t('rent.tariffs.cap', { rent: f.decimal(cap.rentUsdPerTonneDay) })}${cap.fotPerTonne ? ` · ${t('rent.tariffs.capFot', { amount: f.decimal(cap.fotPerTonne), currency: cap.fotCurrency ?? '' })}` : ''}`
              : caps.data
                ? t('rent.tariffs.noCap')
                : ''}
          </Text>
          <FormErrorSummary error={publish.error} byField={byField} fieldsMessage={t('rent.tariffs.notPublished')} />
          <Button type="submit" w="fit-content" loading={publish.isPending} disabled={!facility || !metal}>
            {t('rent.tariffs.submit')}
          </Button>
          {publish.data && (
            <Alert color="green" role="status" data-testid="tariff-published">
              {t('rent.tariffs.done', { metal: publish.data.metal, year: publish.data.rateYearLabel })}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
