import { Anchor, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type OffWarrantBundle, type ResponseOf } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { PassBadge } from '../components/Warrants.tsx';
import { fromMilli, toMilli } from '../decimal.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isExchange, isWarehouse, useSession } from '../session.ts';

// Off-warrant stock: metal in the warehouse that is not on a warrant (in no lot, in a lot that did
// not reconcile, or waiting to be warranted), each bundle with whether it conforms. The reasons are
// on its receipt.

export function StockPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!isWarehouse(s) && !isExchange(s)) {
    return (
      <PageRefusal title={t('stock.title')} reasonTitle={t('loadOut.onlyTitle')}>
        {t('stock.only')}
      </PageRefusal>
    );
  }
  return <Stock />;
}

function Stock() {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const [conforming, setConforming] = useState<'' | 'yes' | 'no'>('');
  const stock = useQuery({ queryKey: ['off-warrant-stock'], queryFn: () => api<{ items: OffWarrantBundle[] }>('/api/v1/off-warrant-stock') });
  const facilities = useQuery({ queryKey: ['facilities', 'all'], queryFn: () => api<ResponseOf<'/api/v1/facilities'>>('/api/v1/facilities') });
  const brands = useQuery({ queryKey: ['brands', 'all'], queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands') });
  const facilityName = new Map((facilities.data?.items ?? []).map((x) => [x.id, x.name]));
  const brandCode = new Map((brands.data?.items ?? []).map((b) => [b.id, b.code]));
  const all = stock.data?.items ?? [];
  const items = all.filter((b) => conforming === '' || (conforming === 'yes') === b.conforming);
  const grams = items.reduce((s, b) => s + (toMilli(b.netKg) ?? 0n), 0n);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('stock.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('stock.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="lg">
        <NativeSelect
          label={t('stock.filter')}
          value={conforming}
          onChange={(e) => setConforming(e.currentTarget.value as '' | 'yes' | 'no')}
          data={[
            { value: '', label: t('stock.all') },
            { value: 'yes', label: t('stock.conformingOnly') },
            { value: 'no', label: t('stock.notConformingOnly') },
          ]}
        />
        {stock.data && (
          <Text size="sm" data-testid="stock-total">
            {t('stock.total', { bundles: f.integer(items.length), tonnes: f.decimal(fromMilli(grams / 1000n)) })}
          </Text>
        )}
      </Group>
      <QueryState query={stock}>
        <DataTable
          testId="off-warrant-stock"
          columns={[t('receipts.number'), t('receipt.line'), t('receipts.receivedOn'), t('receipts.facility'), t('receipts.brand'), t('receive.lot'), t('receive.pcr'), t('receive.bundleRef'), t('receive.netKg'), t('receipt.conforming')]}
          items={items}
          emptyRow={<Text size="sm">{t('stock.none')}</Text>}
          row={(b) => (
            <Table.Tr key={`${b.receipt}/${b.line}`} data-pcr={b.pcr}>
              <Table.Td>
                <Anchor component={Link} to={`/receipts/${b.receipt}`} className="mono">
                  {b.receipt}
                </Anchor>
              </Table.Td>
              <Table.Td>{b.line}</Table.Td>
              <Table.Td>{f.date(b.receivedOn)}</Table.Td>
              <Table.Td>{facilityName.get(b.facilityId) ?? '—'}</Table.Td>
              <Table.Td>
                <span className="mono">{brandCode.get(b.brandId) ?? '—'}</span> · {metalName(b.metal)}
              </Table.Td>
              <Table.Td className="mono">{b.lot ?? '—'}</Table.Td>
              <Table.Td className="mono">{b.pcr}</Table.Td>
              <Table.Td className="mono">{b.bundleRef}</Table.Td>
              <Table.Td>{f.decimal(b.netKg)}</Table.Td>
              <Table.Td>
                <PassBadge ok={b.conforming} okLabel={t('receipt.yes')} failLabel={t('receipt.no')} />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </QueryState>
    </Stack>
  );
}
