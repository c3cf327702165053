import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, type CertificateView } from '../api.ts';
import { useCertificateWithVerification } from '../certificate-queries.ts';
import { CertificateCarbonSection } from '../components/Cbam.tsx';
import { ChemistryTable } from '../components/ChemistryTable.tsx';
import { CheckStatus } from '../components/Checks.tsx';
import { VersionHistory } from '../components/CertificateHistory.tsx';
import { ErrorAlert, Loading, StatusBadge } from '../components/common.tsx';
import { Field } from '../components/Field.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';
import { isProducerMember, useSession } from '../session.ts';

type Notice = 'issued' | 'amended' | 'revoked';
const NOTICES: readonly Notice[] = ['issued', 'amended', 'revoked'];
function noticeOf(state: unknown): Notice | null {
  const n = (state as { notice?: unknown } | null)?.notice;
  return NOTICES.includes(n as Notice) ? (n as Notice) : null;
}

export function CertificatePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  const session = useSession();
  const { cert, verification } = useCertificateWithVerification(id);
  const qc = useQueryClient();
  const [revoking, setRevoking] = useState(false);
  // What the action that led here did (issue, amend — via navigation state — or revoke on this page).
  const location = useLocation();
  const [notice, setNotice] = useState<Notice | null>(noticeOf(location.state));
  useEffect(() => setNotice(noticeOf(location.state)), [location.key, location.state]);
  const revoke = useMutation({
    meta: { toast: (c) => t('toast.revoked', { number: (c as CertificateView).number }) },
    mutationFn: (reason: string) => api<CertificateView>(`/api/v1/certificates/${id}/revocation`, { body: { reason } }),
    onSuccess: async (c) => {
      setRevoking(false);
      setNotice('revoked');
      qc.setQueryData(['certificate', id], c);
      // The verification is keyed by the resolved id (the page may be opened by number): refresh them all.
      await qc.invalidateQueries({ queryKey: ['verification'] });
      await qc.invalidateQueries({ queryKey: ['certificates'] });
    },
  });
  if (cert.isLoading) return <Loading />;
  if (cert.error || !cert.data) return <ErrorAlert error={cert.error} />;
  const c = cert.data;
  const content = c.content;
  const full = c.view === 'full' && content;
  const log = verification.data?.checks.find((x) => x.name === 'log_inclusion');
  const pdfLang = i18n.language === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant';
  const canAmend = full && isProducerMember(session.data) && session.data?.organisation?.id === c.producer?.id && c.status !== 'revoked';
  // The issuing producer or the exchange (members and administrators) may revoke an issued certificate.
  const me = session.data;
  const canRevoke =
    !!full &&
    c.status === 'issued' &&
    !!me?.signedIn &&
    !!me.user &&
    me.user.role !== 'viewer' &&
    (me.organisation?.kind === 'exchange' || (me.organisation?.kind === 'producer' && me.organisation.id === c.producer?.id));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Text size="sm" c="dimmed">
            {t('certificate.heading')}
          </Text>
          <Title order={1} className="mono" size="h2">
            {c.number}
          </Title>
          <Group gap="xs" mt={4}>
            <StatusBadge status={c.status} />
            <Badge variant="outline">{t('certificate.versionN', { n: c.version })}</Badge>
          </Group>
        </div>
        <Group wrap="wrap">
          <Button component={Link} to={`/v/${c.id}`} variant="light">
            {t('certificate.publicPage')}
          </Button>
          {canAmend && (
            <Button component={Link} to={`/certificates/${c.id}/amend`}>
              {t('certificate.amend')}
            </Button>
          )}
          {canRevoke && (
            <Button color="red" variant="outline" onClick={() => setRevoking(true)}>
              {t('certificate.revoke')}
            </Button>
          )}
        </Group>
      </Group>
      <ReasonModal
        opened={revoking}
        onClose={() => {
          setRevoking(false);
          revoke.reset();
        }}
        title={t('certificate.revokeTitle', { number: c.number })}
        body={t('certificate.revokeBody')}
        reasonLabel={t('certificate.revokeReason')}
        confirmLabel={t('certificate.confirmRevoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={(reason) => revoke.mutate(reason)}
      />

      {notice && (
        <Alert color="green" role="status" data-testid="action-notice" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {t(`notices.${notice}`)}
        </Alert>
      )}

      {c.statusReason && (
        <Alert color={c.status === 'issued' ? 'blue' : 'red'} title={t('certificate.statusReason')}>
          {c.statusReason}
        </Alert>
      )}
      {c.reasons && c.reasons.length > 0 && (
        <Alert color="red" title={t('certificate.rejectedReasons')} role="alert">
          <List size="sm">
            {c.reasons.map((r) => (
              <List.Item key={`${r.code}|${r.path}`}>
                <code>{r.path || '—'}</code>: {r.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="dl" m={0}>
          <Field label={t('filters.brand')}>
            <Anchor component={Link} to={`/brands/${c.brand.id ?? c.brand.code}`}>
              {c.brand.code} — {c.brand.name}
            </Anchor>
          </Field>
          <Field label={t('filters.metal')}>{metalName(c.metal)}</Field>
          {c.producer && <Field label={t('brands.producer')}>{c.producer.name}</Field>}
          {c.pcr && <Field label={t('certificate.pcr')}>{c.pcr}</Field>}
          <Field label={t('certificate.productionDate')}>{f.date(c.productionDate)}</Field>
          {c.originCountry && <Field label={t('certificate.origin')}>{c.originCountry}</Field>}
          {full && <Field label={t('certificate.shape')}>{content.shape}</Field>}
          {full && <Field label={t('certificate.pieces')}>{f.integer(content.pieces)}</Field>}
          {full && <Field label={t('certificate.bundles')}>{f.integer(content.bundles.length)}</Field>}
          {full && <Field label={t('certificate.gross')}>{f.decimal(content.grossWeightKg)} kg</Field>}
          {full && <Field label={t('certificate.net')}>{f.decimal(content.netWeightKg)} kg</Field>}
          {full && <Field label={t('certificate.laboratory')}>{content.laboratory.name}</Field>}
          {full && <Field label={t('certificate.signatory')}>{content.signatory.name}</Field>}
          {full && content.spec && <Field label={t('certificate.spec')}>{`${content.spec.qualityStandard} (v${content.spec.version})`}</Field>}
          <Field label={t('certificate.issuedAt')}>{f.dateTime(c.issuedAt)}</Field>
          {c.warrantEligible !== undefined && (
            <Field label={t('certificate.warrantEligible')}>{c.warrantEligible ? t('common.yes') : t('common.no')}</Field>
          )}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {t('certificate.digest')}
        </Text>
        <Text size="sm" className="mono">
          {c.contentDigest}
        </Text>
      </Paper>

      <section aria-labelledby="log">
        <Title order={2} size="h3" id="log" mb="xs">
          {t('certificate.log')}
        </Title>
        {verification.isLoading ? (
          <Loading />
        ) : verification.error ? (
          <ErrorAlert error={verification.error} />
        ) : log ? (
          <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="log-inclusion">
            <CheckStatus status={log.status} />
            <Text size="sm" lang="en">
              {log.reason}
            </Text>
          </Group>
        ) : null}
      </section>

      {full && (
        <section aria-labelledby="chem">
          <Title order={2} size="h3" id="chem" mb="xs">
            {t('chemistry.title')}
          </Title>
          <ChemistryTable analysis={content.chemistry} check={c.chemistryCheck} />
        </section>
      )}

      {c.status !== 'rejected' && <CertificateCarbonSection certificateId={c.id} brandCode={c.brand.code} producerId={c.producer?.id} />}

      {full && (
        <section aria-labelledby="downloads">
          <Title order={2} size="h3" id="downloads" mb="xs">
            {t('certificate.downloads')}
          </Title>
          <Group wrap="wrap">
            {c.status !== 'rejected' && (
              <>
                <Button component="a" href={`/api/v1/certificates/${c.id}/pdf?lang=${pdfLang}`} download variant="light">
                  {t('certificate.downloadPdf')}
                </Button>
                <Button component="a" href={`/api/v1/certificates/${c.id}/credential`} download={`${c.number}.jwt`} variant="light">
                  {t('certificate.downloadVc')}
                </Button>
              </>
            )}
            <Button component="a" href={`/api/v1/certificates/${c.id}/proof`} download={`${c.number}.proof.txt`} variant="light">
              {t('certificate.downloadProof')}
            </Button>
          </Group>
        </section>
      )}

      {c.versions && <VersionHistory versions={c.versions} />}
      {!full && (
        <Text size="sm" c="dimmed">
          {t('certificate.minimalNote')}{' '}
          <Anchor component={Link} to={`/v/${c.id}`}>
            {t('certificate.publicPage')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
