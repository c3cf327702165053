import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, METALS, type DeliveryLocation, type Facility, type FacilityInput, type RentCap, type RentCapInput, type ResponseOf } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { OrganisationSelect } from '../components/Warrants.tsx';
import { formErrors, FormErrorSummary, Loading, QueryState } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isExchange, isMember, useSession } from '../session.ts';
import { plainDecimal, useLocations } from '../warrants.ts';

// The delivery network as data: the locations where metal may be delivered, the metals each takes
// and their rent caps, and the warehouse facilities the exchange approved. Anyone reads it; the
// exchange's members add a rent cap and approve a facility here.

const today = (): string => new Date().toISOString().slice(0, 10);

export function NetworkPage() {
  const { t } = useTranslation();
  const session = useSession();
  const locations = useLocations();
  const facilities = useQuery({ queryKey: ['facilities', 'all'], queryFn: () => api<ResponseOf<'/api/v1/facilities'>>('/api/v1/facilities') });
  if (session.isLoading) return <Loading />;
  const s = session.data;
  const canEdit = isExchange(s) && isMember(s);
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('network.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('network.intro')}
        </Text>
      </div>
      <section aria-labelledby="locations">
        <Title order={2} size="h3" id="locations" mb="xs">
          {t('network.locations')}
        </Title>
        <QueryState query={locations}>
          <LocationTable items={locations.data?.items ?? []} />
        </QueryState>
      </section>
      {canEdit && locations.data && <RentCapForm locations={locations.data.items} />}
      <section aria-labelledby="facilities">
        <Title order={2} size="h3" id="facilities" mb="xs">
          {t('network.facilities')}
        </Title>
        <QueryState query={facilities}>
          <FacilityTable items={facilities.data?.items ?? []} />
        </QueryState>
      </section>
      {canEdit && locations.data && <FacilityForm locations={locations.data.items} />}
    </Stack>
  );
}

