import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import certificateRules from '../../../reference/certificate-rules.json';
import { api, ApiError, type Analysis, type CertificateView, type ContractSpec, type ResponseOf, type Submission } from '../api.ts';
import { fromMilli, toMilli, VALUE_PATTERN } from '../decimal.ts';
import { useFormat } from '../format.ts';
import { useRuleText } from './ChemistryTable.tsx';
import { ErrorAlert } from './common.tsx';

interface BundleRow {
  number: string;
  pieces: string;
  netKg: string;
  grossKg: string;
}
interface ChemRow {
  element: string;
  operator: '=' | '<' | '<=';
  value: string;
  unit: '%' | 'ppm';
}
export interface FormState {
  brand: string;
  pcr: string;
  productionDate: string;
  originCountry: string;
  shape: string;
  pieces: string;
  bundles: BundleRow[];
  grossWeightKg: string;
  netWeightKg: string;
  chemistry: ChemRow[];
  labName: string;
  labAccreditation: string;
  labReport: string;
  signatoryName: string;
  signatoryTitle: string;
  remarks: string;
}

const today = (): string => new Date().toISOString().slice(0, 10);
const emptyBundle = (): BundleRow => ({ number: '', pieces: '', netKg: '', grossKg: '' });

export function emptyForm(): FormState {
  return {
    brand: '',
    pcr: '',
    productionDate: today(),
    originCountry: '',
    shape: '',
    pieces: '',
    bundles: [emptyBundle()],
    grossWeightKg: '',
    netWeightKg: '',
    chemistry: [],
    labName: '',
    labAccreditation: '',
    labReport: '',
    signatoryName: '',
    signatoryTitle: '',
    remarks: '',
  };
}

export function formFromSubmission(s: Omit<Submission, 'brand' | 'metal'>, brandCode: string): FormState {
  return {
    brand: brandCode,
    pcr: s.pcr,
    productionDate: s.productionDate,
    originCountry: s.originCountry,
    shape: s.shape,
    pieces: String(s.pieces),
    bundles: s.bundles.map((b) => ({ number: b.number, pieces: String(b.pieces), netKg: b.netKg, grossKg: b.grossKg ?? '' })),
    grossWeightKg: s.grossWeightKg,
    netWeightKg: s.netWeightKg,
    chemistry: Object.entries(s.chemistry).map(([element, r]) => ({ element, operator: r.operator ?? '=', value: r.value, unit: r.unit })),
    labName: s.laboratory.name,
    labAccreditation: s.laboratory.accreditation ?? '',
    labReport: s.laboratory.reportNumber ?? '',
    signatoryName: s.signatory.name,
    signatoryTitle: s.signatory.title ?? '',
    remarks: s.remarks ?? '',
  };
}

function analysisOf(rows: ChemRow[]): Analysis {
  const out: Analysis = {};
  for (const r of rows) {
    if (!/^[A-Z][a-z]?$/.test(r.element) || !VALUE_PATTERN.test(r.value)) continue;
    out[r.element] = { value: r.value, unit: r.unit, ...(r.operator !== '=' ? { operator: r.operator } : {}) };
  }
  return out;
}

function toSubmission(s: FormState): Submission {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    brand: s.brand,
    pcr: s.pcr.trim(),
    productionDate: s.productionDate,
    originCountry: s.originCountry.trim().toUpperCase(),
    shape: s.shape,
    pieces: Number(s.pieces),
    bundles: s.bundles.map((b) => ({
      number: b.number.trim(),
      pieces: Number(b.pieces),
      netKg: b.netKg.trim(),
      ...(opt(b.grossKg) ? { grossKg: b.grossKg.trim() } : {}),
    })),
    grossWeightKg: s.grossWeightKg.trim(),
    netWeightKg: s.netWeightKg.trim(),
    chemistry: analysisOf(s.chemistry),
    laboratory: {
      name: s.labName.trim(),
      ...(opt(s.labAccreditation) ? { accreditation: s.labAccreditation.trim() } : {}),
      ...(opt(s.labReport) ? { reportNumber: s.labReport.trim() } : {}),
    },
    signatory: { name: s.signatoryName.trim(), ...(opt(s.signatoryTitle) ? { title: s.signatoryTitle.trim() } : {}) },
    ...(opt(s.remarks) ? { remarks: s.remarks.trim() } : {}),
  };
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

