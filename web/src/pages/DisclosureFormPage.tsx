import { ActionIcon, Alert, Button, Checkbox, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, type Disclosure, type DisclosureInput, type EvidenceFile, type ResponseOf, type SustainabilityReference } from '../api.ts';
import { ErrorAlert, formErrors, Loading, PageRefusal } from '../components/common.tsx';
import { FilePickButton } from '../components/FilePickButton.tsx';
import { fileToBase64 } from '../files.ts';
import { useFormat } from '../format.ts';
import { isProducerMember, useSession } from '../session.ts';

// A producer files a certification, metric or target (company, plant or brand level), with
// evidence files and, if it likes, a named auditor asked to attest it. The server checks every
// field and answers per field; the filing is signed and logged.

const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

interface State {
  level: DisclosureInput['level'];
  brand: string;
  asset: string;
  topic: string;
  kind: DisclosureInput['kind'];
  title: string;
  standardCode: string;
  value: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  methodology: string;
  validFrom: string;
  validUntil: string;
  restricted: boolean;
  auditorOrgId: string;
}

const EMPTY: State = {
  level: 'company',
  brand: '',
  asset: '',
  topic: '',
  kind: 'certification',
  title: '',
  standardCode: '',
  value: '',
  unit: '',
  periodStart: '',
  periodEnd: '',
  methodology: '',
  validFrom: '',
  validUntil: '',
  restricted: false,
  auditorOrgId: '',
};

export function DisclosureFormPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  if (!isProducerMember(session.data)) {
    return (
      <PageRefusal title={t('disclosures.file')} reasonTitle={t('form.producersOnlyTitle')}>
        {t('disclosures.producersOnly')}
      </PageRefusal>
    );
  }
  return <DisclosureForm />;
}

