import { Alert, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../api.ts';
import { useFormat } from '../format.ts';

// What the certificate page and the public verification page both show: a revocation (when, and the
// reason given) and the version history, each superseded version naming the one that replaced it.

type Versions = NonNullable<CertificateView['versions']>;

/** Revoked: the logged date and the producer's (or the exchange's) stated reason. */
export function RevocationNotice({ revocation }: { revocation: NonNullable<CertificateView['revocation']> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Alert color="red" title={t('publicCert.revokedTitle')} data-testid="revocation">
      <Text size="sm" data-testid="revoked-at">
        {t('publicCert.revokedOn', { date: f.dateTime(revocation.revokedAt) })}
      </Text>
      {revocation.reason && (
        <Text size="sm" data-testid="revocation-reason">
          {t('publicCert.revokedReason', { reason: revocation.reason })}
        </Text>
      )}
    </Alert>
  );
}

/** Every version, oldest first; a superseded one names the version that replaced it. */
export function VersionHistory({ versions, id = 'versions' }: { versions: Versions; id?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {t('certificate.versions')}
      </Title>
      <div className="table-scroll">
        <Table striped data-testid="version-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('certificate.version')}</Table.Th>
              <Table.Th>{t('certificate.createdAt')}</Table.Th>
              <Table.Th>{t('certificate.verdict')}</Table.Th>
              <Table.Th>{t('certificate.amendmentReason')}</Table.Th>
              <Table.Th>{t('certificate.digest')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((v, i) => {
              const next = ordered[i + 1];
              return (
                <Table.Tr key={v.version} data-version={v.version} data-superseded={v.superseded}>
                  <Table.Td>
                    {v.version}{' '}
                    {v.superseded
                      ? `(${next ? t('publicCert.supersededBy', { n: next.version }) : t('certificate.superseded')})`
                      : `(${t('certificate.current')})`}
                  </Table.Td>
                  <Table.Td>{f.dateTime(v.createdAt)}</Table.Td>
                  <Table.Td>{v.verdict === 'conforming' ? t('chemistry.conforming') : t('chemistry.nonConforming')}</Table.Td>
                  <Table.Td>{v.amendmentReason ?? '—'}</Table.Td>
                  <Table.Td className="mono">{v.contentDigest.slice(0, 16)}…</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}
