import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Disclosure } from '../api.ts';
import { isoDateFromToday } from '../files.ts';
import { useFormat } from '../format.ts';
import { DataTable } from './DataTable.tsx';

// Disclosures in tables: what each is, whom it is from, and when it expires. Certifications carry
// validity dates; those expired or expiring within EXPIRY_WARNING_DAYS are highlighted.

export const EXPIRY_WARNING_DAYS = 90;

export type ExpiryState = 'expired' | 'soon' | 'valid' | 'not_yet_valid' | 'none';

export function expiryState(d: Pick<Disclosure, 'validUntil' | 'validity'>, today = isoDateFromToday(0)): ExpiryState {
  if (d.validity === 'not_yet_valid') return 'not_yet_valid';
  if (!d.validUntil) return 'none';
  if (d.validUntil < today) return 'expired';
  if (d.validUntil <= isoDateFromToday(EXPIRY_WARNING_DAYS)) return 'soon';
  return 'valid';
}

const daysUntil = (date: string): number => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${isoDateFromToday(0)}T00:00:00Z`)) / 86_400_000);

export function ExpiryBadge({ d }: { d: Pick<Disclosure, 'validUntil' | 'validity'> }) {
  const { t } = useTranslation();
  const state = expiryState(d);
  if (state === 'none') return <Text span size="sm">—</Text>;
  const props = {
    expired: { color: 'red', variant: 'filled', label: t('profile.expired') },
    soon: { color: 'orange', variant: 'filled', label: t('disclosures.expiresIn', { count: daysUntil(d.validUntil!) }) },
    valid: { color: 'green', variant: 'light', label: t('profile.valid') },
    not_yet_valid: { color: 'gray', variant: 'light', label: t('profile.notYetValid') },
  }[state];
  return (
    <Badge color={props.color} variant={props.variant} data-expiry={state} style={{ textTransform: 'none' }}>
      {props.label}
    </Badge>
  );
}

export function useKindName() {
  const { t } = useTranslation();
  return (k: string) =>
    (({ certification: t('disclosures.kinds.certification'), metric: t('disclosures.kinds.metric'), target: t('disclosures.kinds.target') }) as Record<string, string>)[k] ?? k;
}

export function useLevelName() {
  const { t } = useTranslation();
  return (d: Pick<Disclosure, 'level' | 'brand' | 'asset'>) =>
    d.level === 'brand' && d.brand ? `${t('disclosures.levels.brand')}: ${d.brand.code}` : d.level === 'asset' && d.asset ? `${t('disclosures.levels.asset')}: ${d.asset}` : t('disclosures.levels.company');
}

export function DisclosureList({
  items,
  caption,
  testId,
  showProducer = true,
  empty,
}: {
  items: Disclosure[];
  caption: string;
  testId: string;
  showProducer?: boolean;
  empty?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const kind = useKindName();
  const level = useLevelName();
  return (
    <DataTable
      testId={testId}
      caption={caption}
      columns={[
        t('profile.disclosureTitle'),
        ...(showProducer ? [t('brands.producer')] : []),
        t('disclosures.kind'),
        t('profile.level'),
        t('disclosures.validUntil'),
        t('profile.validity'),
        t('disclosures.attestations'),
      ]}
      items={items}
      empty={
        <Text size="sm" c="dimmed" data-testid={testId}>
          {empty ?? t('disclosures.none')}
        </Text>
      }
      row={(d) => (
        <Table.Tr key={d.id} data-disclosure={d.id} data-expiry={expiryState(d)}>
          <Table.Td>
            <Anchor component={Link} to={`/disclosures/${d.id}`}>
              {d.title}
            </Anchor>
            {d.standardCode ? ` (${d.standardCode})` : ''}
            {d.restricted && (
              <Badge ml="xs" size="xs" variant="outline" color="grape">
                {t('disclosures.restricted')}
              </Badge>
            )}
          </Table.Td>
          {showProducer && <Table.Td>{d.organisation.name}</Table.Td>}
          <Table.Td>{kind(d.kind)}</Table.Td>
          <Table.Td>{level(d)}</Table.Td>
          <Table.Td>{d.validUntil ? f.date(d.validUntil) : '—'}</Table.Td>
          <Table.Td>
            <ExpiryBadge d={d} />
          </Table.Td>
          <Table.Td>{f.integer(d.attestations?.length ?? 0)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
