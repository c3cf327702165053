import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type Organisation } from '../api.ts';
import { ErrorAlert, Loading } from '../components/common.tsx';
import { Field } from '../components/Field.tsx';
import { UsersPanel } from '../components/UsersPanel.tsx';
import { useFormat } from '../format.ts';
import { useOrgKindName } from '../organisations.ts';
import { useSession } from '../session.ts';

// One organisation: what the register holds about it and, for its administrators or the exchange's,
// its users and the invitation form (how the exchange invites a new organisation's first user).

export function OrganisationPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const kindName = useOrgKindName();
  const session = useSession();
  const org = useQuery({
    queryKey: ['organisation', orgId],
    queryFn: () => api<Organisation>(`/api/v1/organisations/${encodeURIComponent(orgId)}`),
  });
  if (session.isLoading || org.isLoading) return <Loading />;
  if (org.error || !org.data) return <ErrorAlert error={org.error} />;
  const o = org.data;
  const s = session.data;
  const isExchange = s?.organisation?.kind === 'exchange';
  // The server's rule (users.manage): administrators of this organisation, or of the exchange.
  const canManageUsers = s?.user?.role === 'admin' && (isExchange || s.organisation?.id === o.id);
  return (
    <Stack gap="xl">
      <div>
        {isExchange && (
          <Anchor component={Link} to="/organisations" size="sm">
            ← {t('organisations.back')}
          </Anchor>
        )}
        <Title order={1} size="h2" mt="xs">
          {o.name}
        </Title>
      </div>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} component="dl" m={0}>
          <Field label={t('organisations.kind')}>{kindName(o.kind)}</Field>
          <Field label={t('organisations.country')}>{o.country ? f.country(o.country) : '—'}</Field>
          <Field label={t('organisations.added')}>{f.date(o.createdAt)}</Field>
        </SimpleGrid>
      </Paper>
      {o.kind === 'producer' && (
        <Group>
          <Anchor component={Link} to={`/producers/${o.id}`}>
            {t('organisations.profile')}
          </Anchor>
        </Group>
      )}
      {canManageUsers ? (
        <UsersPanel orgId={o.id} orgName={o.name} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('organisations.usersAdminsOnly')}
        </Text>
      )}
    </Stack>
  );
}
