import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, METALS, type CertificatePage } from '../api.ts';
import { CertificateTable } from '../components/CertificateTable.tsx';
import { ErrorAlert, Loading } from '../components/common.tsx';
import { useMetalName } from '../metals.ts';
import { useSession } from '../session.ts';

const FILTERS = ['brand', 'metal', 'status', 'producedFrom', 'producedTo', 'pcrPrefix', 'mine'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** Anyone can look a certificate up by the number printed on it; the public page then verifies it. */
function NumberLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = number.trim();
    if (n) navigate(`/v/${encodeURIComponent(n)}`);
  };
  return (
    <form onSubmit={submit} aria-label={t('certificates.lookupTitle')}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          label={t('certificates.lookupLabel')}
          description={t('certificates.lookupHint')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          required
        />
        <Button type="submit">{t('certificates.lookupButton')}</Button>
      </Group>
    </form>
  );
}

export function CertificatesPage() {
  const session = useSession();
  const { t } = useTranslation();
  if (session.isLoading) return <Loading />;
  if (!session.data?.signedIn) {
    return (
      <Stack>
        <Title order={1}>{t('certificates.title')}</Title>
        <NumberLookup />
        <Text size="sm" c="dimmed">
          {t('certificates.signInToList')}
        </Text>
      </Stack>
    );
  }
  return <CertificateSearch />;
}

function CertificateSearch() {
  const { t } = useTranslation();
  const metalName = useMetalName();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const list = useInfiniteQuery({
    queryKey: ['certificates', applied],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<CertificatePage>('/api/v1/certificates', {
        query: { ...applied, mine: applied.mine === 'true' ? true : undefined, limit: 25, cursor: pageParam || undefined },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f]) next.set(f, draft[f]);
    setParams(next);
  };
  const reset = () => {
    setDraft(Object.fromEntries(FILTERS.map((f) => [f, ''])) as Filters);
    setParams(new URLSearchParams());
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Title order={1}>{t('certificates.title')}</Title>
      <NumberLookup />
      <Text size="sm" c="dimmed">
        {t('certificates.scopeHint')}
      </Text>
      <form onSubmit={submit} aria-label={t('certificates.filters')}>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <TextInput label={t('filters.brand')} description={t('filters.brandHint')} value={draft.brand} onChange={(e) => set('brand')(e.currentTarget.value)} />
          <NativeSelect
            label={t('filters.metal')}
            value={draft.metal}
            onChange={(e) => set('metal')(e.currentTarget.value)}
            data={[{ value: '', label: t('filters.any') }, ...METALS.map((m) => ({ value: m, label: `${m} — ${metalName(m)}` }))]}
          />
          <NativeSelect
            label={t('filters.status')}
            value={draft.status}
            onChange={(e) => set('status')(e.currentTarget.value)}
            data={[
              { value: '', label: t('filters.any') },
              { value: 'issued', label: t('status.issued') },
              { value: 'rejected', label: t('status.rejected') },
              { value: 'revoked', label: t('status.revoked') },
            ]}
          />
          <TextInput type="date" label={t('filters.producedFrom')} value={draft.producedFrom} onChange={(e) => set('producedFrom')(e.currentTarget.value)} />
          <TextInput type="date" label={t('filters.producedTo')} value={draft.producedTo} onChange={(e) => set('producedTo')(e.currentTarget.value)} />
          <TextInput label={t('filters.pcrPrefix')} value={draft.pcrPrefix} onChange={(e) => set('pcrPrefix')(e.currentTarget.value)} />
          {session.data?.signedIn && (
            <Checkbox
              label={t('filters.mine')}
              checked={draft.mine === 'true'}
              onChange={(e) => set('mine')(e.currentTarget.checked ? 'true' : '')}
              mb={8}
            />
          )}
          <Button type="submit">{t('filters.apply')}</Button>
          <Button type="button" variant="default" onClick={reset}>
            {t('filters.reset')}
          </Button>
        </Group>
      </form>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isLoading ? (
        <Loading />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('certificates.shown', { count: items.length })}
          </Text>
          <CertificateTable items={items} />
          {list.hasNextPage && (
            <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} w="fit-content">
              {t('certificates.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
