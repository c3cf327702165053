import { useQuery } from '@tanstack/react-query';
import { api, type CertificateView, type VerificationReport } from './api.ts';

/** A certificate and, once it has loaded, its server-side verification report (detail and public pages). */
export function useCertificateWithVerification(id: string) {
  const cert = useQuery({ queryKey: ['certificate', id], queryFn: () => api<CertificateView>(`/api/v1/certificates/${id}`) });
  // `id` may be the certificate number (as printed): the verification asks by the id it resolved to.
  const resolved = cert.data?.id;
  const verification = useQuery({
    queryKey: ['verification', resolved],
    queryFn: () => api<VerificationReport>(`/api/v1/certificates/${resolved}/verification`),
    enabled: cert.isSuccess && resolved !== undefined,
  });
  return { cert, verification };
}