function LocationTable({ items }: { items: DeliveryLocation[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  return (
    <DataTable
      testId="locations"
      caption={t('network.locationsCaption', { count: items.length })}
      columns={[t('network.location'), t('organisations.country'), t('network.currency'), t('network.metals'), t('network.rentCaps')]}
      items={items}
      row={(l) => (
        <Table.Tr key={l.code} data-location={l.code}>
          <Table.Td>
            <Text fw={500}>{l.name}</Text>
            <Text size="xs" c="dimmed" className="mono">
              {l.code}
            </Text>
          </Table.Td>
          <Table.Td>{f.country(l.country)}</Table.Td>
          <Table.Td>{l.currency}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              {l.metals.map((m) => (
                <Badge key={m} variant="light" color="gray" title={metalName(m)}>
                  {m}
                </Badge>
              ))}
            </Group>
          </Table.Td>
          <Table.Td>
            {l.rentCaps.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('network.noCaps')}
              </Text>
            ) : (
              <Stack gap={2}>
                {l.rentCaps.map((c: RentCap) => (
                  <Text size="sm" key={c.id} data-cap={`${c.metal}/${c.effectiveFrom}`}>
                    {t('network.capLine', { metal: c.metal, rent: f.decimal(plainDecimal(c.rentUsdPerTonneDay)), from: f.date(c.effectiveFrom) })}
                    {c.fotPerTonne && ` · ${t('network.fot', { amount: f.decimal(plainDecimal(c.fotPerTonne)), currency: c.fotCurrency ?? '' })}`}
                  </Text>
                ))}
              </Stack>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

function FacilityTable({ items }: { items: Facility[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <DataTable
      testId="facilities"
      caption={t('network.facilitiesCaption', { count: items.length })}
      columns={[t('network.facility'), t('warrants.warehouse'), t('network.location'), t('network.metals'), t('network.minRate'), t('network.approvedFrom')]}
      items={items}
      emptyRow={<Text size="sm">{t('network.noFacilities')}</Text>}
      row={(x) => (
        <Table.Tr key={x.id} data-facility={x.name}>
          <Table.Td>
            <Text fw={500}>{x.name}</Text>
            {x.address && (
              <Text size="xs" c="dimmed">
                {x.address}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{x.warehouse.name}</Table.Td>
          <Table.Td>{x.location.name}</Table.Td>
          <Table.Td>{x.metals.join(', ')}</Table.Td>
          <Table.Td>{t('network.perDay', { tonnes: f.decimal(plainDecimal(x.minDailyLoadOutTonnes)) })}</Table.Td>
          <Table.Td>
            {f.date(x.approvedFrom)}
            {x.withdrawnFrom && ` – ${f.date(x.withdrawnFrom)}`}
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

function RentCapForm({ locations }: { locations: DeliveryLocation[] }) {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const qc = useQueryClient();
  const [v, setV] = useState({ location: '', metal: '', effectiveFrom: today(), rent: '', fot: '', fotCurrency: '', source: '' });
  const set = (k: keyof typeof v, x: string) => setV((p) => ({ ...p, [k]: x }));
  const location = locations.find((l) => l.code === v.location);
  const add = useMutation({
    meta: { toast: 'saved' },
    mutationFn: () => {
      const body: RentCapInput = {
        location: v.location,
        metal: v.metal as RentCapInput['metal'],
        effectiveFrom: v.effectiveFrom,
        rentUsdPerTonneDay: v.rent.trim(),
        ...(v.fot.trim() ? { fotPerTonne: v.fot.trim(), fotCurrency: (v.fotCurrency.trim() || location?.currency) ?? null } : {}),
        ...(v.source.trim() ? { source: v.source.trim() } : {}),
      };
      return api<RentCap>('/api/v1/rent-caps', { body });
    },
    onSuccess: async () => {
      setV((p) => ({ ...p, rent: '', fot: '', fotCurrency: '', source: '' }));
      await qc.invalidateQueries({ queryKey: ['locations'] });
    },
  });
  const { byField, fieldError } = formErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="cap-form">
      <form onSubmit={submit} noValidate data-testid="rent-cap-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="cap-form">
            {t('network.addCap')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('network.addCapHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NativeSelect
              label={t('network.location')}
              withAsterisk
              value={v.location}
              onChange={(e) => set('location', e.currentTarget.value)}
              data={[{ value: '', label: t('network.chooseLocation') }, ...locations.map((l) => ({ value: l.code, label: l.name }))]}
              error={fieldError('location')}
            />
            <NativeSelect
              label={t('filters.metal')}
              withAsterisk
              value={v.metal}
              onChange={(e) => set('metal', e.currentTarget.value)}
              data={[{ value: '', label: t('network.chooseMetal') }, ...(location?.metals ?? []).map((m) => ({ value: m, label: metalName(m) }))]}
              error={fieldError('metal')}
            />
            <TextInput type="date" label={t('network.effectiveFrom')} withAsterisk value={v.effectiveFrom} onChange={(e) => set('effectiveFrom', e.currentTarget.value)} error={fieldError('effectiveFrom')} />
            <TextInput label={t('network.rent')} withAsterisk inputMode="decimal" value={v.rent} onChange={(e) => set('rent', e.currentTarget.value)} error={fieldError('rentUsdPerTonneDay')} />
            <TextInput label={t('network.fotPerTonne')} inputMode="decimal" value={v.fot} onChange={(e) => set('fot', e.currentTarget.value)} error={fieldError('fotPerTonne')} />
            <TextInput
              label={t('network.fotCurrency')}
              placeholder={location?.currency}
              maxLength={3}
              value={v.fotCurrency}
              onChange={(e) => set('fotCurrency', e.currentTarget.value.toUpperCase())}
              error={fieldError('fotCurrency')}
            />
            <TextInput label={t('network.source')} maxLength={500} value={v.source} onChange={(e) => set('source', e.currentTarget.value)} error={fieldError('source')} />
          </SimpleGrid>
          <FormErrorSummary error={add.error} byField={byField} fieldsMessage={t('network.notSaved')} />
          {add.isSuccess && (
            <Text size="sm" c="green" role="status" data-testid="cap-added">
              {t('network.capAdded', { metal: add.data.metal, location: add.data.location })}
            </Text>
          )}
          <Button type="submit" w="fit-content" loading={add.isPending} disabled={!v.location || !v.metal || !v.rent.trim()}>
            {t('network.submitCap')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function FacilityForm({ locations }: { locations: DeliveryLocation[] }) {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const qc = useQueryClient();
  const [v, setV] = useState({ warehouseOrgId: '', location: '', name: '', address: '', metals: [] as string[], rate: '', approvedFrom: today() });
  const location = locations.find((l) => l.code === v.location);
  const approve = useMutation({
    meta: { toast: 'saved' },
    mutationFn: () => {
      const body: FacilityInput = {
        warehouseOrgId: v.warehouseOrgId,
        location: v.location,
        name: v.name.trim(),
        ...(v.address.trim() ? { address: v.address.trim() } : {}),
        metals: v.metals as FacilityInput['metals'],
        minDailyLoadOutTonnes: v.rate.trim(),
        approvedFrom: v.approvedFrom,
      };
      return api<Facility>('/api/v1/facilities', { body });
    },
    onSuccess: async () => {
      setV((p) => ({ ...p, name: '', address: '', metals: [], rate: '' }));
      await qc.invalidateQueries({ queryKey: ['facilities'] });
    },
  });
  const { byField, fieldError } = formErrors(approve.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    approve.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="facility-form">
      <form onSubmit={submit} noValidate data-testid="facility-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="facility-form">
            {t('network.approve')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('network.approveHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <OrganisationSelect
              label={t('warrants.warehouse')}
              required
              kinds={['warehouse']}
              value={v.warehouseOrgId}
              onChange={(x) => setV((p) => ({ ...p, warehouseOrgId: x }))}
              first={t('network.chooseWarehouse')}
              error={fieldError('warehouseOrgId')}
            />
            <NativeSelect
              label={t('network.location')}
              withAsterisk
              value={v.location}
              onChange={(e) => {
                const code = e.currentTarget.value;
                setV((p) => ({ ...p, location: code, metals: p.metals.filter((m) => locations.find((l) => l.code === code)?.metals.includes(m)) }));
              }}
              data={[{ value: '', label: t('network.chooseLocation') }, ...locations.map((l) => ({ value: l.code, label: l.name }))]}
              error={fieldError('location')}
            />
            <TextInput label={t('network.facilityName')} withAsterisk maxLength={120} value={v.name} onChange={(e) => setV((p) => ({ ...p, name: e.currentTarget.value }))} error={fieldError('name')} />
            <TextInput label={t('network.address')} maxLength={300} value={v.address} onChange={(e) => setV((p) => ({ ...p, address: e.currentTarget.value }))} error={fieldError('address')} />
            <TextInput
              label={t('network.minRate')}
              description={t('network.minRateHint')}
              withAsterisk
              inputMode="decimal"
              value={v.rate}
              onChange={(e) => setV((p) => ({ ...p, rate: e.currentTarget.value }))}
              error={fieldError('minDailyLoadOutTonnes')}
            />
            <TextInput type="date" label={t('network.approvedFrom')} withAsterisk value={v.approvedFrom} onChange={(e) => setV((p) => ({ ...p, approvedFrom: e.currentTarget.value }))} error={fieldError('approvedFrom')} />
          </SimpleGrid>
          <Checkbox.Group
            label={t('network.metals')}
            description={location ? undefined : t('network.chooseLocationFirst')}
            withAsterisk
            value={v.metals}
            onChange={(m) => setV((p) => ({ ...p, metals: m }))}
            error={fieldError('metals')}
          >
            <Group gap="md" mt={4}>
              {METALS.filter((m) => location?.metals.includes(m)).map((m) => (
                <Checkbox key={m} value={m} label={metalName(m)} />
              ))}
            </Group>
          </Checkbox.Group>
          <FormErrorSummary error={approve.error} byField={byField} fieldsMessage={t('network.notSaved')} />
          {approve.isSuccess && (
            <Alert color="green" role="status" data-testid="facility-approved">
              {t('network.approved', { name: approve.data.name, warehouse: approve.data.warehouse.name, location: approve.data.location.name })}
            </Alert>
          )}
          <Button type="submit" w="fit-content" loading={approve.isPending} disabled={!v.warehouseOrgId || !v.location || !v.name.trim() || v.metals.length === 0 || !v.rate.trim()}>
            {t('network.submitApprove')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
