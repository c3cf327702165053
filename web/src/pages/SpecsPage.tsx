import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, METALS, type ContractSpec, type Metal, type ResponseOf } from '../api.ts';
import { governs } from '../components/Governance.tsx';
import { FormErrorSummary, QueryState, formErrors } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useSession } from '../session.ts';

// Contract specifications, versioned and effective-dated: every version of a metal's specification
// (public), and for the exchange a form that publishes the next version from a chosen date. The
// API numbers, validates, signs and logs it; this page only edits the body and says what happened.

const today = () => new Date().toISOString().slice(0, 10);

/** A version's body as the form edits it: everything but what the server assigns (metal, version) and the date, asked for apart. */
function editable(spec: ContractSpec): string {
  const { metal: _metal, version: _version, effectiveFrom: _from, ...rest } = spec;
  return JSON.stringify(rest, null, 2);
}

export function SpecsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const session = useSession();
  const [metal, setMetal] = useState<Metal>('AH');
  const specs = useQuery({
    queryKey: ['specs', metal],
    queryFn: () => api<ResponseOf<'/api/v1/metals/{metal}/specs'>>(`/api/v1/metals/${metal}/specs`),
  });
  const items = specs.data?.items ?? [];
  // The version in force today: the latest whose date has come.
  const inForce = [...items].reverse().find((s) => s.effectiveFrom <= today());
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('governance.specs.title')}</Title>
        <Text c="dimmed">{t('governance.specs.intro')}</Text>
      </div>
      <NativeSelect
        label={t('governance.specs.metal')}
        value={metal}
        onChange={(e) => setMetal(e.currentTarget.value as Metal)}
        data={METALS.map((m) => ({ value: m, label: `${m} — ${metalName(m)}` }))}
        w="fit-content"
      />
      <QueryState query={specs}>
        {items.length === 0 ? (
          <Text size="sm">{t('governance.specs.none')}</Text>
        ) : (
          <div className="table-scroll">
            <Table striped data-testid="spec-versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('governance.specs.version')}</Table.Th>
                  <Table.Th>{t('governance.specs.effectiveFrom')}</Table.Th>
                  <Table.Th>{t('governance.specs.qualityStandard')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.version}>
                    <Table.Td>
                      {s.version}{' '}
                      {s.version === inForce?.version && (
                        <Badge variant="light" color="blue" ml={4}>
                          {t('governance.specs.inForce')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{f.date(s.effectiveFrom)}</Table.Td>
                    <Table.Td>{s.qualityStandard}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </QueryState>
      {governs(session.data) && items.length > 0 && <PublishForm metal={metal} latest={items.at(-1)!} />}
    </Stack>
  );
}

function PublishForm({ metal, latest }: { metal: Metal; latest: ContractSpec }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [body, setBody] = useState(() => editable(latest));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [done, setDone] = useState<ContractSpec | null>(null);
  // Another metal, or a newer latest version: start again from it.
  const latestKey = `${latest.metal}:${latest.version}`;
  useEffect(() => setBody(editable(latest)), [latestKey]);
  const publish = useMutation({
    meta: { toast: (s) => t('toast.specPublished', { metal: (s as ContractSpec).metal, version: (s as ContractSpec).version }) },
    mutationFn: (spec: Record<string, unknown>) => api<ContractSpec>(`/api/v1/metals/${metal}/specs`, { body: spec }),
    onSuccess: async (s) => {
      setDone(s);
      setEffectiveFrom('');
      await Promise.all([qc.invalidateQueries({ queryKey: ['specs'] }), qc.invalidateQueries({ queryKey: ['spec'] })]);
    },
  });
  const { byField, fieldError } = formErrors(publish.error);
  // Problems of the body's own fields (e.g. `purity`) are shown under the JSON they came from.
  const bodyProblems = Object.keys(byField).filter((k) => k !== 'effectiveFrom');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      setJsonError(t('governance.specs.badJson', { why: err instanceof Error ? err.message : String(err) }));
      return;
    }
    setJsonError(null);
    publish.mutate({ ...(parsed as Record<string, unknown>), effectiveFrom });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="publish-title" data-testid="spec-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="publish-title">
            {t('governance.specs.publishTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('governance.specs.publishIntro')}
          </Text>
          <TextInput
            type="date"
            label={t('governance.specs.effectiveFrom')}
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            error={fieldError('effectiveFrom')}
            w="fit-content"
          />
          <Textarea
            label={t('governance.specs.body')}
            autosize
            minRows={8}
            maxRows={24}
            className="mono"
            spellCheck={false}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={
              jsonError ??
              (bodyProblems.length > 0 ? (
                <>
                  {bodyProblems.map((k) => (
                    <span key={k} style={{ display: 'block' }}>
                      <code>{k}</code>: {fieldError(k)}
                    </span>
                  ))}
                </>
              ) : undefined)
            }
          />
          <FormErrorSummary error={publish.error} byField={byField} fieldsMessage={t('governance.fieldsMessage')} />
          {done && (
            <Alert color="green" role="status" data-testid="spec-done">
              {t('governance.specs.done', { version: done.version, metal: done.metal, date: f.date(done.effectiveFrom) })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={publish.isPending}>
              {t('governance.specs.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
