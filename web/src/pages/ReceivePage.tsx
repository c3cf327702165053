import { ActionIcon, Alert, Anchor, Button, Fieldset, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError, type Facility, type Receipt, type ReceiptInput, type ResponseOf, type Session } from '../api.ts';
import { ErrorAlert, Loading, PageRefusal } from '../components/common.tsx';
import { OrganisationSelect } from '../components/Warrants.tsx';
import { fromMilli, toMilli } from '../decimal.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import {
  emptyRow,
  isBlank,
  lotTotals,
  parseGrid,
  pasteInto,
  rowProblems,
  rowsFromPaste,
  splitServerErrors,
  toBundles,
  type BundleRow,
  type RowField,
  type RowProblemCode,
} from '../receipt-rows.ts';
import { isMember, isWarehouse, useSession } from '../session.ts';
import { useServerMessage } from '../warrants.ts';

// A warehouse clerk records metal arriving at one of the company's facilities: where, whose, which
// brand, shape and origin, and every bundle (typed, or pasted from a spreadsheet). The register
// reconciles each bundle and lot; problems the server finds are shown beside their row or field.

const today = (): string => new Date().toISOString().slice(0, 10);

export function ReceivePage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!isWarehouse(s) || !isMember(s)) {
    return (
      <PageRefusal title={t('receive.title')} reasonTitle={t('receive.warehouseOnlyTitle')}>
        {t('receive.warehouseOnly')}
      </PageRefusal>
    );
  }
  return <ReceiveForm s={s!} />;
}

interface Header {
  facilityId: string;
  depositorOrgId: string;
  brand: string;
  shape: string;
  originCountry: string;
  receivedOn: string;
  reference: string;
}

