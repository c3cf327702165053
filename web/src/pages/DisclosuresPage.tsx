import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type DisclosurePage } from '../api.ts';
import { DisclosureList, EXPIRY_WARNING_DAYS } from '../components/Disclosures.tsx';
import { ErrorAlert, Loading } from '../components/common.tsx';
import { isoDateFromToday } from '../files.ts';
import { isProducerMember, useSession } from '../session.ts';

// Every disclosure the caller may see (restricted ones only for their producer, the exchange and
// the auditor they name), with their expiry; producers file new ones from here.
export function DisclosuresPage() {
  const { t } = useTranslation();
  const session = useSession();
  const s = session.data;
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === 'true';
  const expiring = params.get('expiring') === 'true';
  const kind = params.get('kind') ?? '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const ownOrg = s?.signedIn && s.organisation?.kind === 'producer' ? s.organisation.id : undefined;
  const query = {
    organisation: mine ? ownOrg : undefined,
    kind: kind || undefined,
    q: q || undefined,
    expiresBy: expiring ? isoDateFromToday(EXPIRY_WARNING_DAYS) : undefined,
    limit: 50,
  };
  const list = useInfiniteQuery({
    queryKey: ['disclosures', query],
    queryFn: ({ pageParam }) => api<DisclosurePage>('/api/v1/disclosures', { query: { ...query, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: session.isSuccess,
  });
  const setParam = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParam('q', text.trim() || undefined);
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{t('disclosures.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('disclosures.intro', { days: EXPIRY_WARNING_DAYS })}
          </Text>
        </div>
        {isProducerMember(s) && (
          <Button component={Link} to="/disclosures/new">
            {t('disclosures.file')}
          </Button>
        )}
      </Group>
      <form onSubmit={search} aria-label={t('certificates.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('disclosures.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <NativeSelect
            label={t('disclosures.kind')}
            value={kind}
            onChange={(e) => setParam('kind', e.currentTarget.value || undefined)}
            data={[
              { value: '', label: t('filters.any') },
              { value: 'certification', label: t('disclosures.kinds.certification') },
              { value: 'metric', label: t('disclosures.kinds.metric') },
              { value: 'target', label: t('disclosures.kinds.target') },
            ]}
          />
          <Checkbox
            label={t('disclosures.expiringFilter', { days: EXPIRY_WARNING_DAYS })}
            checked={expiring}
            onChange={(e) => setParam('expiring', e.currentTarget.checked ? 'true' : undefined)}
            mb={8}
          />
          {ownOrg && <Checkbox label={t('filters.mine')} checked={mine} onChange={(e) => setParam('mine', e.currentTarget.checked ? 'true' : undefined)} mb={8} />}
          <Button type="submit" variant="light">
            {t('filters.apply')}
          </Button>
        </Group>
      </form>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isLoading || session.isLoading ? (
        <Loading />
      ) : (
        <DisclosureList items={items} caption={t('disclosures.shown', { count: items.length })} testId="disclosures" />
      )}
      {list.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('certificates.more')}
        </Button>
      )}
    </Stack>
  );
}
