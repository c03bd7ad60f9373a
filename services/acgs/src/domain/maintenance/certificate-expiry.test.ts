import { describe, expect, it } from 'vitest';
import { classifyCertificate } from './certificate-expiry.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);

describe('classifyCertificate', () => {
  const cert = (days: number) => ({ path: 'tls.crt', subject: 'CN=acgs', notAfter: NOW + days * DAY });
  it('classifies by whole days left against warning_days 30 and critical_days 7', () => {
    expect([45, 30, 8, 7, 0.5, -1].map((d) => classifyCertificate(cert(d), NOW, 30, 7).status)).toEqual([
      'ok',
      'warning',
      'warning',
      'critical',
      'critical',
      'expired',
    ]);
    expect(classifyCertificate(cert(12.9), NOW, 30, 7).daysLeft).toBe(12);
  });
});
