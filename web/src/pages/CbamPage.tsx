import { Alert, Anchor, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  api,
  ApiError,
  CBAM_FIELDS,
  type Brand,
  type BrandCbam,
  type CbamField,
  type CbamGrant,
  type CbamReport,
  type CbamSubmission,
  type CellProblem,
  type ResponseOf,
  type SustainabilityReference,
} from '../api.ts';
import { BrandCbamSection } from '../components/Cbam.tsx';
import { DetailMessage, ErrorAlert, formErrors, Loading } from '../components/common.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { FilePickButton } from '../components/FilePickButton.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { fileToBase64 } from '../files.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useOrgKindName } from '../organisations.ts';
import { useSession } from '../session.ts';

// A producer's CBAM work for one brand: submit a report (form or the Excel form), publish or keep
// private, grant and revoke access; the exchange may manage grants too. The reports and their
// versions are listed below. Every action is signed and logged by the server.

const OPTIONAL = new Set<CbamField>(['periodEnd', 'verifier', 'carbonPricePaid', 'carbonPriceCurrency']);
const DECIMALS = new Set<CbamField>(['directEmissions', 'indirectEmissions', 'electricityConsumption', 'electricityEmissionFactor', 'carbonPricePaid']);
const DATES = new Set<CbamField>(['periodStart', 'periodEnd']);

export function useCbamFieldLabel() {
  const { t } = useTranslation();
  return (field: string): string =>
    (
      {
        brandCode: t('cbamManage.fields.brandCode'),
        periodKind: t('cbamManage.fields.periodKind'),
        periodStart: t('cbamManage.fields.periodStart'),
        periodEnd: t('cbamManage.fields.periodEnd'),
        installation: t('cbamManage.fields.installation'),
        installationCountry: t('cbamManage.fields.installationCountry'),
        productionRoute: t('cbamManage.fields.productionRoute'),
        cnCode: t('cbamManage.fields.cnCode'),
        directEmissions: t('cbamManage.fields.directEmissions'),
        indirectEmissions: t('cbamManage.fields.indirectEmissions'),
        electricityConsumption: t('cbamManage.fields.electricityConsumption'),
        electricityEmissionFactor: t('cbamManage.fields.electricityEmissionFactor'),
        valueType: t('cbamManage.fields.valueType'),
        methodology: t('cbamManage.fields.methodology'),
        verifier: t('cbamManage.fields.verifier'),
        verificationStatus: t('cbamManage.fields.verificationStatus'),
        carbonPricePaid: t('cbamManage.fields.carbonPricePaid'),
        carbonPriceCurrency: t('cbamManage.fields.carbonPriceCurrency'),
        file: t('cbamManage.fields.file'),
      } as Record<string, string>
    )[field] ?? field;
}

export function CbamPage() {
  const { brand: ref = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const brand = useQuery({ queryKey: ['brand', ref], queryFn: () => api<Brand>(`/api/v1/brands/${encodeURIComponent(ref)}`) });
  if (brand.isLoading || session.isLoading) return <Loading />;
  if (brand.error || !brand.data) return <ErrorAlert error={brand.error} />;
  const b = brand.data;
  const s = session.data;
  const canAct = !!s?.signedIn && !!s.user && s.user.role !== 'viewer';
  const isProducer = !!s?.signedIn && s.organisation?.kind === 'producer' && s.organisation.id === b.producer.id;
  const isExchange = !!s?.signedIn && s.organisation?.kind === 'exchange';

  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to={`/brands/${b.id}`} size="sm">
          ← {t('cbamManage.backToBrand', { code: b.code })}
        </Anchor>
        <Title order={1} size="h2" mt="xs">
          {t('cbamManage.title', { code: b.code })}
        </Title>
        <Text c="dimmed" maw={760}>
          {t('cbamManage.intro')}
        </Text>
      </div>
      {!isProducer && !isExchange ? (
        <Alert color="yellow" title={t('cbamManage.onlyTitle')}>
          {t('cbamManage.only')}
        </Alert>
      ) : (
        <>
          {isProducer && canAct && <SubmitSection brand={b} />}
          {isProducer && canAct && <VisibilitySection brand={b} />}
          <GrantsSection brand={b} canAct={canAct} />
          <BrandCbamSection brandId={b.id} brandCode={b.code} producerId={b.producer.id} />
        </>
      )}
    </Stack>
  );
}

