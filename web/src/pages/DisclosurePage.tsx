import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type Disclosure, type ResponseOf } from '../api.ts';
import { ExpiryBadge, useKindName, useLevelName } from '../components/Disclosures.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorAlert, Loading, formErrors } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useSession } from '../session.ts';

// One disclosure: what was filed, its validity, evidence and every auditor attestation. An auditor
// (member or administrator) attests it here; the attestation signs the disclosure's digest.
export function DisclosurePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const kind = useKindName();
  const level = useLevelName();
  const session = useSession();
  const s = session.data;
  const disclosure = useQuery({ queryKey: ['disclosure', id], queryFn: () => api<Disclosure>(`/api/v1/disclosures/${id}`) });
  const directory = useQuery({
    queryKey: ['directory', 'auditor'],
    queryFn: () => api<ResponseOf<'/api/v1/organisation-directory'>>('/api/v1/organisation-directory', { query: { kind: 'auditor' } }),
    enabled: !!s?.signedIn && !!disclosure.data?.auditorOrgId,
  });
  if (disclosure.isLoading) return <Loading />;
  if (disclosure.error || !disclosure.data) return <ErrorAlert error={disclosure.error} />;
  const d = disclosure.data;
  const attestations = d.attestations ?? [];
  const requested = d.auditorOrgId ? directory.data?.items.find((a) => a.id === d.auditorOrgId) : undefined;
  const isAuditor = !!s?.signedIn && s.organisation?.kind === 'auditor' && !!s.user && s.user.role !== 'viewer';
  const attestedByUs = attestations.some((a) => a.auditor.id === s?.organisation?.id);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/disclosures" size="sm">
          ← {t('disclosures.title')}
        </Anchor>
        <Text size="sm" c="dimmed" mt="xs">
          {t('disclosures.heading', { kind: kind(d.kind) })}
        </Text>
        <Title order={1} size="h2">
          {d.title}
        </Title>
        <Group gap="xs" mt={4}>
          <ExpiryBadge d={d} />
          {d.restricted && (
            <Badge variant="outline" color="grape" style={{ textTransform: 'none' }}>
              {t('disclosures.restricted')}
            </Badge>
          )}
          <Badge variant="light" color={attestations.length ? 'green' : 'gray'} data-testid="attestation-count" style={{ textTransform: 'none' }}>
            {t('disclosures.attestedN', { count: attestations.length })}
          </Badge>
        </Group>
      </div>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="dl" m={0}>
          <Field label={t('brands.producer')}>
            <Anchor component={Link} to={`/producers/${d.organisation.id}`}>
              {d.organisation.name}
            </Anchor>
          </Field>
          <Field label={t('profile.level')}>{level(d)}</Field>
          <Field label={t('profile.topic')}>
            <span className="mono">{d.topic}</span>
          </Field>
          {d.standardCode && <Field label={t('disclosures.standard')}>{d.standardCode}</Field>}
          {d.value !== null && <Field label={t('profile.value')}>{`${f.decimal(d.value)} ${d.unit ?? ''}`}</Field>}
          {(d.periodStart || d.periodEnd) && (
            <Field label={t('profile.period')}>
              {d.periodStart ? `${f.date(d.periodStart)} – ` : ''}
              {f.date(d.periodEnd)}
            </Field>
          )}
          {d.methodology && <Field label={t('cbam.methodology')}>{d.methodology}</Field>}
          {d.validFrom && <Field label={t('disclosures.validFrom')}>{f.date(d.validFrom)}</Field>}
          {d.validUntil && <Field label={t('disclosures.validUntil')}>{f.date(d.validUntil)}</Field>}
          {d.auditorOrgId && <Field label={t('disclosures.auditorRequested')}>{requested?.name ?? t('disclosures.auditorNamed')}</Field>}
          {d.filedAt && <Field label={t('disclosures.filedAt')}>{f.dateTime(d.filedAt)}</Field>}
          {d.logIndex !== undefined && <Field label={t('sourcing.logIndex')}>{f.integer(d.logIndex)}</Field>}
        </SimpleGrid>
        {d.contentDigest && (
          <>
            <Text size="xs" c="dimmed" mt="md">
              {t('disclosures.digest')}
            </Text>
            <Text size="sm" className="mono">
              {d.contentDigest}
            </Text>
          </>
        )}
      </Paper>

      <section aria-labelledby="evidence">
        <Title order={2} size="h3" id="evidence" mb="xs">
          {t('disclosures.evidence')}
        </Title>
        {(d.evidence ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('disclosures.noEvidence')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {d.evidence!.map((e) => (
              <List.Item key={e.id}>
                <Anchor href={`/api/v1/evidence-files/${e.id}`} download={e.filename}>
                  {e.filename}
                </Anchor>{' '}
                · {t('disclosures.bytes', { size: f.integer(e.sizeBytes) })} · <span className="mono">SHA-256 {e.sha256}</span>
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby="attestations">
        <Title order={2} size="h3" id="attestations" mb="xs">
          {t('disclosures.attestations')}
        </Title>
        {attestations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('disclosures.noAttestations')}
          </Text>
        ) : (
          <div className="table-scroll">
            <Table striped data-testid="attestations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sourcing.auditor')}</Table.Th>
                  <Table.Th>{t('disclosures.statement')}</Table.Th>
                  <Table.Th>{t('disclosures.attestedAt')}</Table.Th>
                  <Table.Th>{t('sourcing.logIndex')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attestations.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.auditor.name}</Table.Td>
                    <Table.Td>{a.statement}</Table.Td>
                    <Table.Td>{f.dateTime(a.attestedAt)}</Table.Td>
                    <Table.Td>{f.integer(a.logIndex)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {isAuditor && !attestedByUs && <AttestForm disclosure={d} />}
        {isAuditor && attestedByUs && (
          <Alert color="green" role="status" mt="md" data-testid="attested-by-us">
            {t('disclosures.attested')}
          </Alert>
        )}
      </section>
    </Stack>
  );
}

function AttestForm({ disclosure }: { disclosure: Disclosure }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [statement, setStatement] = useState('');
  const attest = useMutation({
    meta: { toast: 'disclosure' },
    mutationFn: () => api<Disclosure>(`/api/v1/disclosures/${disclosure.id}/attestations`, { body: { statement: statement.trim() } }),
    onSuccess: async (d) => {
      qc.setQueryData(['disclosure', disclosure.id], d);
      await qc.invalidateQueries({ queryKey: ['disclosures'] });
      await qc.invalidateQueries({ queryKey: ['attestation-requests'] });
    },
  });
  const { byField, fieldError } = formErrors(attest.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    attest.mutate();
  };
  return (
    <Paper withBorder p="md" mt="md">
      <form onSubmit={submit} aria-labelledby="attest-title">
        <Stack gap="sm" maw={640}>
          <Title order={3} size="h4" id="attest-title">
            {t('disclosures.attest')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('disclosures.attestHint')}
          </Text>
          <Textarea
            label={t('disclosures.statement')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={2000}
            value={statement}
            onChange={(e) => setStatement(e.currentTarget.value)}
            error={fieldError('statement')}
          />
          {attest.error != null && !byField.statement && <ErrorAlert error={attest.error} />}
          <Button type="submit" w="fit-content" loading={attest.isPending} disabled={statement.trim().length < 3}>
            {t('disclosures.attestSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
