import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api.ts';
import { ErrorAlert } from '../components/common.tsx';
import { SESSION_KEY } from '../session.ts';

/** Refusals after too many attempts (429), by the server's detail code, each translated. */
const THROTTLED = ['email_wait', 'email_locked', 'address_wait', 'address_locked', 'rate_limited'] as const;
type Throttled = (typeof THROTTLED)[number];

/** The server's 429 as its reason and the wait in whole minutes, or null for any other error. */
function throttled(error: unknown): { code: Throttled; minutes: number } | null {
  if (!(error instanceof ApiError) || error.status !== 429) return null;
  const d = error.details.find((x) => (THROTTLED as readonly unknown[]).includes(x.code));
  if (!d) return null;
  return { code: d.code as Throttled, minutes: Math.max(1, Math.ceil((d.retryAfterSeconds ?? 60) / 60)) };
}

export function SignInPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    // The welcome page it lands on says so (a toast there would cover the header's controls).
    meta: { toast: false },
    mutationFn: () => api('/api/v1/sessions', { body: { email, password } }),
    onSuccess: async () => {
      qc.clear();
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/');
    },
  });
  const wait = throttled(signIn.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <Paper withBorder p="lg" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {wait ? (
            <Alert color="red" role="alert" title={t('errors.tooMany')} data-testid="sign-in-throttled">
              {t(`signIn.throttled.${wait.code}`, { minutes: wait.minutes })}
            </Alert>
          ) : signIn.error instanceof ApiError && signIn.error.status === 401 ? (
            <Alert color="red" role="alert" title={t('errors.unauthenticated')} data-testid="sign-in-failed">
              {t('validation.signInFailed')}
            </Alert>
          ) : (
            signIn.error && <ErrorAlert error={signIn.error} />
          )}
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
