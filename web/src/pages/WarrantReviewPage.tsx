import { Alert, Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type WarrantReviewItem } from '../api.ts';
import { CorrectModal } from '../components/CorrectModal.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { WarrantStatusBadge } from '../components/Warrants.tsx';
import { Loading, PageRefusal, QueryState } from '../components/common.tsx';
import { useMetalName } from '../metals.ts';
import { isExchange, isMember, useSession } from '../session.ts';
import { useLocationName } from '../warrants.ts';

// The exchange's review queue: warrants over a certificate that its producer revoked after the
// metal went on warrant. The exchange looks into each and corrects the warrant, with a reason.

export function WarrantReviewPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  if (!isExchange(s)) {
    return (
      <PageRefusal title={t('review.title')} reasonTitle={t('organisations.exchangeOnlyTitle')}>
        {t('review.exchangeOnly')}
      </PageRefusal>
    );
  }
  return <Review canCorrect={isMember(s)} />;
}

export function useReviewQueue(enabled = true) {
  return useQuery({ queryKey: ['warrant-review'], queryFn: () => api<{ items: WarrantReviewItem[] }>('/api/v1/warrant-review'), enabled });
}

function Review({ canCorrect }: { canCorrect: boolean }) {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const locationName = useLocationName();
  const review = useReviewQueue();
  const [correcting, setCorrecting] = useState<WarrantReviewItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = review.data?.items ?? [];
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('review.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('review.intro')}
        </Text>
      </div>
      {done && (
        <Alert color="green" role="status" data-testid="corrected" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t('common.close')}>
          {t('correct.done', { number: done })}
        </Alert>
      )}
      <QueryState query={review}>
        <DataTable
          testId="warrant-review"
          caption={t('review.caption', { count: items.length })}
          columns={[t('warrants.number'), t('filters.status'), t('filters.metal'), t('warrants.location'), t('review.certificate'), t('review.revocation'), ...(canCorrect ? [t('loadOut.actions')] : [])]}
          items={items}
          emptyRow={<Text size="sm">{t('queues.empty')}</Text>}
          row={(x) => (
            <Table.Tr key={`${x.id}/${x.certificate}`} data-number={x.number}>
              <Table.Td>
                <Anchor component={Link} to={`/warrants/${x.id}`} className="mono">
                  {x.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <WarrantStatusBadge status={x.status} />
              </Table.Td>
              <Table.Td>{metalName(x.metal)}</Table.Td>
              <Table.Td>{locationName(x.location)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/certificates/${x.certificate}`} className="mono">
                  {x.certificate}
                </Anchor>
              </Table.Td>
              <Table.Td>{x.reason ?? '—'}</Table.Td>
              {canCorrect && (
                <Table.Td>
                  <Button size="xs" variant="outline" color="red" onClick={() => setCorrecting(x)} aria-label={t('review.correctNumber', { number: x.number })}>
                    {t('correct.action')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          )}
        />
      </QueryState>
      <CorrectModal warrant={correcting} onClose={() => setCorrecting(null)} onDone={(w) => setDone(w.number)} />
    </Stack>
  );
}
