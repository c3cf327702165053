import { Alert, Button, Checkbox, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiKey, type ResponseOf } from '../api.ts';
import { useFormat } from '../format.ts';
import { ErrorAlert, Loading } from './common.tsx';

export function ApiKeysPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => api<ResponseOf<'/api/v1/api-keys'>>('/api/v1/api-keys'),
  });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    meta: { toast: 'apiKey' },
    mutationFn: () => api<ResponseOf<'/api/v1/api-keys', 'post'>>('/api/v1/api-keys', { body: { name, scopes } }),
    onSuccess: async (r) => {
      setCreated(r.key);
      setName('');
      await qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    meta: { toast: 'apiKey' },
    mutationFn: (id: string) => api<ApiKey>(`/api/v1/api-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const scopeLabel: Record<string, string> = {
    read: t('apiKeys.scopes.read'),
    'certificates:write': t('apiKeys.scopes.certificatesWrite'),
    'sustainability:write': t('apiKeys.scopes.sustainabilityWrite'),
    'cbam:write': t('apiKeys.scopes.cbamWrite'),
    'brands:write': t('apiKeys.scopes.brandsWrite'),
    'specs:write': t('apiKeys.scopes.specsWrite'),
    admin: t('apiKeys.scopes.admin'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="api-keys">
      <Stack>
        <Title order={2} size="h3" id="api-keys">
          {t('apiKeys.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('apiKeys.intro')}
        </Text>
        {keys.error && <ErrorAlert error={keys.error} />}
        {keys.isLoading ? (
          <Loading />
        ) : (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apiKeys.name')}</Table.Th>
                  <Table.Th>{t('apiKeys.prefix')}</Table.Th>
                  <Table.Th>{t('apiKeys.scopesLabel')}</Table.Th>
                  <Table.Th>{t('apiKeys.created')}</Table.Th>
                  <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('apiKeys.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{t('apiKeys.none')}</Table.Td>
                  </Table.Tr>
                )}
                {keys.data?.items.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.name}</Table.Td>
                    <Table.Td className="mono">{k.prefix}</Table.Td>
                    <Table.Td>
                      {k.scopes.map((s) => scopeLabel[s] ?? s).join(', ')}
                      {!k.revokedAt && k.unfitScopes && k.unfitScopes.length > 0 && (
                        <Text size="xs" c="red.9" role="note" data-testid="unfit-key">
                          {t('apiKeys.unfit', { scopes: k.unfitScopes.map((s) => scopeLabel[s] ?? s).join(', ') })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{f.dateTime(k.createdAt)}</Table.Td>
                    <Table.Td>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t('apiKeys.never')}</Table.Td>
                    <Table.Td>
                      {k.revokedAt ? (
                        <Text size="sm" c="dimmed">
                          {t('apiKeys.revokedOn', { date: f.date(k.revokedAt) })}
                        </Text>
                      ) : (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => revoke.mutate(k.id)}
                          aria-label={t('apiKeys.revokeNamed', { name: k.name })}
                        >
                          {t('apiKeys.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <form onSubmit={submit} aria-label={t('apiKeys.create')}>
          <Stack gap="sm" maw={560}>
            <TextInput label={t('apiKeys.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Checkbox.Group label={t('apiKeys.scopesLabel')} value={scopes} onChange={setScopes}>
              <Group mt="xs" wrap="wrap">
                {(keys.data?.availableScopes ?? ['read']).map((s) => (
                  <Checkbox key={s} value={s} label={scopeLabel[s]} />
                ))}
              </Group>
            </Checkbox.Group>
            {create.error && <ErrorAlert error={create.error} />}
            {revoke.error && <ErrorAlert error={revoke.error} />}
            <Button type="submit" w="fit-content" loading={create.isPending} disabled={!name || scopes.length === 0}>
              {t('apiKeys.create')}
            </Button>
          </Stack>
        </form>
        {created && (
          <Alert color="yellow" title={t('apiKeys.createdTitle')} role="status">
            <Text size="sm">{t('apiKeys.createdBody')}</Text>
            <Code block mt="xs" className="mono">
              {created}
            </Code>
          </Alert>
        )}
      </Stack>
    </section>
  );
}
