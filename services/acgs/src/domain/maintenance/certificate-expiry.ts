export interface CertificateInfo {
  readonly path: string;
  readonly subject: string;
  /** Expiry (notAfter), epoch ms. */
  readonly notAfter: number;
}

export type CertificateStatus = 'ok' | 'warning' | 'critical' | 'expired';

export interface CertificateVerdict {
  readonly path: string;
  readonly subject: string;
  readonly daysLeft: number;
  readonly status: CertificateStatus;
}

/** Classifies a certificate by the days until it expires (whole days, rounded down). */
export function classifyCertificate(
  cert: CertificateInfo,
  now: number,
  warningDays: number,
  criticalDays: number,
): CertificateVerdict {
  const daysLeft = Math.floor((cert.notAfter - now) / 86_400_000);
  const status: CertificateStatus =
    cert.notAfter <= now
      ? 'expired'
      : daysLeft <= criticalDays
        ? 'critical'
        : daysLeft <= warningDays
          ? 'warning'
          : 'ok';
  return { path: cert.path, subject: cert.subject, daysLeft, status };
}
