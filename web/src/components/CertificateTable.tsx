import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CertificateListItem } from '../api.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { StatusBadge } from './common.tsx';

export function CertificateTable({ items }: { items: CertificateListItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  if (items.length === 0) return <Text c="dimmed">{t('certificates.none')}</Text>;
  return (
    <div className="table-scroll">
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificate.number')}</Table.Th>
            <Table.Th>{t('filters.brand')}</Table.Th>
            <Table.Th>{t('filters.metal')}</Table.Th>
            <Table.Th>{t('certificate.pcr')}</Table.Th>
            <Table.Th>{t('certificate.productionDate')}</Table.Th>
            <Table.Th>{t('filters.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/certificates/${c.id}`} className="mono">
                  {c.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.brand.code}</Table.Td>
              <Table.Td>{metalName(c.metal)}</Table.Td>
              <Table.Td className="mono">{c.pcr ?? '—'}</Table.Td>
              <Table.Td>{f.date(c.productionDate)}</Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
