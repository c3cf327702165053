import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type ResponseOf, type Warrant, type WarrantVerification } from '../api.ts';
import { ChecksReport } from '../components/Checks.tsx';
import { Field } from '../components/Field.tsx';
import { WarrantStatusBadge } from '../components/Warrants.tsx';
import { ErrorAlert, Loading } from '../components/common.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';

// Where a warrant's number leads anyone, signed in or not: whether it is live, cancelled or
// delivered out, the metal, where it lies, each certificate of its metal with its own
// verification, and the checks of the warrant's credential. Never the holder: the API's public
// view and the credential do not carry it. Laid out to read on a 360 px phone.

export function PublicWarrantPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const pdfLang = i18n.language === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
  const f = useFormat();
  const metalName = useMetalName();
  const warrant = useQuery({
    queryKey: ['warrants', 'public', id],
    queryFn: () => api<Warrant>(`/api/v1/warrants/${encodeURIComponent(id)}`),
  });
  const resolved = warrant.data?.id;
  const report = useQuery({
    queryKey: ['warrant-verification', resolved],
    queryFn: () => api<WarrantVerification>(`/api/v1/warrants/${resolved}/verification`),
    enabled: resolved !== undefined,
  });
  // Free or pledged, proven against the latest signed checkpoint; never whose pledge.
  const encumbrance = useQuery({
    queryKey: ['encumbrance', resolved],
    queryFn: () =>
      api<ResponseOf<'/api/v1/assets/{assetId}/encumbrance'>>(`/api/v1/assets/${resolved}/encumbrance`),
    enabled: resolved !== undefined,
  });
  if (warrant.isLoading) return <Loading />;
  if (warrant.error || !warrant.data) return <ErrorAlert error={warrant.error} />;
  const w = warrant.data;
  const verdict = {
    live: {
      color: 'green',
      title: t('publicWarrant.liveTitle'),
      body: t('publicWarrant.live', { warehouse: w.warehouse.name, location: w.location.name }),
    },
    cancelled: {
      color: 'orange',
      title: t('publicWarrant.cancelledTitle'),
      body: t('publicWarrant.cancelled', { warehouse: w.warehouse.name }),
    },
    delivered_out: {
      color: 'gray',
      title: t('publicWarrant.deliveredTitle'),
      body: t('publicWarrant.delivered', { date: w.deliveredOutAt ? f.date(w.deliveredOutAt) : '' }),
    },
  }[w.status];
  const certResults = new Map((report.data?.certificates ?? []).map((c) => [c.id, c]));
  return (
    <Stack gap="lg" data-testid="public-warrant">
      <div>
        <Text size="sm" c="dimmed">
          {t('publicWarrant.heading')}
        </Text>
        <Group gap="sm" align="center">
          <Title order={1} size="h2" className="mono">
            {w.number}
          </Title>
          <WarrantStatusBadge status={w.status} />
        </Group>
      </div>
      <Alert color={verdict.color} title={verdict.title} data-testid="warrant-status" data-status={w.status}>
        {verdict.body}
      </Alert>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
          <Field label={t('filters.metal')}>{metalName(w.metal)}</Field>
          <Field label={t('filters.brand')}>
            {w.brand.code} — {w.brand.name}
          </Field>
          <Field label={t('warrants.tonnes')}>{f.decimal(w.tonnes)}</Field>
          <Field label={t('receive.shape')}>{w.shape}</Field>
          <Field label={t('receive.origin')}>{f.country(w.originCountry)}</Field>
          <Field label={t('warrants.warrantedOn')}>{f.date(w.warrantedOn)}</Field>
          <Field label={t('warrants.location')}>{w.location.name}</Field>
          <Field label={t('warrants.warehouse')}>
            {w.warehouse.name} · {w.facility.name}
          </Field>
          {w.deliveredOutAt && (
            <Field label={t('warrant.deliveredOutAt')}>{f.dateTime(w.deliveredOutAt)}</Field>
          )}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {t('publicWarrant.noHolder')}
        </Text>
      </Paper>
      <section aria-labelledby="pw-pledge">
        <Title order={2} size="h3" id="pw-pledge" mb="xs">
          {t('publicWarrant.pledgeTitle')}
        </Title>
        {encumbrance.isLoading ? (
          <Loading />
        ) : encumbrance.error ? (
          <ErrorAlert error={encumbrance.error} />
        ) : (
          encumbrance.data && (
            <Alert
              color={encumbrance.data.status === 'free' ? 'green' : 'orange'}
              data-testid="warrant-encumbrance"
              data-encumbrance={encumbrance.data.status}
            >
              <Text size="sm">
                {encumbrance.data.status === 'free' ? t('publicWarrant.free') : t('publicWarrant.pledged')}
              </Text>
              <Text size="sm" mt="xs">
                {t(encumbrance.data.status === 'free' ? 'pledges.proofFree' : 'pledges.proofPledged', {
                  size: f.integer(encumbrance.data.checkpoint.size),
                  at: f.dateTime(encumbrance.data.checkpoint.signedAt),
                })}{' '}
                <a
                  href={`data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(encumbrance.data.bundle, null, 2) + '\n')}`}
                  download={`encumbrance-${w.number}-checkpoint-${encumbrance.data.checkpoint.size}.json`}
                >
                  {t('pledges.downloadProof')}
                </a>
              </Text>
              <Text size="xs" c="dimmed">
                {t('pledges.proofHint')}
              </Text>
            </Alert>
          )
        )}
      </section>
      <section aria-labelledby="pw-certs">
        <Title order={2} size="h3" id="pw-certs" mb="xs">
          {t('warrant.certificates')}
        </Title>
        <Stack
          gap="xs"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="public-certificates"
        >
          {w.certificates.map((c) => {
            const r = certResults.get(c.id);
            return (
              <Paper
                component="li"
                withBorder
                p="sm"
                key={c.id}
                data-certificate={c.number}
                data-ok={r ? r.ok : undefined}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/v/${c.number}`} className="mono" fw={600}>
                      {c.number}
                    </Anchor>
                    {r && r.failed.length > 0 && (
                      <Text size="sm" c="red.9" lang="en" style={{ overflowWrap: 'anywhere' }}>
                        {r.failed.join('; ')}
                      </Text>
                    )}
                  </div>
                  {report.isLoading ? (
                    <Text size="sm" c="dimmed">
                      {t('common.loading')}
                    </Text>
                  ) : r ? (
                    <Badge color={r.ok ? 'green' : 'red'} variant="filled" miw={90}>
                      {r.ok ? t('publicWarrant.certOk') : t('publicWarrant.certFailed')}
                    </Badge>
                  ) : null}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      </section>
      <section aria-labelledby="pw-checks">
        <Title order={2} size="h3" id="pw-checks" mb="xs">
          {t('publicWarrant.credential')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('publicWarrant.credentialHint')}
        </Text>
        {report.isLoading ? (
          <Loading />
        ) : report.error ? (
          <ErrorAlert error={report.error} />
        ) : (
          report.data && <ChecksReport report={report.data} kind="warrant" headingOrder={3} />
        )}
        <Group gap="md" mt="sm">
          <Anchor
            href={`/api/v1/warrants/${w.id}/pdf?lang=${pdfLang}`}
            size="sm"
            download
            data-testid="warrant-pdf"
          >
            {t('warrant.pdf')}
          </Anchor>
          <Anchor href={`/api/v1/warrants/${w.id}/credential`} size="sm" download={`${w.number}.jwt`}>
            {t('publicWarrant.downloadCredential')}
          </Anchor>
          <Anchor href={`/api/v1/warrants/${w.id}/proof`} size="sm" download={`${w.number}-proof.txt`}>
            {t('publicWarrant.downloadProof')}
          </Anchor>
        </Group>
      </section>
    </Stack>
  );
}
