import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Analysis, ChemistryResult } from '../api.ts';
import { useFormat } from '../format.ts';

// Reported values beside the limits of the contract specification, each marked with its rule.

export function useRuleText() {
  const { t } = useTranslation();
  const f = useFormat();
  return {
    element: (el: string, limit?: string) => (limit ? t('chemistry.ruleMax', { element: el, limit: f.decimal(limit) }) : t('chemistry.noLimit')),
    group: (label: string, limit: string) => t('chemistry.ruleGroup', { label, limit: f.decimal(limit) }),
    purity: (el: string, min: string) => t('chemistry.rulePurity', { element: el, min: f.decimal(min) }),
  };
}

function Verdict({ status }: { status: string }) {
  const { t } = useTranslation();
  const ok = status === 'ok';
  const label = ok ? t('chemistry.conforms') : status === 'no_limit' ? t('chemistry.noLimit') : status === 'below' ? t('chemistry.below') : t('chemistry.exceeds');
  return (
    <Badge color={ok ? 'green' : status === 'no_limit' ? 'gray' : 'red'} variant="light" data-status={status}>
      {label}
    </Badge>
  );
}

export function ChemistryTable({ analysis, check }: { analysis: Analysis; check: ChemistryResult | null | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rule = useRuleText();
  const shown = (el: string, fallback: string) => {
    const r = analysis[el];
    if (!r) return `${f.decimal(fallback)} %`;
    const op = r.operator && r.operator !== '=' ? `${r.operator} ` : '';
    return `${op}${f.decimal(r.value)} ${r.unit}${r.uncertainty ? ` ± ${f.decimal(r.uncertainty)}` : ''}`;
  };
  return (
    <div className="table-scroll">
      <Table striped data-testid="chemistry-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('chemistry.element')}</Table.Th>
            <Table.Th>{t('chemistry.reported')}</Table.Th>
            <Table.Th>{t('chemistry.rule')}</Table.Th>
            <Table.Th>{t('chemistry.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {check
            ? [
                ...check.elements.map((e) => (
                  <Table.Tr key={e.element} data-element={e.element} data-status={e.status}>
                    <Table.Td fw={600}>{e.element}</Table.Td>
                    <Table.Td>{shown(e.element, e.reported)}</Table.Td>
                    <Table.Td>{rule.element(e.element, e.limit)}</Table.Td>
                    <Table.Td>
                      <Verdict status={e.status} />
                    </Table.Td>
                  </Table.Tr>
                )),
                ...check.groups.map((g) => (
                  <Table.Tr key={`g-${g.id}`} data-status={g.status}>
                    <Table.Td fw={600}>{g.label}</Table.Td>
                    <Table.Td>{f.decimal(g.sum)} %</Table.Td>
                    <Table.Td>{rule.group(g.label, g.limit)}</Table.Td>
                    <Table.Td>
                      <Verdict status={g.status} />
                    </Table.Td>
                  </Table.Tr>
                )),
                ...(check.purity
                  ? [
                      <Table.Tr key="purity" data-status={check.purity.status}>
                        <Table.Td fw={600}>
                          {check.purity.element} ({check.purity.basis === 'difference' ? t('chemistry.byDifference') : t('chemistry.purity')})
                        </Table.Td>
                        <Table.Td>{f.decimal(check.purity.value)} %</Table.Td>
                        <Table.Td>{rule.purity(check.purity.element, check.purity.min)}</Table.Td>
                        <Table.Td>
                          <Verdict status={check.purity.status} />
                        </Table.Td>
                      </Table.Tr>,
                    ]
                  : []),
              ]
            : Object.entries(analysis).map(([el, r]) => (
                <Table.Tr key={el} data-element={el}>
                  <Table.Td fw={600}>{el}</Table.Td>
                  <Table.Td>
                    {f.decimal(r.value)} {r.unit}
                  </Table.Td>
                  <Table.Td>—</Table.Td>
                  <Table.Td>—</Table.Td>
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
      {check && check.notReported.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('chemistry.notReported', { elements: check.notReported.join(', ') })}
        </Text>
      )}
    </div>
  );
}
