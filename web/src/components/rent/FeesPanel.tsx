import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DataTable } from '../DataTable.tsx';
import { ErrorAlert, formErrors, FormErrorSummary, QueryState } from '../common.tsx';
import { useFormat } from '../../format.ts';
import { RENT_KEYS, type FeeIssued, type FeePreview, type FeeStatements, type RentSettings } from '../../rent.ts';

type Amounts = { currency: string; amount: string }[];

/** Supervision fee statements: the exchange previews and issues them for an ended period; a warehouse reads its own. */
export function FeesPanel({ settings, isExchange }: { settings: RentSettings; isExchange: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (a: Amounts) => a.map((x) => `${f.decimal(x.amount)} ${x.currency}`).join(' · ') || '0.00';
  const list = useQuery({ queryKey: RENT_KEYS.fees, queryFn: () => api<FeeStatements>('/api/v1/rent/fee-statements') });
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3" mb={4}>
          {t('rent.fees.heading')}
        </Title>
        <Text size="sm" c="dimmed" maw={760}>
          {t('rent.fees.intro', { fee: settings.supervisionFeePct })}
        </Text>
      </div>
      {isExchange && <IssueForm money={money} />}
      <QueryState query={list}>
        <DataTable
          testId="rent-fee-statements"
          columns={[t('rent.fees.number'), t('rent.fees.kind'), t('rent.fees.period'), t('rent.fees.rentEndorsed'), t('rent.fees.fee')]}
          items={list.data?.items ?? []}
          emptyRow={t('rent.fees.none')}
          row={(x) => (
            <Table.Tr key={x.id} data-fee={x.number}>
              <Table.Td>{x.number}</Table.Td>
              <Table.Td>{x.warehouse ? x.warehouse.name : t('rent.fees.exchange')}</Table.Td>
              <Table.Td>
                {f.date(x.period.from)} – {f.date(x.period.to)}
              </Table.Td>
              <Table.Td>{money(x.rentEndorsed)}</Table.Td>
              <Table.Td>{money(x.fee)}</Table.Td>
            </Table.Tr>
          )}
        />
      </QueryState>
    </Stack>
  );
}

function IssueForm({ money }: { money: (a: Amounts) => string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const preview = useQuery({
    queryKey: ['rent', 'fee-preview', from, to],
    queryFn: () => api<FeePreview>('/api/v1/rent/fee-preview', { query: { from, to } }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to,
  });
  const issue = useMutation({
    meta: { toast: 'rent' },
    mutationFn: () => api<FeeIssued>('/api/v1/rent/fee-statements', { body: { from, to } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['rent'] });
    },
  });
  const { byField, fieldError } = formErrors(issue.error);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          issue.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group align="end" wrap="wrap">
            <TextInput type="date" label={t('rent.fees.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={fieldError('from')} />
            <TextInput type="date" label={t('rent.fees.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={fieldError('to')} />
            <Button type="submit" loading={issue.isPending} disabled={!from || !to}>
              {t('rent.fees.issue')}
            </Button>
          </Group>
          {preview.error != null && <ErrorAlert error={preview.error} />}
          {preview.data && (
            <DataTable
              testId="rent-fee-preview"
              caption={t('rent.fees.preview')}
              columns={[t('rent.common.warehouse'), t('rent.fees.endorsements'), t('rent.fees.rentEndorsed'), t('rent.fees.fee')]}
              items={preview.data.items}
              emptyRow={t('rent.fees.previewNone')}
              row={(x) => (
                <Table.Tr key={x.warehouse.id}>
                  <Table.Td>{x.warehouse.name}</Table.Td>
                  <Table.Td>{x.endorsements}</Table.Td>
                  <Table.Td>{money(x.rentEndorsed)}</Table.Td>
                  <Table.Td>{money(x.fee)}</Table.Td>
                </Table.Tr>
              )}
            />
          )}
          <FormErrorSummary error={issue.error} byField={byField} fieldsMessage={t('rent.fees.notIssued')} />
          {issue.data && (
            <Alert color="green" role="status" data-testid="fees-issued">
              {t('rent.fees.issued', { count: issue.data.items.length })}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
