import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  api,
  type Brand,
  type CertificatePage,
  type DisclosurePage,
  type ImportJob,
  type ResponseOf,
  type Session,
} from '../api.ts';
import { ApiKeysPanel } from '../components/ApiKeysPanel.tsx';
import { CertificateTable } from '../components/CertificateTable.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { DisclosureList, EXPIRY_WARNING_DAYS } from '../components/Disclosures.tsx';
import { UsersPanel } from '../components/UsersPanel.tsx';
import { RentHomeCard } from '../components/rent/RentHomeCard.tsx';
import { ErrorAlert, Loading, QueryState, StatusBadge } from '../components/common.tsx';
import { Queue } from '../components/Queue.tsx';
import { isoDateFromToday } from '../files.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { useOrgKindName } from '../organisations.ts';
import { isProducerMember, useSession } from '../session.ts';
import { isCollateralTaker, LenderBook } from './PledgesPage.tsx';
import { HolderHome, HOLDER_KINDS, WarehouseHome, WarrantReviewQueue } from './WarehouseHome.tsx';

export function HomePage() {
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!s?.signedIn) return <PublicHome />;
  return (
    <Stack gap="xl">
      <Welcome s={s} />
      {s.organisation?.kind !== 'exchange' && <RentHomeCard />}
      {s.organisation?.kind === 'producer' && <ProducerHome s={s} />}
      {s.organisation?.kind === 'warehouse' && <WarehouseHome s={s} />}
      {s.organisation && HOLDER_KINDS.includes(s.organisation.kind) && <HolderHome s={s} />}
      {s.organisation?.kind === 'exchange' && <ExchangeQueues />}
      {s.organisation?.kind === 'exchange' && <ExchangeHome />}
      {s.organisation?.kind === 'auditor' && s.organisation && <AuditorHome orgId={s.organisation.id} />}
      {isCollateralTaker(s) && <LenderBook />}
      {s.user?.role === 'admin' && s.organisation && <UsersPanel orgId={s.organisation.id} orgName={s.organisation.name} />}
      {s.user?.role === 'admin' && <ApiKeysPanel />}
    </Stack>
  );
}

function Welcome({ s }: { s: Session }) {
  const { t } = useTranslation();
  const kindName = useOrgKindName();
  return (
    <div>
      <Title order={1}>{t('home.welcome', { name: s.user?.name ?? s.organisation?.name ?? '' })}</Title>
      <Text c="dimmed">
        {s.organisation?.name} · {kindName(s.organisation?.kind ?? 'producer')}
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
    queryFn: () => api<CertificatePage>('/api/v1/certificates', { query: { mine: true, limit: 10 } }),
  });
  const rejected = useQuery({
    // Only rejections not yet dealt with (certified since, or attempted again): the list clears as they are.
    queryKey: ['certificates', 'mine', 'needs-attention'],
    queryFn: () => api<CertificatePage>('/api/v1/certificates', { query: { mine: true, needsAttention: true, limit: 10 } }),
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
        <QueryState query={rejected}>
          <CertificateTable items={rejected.data?.items ?? []} />
        </QueryState>
      </section>
      <section aria-labelledby="recent">
        <Title order={2} size="h3" id="recent" mb="xs">
          {t('home.recent')}
        </Title>
        <QueryState query={recent}>
          <CertificateTable items={recent.data?.items ?? []} />
        </QueryState>
        <Anchor component={Link} to="/certificates?mine=true" size="sm">
          {t('home.allMine')}
        </Anchor>
      </section>
      {s.organisation && <ExpiringDisclosures orgId={s.organisation.id} />}
      <ImportJobs />
    </Stack>
  );
}