/** One part of the form: a bordered panel under its heading. */
function FormSection({ title, titleId, children }: { title: ReactNode; titleId?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function DisclosureForm() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const [s, setS] = useState<State>(EMPTY);
  const set = <K extends keyof State>(k: K, v: State[K]) => setS((p) => ({ ...p, [k]: v }));
  const [evidence, setEvidence] = useState<EvidenceFile[]>([]);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const reference = useQuery({ queryKey: ['sustainability-reference'], queryFn: () => api<SustainabilityReference>('/api/v1/sustainability/reference') });
  const brands = useQuery({ queryKey: ['brands', 'mine'], queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands', { query: { mine: true } }) });
  const auditors = useQuery({ queryKey: ['directory', 'auditor'], queryFn: () => api<ResponseOf<'/api/v1/organisation-directory'>>('/api/v1/organisation-directory', { query: { kind: 'auditor' } }) });
  const plants = [...new Set((brands.data?.items ?? []).map((b) => b.plant.name))].sort();

  const upload = useMutation({
    meta: { toast: 'saved' },
    mutationFn: async (file: File) =>
      api<EvidenceFile>('/api/v1/evidence-files', {
        body: { filename: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file) },
      }),
    onSuccess: (e) => setEvidence((p) => [...p, e]),
  });
  const onFiles = async (files: File[]) => {
    setTooLarge(null);
    for (const file of files) {
      if (file.size > MAX_EVIDENCE_BYTES) {
        setTooLarge(file.name);
        continue;
      }
      await upload.mutateAsync(file).catch(() => undefined);
    }
  };

  const file = useMutation({
    meta: { toast: 'disclosure' },
    mutationFn: () => {
      const body: DisclosureInput = { level: s.level, topic: s.topic, kind: s.kind, title: s.title.trim(), restricted: s.restricted };
      if (s.level === 'brand' && s.brand) body.brand = s.brand;
      if (s.level === 'asset' && s.asset) body.asset = s.asset;
      if (s.standardCode) body.standardCode = s.standardCode;
      if (s.kind === 'certification') {
        if (s.validFrom) body.validFrom = s.validFrom;
        if (s.validUntil) body.validUntil = s.validUntil;
      } else {
        if (s.value.trim()) body.value = s.value.trim();
        if (s.unit.trim()) body.unit = s.unit.trim();
        if (s.kind === 'metric' && s.periodStart) body.periodStart = s.periodStart;
        if (s.periodEnd) body.periodEnd = s.periodEnd;
        if (s.methodology.trim()) body.methodology = s.methodology.trim();
      }
      if (evidence.length) body.evidenceFileIds = evidence.map((e) => e.id);
      if (s.auditorOrgId) body.auditorOrgId = s.auditorOrgId;
      return api<Disclosure>('/api/v1/disclosures', { body });
    },
    onSuccess: (d) => navigate(`/disclosures/${d.id}`),
  });
  const { byField, fieldError: err } = formErrors(file.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    file.mutate();
  };
  const choose = (label: string) => ({ value: '', label });

  if (reference.isLoading || brands.isLoading) return <Loading />;
  const ref = reference.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('disclosures.file')}</Title>
        <Text c="dimmed" maw={760}>
          {t('disclosures.formIntro')}
        </Text>
      </div>
      {reference.error != null && <ErrorAlert error={reference.error} />}
      <form onSubmit={submit} noValidate data-testid="disclosure-form" aria-label={t('disclosures.file')}>
        <Stack gap="lg">
          <FormSection title={t('disclosures.what')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('disclosures.kind')}
                withAsterisk
                value={s.kind}
                onChange={(e) => set('kind', e.currentTarget.value as State['kind'])}
                data={[
                  { value: 'certification', label: t('disclosures.kinds.certification') },
                  { value: 'metric', label: t('disclosures.kinds.metric') },
                  { value: 'target', label: t('disclosures.kinds.target') },
                ]}
                error={err('kind')}
              />
              <NativeSelect
                label={t('profile.topic')}
                withAsterisk
                value={s.topic}
                onChange={(e) => set('topic', e.currentTarget.value)}
                data={[choose(t('disclosures.chooseTopic')), ...(ref?.topics ?? []).map((x) => ({ value: x.code, label: x.name }))]}
                error={err('topic')}
              />
              <TextInput label={t('profile.disclosureTitle')} withAsterisk maxLength={300} value={s.title} onChange={(e) => set('title', e.currentTarget.value)} error={err('title')} />
              <NativeSelect
                label={t('disclosures.standard')}
                withAsterisk={s.kind === 'certification'}
                value={s.standardCode}
                onChange={(e) => set('standardCode', e.currentTarget.value)}
                data={[choose(t('disclosures.noStandard')), ...(ref?.standards ?? []).map((x) => ({ value: x.code, label: `${x.code} — ${x.name}` }))]}
                error={err('standardCode')}
              />
            </SimpleGrid>
          </FormSection>

          <FormSection title={t('disclosures.scope')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('profile.level')}
                withAsterisk
                value={s.level}
                onChange={(e) => set('level', e.currentTarget.value as State['level'])}
                data={[
                  { value: 'company', label: t('disclosures.levels.company') },
                  { value: 'asset', label: t('disclosures.levels.asset') },
                  { value: 'brand', label: t('disclosures.levels.brand') },
                ]}
                error={err('level')}
              />
              {s.level === 'brand' && (
                <NativeSelect
                  label={t('filters.brand')}
                  withAsterisk
                  value={s.brand}
                  onChange={(e) => set('brand', e.currentTarget.value)}
                  data={[choose(t('form.chooseBrand')), ...(brands.data?.items ?? []).map((b) => ({ value: b.code, label: `${b.code} — ${b.name}` }))]}
                  error={err('brand')}
                />
              )}
              {s.level === 'asset' && (
                <NativeSelect
                  label={t('brands.plant')}
                  withAsterisk
                  value={s.asset}
                  onChange={(e) => set('asset', e.currentTarget.value)}
                  data={[choose(t('disclosures.choosePlant')), ...plants]}
                  error={err('asset')}
                />
              )}
            </SimpleGrid>
          </FormSection>

          <FormSection title={s.kind === 'certification' ? t('disclosures.validityTitle') : t('disclosures.figureTitle')}>
            {s.kind === 'certification' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput type="date" label={t('disclosures.validFrom')} withAsterisk value={s.validFrom} onChange={(e) => set('validFrom', e.currentTarget.value)} error={err('validFrom')} />
                <TextInput type="date" label={t('disclosures.validUntil')} withAsterisk value={s.validUntil} onChange={(e) => set('validUntil', e.currentTarget.value)} error={err('validUntil')} />
              </SimpleGrid>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('profile.value')} withAsterisk inputMode="decimal" description={t('cbamManage.hints.decimal')} value={s.value} onChange={(e) => set('value', e.currentTarget.value)} error={err('value')} />
                <TextInput label={t('disclosures.unit')} withAsterisk description={t('disclosures.unitHint')} maxLength={40} value={s.unit} onChange={(e) => set('unit', e.currentTarget.value)} error={err('unit')} />
                {s.kind === 'metric' && (
                  <TextInput type="date" label={t('disclosures.periodStart')} withAsterisk value={s.periodStart} onChange={(e) => set('periodStart', e.currentTarget.value)} error={err('periodStart')} />
                )}
                <TextInput
                  type="date"
                  label={s.kind === 'target' ? t('disclosures.targetDate') : t('disclosures.periodEnd')}
                  withAsterisk
                  value={s.periodEnd}
                  onChange={(e) => set('periodEnd', e.currentTarget.value)}
                  error={err('periodEnd')}
                />
                <TextInput label={t('cbam.methodology')} maxLength={300} value={s.methodology} onChange={(e) => set('methodology', e.currentTarget.value)} error={err('methodology')} />
              </SimpleGrid>
            )}
          </FormSection>

          <FormSection title={t('disclosures.evidence')} titleId="evidence-title">
            <Text size="sm" c="dimmed">
              {t('disclosures.evidenceHint')}
            </Text>
            {evidence.length > 0 && (
              <List size="sm" spacing={4} aria-labelledby="evidence-title" data-testid="evidence-list">
                {evidence.map((e) => (
                  <List.Item key={e.id}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">
                        {e.filename} · {t('disclosures.bytes', { size: f.integer(e.sizeBytes) })} · <span className="mono">SHA-256 {e.sha256.slice(0, 12)}…</span>
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('disclosures.removeEvidence', { name: e.filename })}
                        onClick={() => setEvidence((p) => p.filter((x) => x.id !== e.id))}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            <FilePickButton label={t('disclosures.addEvidence')} multiple variant="light" w="fit-content" testId="evidence-file" loading={upload.isPending} onFiles={(fs) => void onFiles(fs)} />
            {tooLarge && (
              <Alert color="red" role="alert">
                {t('disclosures.tooLarge', { name: tooLarge })}
              </Alert>
            )}
            {upload.error != null && <ErrorAlert error={upload.error} />}
            {err('evidenceFileIds') && <Text size="sm" c="red">{err('evidenceFileIds')}</Text>}
          </FormSection>

          <FormSection title={t('disclosures.auditAndVisibility')}>
            <NativeSelect
              label={t('disclosures.auditor')}
              description={t('disclosures.auditorHint')}
              value={s.auditorOrgId}
              onChange={(e) => set('auditorOrgId', e.currentTarget.value)}
              data={[choose(t('disclosures.noAuditor')), ...(auditors.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))]}
              error={err('auditorOrgId')}
              maw={480}
            />
            {auditors.error != null && <ErrorAlert error={auditors.error} />}
            <Checkbox
              label={t('disclosures.restrictedLabel')}
              description={t('disclosures.restrictedHint')}
              checked={s.restricted}
              onChange={(e) => set('restricted', e.currentTarget.checked)}
            />
          </FormSection>

          {file.error != null && (
            <Alert color="red" role="alert" title={t('disclosures.notFiled')} data-testid="disclosure-form-error">
              {Object.keys(byField).length > 0 ? t('cbamManage.fixFields', { count: Object.keys(byField).length }) : <span lang="en">{(file.error as Error).message}</span>}
            </Alert>
          )}
          <Button type="submit" w="fit-content" loading={file.isPending} disabled={upload.isPending}>
            {t('disclosures.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