function useRecordedText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (r: CbamReport) =>
    t('cbamManage.recorded', {
      period: `${r.periodKind === 'daily' ? t('cbam.periodKinds.daily') : t('cbam.periodKinds.annual')} ${f.date(r.periodStart)} – ${f.date(r.periodEnd)}`,
      version: r.version,
      logIndex: f.integer(r.logIndex),
    });
}

function SubmitSection({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cbam-submit">
      <Title order={2} size="h3" id="cbam-submit" mb="xs">
        {t('cbamManage.submit')}
      </Title>
      <Tabs defaultValue="form" keepMounted={false}>
        <Tabs.List aria-label={t('cbamManage.submitHow')}>
          <Tabs.Tab value="form">{t('cbamManage.tabForm')}</Tabs.Tab>
          <Tabs.Tab value="excel">{t('cbamManage.tabExcel')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="form" pt="md">
          <CbamForm brand={brand} />
        </Tabs.Panel>
        <Tabs.Panel value="excel" pt="md">
          <CbamExcel brand={brand} />
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}

const invalidateCbam = async (qc: ReturnType<typeof useQueryClient>, brandId: string) => {
  await qc.invalidateQueries({ queryKey: ['brand-cbam', brandId] });
  await qc.invalidateQueries({ queryKey: ['cbam-search'] });
  await qc.invalidateQueries({ queryKey: ['premium', brandId] });
};

function CbamForm({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const label = useCbamFieldLabel();
  const recordedText = useRecordedText();
  const qc = useQueryClient();
  const reference = useQuery({ queryKey: ['sustainability-reference'], queryFn: () => api<SustainabilityReference>('/api/v1/sustainability/reference') });
  const approved = reference.data?.methodologies.find((m) => m.metal === brand.metal);
  const [values, setValues] = useState<CbamSubmission>({
    periodKind: 'annual',
    installation: brand.plant.name,
    installationCountry: brand.plant.country,
  });
  const value = (f: CbamField): string => values[f] ?? (f === 'methodology' ? (approved?.code ?? '') : '');
  const set = (f: CbamField, v: string) => setValues((p) => ({ ...p, [f]: v }));
  const submit = useMutation({
    meta: { toast: 'cbam' },
    mutationFn: () => {
      const body: CbamSubmission = {};
      for (const f of CBAM_FIELDS) {
        const v = value(f).trim();
        if (v !== '') body[f] = v;
      }
      return api<CbamReport>(`/api/v1/brands/${brand.id}/cbam-reports`, { body });
    },
    onSuccess: () => invalidateCbam(qc, brand.id),
  });
  const { byField, other, fieldError: error } = formErrors(submit.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  const choose = { value: '', label: t('cbamManage.choose') };
  const options: Partial<Record<CbamField, { value: string; label: string }[]>> = {
    periodKind: [
      { value: 'annual', label: t('cbam.periodKinds.annual') },
      { value: 'daily', label: t('cbam.periodKinds.daily') },
    ],
    productionRoute: [
      choose,
      { value: 'primary', label: t('cbamManage.routes.primary') },
      { value: 'secondary', label: t('cbamManage.routes.secondary') },
      { value: 'mixed', label: t('cbamManage.routes.mixed') },
    ],
    valueType: [
      choose,
      { value: 'actual', label: t('cbamManage.valueTypes.actual') },
      { value: 'default', label: t('cbamManage.valueTypes.default') },
    ],
    verificationStatus: [
      choose,
      { value: 'unverified', label: t('cbam.verification.unverified') },
      { value: 'in_progress', label: t('cbam.verification.in_progress') },
      { value: 'verified', label: t('cbam.verification.verified') },
    ],
  };
  const hints: Partial<Record<CbamField, string>> = {
    periodEnd: t('cbamManage.hints.periodEnd'),
    installationCountry: t('cbamManage.hints.country'),
    cnCode: t('cbamManage.hints.cnCode'),
    methodology: approved ? t('cbamManage.hints.methodology', { metal: metalName(brand.metal), code: approved.code, name: approved.name }) : undefined,
    verifier: t('cbamManage.hints.verifier'),
    carbonPriceCurrency: t('cbamManage.hints.currency'),
    directEmissions: t('cbamManage.hints.decimal'),
  };

  return (
    <form onSubmit={onSubmit} aria-label={t('cbamManage.tabForm')} noValidate data-testid="cbam-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {CBAM_FIELDS.map((f) => {
            const common = {
              label: label(f),
              withAsterisk: !OPTIONAL.has(f),
              description: hints[f],
              error: error(f),
              value: value(f),
            };
            const opts = options[f];
            if (opts) return <NativeSelect key={f} {...common} data={opts} onChange={(e) => set(f, e.currentTarget.value)} />;
            return (
              <TextInput
                key={f}
                {...common}
                type={DATES.has(f) ? 'date' : 'text'}
                inputMode={DECIMALS.has(f) ? 'decimal' : undefined}
                maxLength={f === 'installationCountry' ? 2 : f === 'carbonPriceCurrency' ? 3 : 200}
                onChange={(e) => set(f, e.currentTarget.value)}
              />
            );
          })}
        </SimpleGrid>
        {submit.error != null && (
          <Alert color="red" role="alert" title={t('cbamManage.notRecorded')} data-testid="cbam-form-error">
            {Object.keys(byField).length > 0 ? t('cbamManage.fixFields', { count: Object.keys(byField).length }) : <span lang="en">{(submit.error as Error).message}</span>}
            {other.length > 0 && (
              <ul>
                {other.map((d) => (
                  <li key={`${d.path}|${d.message}`} lang="en">
                    <code>{d.path}</code>: {d.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {submit.data && (
          <Alert color="green" role="status" title={t('cbamManage.recordedTitle')} data-testid="cbam-recorded">
            {recordedText(submit.data)}
          </Alert>
        )}
        <Button type="submit" w="fit-content" loading={submit.isPending}>
          {t('cbamManage.submitForm')}
        </Button>
      </Stack>
    </form>
  );
}

function CbamExcel({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const label = useCbamFieldLabel();
  const recordedText = useRecordedText();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const upload = useMutation({
    meta: { toast: 'cbam' },
    mutationFn: async (file: File) =>
      api<CbamReport>(`/api/v1/brands/${brand.id}/cbam-reports/excel`, { body: { filename: file.name, contentBase64: await fileToBase64(file) } }),
    onSuccess: () => invalidateCbam(qc, brand.id),
  });
  const problems = upload.error instanceof ApiError ? (upload.error.details as CellProblem[]) : [];
  return (
    <Stack gap="md">
      <Text size="sm" maw={760}>
        {t('cbamManage.excelIntro', { code: brand.code })}
      </Text>
      <Group wrap="wrap">
        <Button component="a" href="/api/v1/cbam-reports/template" download variant="light">
          {t('cbamManage.template')}
        </Button>
        <FilePickButton
          label={t('cbamManage.chooseExcel')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          testId="cbam-excel-file"
          loading={upload.isPending}
          onFiles={([file]) => {
            if (!file) return;
            setChosen(file.name);
            upload.reset();
            upload.mutate(file);
          }}
        />
      </Group>
      {chosen && <Text size="sm">{t('imports.chosen', { name: chosen })}</Text>}
      {upload.error != null && (
        <Alert color="red" role="alert" title={t('cbamManage.excelNotRecorded')} data-testid="cbam-excel-error">
          <Text size="sm" lang="en">
            {(upload.error as Error).message}
          </Text>
        </Alert>
      )}
      <DataTable
        testId="cbam-excel-problems"
        caption={t('cbamManage.excelProblems', { count: problems.length })}
        columns={[t('cbamManage.cell'), t('cbamManage.field'), t('cbamManage.problem')]}
        items={problems}
        empty={null}
        row={(p, i) => (
          <Table.Tr key={`${p.path}|${i}`} data-cell={p.cell ?? ''}>
            <Table.Td className="mono">{p.cell ? `${p.sheet ?? ''}!${p.cell}` : p.path}</Table.Td>
            <Table.Td>{p.field ? label(p.field) : '—'}</Table.Td>
            <Table.Td>
              <DetailMessage detail={p} />
            </Table.Td>
          </Table.Tr>
        )}
      />
      {upload.data && (
        <Alert color="green" role="status" title={t('cbamManage.recordedTitle')} data-testid="cbam-excel-recorded">
          {recordedText(upload.data)}
        </Alert>
      )}
    </Stack>
  );
}

function VisibilitySection({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const current = useQuery({ queryKey: ['brand-cbam', brand.id], queryFn: () => api<BrandCbam>(`/api/v1/brands/${brand.id}/cbam-reports`) });
  const [choice, setChoice] = useState<string | null>(null);
  const published = current.data?.published;
  const selected = choice ?? (published === undefined ? null : published ? 'published' : 'private');
  const save = useMutation({
    meta: { toast: 'access' },
    mutationFn: (p: boolean) => api<ResponseOf<'/api/v1/brands/{brand}/cbam-visibility', 'put'>>(`/api/v1/brands/${brand.id}/cbam-visibility`, { method: 'PUT', body: { published: p } }),
    onSuccess: async () => {
      setChoice(null);
      await invalidateCbam(qc, brand.id);
    },
  });
  return (
    <section aria-labelledby="cbam-visibility">
      <Title order={2} size="h3" id="cbam-visibility" mb="xs">
        {t('cbamManage.visibility')}
      </Title>
      {current.isLoading ? (
        <Loading />
      ) : current.error ? (
        <ErrorAlert error={current.error} />
      ) : (
        <Paper withBorder p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (selected) save.mutate(selected === 'published');
            }}
          >
            <Stack gap="sm">
              <Radio.Group label={t('cbamManage.visibilityLabel')} value={selected} onChange={setChoice}>
                <Stack gap="xs" mt="xs">
                  <Radio value="private" label={t('cbamManage.private')} />
                  <Radio value="published" label={t('cbamManage.published')} />
                </Stack>
              </Radio.Group>
              {save.error != null && <ErrorAlert error={save.error} />}
              <Group>
                <Button type="submit" loading={save.isPending} disabled={!selected || (selected === 'published') === published}>
                  {t('cbamManage.saveVisibility')}
                </Button>
                {save.isSuccess && (
                  <Text size="sm" role="status">
                    {save.data.published ? t('cbam.isPublished') : t('cbam.isPrivate')}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </section>
  );
}

function GrantsSection({ brand, canAct }: { brand: Brand; canAct: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const grants = useQuery({ queryKey: ['cbam-grants', brand.id], queryFn: () => api<ResponseOf<'/api/v1/brands/{brand}/cbam-grants'>>(`/api/v1/brands/${brand.id}/cbam-grants`) });
  const [revoking, setRevoking] = useState<CbamGrant | null>(null);
  const revoke = useMutation({
    meta: { toast: 'access' },
    mutationFn: ({ grant, reason }: { grant: CbamGrant; reason: string }) =>
      api<CbamGrant>(`/api/v1/brands/${brand.id}/cbam-grants/${grant.id}/revocation`, { body: { reason } }),
    onSuccess: async () => {
      setRevoking(null);
      await qc.invalidateQueries({ queryKey: ['cbam-grants', brand.id] });
    },
  });
  const items = grants.data?.items ?? [];
  return (
    <section aria-labelledby="cbam-grants">
      <Title order={2} size="h3" id="cbam-grants" mb="xs">
        {t('cbamManage.grants')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={760}>
        {t('cbamManage.grantsIntro')}
      </Text>
      {grants.isLoading ? (
        <Loading />
      ) : grants.error ? (
        <ErrorAlert error={grants.error} />
      ) : (
        <DataTable
          testId="cbam-grants"
          caption={t('cbamManage.grantsCaption', { count: items.filter((g) => g.active).length })}
          columns={[
            t('cbamManage.grantee'),
            t('cbamManage.reason'),
            t('cbamManage.grantedAt'),
            t('cbamManage.state'),
            <span className="visually-hidden">{t('apiKeys.actions')}</span>,
          ]}
          items={items}
          empty={
            <Text size="sm" c="dimmed" mb="sm">
              {t('cbamManage.noGrants')}
            </Text>
          }
          row={(g) => (
            <Table.Tr key={g.id} data-grantee={g.grantee.name} data-active={g.active}>
              <Table.Td>{g.grantee.name}</Table.Td>
              <Table.Td>{g.reason}</Table.Td>
              <Table.Td>{f.dateTime(g.grantedAt)}</Table.Td>
              <Table.Td>
                {g.active
                  ? t('cbamManage.active')
                  : t('cbamManage.revokedOn', { date: f.dateTime(g.revocation?.at), reason: g.revocation?.reason ?? '—' })}
              </Table.Td>
              <Table.Td>
                {g.active && canAct && (
                  <Button size="xs" color="red" variant="light" onClick={() => setRevoking(g)} aria-label={t('cbamManage.revokeNamed', { name: g.grantee.name })}>
                    {t('cbamManage.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
      {canAct && <GrantForm brand={brand} existing={items} />}
      <ReasonModal
        key={revoking?.id ?? 'none'}
        opened={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={t('cbamManage.revokeTitle', { name: revoking?.grantee.name ?? '' })}
        body={t('cbamManage.revokeBody', { name: revoking?.grantee.name ?? '', code: brand.code })}
        reasonLabel={t('cbamManage.revokeReason')}
        confirmLabel={t('cbamManage.confirmRevoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={(reason) => revoking && revoke.mutate({ grant: revoking, reason })}
      />
    </section>
  );
}

function GrantForm({ brand, existing }: { brand: Brand; existing: CbamGrant[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const kinds = useOrgKindName();
  const directory = useQuery({ queryKey: ['directory'], queryFn: () => api<ResponseOf<'/api/v1/organisation-directory'>>('/api/v1/organisation-directory') });
  const [org, setOrg] = useState('');
  const [reason, setReason] = useState('');
  const grant = useMutation({
    meta: { toast: 'access' },
    mutationFn: () => api<CbamGrant>(`/api/v1/brands/${brand.id}/cbam-grants`, { body: { organisationId: org, reason: reason.trim() } }),
    onSuccess: async () => {
      setOrg('');
      setReason('');
      await qc.invalidateQueries({ queryKey: ['cbam-grants', brand.id] });
    },
  });
  const active = new Set(existing.filter((g) => g.active).map((g) => g.grantee.id));
  // The producer and the exchange see the data already; active grantees hold a grant.
  const candidates = (directory.data?.items ?? []).filter((o) => o.kind !== 'exchange' && o.id !== brand.producer.id && !active.has(o.id));
  const { byField, other, fieldError } = formErrors(grant.error);
  return (
    <Paper withBorder p="md" mt="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          grant.mutate();
        }}
        aria-labelledby="grant-form"
      >
        <Stack gap="sm" maw={560}>
          <Title order={3} size="h4" id="grant-form">
            {t('cbamManage.grantTo')}
          </Title>
          {directory.error != null && <ErrorAlert error={directory.error} />}
          <NativeSelect
            label={t('cbamManage.organisation')}
            withAsterisk
            value={org}
            onChange={(e) => setOrg(e.currentTarget.value)}
            data={[{ value: '', label: t('cbamManage.chooseOrg') }, ...candidates.map((o) => ({ value: o.id, label: `${o.name} (${kinds(o.kind)})` }))]}
            error={fieldError('organisationId')}
          />
          <TextInput
            label={t('cbamManage.grantReason')}
            description={t('cbamManage.grantReasonHint')}
            withAsterisk
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('reason')}
          />
          {grant.error != null && Object.keys(byField).length === 0 && <ErrorAlert error={grant.error} />}
          {other.length > 0 && Object.keys(byField).length > 0 && <ErrorAlert error={grant.error} />}
          {grant.isSuccess && (
            <Text size="sm" role="status" c="green">
              {t('cbamManage.granted', { name: grant.data.grantee.name })}
            </Text>
          )}
          <Button type="submit" w="fit-content" loading={grant.isPending} disabled={!org || reason.trim().length < 3}>
            {t('cbamManage.submitGrant')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
