import { Alert, Button, Input, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CertificateContent, type PdfVerificationReport, type VerificationReport } from '../api.ts';
import { ChecksReport } from '../components/Checks.tsx';
import { ChemistryTable } from '../components/ChemistryTable.tsx';
import { ErrorAlert } from '../components/common.tsx';
import { Field } from '../components/Field.tsx';
import { certificateSubjectOf } from '../credential.ts';
import { useFormat } from '../format.ts';
import { useMetalName } from '../metals.ts';

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

type Kind = 'pdf' | 'credential' | 'proof' | 'unknown';

async function sniff(file: File): Promise<{ kind: Kind; text?: string }> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  if (String.fromCharCode(...head) === '%PDF-') return { kind: 'pdf' };
  const text = (await file.text()).trim();
  if (JWS.test(text)) return { kind: 'credential', text };
  if (text.startsWith(PROOF_HEADER)) return { kind: 'proof', text };
  return { kind: 'unknown', text };
}

// Verify what you hold: a certificate PDF, a credential (vc+jwt) with or without its proof bundle.
export function VerifyUploadPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const proofId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [proofFile, setProofFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind | null>(null);

  const verify = useMutation({
    meta: { toast: false },
    mutationFn: async (): Promise<((VerificationReport | PdfVerificationReport) & { jwt?: string }) | null> => {
      setNotice(null);
      let credential = pasted.trim();
      let proof: string | undefined;
      if (proofFile) {
        const p = await sniff(proofFile);
        if (p.kind !== 'proof') {
          setNotice(t('verify.notAProof'));
          return null;
        }
        proof = p.text;
      }
      if (file) {
        const f = await sniff(file);
        setKind(f.kind);
        if (f.kind === 'pdf') {
          const form = new FormData();
          form.append('file', file, file.name);
          const r = await api<PdfVerificationReport>('/api/v1/verify/pdf', { form, method: 'POST' });
          return { ...r, jwt: r.credential };
        }
        if (f.kind === 'proof') {
          if (!credential) {
            setNotice(t('verify.proofNeedsCredential'));
            return null;
          }
          proof = f.text;
        } else if (f.kind === 'credential') credential = f.text!;
        else {
          setNotice(t('verify.unknownFile'));
          return null;
        }
      } else setKind(credential ? 'credential' : null);
      if (!credential) {
        setNotice(t('verify.nothing'));
        return null;
      }
      const r = await api<VerificationReport>('/api/v1/verify', { body: { credential, ...(proof ? { proof } : {}) } });
      return { ...r, jwt: credential };
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  const kindText: Record<Kind, string> = {
    pdf: t('verify.kindPdf'),
    credential: t('verify.kindCredential'),
    proof: t('verify.kindProof'),
    unknown: t('verify.unknownFile'),
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('verify.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('verify.intro')}
        </Text>
      </div>
      <Paper withBorder p="md">
        <form onSubmit={submit}>
          <Stack>
            <Input.Wrapper label={t('verify.file')} description={t('verify.fileHint')} id={`${fileId}-wrap`}>
              <input
                id={fileId}
                type="file"
                accept=".pdf,.jwt,.txt,.json,application/pdf,application/vc+jwt,text/plain"
                aria-label={t('verify.file')}
                onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                data-testid="verify-file"
                style={{ display: 'block', marginTop: 6 }}
              />
            </Input.Wrapper>
            <Textarea
              label={t('verify.paste')}
              description={t('verify.pasteHint')}
              autosize
              minRows={3}
              maxRows={8}
              value={pasted}
              onChange={(e) => setPasted(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 12 } }}
            />
            <Input.Wrapper label={t('verify.proofFile')} description={t('verify.proofHint')}>
              <input
                id={proofId}
                type="file"
                accept=".txt,text/plain"
                aria-label={t('verify.proofFile')}
                onChange={(e) => setProofFile(e.currentTarget.files?.[0] ?? null)}
                style={{ display: 'block', marginTop: 6 }}
              />
            </Input.Wrapper>
            <Button type="submit" loading={verify.isPending} w="fit-content">
              {t('verify.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {notice && (
        <Alert color="yellow" role="alert">
          {notice}
        </Alert>
      )}
      {verify.error && <ErrorAlert error={verify.error} />}
      {verify.data && (
        <Stack>
          {kind && (
            <Text size="sm" c="dimmed">
              {t('verify.checked', { kind: kindText[kind] })}
              {'attachments' in verify.data ? ` ${t('verify.attachments', { files: verify.data.attachments.join(', ') || '—' })}` : ''}
            </Text>
          )}
          {verify.data.certificate && (
            <Text size="sm">
              {t('verify.about', {
                number: verify.data.certificate.number,
                version: verify.data.certificate.version,
                brand: verify.data.certificate.brand,
              })}
            </Text>
          )}
          <ChecksReport report={verify.data} />
          <CredentialContents jwt={verify.data.jwt} signatureOk={verify.data.checks.some((c) => c.name === 'signature' && c.status === 'pass')} />
        </Stack>
      )}
    </Stack>
  );
}

/** What a certificate credential signs (PCR, shape, weights, chemistry), read from the credential itself once its signature verified. */
function CredentialContents({ jwt, signatureOk }: { jwt: string | undefined; signatureOk: boolean }) {
  const { t } = useTranslation();
  const subject = certificateSubjectOf(jwt);
  if (!subject) return null;
  if (!signatureOk) {
    return (
      <Text size="sm" c="dimmed" data-testid="credential-contents-hidden">
        {t('credentialContents.unverified')}
      </Text>
    );
  }
  return <ContentsTable c={subject as unknown as CertificateContent} />;
}

function ContentsTable({ c }: { c: CertificateContent }) {
  const { t } = useTranslation();
  const f = useFormat();
  const metalName = useMetalName();
  return (
    <section aria-labelledby="credential-contents" data-testid="credential-contents">
      <Title order={2} size="h3" id="credential-contents">
        {t('credentialContents.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('credentialContents.signedNote')}
      </Text>
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0}>
          <Field label={t('publicCert.producerBrand')}>
            {c.producer?.name} · {c.brand?.code} — {c.brand?.name}
          </Field>
          <Field label={t('filters.metal')}>{metalName(c.metal)}</Field>
          <Field label={t('certificate.pcr')}>{c.pcr}</Field>
          <Field label={t('certificate.productionDate')}>{f.date(c.productionDate)}</Field>
          <Field label={t('certificate.shape')}>{c.shape}</Field>
          <Field label={t('publicCert.weights')}>
            {t('publicCert.weightsValue', { net: f.decimal(c.netWeightKg), gross: f.decimal(c.grossWeightKg), pieces: f.integer(c.pieces) })}
          </Field>
          {c.spec && <Field label={t('certificate.spec')}>{`${c.spec.qualityStandard} (v${c.spec.version})`}</Field>}
        </SimpleGrid>
      </Paper>
      <ChemistryTable analysis={c.chemistry} check={null} />
    </section>
  );
}
