import {
  Alert,
  Anchor,
  Button,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, ApiError, ORG_KINDS, type OrgKind, type Organisation, type ResponseOf } from '../api.ts';
import { formErrors, FormErrorSummary, Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { useFormat } from '../format.ts';
import { useOrgKindName } from '../organisations.ts';
import { useSession } from '../session.ts';

// The exchange's register of organisations: every organisation by name, kind and country, and for
// the exchange's administrators a form to add one (then invite its first user on its own page).

export function OrganisationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!s?.signedIn || s.organisation?.kind !== 'exchange') {
    return (
      <PageRefusal title={t('organisations.title')} reasonTitle={t('organisations.exchangeOnlyTitle')}>
        {t('organisations.exchangeOnly')}
      </PageRefusal>
    );
  }
  return <Register isAdmin={s.user?.role === 'admin'} />;
}

function Register({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const kindName = useOrgKindName();
  const [kind, setKind] = useState<OrgKind | ''>('');
  const orgs = useQuery({
    queryKey: ['organisations', kind],
    queryFn: () => api<ResponseOf<'/api/v1/organisations'>>('/api/v1/organisations', { query: { kind } }),
  });
  const items = orgs.data?.items ?? [];
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('organisations.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('organisations.intro')}
        </Text>
      </div>
      {isAdmin && <CreateForm />}
      <section aria-labelledby="org-list">
        <Title order={2} size="h3" id="org-list" mb="xs">
          {t('organisations.list')}
        </Title>
        <NativeSelect
          label={t('organisations.filterKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as OrgKind | '')}
          data={[
            { value: '', label: t('organisations.allKinds') },
            ...ORG_KINDS.map((k) => ({ value: k, label: kindName(k) })),
          ]}
          maw={280}
          mb="sm"
        />
        <QueryState query={orgs}>
          <DataTable
            testId="organisations"
            caption={t('organisations.caption', { count: items.length })}
            columns={[
              t('organisations.name'),
              t('organisations.kind'),
              t('organisations.country'),
              t('organisations.added'),
            ]}
            items={items}
            emptyRow={t('organisations.none')}
            row={(o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/organisations/${o.id}`}>
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{kindName(o.kind)}</Table.Td>
                <Table.Td>{o.country ? f.country(o.country) : '—'}</Table.Td>
                <Table.Td>{f.date(o.createdAt)}</Table.Td>
              </Table.Tr>
            )}
          />
        </QueryState>
      </section>
    </Stack>
  );
}

function CreateForm() {
  const { t } = useTranslation();
  const kindName = useOrgKindName();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrgKind>('producer');
  const [country, setCountry] = useState('');
  const create = useMutation({
    meta: { toast: 'organisation' },
    mutationFn: () =>
      api<Organisation>('/api/v1/organisations', {
        body: { name: name.trim(), kind, ...(country.trim() ? { country: country.trim() } : {}) },
      }),
    onSuccess: async () => {
      setName('');
      setCountry('');
      await qc.invalidateQueries({ queryKey: ['organisations'] });
      await qc.invalidateQueries({ queryKey: ['directory'] });
    },
  });
  const { byField, fieldError } = formErrors(create.error);
  // A name already on the register is a conflict without a field path: it belongs beside the name.
  if (create.error instanceof ApiError && create.error.status === 409 && !byField.name)
    byField.name = create.error.message;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby="org-create" noValidate data-testid="organisation-form">
        <Stack gap="sm">
          <Title order={2} size="h3" id="org-create">
            {t('organisations.create')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('organisations.createIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('organisations.name')}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError('name')}
            />
            <NativeSelect
              label={t('organisations.kind')}
              required
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as OrgKind)}
              data={ORG_KINDS.map((k) => ({ value: k, label: kindName(k) }))}
              error={fieldError('kind')}
            />
            <TextInput
              label={t('organisations.country')}
              description={t('organisations.countryHint')}
              maxLength={2}
              autoComplete="off"
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
              error={fieldError('country')}
            />
          </SimpleGrid>
          <FormErrorSummary
            error={create.error}
            byField={byField}
            fieldsMessage={t('organisations.notCreated')}
          />
          <Button type="submit" w="fit-content" loading={create.isPending}>
            {t('organisations.submitCreate')}
          </Button>
        </Stack>
      </form>
      {create.data && (
        <Alert
          color="green"
          title={t('organisations.createdTitle')}
          role="status"
          mt="md"
          data-testid="organisation-created"
        >
          <Text size="sm">
            {t('organisations.createdBody', { name: create.data.name, kind: kindName(create.data.kind) })}
          </Text>
          <Anchor component={Link} to={`/organisations/${create.data.id}`} size="sm">
            {t('organisations.inviteFirst', { name: create.data.name })}
          </Anchor>
        </Alert>
      )}
    </Paper>
  );
}
