import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { api, ApiError, fieldErrors } from '../api.ts';
import { ErrorAlert, formErrors } from '../components/common.tsx';
import { tokenFromLocation } from '../organisations.ts';

// Where an invitation link leads (no sign-in needed): the invitee chooses a password and, if they
// like, the name others see, then signs in. The token comes from the link; without one the page
// asks for it (the operator CLI prints a bare token). Mantine's PasswordInput does not mark itself
// invalid for assistive technology, so these fields set aria-invalid themselves.

/** The server's minimum (src/access/password-policy.ts); the server checks it again. */
const MIN_PASSWORD_LENGTH = 12;

/** The server's reasons for refusing a password (detail codes), each with a translated message. */
const PASSWORD_PROBLEMS = ['password_too_short', 'password_common', 'password_published', 'password_repetitive', 'password_context'] as const;
type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];
const isPasswordProblem = (c: unknown): c is PasswordProblem => (PASSWORD_PROBLEMS as readonly unknown[]).includes(c);

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [fromLink] = useState(() => tokenFromLocation(location));
  const [token, setToken] = useState(fromLink);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const confirmRef = useRef<HTMLInputElement>(null);
  const accept = useMutation({
    meta: { toast: 'invitation' },
    mutationFn: () =>
      api<void>('/api/v1/invitations/acceptance', {
        body: { token: token.trim(), password, ...(name.trim() ? { name: name.trim() } : {}) },
      }),
  });
  const { byField, other } = fieldErrors(accept.error);
  const { fieldError } = formErrors(accept.error);
  // Why the password was refused, in the reader's language when the server gave a known reason.
  const problem = accept.error instanceof ApiError ? accept.error.details.find((d) => d.path === 'body.password')?.code : undefined;
  const passwordError = isPasswordProblem(problem) ? t(`invitation.passwordProblems.${problem}`, { min: MIN_PASSWORD_LENGTH }) : fieldError('password');
  const gone = accept.error instanceof ApiError && accept.error.status === 404;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      confirmRef.current?.focus();
      return;
    }
    setMismatch(false);
    accept.mutate();
  };

  if (accept.isSuccess) {
    return (
      <Paper withBorder p="lg" maw={480} mx="auto">
        <Stack>
          <Title order={1} size="h2">
            {t('invitation.doneTitle')}
          </Title>
          <Text role="status">{t('invitation.done')}</Text>
          <Button component={Link} to="/sign-in" w="fit-content">
            {t('invitation.signIn')}
          </Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="lg" maw={480} mx="auto">
      <form onSubmit={submit} noValidate aria-labelledby="accept-title">
        <Stack>
          <Title order={1} size="h2" id="accept-title">
            {t('invitation.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('invitation.intro')}
          </Text>
          {!fromLink && (
            <TextInput
              label={t('invitation.token')}
              description={t('invitation.tokenHint')}
              required
              autoComplete="off"
              classNames={{ input: 'mono' }}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              error={fieldError('token')}
            />
          )}
          <TextInput
            label={t('invitation.name')}
            description={t('invitation.nameHint')}
            autoComplete="name"
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <PasswordInput
            label={t('invitation.password')}
            description={t('invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            maxLength={256}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordError}
            aria-invalid={byField.password ? true : undefined}
          />
          <PasswordInput
            ref={confirmRef}
            label={t('invitation.confirm')}
            autoComplete="new-password"
            required
            maxLength={256}
            value={confirm}
            onChange={(e) => {
              setConfirm(e.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? t('invitation.mismatch') : undefined}
            aria-invalid={mismatch || undefined}
          />
          {gone ? (
            <Alert color="red" role="alert" title={t('invitation.goneTitle')} data-testid="invitation-gone">
              {t('invitation.gone')}
            </Alert>
          ) : (
            accept.error != null &&
            (Object.keys(byField).length === 0 || (fromLink && byField.token) || other.length > 0) && (
              <ErrorAlert error={accept.error} />
            )
          )}
          <Button type="submit" loading={accept.isPending}>
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
