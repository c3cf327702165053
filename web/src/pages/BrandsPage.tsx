import { Anchor, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, METALS, type ResponseOf } from '../api.ts';
import { ErrorAlert, Loading, StatusBadge } from '../components/common.tsx';
import { useMetalName } from '../metals.ts';

export function BrandsPage() {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const [metal, setMetal] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const brands = useQuery({
    queryKey: ['brands', metal, q, status],
    queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands', { query: { metal, q, status } }),
  });
  return (
    <Stack>
      <Title order={1}>{t('brands.title')}</Title>
      <Text c="dimmed">{t('brands.intro')}</Text>
      <Anchor component={Link} to="/specs" size="sm" w="fit-content">
        {t('governance.specs.link')}
      </Anchor>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('brands.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <NativeSelect
          label={t('filters.metal')}
          value={metal}
          onChange={(e) => setMetal(e.currentTarget.value)}
          data={[{ value: '', label: t('filters.any') }, ...METALS.map((m) => ({ value: m, label: `${m} — ${metalName(m)}` }))]}
        />
        <NativeSelect
          label={t('governance.statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data={[
            { value: '', label: t('filters.any') },
            { value: 'listed', label: t('brandStatus.listed') },
            { value: 'suspended', label: t('brandStatus.suspended') },
            { value: 'delisted', label: t('brandStatus.delisted') },
          ]}
        />
      </Group>
      {brands.error && <ErrorAlert error={brands.error} />}
      {brands.isLoading ? (
        <Loading />
      ) : (
        <div className="table-scroll">
          <Table striped highlightOnHover>
            <Table.Caption>{t('brands.count', { count: brands.data?.items.length ?? 0 })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('brands.code')}</Table.Th>
                <Table.Th>{t('brands.name')}</Table.Th>
                <Table.Th>{t('filters.metal')}</Table.Th>
                <Table.Th>{t('brands.producer')}</Table.Th>
                <Table.Th>{t('brands.plant')}</Table.Th>
                <Table.Th>{t('brands.shapes')}</Table.Th>
                <Table.Th>{t('filters.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {brands.data?.items.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/brands/${b.id}`} className="mono">
                      {b.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{b.name}</Table.Td>
                  <Table.Td>{metalName(b.metal)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/producers/${b.producer.id}`}>
                      {b.producer.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {b.plant.name} ({b.plant.country})
                  </Table.Td>
                  <Table.Td>{b.shapes.join(', ')}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={b.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