interface Problem {
  path: string;
  message: string;
}

export function CertificateForm(props: {
  mode: 'issue' | 'amend';
  initial: FormState;
  submit: (s: Submission, reason: string) => Promise<CertificateView>;
  onIssued: (c: CertificateView) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const rule = useRuleText();
  const [s, setS] = useState<FormState>(props.initial);
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const [rejected, setRejected] = useState<CertificateView | null>(null);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setS((p) => ({ ...p, [k]: v }));

  const brands = useQuery({
    queryKey: ['brands', 'mine'],
    queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands', { query: { mine: true } }),
  });
  const brand = brands.data?.items.find((b) => b.code === s.brand);
  const metal = brand?.metal;
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(s.productionDate);
  const spec = useQuery({
    queryKey: ['spec', metal, s.productionDate],
    queryFn: () => api<ContractSpec>(`/api/v1/metals/${metal}/specs/in-force`, { query: { on: s.productionDate } }),
    enabled: !!metal && validDate,
  });

  // A new brand: its shapes, its plant's country and the elements its contract limits.
  const chooseBrand = (code: string) => {
    const b = brands.data?.items.find((x) => x.code === code);
    setS((p) => ({
      ...p,
      brand: code,
      shape: b && !b.shapes.includes(p.shape) ? (b.shapes[0] ?? '') : p.shape,
      originCountry: p.originCountry || b?.plant.country || '',
      chemistry: b && b.metal !== metal ? [] : p.chemistry,
    }));
  };
  useEffect(() => {
    if (spec.data && s.chemistry.length === 0) {
      set(
        'chemistry',
        Object.keys(spec.data.elements).length > 0
          ? Object.keys(spec.data.elements).map((element) => ({ element, operator: '=' as const, value: '', unit: '%' as const }))
          : [{ element: '', operator: '=', value: '', unit: '%' }],
      );
    }
    // Only when a spec arrives for an empty analysis; later edits are the producer's.
  }, [spec.data]);

  // Live chemistry check against the spec in force, debounced, never with malformed values.
  const analysis = useMemo(() => analysisOf(s.chemistry), [s.chemistry]);
  const checkInput = useDebounced(JSON.stringify({ metal, productionDate: s.productionDate, analysis }), 400);
  const chem = useQuery({
    queryKey: ['chemistry-check', checkInput],
    queryFn: ({ signal }) => {
      const body = JSON.parse(checkInput) as { metal: string; productionDate: string; analysis: Analysis };
      return api<ResponseOf<'/api/v1/chemistry/checks', 'post'>>('/api/v1/chemistry/checks', { body, signal });
    },
    enabled: (() => {
      const body = JSON.parse(checkInput) as { metal?: string; productionDate: string; analysis: Analysis };
      return !!body.metal && /^\d{4}-\d{2}-\d{2}$/.test(body.productionDate) && Object.keys(body.analysis).length > 0;
    })(),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
  const chemResult = chem.data?.result;
  const chemByElement = new Map(chemResult?.elements.map((e) => [e.element, e]) ?? []);

  // Client-side rules: weights, counts and sums, as the register will apply them.
  const problems = useMemo<Problem[]>(() => {
    const out: Problem[] = [];
    const tolerance = toMilli(certificateRules.bundleWeightToleranceKg) ?? 0n;
    const gross = toMilli(s.grossWeightKg);
    const net = toMilli(s.netWeightKg);
    if (s.grossWeightKg && gross === null) out.push({ path: 'grossWeightKg', message: t('rules.weightFormat', { field: t('form.gross') }) });
    if (s.netWeightKg && net === null) out.push({ path: 'netWeightKg', message: t('rules.weightFormat', { field: t('form.net') }) });
    if (gross !== null && net !== null && net > gross)
      out.push({ path: 'netWeightKg', message: t('rules.netExceedsGross', { net: f.decimal(s.netWeightKg), gross: f.decimal(s.grossWeightKg) }) });
    if (validDate && s.productionDate > today()) out.push({ path: 'productionDate', message: t('rules.future') });
    if (s.originCountry && !/^[A-Za-z]{2}$/.test(s.originCountry)) out.push({ path: 'originCountry', message: t('rules.country') });
    let pieces = 0;
    let netSum = 0n;
    let grossSum = 0n;
    let allGross = true;
    let sumsKnown = true;
    const seen = new Set<string>();
    s.bundles.forEach((b, i) => {
      const n = i + 1;
      if (b.number && seen.has(b.number)) out.push({ path: `bundles.${i}.number`, message: t('rules.duplicateBundle', { number: b.number }) });
      seen.add(b.number);
      if (b.pieces && !/^[1-9][0-9]*$/.test(b.pieces)) out.push({ path: `bundles.${i}.pieces`, message: t('rules.bundlePieces', { n }) });
      pieces += Number(b.pieces) || 0;
      const bn = toMilli(b.netKg);
      if (b.netKg && bn === null) out.push({ path: `bundles.${i}.netKg`, message: t('rules.weightFormat', { field: t('form.bundleNetN', { n }) }) });
      if (bn === null) sumsKnown = false;
      else netSum += bn;
      const bg = b.grossKg ? toMilli(b.grossKg) : null;
      if (!b.grossKg) allGross = false;
      else if (bg === null) {
        allGross = false;
        out.push({ path: `bundles.${i}.grossKg`, message: t('rules.weightFormat', { field: t('form.bundleGrossN', { n }) }) });
      } else {
        grossSum += bg;
        if (bn !== null && bn > bg) out.push({ path: `bundles.${i}.netKg`, message: t('rules.bundleNetExceedsGross', { n }) });
      }
    });
    const abs = (x: bigint) => (x < 0n ? -x : x);
    if (s.pieces && /^[0-9]+$/.test(s.pieces) && s.bundles.every((b) => b.pieces) && pieces !== Number(s.pieces))
      out.push({ path: 'pieces', message: t('rules.piecesMismatch', { sum: f.integer(pieces), stated: f.integer(Number(s.pieces)) }) });
    if (sumsKnown && net !== null && abs(netSum - net) > tolerance)
      out.push({ path: 'netWeightKg', message: t('rules.netSumMismatch', { sum: f.decimal(fromMilli(netSum)), stated: f.decimal(s.netWeightKg) }) });
    if (allGross && gross !== null && abs(grossSum - gross) > tolerance)
      out.push({ path: 'grossWeightKg', message: t('rules.grossSumMismatch', { sum: f.decimal(fromMilli(grossSum)), stated: f.decimal(s.grossWeightKg) }) });
    s.chemistry.forEach((r, i) => {
      if (r.value && !VALUE_PATTERN.test(r.value)) out.push({ path: `chemistry.${i}`, message: t('rules.valueFormat', { element: r.element || `#${i + 1}` }) });
      if (r.element && !/^[A-Z][a-z]?$/.test(r.element)) out.push({ path: `chemistry.${i}`, message: t('rules.elementFormat', { element: r.element }) });
    });
    return out;
  }, [s, t, f, validDate]);
  const chemReasons = chemResult?.reasons ?? [];
  const errorFor = (path: string) => problems.find((p) => p.path === path)?.message;

  const missing = [
    !s.brand && t('form.brand'),
    !s.pcr && t('form.pcr'),
    !validDate && t('form.productionDate'),
    !s.originCountry && t('form.origin'),
    !s.shape && t('form.shape'),
    !s.pieces && t('form.pieces'),
    !s.grossWeightKg && t('form.gross'),
    !s.netWeightKg && t('form.net'),
    !s.labName && t('form.labName'),
    !s.signatoryName && t('form.signatoryName'),
    s.bundles.some((b) => !b.number || !b.pieces || !b.netKg) && t('form.bundles'),
    Object.keys(analysis).length === 0 && t('form.chemistry'),
    props.mode === 'amend' && reason.trim().length < 3 && t('form.reason'),
  ].filter((x): x is string => !!x);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    setRejected(null);
    setSubmitting(true);
    try {
      const result = await props.submit(toSubmission(s), reason.trim());
      if (result.status === 'rejected') setRejected(result);
      else props.onIssued(result);
    } catch (err) {
      setServerError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const updateBundle = (i: number, k: keyof BundleRow, v: string) =>
    set(
      'bundles',
      s.bundles.map((b, j) => (j === i ? { ...b, [k]: v } : b)),
    );
  const updateChem = (i: number, patch: Partial<ChemRow>) =>
    set(
      'chemistry',
      s.chemistry.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );

  const liveIssues = [...problems.map((p) => p.message), ...chemReasons.map((r) => r.message)];

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby="live-checks">
      <Stack gap="lg">
        <Fieldset legend={t('form.cast')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <NativeSelect
              label={t('form.brand')}
              required
              disabled={props.mode === 'amend'}
              value={s.brand}
              onChange={(e) => chooseBrand(e.currentTarget.value)}
              data={[
                { value: '', label: brands.isLoading ? t('common.loading') : t('form.chooseBrand') },
                ...(brands.data?.items ?? [])
                  .filter((b) => b.status === 'listed' || b.code === s.brand)
                  .map((b) => ({ value: b.code, label: `${b.code} — ${b.name} (${b.metal})` })),
              ]}
            />
            <TextInput label={t('form.pcr')} required value={s.pcr} onChange={(e) => set('pcr', e.currentTarget.value)} />
            <TextInput
              type="date"
              label={t('form.productionDate')}
              required
              value={s.productionDate}
              onChange={(e) => set('productionDate', e.currentTarget.value)}
              error={errorFor('productionDate')}
            />
            <TextInput
              label={t('form.origin')}
              description={t('form.originHint')}
              required
              maxLength={2}
              value={s.originCountry}
              onChange={(e) => set('originCountry', e.currentTarget.value.toUpperCase())}
              error={errorFor('originCountry')}
            />
            <NativeSelect
              label={t('form.shape')}
              required
              value={s.shape}
              onChange={(e) => set('shape', e.currentTarget.value)}
              data={[{ value: '', label: t('form.chooseShape') }, ...(brand?.shapes ?? (s.shape ? [s.shape] : [])).map((x) => ({ value: x, label: x }))]}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('form.weights')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('form.pieces')}
              required
              inputMode="numeric"
              value={s.pieces}
              onChange={(e) => set('pieces', e.currentTarget.value)}
              error={errorFor('pieces')}
            />
            <TextInput
              label={t('form.gross')}
              required
              inputMode="decimal"
              rightSection="kg"
              value={s.grossWeightKg}
              onChange={(e) => set('grossWeightKg', e.currentTarget.value)}
              error={errorFor('grossWeightKg')}
            />
            <TextInput
              label={t('form.net')}
              required
              inputMode="decimal"
              rightSection="kg"
              value={s.netWeightKg}
              onChange={(e) => set('netWeightKg', e.currentTarget.value)}
              error={errorFor('netWeightKg')}
            />
          </SimpleGrid>
          <Title order={3} size="h5" mt="md" mb="xs">
            {t('form.bundles')}
          </Title>
          <Stack gap="xs">
            {s.bundles.map((b, i) => (
              <Group key={i} gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={t('form.bundleN', { n: i + 1 })}>
                <TextInput
                  aria-label={t('form.bundleNumberN', { n: i + 1 })}
                  placeholder={t('form.bundleNumber')}
                  value={b.number}
                  onChange={(e) => updateBundle(i, 'number', e.currentTarget.value)}
                  w={150}
                  error={errorFor(`bundles.${i}.number`)}
                />
                <TextInput
                  aria-label={t('form.bundlePiecesN', { n: i + 1 })}
                  placeholder={t('form.pieces')}
                  inputMode="numeric"
                  value={b.pieces}
                  onChange={(e) => updateBundle(i, 'pieces', e.currentTarget.value)}
                  w={100}
                  error={errorFor(`bundles.${i}.pieces`)}
                />
                <TextInput
                  aria-label={t('form.bundleNetN', { n: i + 1 })}
                  placeholder={t('form.netShort')}
                  inputMode="decimal"
                  value={b.netKg}
                  onChange={(e) => updateBundle(i, 'netKg', e.currentTarget.value)}
                  w={130}
                  error={errorFor(`bundles.${i}.netKg`)}
                />
                <TextInput
                  aria-label={t('form.bundleGrossN', { n: i + 1 })}
                  placeholder={t('form.grossShort')}
                  inputMode="decimal"
                  value={b.grossKg}
                  onChange={(e) => updateBundle(i, 'grossKg', e.currentTarget.value)}
                  w={130}
                  error={errorFor(`bundles.${i}.grossKg`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  disabled={s.bundles.length === 1}
                  onClick={() => set('bundles', s.bundles.filter((_, j) => j !== i))}
                  aria-label={t('form.removeBundleN', { n: i + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button variant="light" size="xs" w="fit-content" onClick={() => set('bundles', [...s.bundles, emptyBundle()])}>
              {t('form.addBundle')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('form.chemistry')}>
          <Text size="sm" c="dimmed" mb="xs">
            {spec.data ? t('form.chemistryHint', { standard: spec.data.qualityStandard }) : t('form.chemistryChooseBrand')}
          </Text>
          <div className="table-scroll">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('chemistry.element')}</Table.Th>
                  <Table.Th>{t('form.operator')}</Table.Th>
                  <Table.Th>{t('form.value')}</Table.Th>
                  <Table.Th>{t('form.unit')}</Table.Th>
                  <Table.Th>{t('chemistry.rule')}</Table.Th>
                  <Table.Th>{t('chemistry.result')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('apiKeys.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.chemistry.map((r, i) => {
                  const res = chemByElement.get(r.element);
                  const bad = res && res.status === 'exceeds';
                  return (
                    <Table.Tr key={i} data-element={r.element} data-status={res?.status ?? ''}>
                      <Table.Td>
                        <TextInput
                          aria-label={t('form.elementN', { n: i + 1 })}
                          value={r.element}
                          onChange={(e) => updateChem(i, { element: e.currentTarget.value })}
                          w={70}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('form.operatorOf', { element: r.element || i + 1 })}
                          value={r.operator}
                          onChange={(e) => updateChem(i, { operator: e.currentTarget.value as ChemRow['operator'] })}
                          data={[
                            { value: '=', label: '=' },
                            { value: '<', label: '<' },
                            { value: '<=', label: '≤' },
                          ]}
                          w={70}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('form.valueOf', { element: r.element || i + 1 })}
                          inputMode="decimal"
                          value={r.value}
                          onChange={(e) => updateChem(i, { value: e.currentTarget.value })}
                          error={bad ? true : undefined}
                          aria-invalid={bad ? true : undefined}
                          w={120}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={t('form.unitOf', { element: r.element || i + 1 })}
                          value={r.unit}
                          onChange={(e) => updateChem(i, { unit: e.currentTarget.value as ChemRow['unit'] })}
                          data={['%', 'ppm']}
                          w={80}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {res
                            ? rule.element(r.element, res.limit)
                            : spec.data?.elements[r.element]
                              ? rule.element(r.element, spec.data.elements[r.element]!.max)
                              : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {res && (
                          <Text size="sm" fw={600} c={res.status === 'ok' ? 'green' : res.status === 'exceeds' ? 'red' : 'dimmed'}>
                            {res.status === 'ok' ? t('chemistry.conforms') : res.status === 'exceeds' ? t('chemistry.exceeds') : t('chemistry.noLimit')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => set('chemistry', s.chemistry.filter((_, j) => j !== i))}
                          aria-label={t('form.removeElement', { element: r.element || i + 1 })}
                        >
                          ×
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          <Button
            variant="light"
            size="xs"
            mt="xs"
            onClick={() => set('chemistry', [...s.chemistry, { element: '', operator: '=', value: '', unit: '%' }])}
          >
            {t('form.addElement')}
          </Button>
          {chemResult && (
            <Text size="sm" mt="sm" fw={600} c={chemResult.verdict === 'conforming' ? 'green' : 'red'} data-testid="chem-verdict">
              {chemResult.verdict === 'conforming' ? t('form.chemOk') : t('form.chemBad')}
            </Text>
          )}
          {chem.error instanceof ApiError && <ErrorAlert error={chem.error} />}
        </Fieldset>

        <Fieldset legend={t('form.lab')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('form.labName')} required value={s.labName} onChange={(e) => set('labName', e.currentTarget.value)} />
            <TextInput label={t('form.labAccreditation')} value={s.labAccreditation} onChange={(e) => set('labAccreditation', e.currentTarget.value)} />
            <TextInput label={t('form.labReport')} value={s.labReport} onChange={(e) => set('labReport', e.currentTarget.value)} />
            <TextInput label={t('form.signatoryName')} required value={s.signatoryName} onChange={(e) => set('signatoryName', e.currentTarget.value)} />
            <TextInput label={t('form.signatoryTitle')} value={s.signatoryTitle} onChange={(e) => set('signatoryTitle', e.currentTarget.value)} />
          </SimpleGrid>
          <Textarea mt="sm" label={t('form.remarks')} autosize minRows={2} value={s.remarks} onChange={(e) => set('remarks', e.currentTarget.value)} />
        </Fieldset>

        {props.mode === 'amend' && (
          <Textarea
            label={t('form.reason')}
            description={t('form.reasonHint')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}

        <Paper withBorder p="md" id="live-checks" aria-live="polite" data-testid="live-checks">
          <Title order={2} size="h4" mb="xs">
            {t('form.liveChecks')}
          </Title>
          {liveIssues.length === 0 ? (
            <Text size="sm" c="green">
              {missing.length === 0 ? t('form.allGood') : t('form.noProblemsYet')}
            </Text>
          ) : (
            <List size="sm" c="red" data-testid="live-problems">
              {liveIssues.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          )}
          {missing.length > 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('form.missing', { fields: missing.join(t('common.listSeparator')) })}
            </Text>
          )}
        </Paper>

        {rejected && (
          <Alert color="red" title={t('form.rejectedTitle')} role="alert" data-testid="server-rejection">
            <Text size="sm">{t('form.rejectedBody', { number: rejected.number })}</Text>
            <List size="sm" mt="xs">
              {(rejected.reasons ?? []).map((r) => (
                <List.Item key={`${r.code}|${r.path}`}>
                  <code>{r.path}</code>: {r.message}
                </List.Item>
              ))}
            </List>
            <Anchor component={Link} to={`/certificates/${rejected.id}`} size="sm">
              {t('form.openRejected')}
            </Anchor>
          </Alert>
        )}
        {serverError != null && <ErrorAlert error={serverError} />}

        <Group>
          <Button type="submit" loading={submitting} disabled={missing.length > 0}>
            {props.mode === 'issue' ? t('form.submitIssue') : t('form.submitAmend')}
          </Button>
          {liveIssues.length > 0 && (
            <Text size="sm" c="red">
              {t('form.willBeRejected')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
