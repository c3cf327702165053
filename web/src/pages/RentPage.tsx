import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api.ts';
import { Loading, QueryState } from '../components/common.tsx';
import { CapsPanel } from '../components/rent/CapsPanel.tsx';
import { FeesPanel } from '../components/rent/FeesPanel.tsx';
import { OutstandingRent } from '../components/rent/HolderRent.tsx';
import { StatementList } from '../components/rent/StatementList.tsx';
import { TariffsPanel } from '../components/rent/TariffsPanel.tsx';
import { RENT_KEYS, type RentSettings } from '../rent.ts';
import { useSession } from '../session.ts';

// Rent, by who is looking: a holder's outstanding rent and statements; a warehouse company's
// tariffs, endorsement queue, rent receivable and fee statements; the exchange's caps and
// supervision fees. Caps are public, so anyone sees that tab. The tab is in the address (?tab=).

type Tab = 'mine' | 'tariffs' | 'queue' | 'stored' | 'caps' | 'fees';

export function RentPage() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useQuery({ queryKey: RENT_KEYS.settings, queryFn: () => api<RentSettings>('/api/v1/rent/settings') });
  const [params, setParams] = useSearchParams();
  if (session.isLoading) return <Loading />;
  const s = session.data;
  const kind = s?.signedIn ? s.organisation?.kind : undefined;
  const tabs: Tab[] = !kind ? ['caps'] : kind === 'exchange' ? ['caps', 'fees'] : kind === 'warehouse' ? ['tariffs', 'queue', 'stored', 'mine', 'fees', 'caps'] : ['mine', 'caps'];
  const asked = params.get('tab') as Tab | null;
  const tab = asked && tabs.includes(asked) ? asked : tabs[0]!;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('rent.title')}</Title>
        <Text c="dimmed" maw={820}>
          {settings.data ? t('rent.intro', { days: settings.data.queueRentCapDays, fee: settings.data.supervisionFeePct }) : ''}
        </Text>
      </div>
      <QueryState query={settings}>
        {settings.data && (
          <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
            <Tabs.List>
              {tabs.map((x) => (
                <Tabs.Tab key={x} value={x}>
                  {t(`rent.tabs.${x}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="mine" pt="md">
              <OutstandingRent scope="held" />
            </Tabs.Panel>
            <Tabs.Panel value="stored" pt="md">
              <OutstandingRent scope="stored" />
            </Tabs.Panel>
            <Tabs.Panel value="tariffs" pt="md">
              {s?.organisation && <TariffsPanel orgId={s.organisation.id} settings={settings.data} />}
            </Tabs.Panel>
            <Tabs.Panel value="queue" pt="md">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('rent.queue.heading')}
                </Title>
                <Text size="sm" c="dimmed" maw={760}>
                  {t('rent.queue.intro')}
                </Text>
                <StatementList scope="to-endorse" empty={t('rent.queue.none')} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="caps" pt="md">
              <CapsPanel settings={settings.data} canEdit={kind === 'exchange' && s?.user?.role !== 'viewer'} />
            </Tabs.Panel>
            <Tabs.Panel value="fees" pt="md">
              <FeesPanel settings={settings.data} isExchange={kind === 'exchange' && s?.user?.role !== 'viewer'} />
            </Tabs.Panel>
          </Tabs>
        )}
      </QueryState>
    </Stack>
  );
}