function ReceiveForm({ s }: { s: Session }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const serverMessage = useServerMessage();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const orgId = s.organisation!.id;
  const facilities = useQuery({
    queryKey: ['facilities', 'warehouse', orgId],
    queryFn: () => api<ResponseOf<'/api/v1/facilities'>>('/api/v1/facilities', { query: { warehouse: orgId } }),
  });
  const brands = useQuery({ queryKey: ['brands', 'all'], queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands') });
  const [h, setH] = useState<Header>({ facilityId: '', depositorOrgId: '', brand: '', shape: '', originCountry: '', receivedOn: today(), reference: '' });
  const [rows, setRows] = useState<BundleRow[]>([emptyRow()]);
  const [paste, setPaste] = useState('');
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof Header>(k: K, v: Header[K]) => setH((p) => ({ ...p, [k]: v }));

  const open = (facilities.data?.items ?? []).filter((x: Facility) => !x.withdrawnFrom || x.withdrawnFrom > today());
  const facilityId = h.facilityId || (open.length === 1 ? open[0]!.id : '');
  const facility = open.find((x) => x.id === facilityId);
  const brandChoices = (brands.data?.items ?? []).filter((b) => !facility || facility.metals.includes(b.metal)).sort((a, b) => a.code.localeCompare(b.code));
  const brand = brandChoices.find((b) => b.code === h.brand);
  const chooseBrand = (code: string) => {
    const b = brandChoices.find((x) => x.code === code);
    setH((p) => ({
      ...p,
      brand: code,
      shape: b && !b.shapes.includes(p.shape) ? (b.shapes[0] ?? '') : p.shape,
      originCountry: b ? b.plant.country : p.originCountry,
    }));
  };

  const record = useMutation({
    meta: { toast: 'receipt' },
    mutationFn: (body: ReceiptInput) => api<Receipt>('/api/v1/receipts', { body }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['receipts'] });
      await qc.invalidateQueries({ queryKey: ['off-warrant-stock'] });
      navigate(`/receipts/${r.id}`, { state: { recorded: true } });
    },
  });
  // The same receipt from a CSV or Excel file of bundle rows (POST /api/v1/receipts/file): the
  // arrival fields above go with it as form fields; the server names any bad cell by row and column.
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileTried, setFileTried] = useState(false);
  const recordFile = useMutation({
    meta: { toast: 'receipt' },
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.append('facilityId', facilityId);
      if (h.depositorOrgId) form.append('depositorOrgId', h.depositorOrgId);
      form.append('brand', h.brand);
      form.append('shape', h.shape);
      form.append('originCountry', h.originCountry.toUpperCase());
      form.append('receivedOn', h.receivedOn);
      if (h.reference.trim()) form.append('reference', h.reference.trim());
      form.append('file', chosen, chosen.name);
      return api<Receipt>('/api/v1/receipts/file', { form });
    },
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['receipts'] });
      await qc.invalidateQueries({ queryKey: ['off-warrant-stock'] });
      navigate(`/receipts/${r.id}`, { state: { recorded: true } });
    },
  });
  const { bundles, rowOf } = useMemo(() => toBundles(rows), [rows]);
  // The server's answer names rows by the bundles sent; kept with the mapping of that submission.
  const [sentRowOf, setSentRowOf] = useState<number[]>([]);
  const server = record.error instanceof ApiError && record.error.status === 400 ? splitServerErrors(record.error.details, sentRowOf) : null;

  const problems = rowProblems(rows);
  const missing = [
    !facilityId && t('receive.facility'),
    !h.brand && t('receive.brand'),
    !h.shape && t('receive.shape'),
    !/^[A-Za-z]{2}$/.test(h.originCountry) && t('receive.origin'),
    !/^\d{4}-\d{2}-\d{2}$/.test(h.receivedOn) && t('receive.receivedOn'),
    bundles.length === 0 && t('receive.bundles'),
  ].filter((x): x is string => !!x);

  const headerMissing = missing.filter((m) => m !== t('receive.bundles'));
  const submitFile = () => {
    setFileTried(true);
    setTried(true);
    if (!file || headerMissing.length) return;
    recordFile.mutate(file);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setFileTried(false);
    if (missing.length || problems.length) return;
    setSentRowOf(rowOf);
    record.mutate({
      facilityId,
      ...(h.depositorOrgId ? { depositorOrgId: h.depositorOrgId } : {}),
      brand: h.brand,
      shape: h.shape,
      originCountry: h.originCountry.toUpperCase(),
      receivedOn: h.receivedOn,
      ...(h.reference.trim() ? { reference: h.reference.trim() } : {}),
      bundles,
    });
  };

  const problemText = (code: RowProblemCode): string =>
    ({
      required: t('receive.errors.required'),
      pcrFormat: t('receive.errors.pcrFormat'),
      refFormat: t('receive.errors.refFormat'),
      pieces: t('receive.errors.pieces'),
      weightFormat: t('receive.errors.weightFormat'),
      netOverGross: t('receive.errors.netOverGrossShort'),
    })[code];

  /** What to show under one cell: the form's own check (after a submit attempt), else the server's. */
  const cellError = (row: number, field: RowField) => {
    const mine = tried ? problems.filter((p) => p.row === row && p.field === field) : [];
    if (mine.length) return mine.map((p) => problemText(p.code)).join(' ');
    const theirs = server?.rows.get(row)?.filter((x) => x.field === field) ?? [];
    if (!theirs.length) return undefined;
    return theirs.map((x, i) => {
      const m = serverMessage(field, x.message);
      return (
        <span key={i} lang={m.lang}>
          {m.text}{' '}
        </span>
      );
    });
  };
  const rowLevel = (row: number) => server?.rows.get(row)?.filter((x) => x.field === null) ?? [];
  const fieldError = (k: string) => {
    const msgs = server?.fields[k] ?? [];
    if (!msgs.length) return undefined;
    return msgs.map((msg, i) => {
      const m = serverMessage(k, msg);
      return (
        <span key={i} lang={m.lang}>
          {m.text}{' '}
        </span>
      );
    });
  };

  const updateCell = (i: number, k: RowField, v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  const onCellPaste = (i: number, k: RowField) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // one value: the browser pastes it
    e.preventDefault();
    setRows((rs) => pasteInto(rs, i, k, parseGrid(text)));
  };
  const addPasted = () => {
    const { rows: pasted, skipped, header } = rowsFromPaste(paste);
    if (pasted.length) setRows((rs) => [...rs.filter((r) => !isBlank(r)), ...pasted]);
    setPasteNote(
      [
        t('receive.pasteAdded', { count: pasted.length }),
        header ? t('receive.pasteHeader') : '',
        skipped.length ? t('receive.pasteSkipped', { lines: skipped.map((x) => x.line).join(t('common.listSeparator')) }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    if (pasted.length) setPaste('');
  };

  const lots = lotTotals(rows);
  // Net weight in grams, exactly; shown in tonnes (grams / 10^6) to the kilogram.
  const totalNet = rows.reduce((sum, r) => sum + (toMilli(r.netKg.trim()) ?? 0n), 0n);
  const cols: { k: RowField; label: string; w: number; mode?: 'numeric' | 'decimal' }[] = [
    { k: 'lot', label: t('receive.lot'), w: 90 },
    { k: 'pcr', label: t('receive.pcr'), w: 150 },
    { k: 'bundleRef', label: t('receive.bundleRef'), w: 150 },
    { k: 'pieces', label: t('receive.pieces'), w: 90, mode: 'numeric' },
    { k: 'grossKg', label: t('receive.grossKg'), w: 120, mode: 'decimal' },
    { k: 'netKg', label: t('receive.netKg'), w: 120, mode: 'decimal' },
  ];
  const serverBlamed = !!server && (server.rows.size > 0 || Object.keys(server.fields).length > 0);

  if (facilities.isLoading) return <Loading />;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/receipts" size="sm">
          ← {t('receipts.title')}
        </Anchor>
        <Title order={1} mt="xs">
          {t('receive.title')}
        </Title>
        <Text c="dimmed" maw={760}>
          {t('receive.intro')}
        </Text>
      </div>
      {facilities.error != null && <ErrorAlert error={facilities.error} />}
      {!facilities.error && open.length === 0 && (
        <Alert color="yellow" title={t('receive.noFacilityTitle')}>
          {t('receive.noFacility')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="receive-form" data-testid="receive-form">
        <Stack gap="lg">
          <Title order={2} size="h3" id="receive-form" className="visually-hidden">
            {t('receive.title')}
          </Title>
          <Fieldset legend={t('receive.arrival')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <NativeSelect
                label={t('receive.facility')}
                withAsterisk
                value={facilityId}
                onChange={(e) => set('facilityId', e.currentTarget.value)}
                data={[
                  { value: '', label: t('receive.chooseFacility') },
                  ...open.map((x) => ({ value: x.id, label: `${x.name} — ${x.location.name} (${x.metals.join(', ')})` })),
                ]}
                error={(tried && !facilityId && t('receive.errors.required')) || fieldError('facilityId')}
              />
              <OrganisationSelect
                label={t('receive.depositor')}
                description={t('receive.depositorHint')}
                value={h.depositorOrgId}
                onChange={(v) => set('depositorOrgId', v)}
                exclude={[s.organisation!.id]}
                first={t('receive.ourselves', { name: s.organisation!.name })}
                error={fieldError('depositorOrgId')}
              />
              <NativeSelect
                label={t('receive.brand')}
                withAsterisk
                value={h.brand}
                onChange={(e) => chooseBrand(e.currentTarget.value)}
                data={[
                  { value: '', label: brands.isLoading ? t('common.loading') : t('receive.chooseBrand') },
                  ...brandChoices.map((b) => ({
                    value: b.code,
                    label: `${b.code} — ${b.name} (${metalName(b.metal)})${b.status !== 'listed' ? ` · ${t(`brandStatus.${b.status}`)}` : ''}`,
                  })),
                ]}
                error={(tried && !h.brand && t('receive.errors.required')) || fieldError('brand')}
              />
              <NativeSelect
                label={t('receive.shape')}
                withAsterisk
                value={h.shape}
                onChange={(e) => set('shape', e.currentTarget.value)}
                data={[{ value: '', label: t('receive.chooseShape') }, ...(brand?.shapes ?? []).map((x) => ({ value: x, label: x }))]}
                error={(tried && !h.shape && t('receive.errors.required')) || fieldError('shape')}
              />
              <TextInput
                label={t('receive.origin')}
                description={t('receive.originHint')}
                withAsterisk
                maxLength={2}
                autoComplete="off"
                value={h.originCountry}
                onChange={(e) => set('originCountry', e.currentTarget.value.toUpperCase())}
                error={(tried && !/^[A-Za-z]{2}$/.test(h.originCountry) && t('receive.errors.country')) || fieldError('originCountry')}
              />
              <TextInput
                type="date"
                label={t('receive.receivedOn')}
                withAsterisk
                max={today()}
                value={h.receivedOn}
                onChange={(e) => set('receivedOn', e.currentTarget.value)}
                error={(tried && !/^\d{4}-\d{2}-\d{2}$/.test(h.receivedOn) && t('receive.errors.required')) || fieldError('receivedOn')}
              />
              <TextInput
                label={t('receive.reference')}
                description={t('receive.referenceHint')}
                maxLength={120}
                value={h.reference}
                onChange={(e) => set('reference', e.currentTarget.value)}
                error={fieldError('reference')}
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('receive.bundles')}>
            <Text size="sm" c="dimmed" mb="xs" id="bundles-hint">
              {t('receive.bundlesHint')}
            </Text>
            <div className="table-scroll">
              <Table data-testid="bundle-rows" aria-describedby="bundles-hint" verticalSpacing={4}>
                <Table.Caption>{t('receive.rowsCaption', { count: bundles.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    {cols.map((c) => (
                      <Table.Th key={c.k}>{c.label}</Table.Th>
                    ))}
                    <Table.Th>
                      <span className="visually-hidden">{t('receive.rowActions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => {
                    const whole = rowLevel(i);
                    const invalid = (tried && problems.some((p) => p.row === i)) || (server?.rows.has(i) ?? false);
                    return (
                      <Table.Tr key={i} data-row={i + 1} data-invalid={invalid || undefined} style={invalid ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {i + 1}
                          </Text>
                        </Table.Td>
                        {cols.map((c) => (
                          <Table.Td key={c.k} style={{ verticalAlign: 'top' }}>
                            <TextInput
                              aria-label={t('receive.cellLabel', { row: i + 1, column: c.label })}
                              value={r[c.k]}
                              inputMode={c.mode}
                              autoComplete="off"
                              onChange={(e) => updateCell(i, c.k, e.currentTarget.value)}
                              onPaste={onCellPaste(i, c.k)}
                              miw={c.w}
                              error={cellError(i, c.k)}
                            />
                          </Table.Td>
                        ))}
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="lg"
                            onClick={() => setRows((rs) => (rs.length === 1 ? [emptyRow()] : rs.filter((_, j) => j !== i)))}
                            aria-label={t('receive.removeRow', { row: i + 1 })}
                          >
                            ×
                          </ActionIcon>
                          {whole.length > 0 && (
                            <Text size="xs" c="red" lang="en">
                              {whole.map((x) => x.message).join(' ')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
            <Group gap="sm" mt="xs">
              <Button variant="light" size="xs" onClick={() => setRows((rs) => [...rs, emptyRow()])}>
                {t('receive.addRow')}
              </Button>
              <Button variant="subtle" size="xs" color="gray" onClick={() => setRows([emptyRow()])} disabled={rows.length === 1 && !bundles.length}>
                {t('receive.clearRows')}
              </Button>
            </Group>
            <Paper withBorder p="sm" mt="md">
              <Textarea
                label={t('receive.paste')}
                description={t('receive.pasteHint')}
                autosize
                minRows={2}
                maxRows={8}
                value={paste}
                onChange={(e) => setPaste(e.currentTarget.value)}
                styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
                data-testid="paste-rows"
              />
              <Group gap="sm" mt="xs">
                <Button size="xs" variant="light" onClick={addPasted} disabled={!paste.trim()}>
                  {t('receive.addPasted')}
                </Button>
                {pasteNote && (
                  <Text size="sm" role="status" data-testid="paste-note">
                    {pasteNote}
                  </Text>
                )}
              </Group>
            </Paper>
            <Group gap="lg" mt="md" data-testid="receive-totals">
              <Text size="sm">{t('receive.totalNet', { bundles: f.integer(bundles.length), tonnes: f.decimal(fromMilli(totalNet / 1000n)) })}</Text>
              {lots.map((l) => (
                <Text size="sm" key={l.lot} data-lot={l.lot}>
                  {t('receive.lotSum', { lot: l.lot, bundles: f.integer(l.bundles), tonnes: l.complete ? f.decimal(fromMilli(l.netMilli / 1000n)) : '…' })}
                </Text>
              ))}
            </Group>
          </Fieldset>

          <Fieldset legend={t('receive.fileTitle')} data-testid="receive-file">
            <Text size="sm" c="dimmed" mb="xs" id="file-hint">
              {t('receive.fileHint')}
            </Text>
            <Group gap="sm" mb="sm">
              <Anchor href="/api/v1/receipt-templates?format=xlsx" size="sm" download="assay-receipt.xlsx">
                {t('receive.templateXlsx')}
              </Anchor>
              <Anchor href="/api/v1/receipt-templates?format=csv" size="sm" download="assay-receipt.csv">
                {t('receive.templateCsv')}
              </Anchor>
            </Group>
            <Group gap="sm" align="center">
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={t('receive.fileLabel')}
                aria-describedby="file-hint"
                data-testid="receipt-file"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  recordFile.reset();
                }}
              />
              <Button variant="light" onClick={submitFile} loading={recordFile.isPending} disabled={open.length === 0}>
                {t('receive.fileSubmit')}
              </Button>
            </Group>
            {fileTried && !file && (
              <Text size="sm" c="red" mt="xs" role="alert">
                {t('receive.fileMissing')}
              </Text>
            )}
            {fileTried && file && headerMissing.length > 0 && (
              <Text size="sm" c="red" mt="xs" role="alert">
                {t('receive.missing', { fields: headerMissing.join(t('common.listSeparator')) })}
              </Text>
            )}
            {recordFile.error != null && (
              <div data-testid="receive-file-refused" style={{ marginTop: 8 }}>
                <ErrorAlert error={recordFile.error} />
              </div>
            )}
          </Fieldset>

          {tried && !fileTried && (missing.length > 0 || problems.length > 0) && (
            <Alert color="red" title={t('receive.notYet')} role="alert">
              {missing.length > 0 && <Text size="sm">{t('receive.missing', { fields: missing.join(t('common.listSeparator')) })}</Text>}
              {problems.length > 0 && <Text size="sm">{t('receive.rowProblems', { rows: [...new Set(problems.map((p) => p.row + 1))].join(t('common.listSeparator')) })}</Text>}
            </Alert>
          )}
          {record.error != null && serverBlamed && (
            <Alert color="red" title={t('receive.refusedTitle')} role="alert" data-testid="receive-refused">
              <Text size="sm">{t('receive.refused', { rows: [...server!.rows.keys()].map((r) => r + 1).join(t('common.listSeparator')) || '—' })}</Text>
              {server!.other.length > 0 && (
                <List size="sm" mt="xs">
                  {server!.other.map((d, i) => (
                    <List.Item key={i} lang="en">
                      {d.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          {record.error != null && !serverBlamed && <ErrorAlert error={record.error} />}
          <Group>
            <Button type="submit" loading={record.isPending} disabled={open.length === 0}>
              {t('receive.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
