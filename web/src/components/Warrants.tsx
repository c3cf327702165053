import { Badge, NativeSelect, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type DirectoryEntry, type WarrantTotal } from '../api.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useOrgKindName } from '../organisations.ts';
import { byName, useDirectory, useLocationName, useWarrantStatusName, WARRANT_STATUS_COLOURS } from '../warrants.ts';
import { DataTable } from './DataTable.tsx';

// Pieces the warehouse, holder and exchange pages share.

export function WarrantStatusBadge({ status }: { status: string }) {
  const name = useWarrantStatusName();
  return (
    <Badge color={WARRANT_STATUS_COLOURS[status] ?? 'gray'} variant="light" data-status={status}>
      {name(status)}
    </Badge>
  );
}

/** A check or a lot: passed or not, in words and colour. */
export function PassBadge({ ok, okLabel, failLabel }: { ok: boolean; okLabel?: string; failLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={ok ? 'green' : 'red'} variant="filled" data-ok={ok}>
      {ok ? (okLabel ?? t('checks.pass')) : (failLabel ?? t('checks.fail'))}
    </Badge>
  );
}

/**
 * An organisation from the register's directory, grouped by kind, as a native select (a long list
 * stays usable by keyboard and type-ahead). `exclude` leaves some out (e.g. the caller's own).
 */
export function OrganisationSelect({
  label,
  description,
  value,
  onChange,
  exclude = [],
  first,
  kinds,
  error,
  required,
  testId,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (id: string) => void;
  exclude?: readonly string[];
  /** The first option (value ''), e.g. "Choose an organisation". */
  first: string;
  kinds?: readonly string[];
  error?: ReactNode;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const kindName = useOrgKindName();
  const directory = useDirectory();
  const items = (directory.data?.items ?? []).filter((o) => !exclude.includes(o.id) && (!kinds || kinds.includes(o.kind))).sort(byName);
  const groups = ORG_KINDS.map((k) => ({ group: kindName(k), items: items.filter((o: DirectoryEntry) => o.kind === k).map((o) => ({ value: o.id, label: o.name })) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <NativeSelect
      label={label}
      description={description}
      withAsterisk={required}
      required={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: directory.isLoading ? t('common.loading') : first }, ...groups]}
      error={error ?? (directory.error ? t('errors.generic') : undefined)}
      data-testid={testId}
    />
  );
}

/** Warrants and tonnes per metal and location (the totals of GET /api/v1/warrants). */
export function TotalsTable({ totals, caption, testId }: { totals: readonly WarrantTotal[]; caption?: string; testId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const locationName = useLocationName();
  return (
    <DataTable
      testId={testId}
      caption={caption}
      columns={[t('filters.metal'), t('warrants.location'), t('warrants.count'), t('warrants.tonnes')]}
      items={totals}
      emptyRow={<Text size="sm">{t('warrants.noTotals')}</Text>}
      row={(x) => (
        <Table.Tr key={`${x.metal}/${x.location}`} data-metal={x.metal} data-location={x.location}>
          <Table.Td>{metalName(x.metal)}</Table.Td>
          <Table.Td>{locationName(x.location)}</Table.Td>
          <Table.Td>{f.integer(x.warrants)}</Table.Td>
          <Table.Td data-testid="total-tonnes">{f.decimal(x.tonnes)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
