import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CertificateInfo } from '../domain/maintenance/index.js';

/** Reads a PEM certificate's subject and expiry (Node's X509Certificate: no openssl needed at runtime). */
export async function readCertificate(path: string): Promise<CertificateInfo> {
  const certificate = new X509Certificate(await readFile(path));
  return {
    path,
    subject: certificate.subject.replace(/\n/g, ', '),
    notAfter: Date.parse(certificate.validTo),
  };
}
