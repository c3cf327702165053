import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
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
import { api, ROLES, type OrgUser, type ResponseOf, type Role, type UserCreated } from '../api.ts';
import { useFormat } from '../format.ts';
import { invitationLink, useRoleName } from '../organisations.ts';
import { useSession } from '../session.ts';
import { DataTable } from './DataTable.tsx';
import { formErrors, FormErrorSummary, QueryState } from './common.tsx';

// An organisation's users and the invitation form, for its administrators (or the exchange's):
// the server refuses everyone else, so callers render this only for them. An invitation's link is
// shown once, like an API key.

export const usersKey = (orgId: string) => ['org-users', orgId] as const;

export function UsersPanel({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const roleName = useRoleName();
  const session = useSession();
  const users = useQuery({
    queryKey: usersKey(orgId),
    queryFn: () =>
      api<ResponseOf<'/api/v1/organisations/{orgId}/users'>>(`/api/v1/organisations/${orgId}/users`),
  });
  const items = users.data?.items ?? [];
  const me = session.data?.user?.id;
  const qc = useQueryClient();
  // Lifts a lock after too many failed sign-ins (the server records who did it).
  const unlock = useMutation({
    meta: { toast: 'users' },
    mutationFn: (u: OrgUser) => api(`/api/v1/organisations/${orgId}/users/${u.id}/sign-in-lock`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey(orgId) }),
  });
  const status = (u: OrgUser) =>
    u.signInLockedUntil && !u.disabled ? (
      <Group gap="xs" wrap="nowrap">
        <Badge color="red" variant="light" title={t('users.lockedUntil', { time: f.dateTime(u.signInLockedUntil) })}>
          {t('users.statuses.locked')}
        </Badge>
        <Button size="compact-xs" variant="light" loading={unlock.isPending && unlock.variables?.id === u.id} onClick={() => unlock.mutate(u)}>
          {t('users.unlock')}
        </Button>
      </Group>
    ) : u.disabled ? (
      <Badge color="gray" variant="light">
        {t('users.statuses.disabled')}
      </Badge>
    ) : !u.hasPassword ? (
      <Badge color="yellow" variant="light">
        {t('users.statuses.invited')}
      </Badge>
    ) : (
      <Badge color="green" variant="light">
        {t('users.statuses.active')}
      </Badge>
    );
  return (
    <section aria-labelledby="users">
      <Stack>
        <Title order={2} size="h3" id="users">
          {t('users.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('users.intro', { org: orgName })}
        </Text>
        <QueryState query={users}>
          <DataTable
            testId="users"
            caption={t('users.caption', { count: items.length })}
            columns={[
              t('users.name'),
              t('users.email'),
              t('users.role'),
              t('users.status'),
              t('users.added'),
            ]}
            items={items}
            emptyRow={t('users.none')}
            row={(u) => (
              <Table.Tr key={u.id} data-email={u.email}>
                <Table.Td>
                  {u.name}
                  {u.id === me && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      {t('users.you')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{u.email}</Table.Td>
                <Table.Td>{roleName(u.role)}</Table.Td>
                <Table.Td>{status(u)}</Table.Td>
                <Table.Td>{f.date(u.createdAt)}</Table.Td>
              </Table.Tr>
            )}
          />
        </QueryState>
        <InviteForm orgId={orgId} />
      </Stack>
    </section>
  );
}

function InviteForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const roleName = useRoleName();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [invited, setInvited] = useState<UserCreated | null>(null);
  const invite = useMutation({
    meta: { toast: 'users' },
    mutationFn: () =>
      api<UserCreated>(`/api/v1/organisations/${orgId}/users`, {
        body: { email: email.trim(), name: name.trim(), role },
      }),
    onSuccess: async (r) => {
      setInvited(r);
      setEmail('');
      setName('');
      setRole('member');
      await qc.invalidateQueries({ queryKey: usersKey(orgId) });
    },
  });
  const { byField, fieldError } = formErrors(invite.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setInvited(null);
    invite.mutate();
  };
  const link = invited?.invitationToken ? invitationLink(invited.invitationToken) : null;
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby="invite-user" noValidate data-testid="invite-form">
        <Stack gap="sm">
          <Title order={3} size="h4" id="invite-user">
            {t('users.invite')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('users.inviteIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('users.email')}
              type="email"
              autoComplete="off"
              required
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError('email')}
            />
            <TextInput
              label={t('users.name')}
              description={t('users.nameHint')}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError('name')}
            />
            <NativeSelect
              label={t('users.role')}
              description={t('users.roleHint')}
              required
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
              data={[...ROLES].reverse().map((r) => ({ value: r, label: roleName(r) }))}
              error={fieldError('role')}
            />
          </SimpleGrid>
          <FormErrorSummary error={invite.error} byField={byField} fieldsMessage={t('users.notInvited')} />
          <Button type="submit" w="fit-content" loading={invite.isPending}>
            {t('users.submitInvite')}
          </Button>
        </Stack>
      </form>
      {invited && link && (
        <Alert color="yellow" title={t('users.invitedTitle')} role="status" mt="md" data-testid="invitation">
          <Stack gap="xs">
            <Text size="sm">
              {t('users.invitedBody', {
                name: invited.user.name,
                email: invited.user.email,
                role: roleName(invited.user.role),
                date: f.dateTime(invited.invitationExpiresAt),
              })}
            </Text>
            <Group align="flex-end" gap="xs" wrap="wrap">
              <TextInput
                label={t('users.link')}
                readOnly
                value={link}
                classNames={{ input: 'mono' }}
                style={{ flex: '1 1 16rem' }}
                onFocus={(e) => e.currentTarget.select()}
                data-testid="invitation-link"
              />
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'green' : 'blue'}
                    onClick={copy}
                    aria-live="polite"
                  >
                    {copied ? t('users.copied') : t('users.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
    </Paper>
  );
}
