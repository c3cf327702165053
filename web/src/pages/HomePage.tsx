import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Brand, type CertificateView, type Organisation, type Page, type Session } from '../api.ts';
import { ApiKeysPanel } from '../components/ApiKeysPanel.tsx';
import { CertificateTable } from '../components/CertificateTable.tsx';
import { ErrorAlert, Loading, StatusBadge } from '../components/common.tsx';
import { useMetalName } from '../metals.ts';
import { isProducerMember, useSession } from '../session.ts';

export function HomePage() {
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!s?.signedIn) return <PublicHome />;
  return (
    <Stack gap="xl">
      <Welcome s={s} />
      {s.organisation?.kind === 'producer' && <ProducerHome s={s} />}
      {s.organisation?.kind === 'exchange' && <ExchangeHome />}
      {s.user?.role === 'admin' && <ApiKeysPanel />}
    </Stack>
  );
}

function Welcome({ s }: { s: Session }) {
  const { t } = useTranslation();
  const kind = s.organisation?.kind ?? 'producer';
  const kinds: Record<string, string> = {
    exchange: t('orgKinds.exchange'),
    producer: t('orgKinds.producer'),
    warehouse: t('orgKinds.warehouse'),
    trader: t('orgKinds.trader'),
    lender: t('orgKinds.lender'),
    end_user: t('orgKinds.end_user'),
    auditor: t('orgKinds.auditor'),
  };
  return (
    <div>
      <Title order={1}>{t('home.welcome', { name: s.user?.name ?? s.organisation?.name ?? '' })}</Title>
      <Text c="dimmed">
        {s.organisation?.name} · {kinds[kind] ?? kind}
      </Text>
    </div>
  );
}

function PublicHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('home.publicTitle')}</Title>
        <Text size="lg" c="dimmed" maw={720}>
          {t('home.publicIntro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            {t('home.verifyTitle')}
          </Title>
          <Text size="sm" my="sm">
            {t('home.verifyBody')}
          </Text>
          <Button component={Link} to="/verify">
            {t('nav.verify')}
          </Button>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            {t('home.searchTitle')}
          </Title>
          <Text size="sm" my="sm">
            {t('home.searchBody')}
          </Text>
          <Button component={Link} to="/certificates" variant="light">
            {t('nav.certificates')}
          </Button>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            {t('home.brandsTitle')}
          </Title>
          <Text size="sm" my="sm">
            {t('home.brandsBody')}
          </Text>
          <Button component={Link} to="/brands" variant="light">
            {t('nav.brands')}
          </Button>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function ProducerHome({ s }: { s: Session }) {
  const { t } = useTranslation();
  const recent = useQuery({
    queryKey: ['certificates', 'mine', 'recent'],
    queryFn: () => api<Page<CertificateView>>('/api/v1/certificates', { query: { mine: true, limit: 10 } }),
  });
  const rejected = useQuery({
    queryKey: ['certificates', 'mine', 'rejected'],
    queryFn: () => api<Page<CertificateView>>('/api/v1/certificates', { query: { mine: true, status: 'rejected', limit: 10 } }),
  });
  return (
    <Stack gap="xl">
      {isProducerMember(s) && (
        <Group>
          <Button component={Link} to="/certificates/new">
            {t('nav.issue')}
          </Button>
          <Button component={Link} to="/imports" variant="light">
            {t('nav.import')}
          </Button>
          {s.organisation && (
            <Button component={Link} to={`/producers/${s.organisation.id}`} variant="default">
              {t('home.ourProfile')}
            </Button>
          )}
        </Group>
      )}
      <section aria-labelledby="attention">
        <Title order={2} size="h3" id="attention">
          {t('home.attention')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('home.attentionHint')}
        </Text>
        {rejected.error ? <ErrorAlert error={rejected.error} /> : rejected.isLoading ? <Loading /> : <CertificateTable items={rejected.data?.items ?? []} />}
      </section>
      <section aria-labelledby="recent">
        <Title order={2} size="h3" id="recent" mb="xs">
          {t('home.recent')}
        </Title>
        {recent.error ? <ErrorAlert error={recent.error} /> : recent.isLoading ? <Loading /> : <CertificateTable items={recent.data?.items ?? []} />}
        <Anchor component={Link} to="/certificates?mine=true" size="sm">
          {t('home.allMine')}
        </Anchor>
      </section>
    </Stack>
  );
}

function ExchangeHome() {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const brands = useQuery({ queryKey: ['brands', 'all'], queryFn: () => api<{ items: Brand[] }>('/api/v1/brands') });
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => api<{ items: Organisation[] }>('/api/v1/organisations') });
  const kinds: Record<string, string> = {
    exchange: t('orgKinds.exchange'),
    producer: t('orgKinds.producer'),
    warehouse: t('orgKinds.warehouse'),
    trader: t('orgKinds.trader'),
    lender: t('orgKinds.lender'),
    end_user: t('orgKinds.end_user'),
    auditor: t('orgKinds.auditor'),
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <section aria-labelledby="ex-brands">
        <Title order={2} size="h3" id="ex-brands" mb="xs">
          {t('home.brands')}
        </Title>
        {brands.error && <ErrorAlert error={brands.error} />}
        {brands.isLoading ? (
          <Loading />
        ) : (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('brands.code')}</Table.Th>
                  <Table.Th>{t('filters.metal')}</Table.Th>
                  <Table.Th>{t('brands.producer')}</Table.Th>
                  <Table.Th>{t('filters.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {brands.data?.items.slice(0, 12).map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/brands/${b.id}`} className="mono">
                        {b.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{metalName(b.metal)}</Table.Td>
                    <Table.Td>{b.producer.name}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={b.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <Anchor component={Link} to="/brands" size="sm">
          {t('home.allBrands', { count: brands.data?.items.length ?? 0 })}
        </Anchor>
      </section>
      <section aria-labelledby="ex-orgs">
        <Title order={2} size="h3" id="ex-orgs" mb="xs">
          {t('home.organisations')}
        </Title>
        {orgs.error && <ErrorAlert error={orgs.error} />}
        {orgs.isLoading ? (
          <Loading />
        ) : (
          <div className="table-scroll">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('home.orgName')}</Table.Th>
                  <Table.Th>{t('home.orgKind')}</Table.Th>
                  <Table.Th>{t('home.orgCountry')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orgs.data?.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td>{kinds[o.kind] ?? o.kind}</Table.Td>
                    <Table.Td>{o.country ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
    </SimpleGrid>
  );
}