/** The producer's certifications and other dated disclosures that have expired or expire soon. */
function ExpiringDisclosures({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const expiring = useQuery({
    queryKey: ['disclosures', 'expiring', orgId],
    queryFn: () => api<DisclosurePage>('/api/v1/disclosures', { query: { organisation: orgId, expiresBy: isoDateFromToday(EXPIRY_WARNING_DAYS), limit: 50 } }),
  });
  return (
    <section aria-labelledby="expiries">
      <Title order={2} size="h3" id="expiries">
        {t('home.expiries')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('home.expiriesHint', { days: EXPIRY_WARNING_DAYS })}
      </Text>
      <QueryState query={expiring}>
        <DisclosureList
          items={expiring.data?.items ?? []}
          caption={t('home.expiriesCaption', { count: expiring.data?.items.length ?? 0 })}
          testId="home-expiries"
          showProducer={false}
          empty={t('home.noExpiries')}
        />
      </QueryState>
      <Group gap="md">
        <Anchor component={Link} to="/disclosures?mine=true" size="sm">
          {t('home.allDisclosures')}
        </Anchor>
        <Anchor component={Link} to="/disclosures/new" size="sm">
          {t('disclosures.file')}
        </Anchor>
      </Group>
    </section>
  );
}

const IMPORTS_SHOWN = 5;

function ImportJobs() {
  const { t } = useTranslation();
  const f = useFormat();
  const jobs = useQuery({ queryKey: ['imports', 'recent'], queryFn: () => api<ResponseOf<'/api/v1/imports'>>('/api/v1/imports', { query: { limit: IMPORTS_SHOWN } }) });
  const status = (j: ImportJob) =>
    ({ queued: t('imports.status.queued'), running: t('imports.status.running'), completed: t('imports.status.completed'), failed: t('imports.status.failed') })[j.status];
  const items = jobs.data?.items ?? [];
  return (
    <section aria-labelledby="home-imports">
      <Title order={2} size="h3" id="home-imports" mb="xs">
        {t('home.imports')}
      </Title>
      <QueryState query={jobs}>
        <DataTable
          testId="home-imports"
          columns={[t('home.importFile'), t('filters.status'), t('imports.accepted'), t('imports.rejected'), t('home.importStarted'), t('imports.errorsCsv')]}
          items={items}
          empty={
            <Text size="sm" c="dimmed">
              {t('home.noImports')}
            </Text>
          }
          row={(j) => (
            <Table.Tr key={j.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{j.filename}</Table.Td>
              <Table.Td>
                <Badge color={j.status === 'failed' ? 'red' : j.status === 'completed' ? 'green' : 'blue'} variant="light">
                  {status(j)}
                </Badge>
                {j.status === 'running' || j.status === 'queued' ? ` ${f.integer(j.records.done)} / ${f.integer(j.records.total)}` : ''}
              </Table.Td>
              <Table.Td>{f.integer(j.records.accepted)}</Table.Td>
              <Table.Td>{f.integer(j.records.rejected)}</Table.Td>
              <Table.Td>{f.dateTime(j.createdAt)}</Table.Td>
              <Table.Td>
                {j.errors > 0 ? (
                  <Anchor href={`/api/v1/imports/${j.id}/errors?format=csv`} download aria-label={t('home.importErrorsFor', { name: j.filename })}>
                    {t('home.importErrors', { count: j.errors })}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          )}
        />
      </QueryState>
      <Anchor component={Link} to="/imports" size="sm">
        {t('home.importMore')}
      </Anchor>
    </section>
  );
}

/** An auditor's work: disclosures that name it as auditor and that it has not attested yet. */
function AuditorHome({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const requests = useQuery({
    queryKey: ['attestation-requests', orgId],
    queryFn: () => api<DisclosurePage>('/api/v1/disclosures', { query: { auditor: orgId, unattested: true, limit: 100 } }),
  });
  const items = requests.data?.items ?? [];
  return (
    <section aria-labelledby="requests">
      <Title order={2} size="h3" id="requests">
        {t('auditorHome.requested')} {!requests.isLoading && <Badge variant="light">{items.length}{requests.data?.nextCursor ? '+' : ''}</Badge>}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('auditorHome.hint')}
      </Text>
      <QueryState query={requests}>
        <DisclosureList items={items} caption={t('auditorHome.caption', { count: items.length })} testId="attestation-requests" empty={t('auditorHome.none')} />
      </QueryState>
      <Anchor component={Link} to="/disclosures" size="sm">
        {t('home.allDisclosures')}
      </Anchor>
    </section>
  );
}


const QUEUE_LIMIT = 20;
const IMPORTS_SCANNED = 50;

/** What needs the exchange's attention, each queue straight from the API. */
/** Brands by code (linked), metal, producer and status. */
function BrandTable({ items, empty }: { items: Brand[]; empty?: ReactNode }) {
  const { t } = useTranslation();
  const metalName = useMetalName();
  return (
    <DataTable
      columns={[t('brands.code'), t('filters.metal'), t('brands.producer'), t('filters.status')]}
      items={items}
      empty={empty}
      row={(b) => (
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
      )}
    />
  );
}

/** What needs the exchange's attention, each queue straight from the API. */
function ExchangeQueues() {
  const { t } = useTranslation();
  const f = useFormat();
  const rejected = useQuery({
    queryKey: ['certificates', 'needs-attention', 'queue'],
    queryFn: () => api<CertificatePage>('/api/v1/certificates', { query: { needsAttention: true, limit: QUEUE_LIMIT } }),
  });
  const brands = useQuery({ queryKey: ['brands', 'all'], queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands') });
  const nonCompliant = useQuery({
    queryKey: ['sourcing-compliance', 'non_compliant'],
    queryFn: () => api<ResponseOf<'/api/v1/sourcing-compliance'>>('/api/v1/sourcing-compliance', { query: { status: 'non_compliant' } }),
  });
  const expiring = useQuery({
    queryKey: ['disclosures', 'expiring', 'all'],
    queryFn: () => api<DisclosurePage>('/api/v1/disclosures', { query: { kind: 'certification', expiresBy: isoDateFromToday(EXPIRY_WARNING_DAYS), limit: QUEUE_LIMIT } }),
  });
  const imports = useQuery({ queryKey: ['imports', 'scan'], queryFn: () => api<ResponseOf<'/api/v1/imports'>>('/api/v1/imports', { query: { limit: IMPORTS_SCANNED } }) });
  const held = (brands.data?.items ?? []).filter((b) => b.status !== 'listed');
  const failed = (imports.data?.items ?? []).filter((j) => j.status === 'failed');
  const none = <Text size="sm">{t('queues.empty')}</Text>;

  return (
    <section aria-labelledby="queues">
      <Title order={2} size="h3" id="queues" mb="sm">
        {t('queues.title')}
      </Title>
      <Stack gap="xl">
        <Queue id="q-rejected" title={t('queues.rejected')} count={rejected.data?.items.length} more={!!rejected.data?.nextCursor} hint={t('queues.rejectedHint')}>
          <QueryState query={rejected}>
            <CertificateTable items={rejected.data?.items ?? []} />
          </QueryState>
          <Anchor component={Link} to="/certificates?status=rejected" size="sm">
            {t('queues.allRejected')}
          </Anchor>
        </Queue>
        <Queue id="q-brands" title={t('queues.brands')} count={brands.data ? held.length : undefined} hint={t('queues.brandsHint')}>
          <QueryState query={brands}>
            <BrandTable items={held} empty={none} />
          </QueryState>
        </Queue>
        <Queue id="q-compliance" title={t('queues.nonCompliant')} count={nonCompliant.data?.items.length} hint={t('queues.nonCompliantHint')}>
          <QueryState query={nonCompliant}>
            <DataTable
              testId="non-compliant"
              columns={[t('brands.code'), t('brands.producer'), t('sourcing.effectiveFrom'), t('sourcing.reason')]}
              items={nonCompliant.data?.items ?? []}
              empty={none}
              row={(c) => (
                <Table.Tr key={c.brand.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/brands/${c.brand.id}`} className="mono">
                      {c.brand.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.brand.producer.name}</Table.Td>
                  <Table.Td>{f.date(c.effectiveDate)}</Table.Td>
                  <Table.Td>{c.reason}</Table.Td>
                </Table.Tr>
              )}
            />
          </QueryState>
        </Queue>
        <Queue
          id="q-expiring"
          title={t('queues.expiring', { days: EXPIRY_WARNING_DAYS })}
          count={expiring.data?.items.length}
          more={!!expiring.data?.nextCursor}
          hint={t('queues.expiringHint')}
        >
          <QueryState query={expiring}>
            <DisclosureList items={expiring.data?.items ?? []} caption={t('queues.expiringCaption', { count: expiring.data?.items.length ?? 0 })} testId="queue-expiring-list" empty={t('queues.empty')} />
          </QueryState>
          <Anchor component={Link} to="/disclosures?expiring=true&kind=certification" size="sm">
            {t('queues.allExpiring')}
          </Anchor>
        </Queue>
        <WarrantReviewQueue />
        <Queue id="q-imports" title={t('queues.failedImports')} count={imports.data ? failed.length : undefined} hint={t('queues.failedImportsHint', { count: IMPORTS_SCANNED })}>
          <QueryState query={imports}>
            <DataTable
              columns={[t('home.importFile'), t('home.importStarted'), t('queues.failure')]}
              items={failed}
              empty={none}
              row={(j) => (
                <Table.Tr key={j.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{j.filename}</Table.Td>
                  <Table.Td>{f.dateTime(j.createdAt)}</Table.Td>
                  <Table.Td lang="en">{j.failure ?? '—'}</Table.Td>
                </Table.Tr>
              )}
            />
          </QueryState>
        </Queue>
      </Stack>
    </section>
  );
}

function ExchangeHome() {
  const { t } = useTranslation();
  const kindName = useOrgKindName();
  const brands = useQuery({ queryKey: ['brands', 'all'], queryFn: () => api<ResponseOf<'/api/v1/brands'>>('/api/v1/brands') });
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => api<ResponseOf<'/api/v1/organisations'>>('/api/v1/organisations') });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <section aria-labelledby="ex-brands">
        <Title order={2} size="h3" id="ex-brands" mb="xs">
          {t('home.brands')}
        </Title>
        {brands.error && <ErrorAlert error={brands.error} />}
        {brands.isLoading ? <Loading /> : <BrandTable items={brands.data?.items.slice(0, 12) ?? []} />}
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
          <DataTable
            columns={[t('home.orgName'), t('home.orgKind'), t('home.orgCountry')]}
            items={orgs.data?.items ?? []}
            row={(o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/organisations/${o.id}`}>
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{kindName(o.kind)}</Table.Td>
                <Table.Td>{o.country ?? '—'}</Table.Td>
              </Table.Tr>
            )}
          />
        )}
        <Anchor component={Link} to="/organisations" size="sm">
          {t('home.allOrganisations')}
        </Anchor>
      </section>
    </SimpleGrid>
  );
}
