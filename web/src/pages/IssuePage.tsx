import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, type CertificateView } from '../api.ts';
import { CertificateForm, emptyForm } from '../components/CertificateForm.tsx';
import { Loading } from '../components/common.tsx';
import { isProducerMember, useSession } from '../session.ts';
import { confirmDone } from '../toast.ts';

export function IssuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  if (!isProducerMember(session.data)) {
    return (
      <Alert color="yellow" title={t('form.producersOnlyTitle')}>
        {t('form.producersOnly')}
      </Alert>
    );
  }
  return (
    <Stack>
      <Title order={1}>{t('form.issueTitle')}</Title>
      <Text c="dimmed">{t('form.issueIntro')}</Text>
      <CertificateForm
        mode="issue"
        initial={emptyForm()}
        submit={(s) => api<CertificateView>('/api/v1/certificates', { body: s })}
        onIssued={(c) => {
          void qc.invalidateQueries({ queryKey: ['certificates'] });
          if (c.status === 'issued') confirmDone(t('toast.issued', { number: c.number }));
          navigate(`/certificates/${c.id}`, { state: c.status === 'issued' ? { notice: 'issued' } : null });
        }}
      />
    </Stack>
  );
}
