import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Brand, type RequestOf, type ResponseOf } from '../api.ts';
import { useFormat } from '../format.ts';
import { FormErrorSummary, QueryState, StatusBadge, formErrors } from './common.tsx';

// The exchange's decisions about a brand, in the browser: its status (suspend, reinstate, delist)
// and its responsible-sourcing ruling, each with a reason and an effective date. The API signs and
// logs each; the page confirms what was recorded and refreshes the brand, its history and the queues.

type StatusChange = RequestOf<'/api/v1/brands/{brand}/status-changes', 'post'>;
type Ruling = RequestOf<'/api/v1/brands/{brand}/sourcing-compliance', 'post'>;
type BrandStatus = StatusChange['status'];

/** Who may use these forms: the exchange's members and administrators (the API decides; this only hides the forms). */
export function governs(me: ResponseOf<'/api/v1/sessions/current'> | undefined): boolean {
  return !!me?.signedIn && me.organisation?.kind === 'exchange' && !!me.user && me.user.role !== 'viewer';
}

/** Public: the brand's dated status history. */
export function BrandStatusHistory({ brandRef }: { brandRef: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const history = useQuery({
    queryKey: ['brand-status-history', brandRef],
    queryFn: () => api<ResponseOf<'/api/v1/brands/{brand}/status-history'>>(`/api/v1/brands/${encodeURIComponent(brandRef)}/status-history`),
  });
  return (
    <section aria-labelledby="status-history">
      <Title order={2} size="h3" id="status-history" mb="xs">
        {t('governance.status.history')}
      </Title>
      <QueryState query={history}>
        {history.data && history.data.items.length > 0 ? (
          <div className="table-scroll">
            <Table striped data-testid="status-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('filters.status')}</Table.Th>
                  <Table.Th>{t('governance.status.effectiveDate')}</Table.Th>
                  <Table.Th>{t('governance.status.reason')}</Table.Th>
                  <Table.Th>{t('governance.status.recordedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.items.map((h) => (
                  <Table.Tr key={`${h.recordedAt}|${h.status}`}>
                    <Table.Td>
                      <StatusBadge status={h.status} />
                    </Table.Td>
                    <Table.Td>{f.date(h.effectiveDate)}</Table.Td>
                    <Table.Td>{h.reason}</Table.Td>
                    <Table.Td>{f.dateTime(h.recordedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            {t('governance.status.noHistory')}
          </Text>
        )}
      </QueryState>
    </section>
  );
}

/** The exchange's forms for one brand: its status and its responsible-sourcing ruling. */
export function BrandGovernance({ brand, brandRef }: { brand: Brand; brandRef: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="governance">
      <Title order={2} size="h3" id="governance" mb={4}>
        {t('governance.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('governance.intro')}
      </Text>
      <Stack gap="md">
        <StatusForm brand={brand} brandRef={brandRef} />
        <RulingForm brand={brand} brandRef={brandRef} />
      </Stack>
    </section>
  );
}

function StatusForm({ brand, brandRef }: { brand: Brand; brandRef: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const actions: { value: BrandStatus; label: string }[] = (
    [
      { value: 'suspended', label: t('governance.status.suspend') },
      { value: 'listed', label: t('governance.status.reinstate') },
      { value: 'delisted', label: t('governance.status.delist') },
    ] as const
  ).filter((a) => a.value !== brand.status);
  const [status, setStatus] = useState<BrandStatus | ''>('');
  const [reason, setReason] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [done, setDone] = useState<{ status: BrandStatus; date: string } | null>(null);
  const chosen = status && status !== brand.status ? status : actions[0]!.value;
  const change = useMutation({
    meta: { toast: (b) => t('toast.brandStatus', { brand: brand.code, status: t(`brandStatus.${(b as Brand).status}`) }) },
    mutationFn: (body: StatusChange) => api<Brand>(`/api/v1/brands/${brand.id}/status-changes`, { body }),
    onSuccess: async (b, body) => {
      setDone({ status: b.status, date: body.effectiveDate ?? new Date().toISOString().slice(0, 10) });
      setReason('');
      setEffectiveDate('');
      setStatus('');
      qc.setQueryData(['brand', brandRef], b);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['brand'] }),
        qc.invalidateQueries({ queryKey: ['brands'] }),
        qc.invalidateQueries({ queryKey: ['brand-status-history'] }),
      ]);
    },
  });
  const { byField, fieldError } = formErrors(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    change.mutate({ status: chosen, reason, ...(effectiveDate ? { effectiveDate } : {}) });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="status-form-title" data-testid="status-form">
        <Stack gap="sm">
          <Title order={3} size="h4" id="status-form-title">
            {t('governance.status.title')}
          </Title>
          <NativeSelect
            label={t('governance.status.action')}
            value={chosen}
            onChange={(e) => setStatus(e.currentTarget.value as BrandStatus)}
            data={actions}
            error={fieldError('status')}
          />
          <Textarea
            label={t('governance.status.reason')}
            description={t('governance.status.reasonHint')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('reason')}
          />
          <TextInput
            type="date"
            label={t('governance.status.effectiveDate')}
            description={t('governance.status.effectiveHint')}
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.currentTarget.value)}
            error={fieldError('effectiveDate')}
            w="fit-content"
          />
          <FormErrorSummary error={change.error} byField={byField} fieldsMessage={t('governance.fieldsMessage')} />
          {done && (
            <Alert color="green" role="status" data-testid="status-done">
              {t('governance.status.done', { status: t(`brandStatus.${done.status}`), date: f.date(done.date) })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('governance.status.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RulingForm({ brand, brandRef }: { brand: Brand; brandRef: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const complianceName = (s: Ruling['status']) => (s === 'compliant' ? t('sourcing.compliant') : t('sourcing.nonCompliant'));
  const [status, setStatus] = useState<Ruling['status']>('compliant');
  const [reason, setReason] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [done, setDone] = useState<{ status: Ruling['status']; date: string } | null>(null);
  const rule = useMutation({
    meta: { toast: () => t('toast.ruling', { brand: brand.code }) },
    mutationFn: (body: Ruling) => api<ResponseOf<'/api/v1/brands/{brand}/sourcing-compliance', 'post'>>(`/api/v1/brands/${brand.id}/sourcing-compliance`, { body }),
    onSuccess: async (s, body) => {
      setDone({ status: body.status, date: s.compliance?.effectiveDate ?? body.effectiveDate ?? new Date().toISOString().slice(0, 10) });
      setReason('');
      setEffectiveDate('');
      qc.setQueryData(['sourcing', brandRef], s);
      await Promise.all([qc.invalidateQueries({ queryKey: ['sourcing'] }), qc.invalidateQueries({ queryKey: ['sourcing-compliance'] })]);
    },
  });
  const { byField, fieldError } = formErrors(rule.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    rule.mutate({ status, reason, ...(effectiveDate ? { effectiveDate } : {}) });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="ruling-form-title" data-testid="ruling-form">
        <Stack gap="sm">
          <Title order={3} size="h4" id="ruling-form-title">
            {t('governance.ruling.title')}
          </Title>
          <NativeSelect
            label={t('governance.ruling.outcome')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as Ruling['status'])}
            data={[
              { value: 'compliant', label: complianceName('compliant') },
              { value: 'non_compliant', label: complianceName('non_compliant') },
            ]}
            error={fieldError('status')}
          />
          <Textarea
            label={t('governance.ruling.reason')}
            description={t('governance.status.reasonHint')}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('reason')}
          />
          <TextInput
            type="date"
            label={t('governance.ruling.effectiveDate')}
            description={t('governance.status.effectiveHint')}
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.currentTarget.value)}
            error={fieldError('effectiveDate')}
            w="fit-content"
          />
          <FormErrorSummary error={rule.error} byField={byField} fieldsMessage={t('governance.fieldsMessage')} />
          {done && (
            <Alert color="green" role="status" data-testid="ruling-done">
              {t('governance.ruling.done', { status: complianceName(done.status), date: f.date(done.date) })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={rule.isPending}>
              {t('governance.ruling.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
