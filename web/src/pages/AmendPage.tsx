import { Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, type CertificateView } from '../api.ts';
import { CertificateForm, formFromSubmission } from '../components/CertificateForm.tsx';
import { ErrorAlert, Loading } from '../components/common.tsx';
import { confirmDone } from '../toast.ts';

export function AmendPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const cert = useQuery({ queryKey: ['certificate', id], queryFn: () => api<CertificateView>(`/api/v1/certificates/${id}`) });
  if (cert.isLoading) return <Loading />;
  if (cert.error || !cert.data) return <ErrorAlert error={cert.error} />;
  const c = cert.data;
  if (!c.content) return <ErrorAlert error={new Error(t('form.amendNotAllowed'))} />;
  return (
    <Stack>
      <Title order={1}>{t('form.amendTitle', { number: c.number })}</Title>
      <Text c="dimmed">{t('form.amendIntro')}</Text>
      <CertificateForm
        mode="amend"
        initial={formFromSubmission(c.content, c.brand.code)}
        submit={(s, reason) => api<CertificateView>(`/api/v1/certificates/${id}/amendments`, { body: { reason, certificate: s } })}
        onIssued={(r) => {
          // The amended version is superseded: every view of it (detail, verification, lists) is stale.
          void qc.invalidateQueries({ queryKey: ['certificate'] });
          void qc.invalidateQueries({ queryKey: ['verification'] });
          void qc.invalidateQueries({ queryKey: ['certificates'] });
          confirmDone(t('toast.amended', { number: r.number, version: r.version }));
          navigate(`/certificates/${r.id}`, { state: { notice: 'amended' } });
        }}
      />
    </Stack>
  );
}
