import { Alert, Anchor, Button, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, METALS, type ImportCreated, type ImportJob, type ImportErrorPage } from '../api.ts';
import { ErrorAlert, Loading, PageRefusal } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isProducerMember, useSession } from '../session.ts';

const finished = (j: ImportJob | undefined): boolean => j?.status === 'completed' || j?.status === 'failed';

export function ImportPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  if (!isProducerMember(session.data)) {
    return (
      <PageRefusal title={t('imports.title')} reasonTitle={t('form.producersOnlyTitle')}>
        {t('imports.producersOnly')}
      </PageRefusal>
    );
  }
  return <ImportWorkspace />;
}

function ImportWorkspace() {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const [metal, setMetal] = useState<string>('CA');
  const [dragging, setDragging] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const upload = useMutation({
    meta: { toast: 'imported' },
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<ImportCreated>('/api/v1/imports', { form });
    },
  });
  const jobId = upload.data?.job.id;
  const job = useQuery({
    queryKey: ['import', jobId],
    queryFn: () => api<ImportJob>(`/api/v1/imports/${jobId}`),
    enabled: !!jobId,
    initialData: upload.data?.job,
    refetchInterval: (q) => (finished(q.state.data) ? false : 700),
  });

  const start = (file: File | undefined) => {
    if (!file) return;
    setChosen(file.name);
    upload.reset();
    upload.mutate(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    start(e.dataTransfer.files[0]);
  };

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('imports.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('imports.intro')}
        </Text>
      </div>

      <section aria-labelledby="tpl">
        <Title order={2} size="h3" id="tpl" mb="xs">
          {t('imports.templates')}
        </Title>
        <Text size="sm" mb="xs">
          {t('imports.templatesHint')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('filters.metal')}
            value={metal}
            onChange={(e) => setMetal(e.currentTarget.value)}
            data={METALS.map((m) => ({ value: m, label: `${m} — ${metalName(m)}` }))}
          />
          <Button component="a" href={`/api/v1/import-templates/${metal}?format=xlsx`} download variant="light">
            {t('imports.templateXlsx')}
          </Button>
          <Button component="a" href={`/api/v1/import-templates/${metal}?format=csv`} download variant="light">
            {t('imports.templateCsv')}
          </Button>
        </Group>
      </section>

      <section aria-labelledby="upload">
        <Title order={2} size="h3" id="upload" mb="xs">
          {t('imports.upload')}
        </Title>
        <Paper
          withBorder
          p="xl"
          data-testid="import-dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            textAlign: 'center',
            background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Text mb="sm">{t('imports.dropHere')}</Text>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,.xlsx,.ndjson,.jsonl,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              start(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
          <Button onClick={() => input.current?.click()} loading={upload.isPending}>
            {t('imports.chooseFile')}
          </Button>
          <Text size="xs" c="dimmed" mt="sm">
            {t('imports.formats')}
          </Text>
          {chosen && (
            <Text size="sm" mt="sm">
              {t('imports.chosen', { name: chosen })}
            </Text>
          )}
        </Paper>
      </section>

      {upload.error && <ErrorAlert error={upload.error} />}
      {upload.data?.duplicate && (
        <Alert color="blue" title={t('imports.duplicateTitle')} data-testid="import-duplicate">
          {upload.data.message}
        </Alert>
      )}
      {job.data && <JobStatus job={job.data} />}
      {job.error && <ErrorAlert error={job.error} />}
    </Stack>
  );
}

function JobStatus({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const f = useFormat();
  const done = finished(job);
  const pct = job.records.total > 0 ? Math.round((job.records.done / job.records.total) * 100) : done ? 100 : 0;
  const statusLabel = {
    queued: t('imports.status.queued'),
    running: t('imports.status.running'),
    completed: t('imports.status.completed'),
    failed: t('imports.status.failed'),
  }[job.status];
  return (
    <section aria-labelledby="job" data-testid="import-job" data-status={job.status}>
      <Title order={2} size="h3" id="job" mb="xs">
        {t('imports.jobTitle', { name: job.filename })}
      </Title>
      <Stack gap="xs">
        <Text size="sm" role="status" aria-live="polite">
          {statusLabel} ·{' '}
          {t('imports.progress', {
            done: f.integer(job.records.done),
            total: f.integer(job.records.total),
            rows: f.integer(job.rows.done),
            rowsTotal: f.integer(job.rows.total),
          })}
          {!done && job.etaSeconds !== null && ` · ${t('imports.eta', { seconds: job.etaSeconds })}`}
        </Text>
        <Progress value={pct} aria-label={t('imports.progressLabel')} color={job.status === 'failed' ? 'red' : 'blue'} animated={!done} />
        {job.status === 'failed' && (
          <Alert color="red" title={t('imports.failedTitle')} role="alert">
            {job.failure}
          </Alert>
        )}
        {done && (
          <SimpleGrid cols={{ base: 1, xs: 3 }} data-testid="import-summary" mt="sm">
            <Summary label={t('imports.accepted')} value={job.records.accepted} testId="accepted" color="green" />
            <Summary label={t('imports.rejected')} value={job.records.rejected} testId="rejected" color="red" />
            <Summary label={t('imports.unchanged')} value={job.records.unchanged} testId="unchanged" color="gray" />
          </SimpleGrid>
        )}
        {done && job.errors > 0 && <ErrorReport job={job} />}
        {done && job.errors === 0 && job.status === 'completed' && <Text size="sm">{t('imports.noErrors')}</Text>}
        {done && (
          <Anchor component={Link} to="/certificates?mine=true" size="sm">
            {t('home.allMine')}
          </Anchor>
        )}
      </Stack>
    </section>
  );
}

function Summary({ label, value, testId, color }: { label: string; value: number; testId: string; color: string }) {
  const f = useFormat();
  return (
    <Paper withBorder p="sm" data-testid={`import-${testId}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} c={`${color}.8`}>
        {f.integer(value)}
      </Text>
    </Paper>
  );
}

function ErrorReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const f = useFormat();
  const errors = useQuery({
    queryKey: ['import-errors', job.id],
    queryFn: () => api<ImportErrorPage>(`/api/v1/imports/${job.id}/errors`, { query: { limit: 500 } }),
  });
  return (
    <section aria-labelledby="row-errors">
      <Title order={3} size="h4" id="row-errors" mt="md" mb="xs">
        {t('imports.errorsTitle', { count: job.errors })}
      </Title>
      <Group mb="sm" wrap="wrap">
        <Button component="a" href={`/api/v1/imports/${job.id}/errors?format=csv`} download variant="light" data-testid="errors-csv">
          {t('imports.errorsCsv')}
        </Button>
        <Button component="a" href={`/api/v1/imports/${job.id}/errors?format=xlsx`} download variant="light" data-testid="errors-xlsx">
          {t('imports.errorsXlsx')}
        </Button>
      </Group>
      {errors.error && <ErrorAlert error={errors.error} />}
      {errors.isLoading ? (
        <Loading />
      ) : (
        <div className="table-scroll">
          <Table striped data-testid="import-errors">
            <Table.Caption>
              {errors.data?.next !== null && errors.data?.next !== undefined
                ? t('imports.errorsTruncated', { shown: f.integer(errors.data.items.length), total: f.integer(job.errors) })
                : t('imports.errorsShown', { count: errors.data?.items.length ?? 0 })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.row')}</Table.Th>
                <Table.Th>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.value')}</Table.Th>
                <Table.Th>{t('imports.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.data?.items.map((e, i) => (
                <Table.Tr key={`${e.row}|${e.column ?? ''}|${i}`} data-row={e.row} data-column={e.column ?? ''}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td className="mono">{e.column ?? '—'}</Table.Td>
                  <Table.Td className="mono" style={{ overflowWrap: 'anywhere' }}>
                    {e.value ?? '—'}
                  </Table.Td>
                  <Table.Td lang="en">
                    {e.reason} <Text span size="xs" c="dimmed" className="mono">({e.code})</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
