import { useQuery } from '@tanstack/react-query';
import { api, type CertificateView, type VerificationReport } from './api.ts';

/** A certificate and, once it has loaded, its server-side verification report (detail and public pages). */
export function useCertificateWithVerification(id: string) {
  const cert = useQuery({ queryKey: ['certificate', id], queryFn: () => api<CertificateView>(`/api/v1/certificates/${id}`) });
  const verification = useQuery({
    queryKey: ['verification', id],
    queryFn: () => api<VerificationReport>(`/api/v1/certificates/${id}/verification`),
    enabled: cert.isSuccess,
  });
  return { cert, verification };
}
