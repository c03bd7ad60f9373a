import cors from '@fastify/cors';
import { listSetting } from '../config/env-config.js';
import { kernelErrors } from '../errors/kernel-errors.js';
import { helmetHeaders } from './security-headers.js';
import type { ServiceApp } from '../http/service-types.js';

export interface SecuritySettings {
  /** CORS origins; `*` allows any origin but then never with credentials. */
  readonly allowedOrigins: string;
  /** Host headers accepted (`api.example.com`, `*.example.com`); empty accepts any. */
  readonly trustedHosts: string;
  /** Paths answered whatever the Host header (probes reach pods by IP). */
  readonly hostCheckExempt: readonly string[];
}

/** Swagger UI and ReDoc need inline styles, data: images and blob: workers; the API needs none of that. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * helmet's headers for API responses, computed once; the kernel's per-request hook sets them, and the docs
 * pages replace the CSP with DOCS_CSP in their own scope. The API answers JSON: nothing on it may load or
 * run anything.
 */
export const API_SECURITY_HEADERS = helmetHeaders({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
});

/** CORS and the Host allow-list. */
export async function registerSecurity(app: ServiceApp, settings: SecuritySettings): Promise<void> {
  const origins = listSetting(settings.allowedOrigins);
  if (origins.length > 0) {
    const any = origins.includes('*');
    await app.register(cors, {
      origin: any ? '*' : origins,
      credentials: !any, // browsers refuse `*` with credentials, and so do we
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'etag',
      ],
      maxAge: 600,
    });
  }

  const hosts = listSetting(settings.trustedHosts).map((host) => host.toLowerCase());
  if (hosts.length > 0 && !hosts.includes('*')) {
    app.addHook('onRequest', (request, _reply, done) => {
      const path = request.url.split('?', 1)[0] ?? '';
      const host = request.hostname.toLowerCase();
      const allowed =
        settings.hostCheckExempt.includes(path) ||
        hosts.some((pattern) =>
          pattern.startsWith('*.')
            ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
            : host === pattern,
        );
      done(
        allowed ? undefined : kernelErrors.KERNEL_HOST_NOT_ALLOWED(`host "${host}" is not in TRUSTED_HOSTS`),
      );
    });
  }
}
