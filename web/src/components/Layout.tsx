import { Anchor, Box, Button, Container, Group, NativeSelect, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api.ts';
import { LANGUAGES } from '../i18n.ts';
import { SESSION_KEY, isMember, isProducerMember, orgKindOf, useSession } from '../session.ts';

export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useMutation({
    meta: { toast: 'signedOut' },
    mutationFn: () => api<void>('/api/v1/sessions/current', { method: 'DELETE' }),
    onSettled: async () => {
      qc.clear();
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/');
    },
  });

  useEffect(() => {
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [t, i18n.language]);

  // Move focus to the main content after client-side navigation, for keyboard and screen-reader users.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);

  const s = session.data;
  const kind = orgKindOf(s);
  const nav = [
    { to: '/certificates', label: t('nav.certificates') },
    { to: '/brands', label: t('nav.brands') },
    { to: '/compare', label: t('nav.compare') },
    { to: '/disclosures', label: t('nav.disclosures') },
    { to: '/market/calendar', label: t('nav.market') },
    { to: '/rent', label: t('nav.rent') },
    { to: '/market-data', label: t('nav.marketData') },
    { to: '/verify', label: t('nav.verify') },
    ...(isProducerMember(s)
      ? [
          { to: '/certificates/new', label: t('nav.issue') },
          { to: '/imports', label: t('nav.import') },
        ]
      : []),
    ...(kind === 'warehouse'
      ? [
          ...(isMember(s) ? [{ to: '/receipts/new', label: t('nav.receive') }] : []),
          { to: '/receipts', label: t('nav.receipts') },
          { to: '/load-out', label: t('nav.loadOut') },
          { to: '/stock', label: t('nav.stock') },
          { to: '/warrants', label: t('nav.warrants') },
        ]
      : []),
    // Any organisation may hold warrants: traders, lenders, end users, producers.
    ...(kind && kind !== 'warehouse' && kind !== 'exchange'
      ? [
          { to: '/warrants', label: t('nav.myWarrants') },
          { to: '/swaps', label: t('nav.swaps') },
        ]
      : []),
    ...(kind === 'exchange'
      ? [
          { to: '/organisations', label: t('nav.organisations') },
          { to: '/network', label: t('nav.network') },
          { to: '/warrants', label: t('nav.warrants') },
          { to: '/warrant-review', label: t('nav.review') },
        ]
      : []),
    ...(s?.signedIn && s.organisation?.kind !== 'exchange' && s.organisation?.kind !== 'auditor' ? [{ to: '/pledges', label: t('nav.pledges') }] : []),
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Box component="header" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} py="sm">
        <Container size="lg">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="lg" wrap="wrap">
              <Anchor component={RouterLink} to="/" fw={800} fz="xl" c="blue.8" underline="never" aria-label={t('nav.home')}>
                {t('app.name')}
              </Anchor>
              <Box component="nav" aria-label={t('nav.main')}>
                <Group gap="md" wrap="wrap">
                  {nav.map((n) => (
                    <Anchor
                      key={n.to}
                      component={NavLink}
                      to={n.to}
                      end
                      fw={500}
                      style={({ isActive }: { isActive: boolean }) => (isActive ? { textDecoration: 'underline' } : {})}
                    >
                      {n.label}
                    </Anchor>
                  ))}
                </Group>
              </Box>
            </Group>
            <Group gap="sm" wrap="wrap">
              <NativeSelect
                aria-label={t('nav.language')}
                size="xs"
                value={i18n.language}
                onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
                data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
                data-testid="language"
              />
              {s?.signedIn ? (
                <>
                  <Text size="sm" c="dimmed">
                    {s.user?.name ?? t('nav.apiKey')} · {s.organisation?.name}
                  </Text>
                  <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                    {t('nav.signOut')}
                  </Button>
                </>
              ) : (
                <Button size="xs" component={RouterLink} to="/sign-in">
                  {t('nav.signIn')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" py="lg" component="main" id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </Container>
      <Box component="footer" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Text size="xs" c="dimmed">
            {t('app.footer')}{' '}
            <Anchor href="/docs" size="xs">
              {t('nav.apiDocs')}
            </Anchor>
          </Text>
        </Container>
      </Box>
    </>
  );
}
