import cors from '@fastify/cors';
import { listSetting } from '../config/env-config.js';
import { DOCS_PATH_PREFIXES } from '../docs/docs-routes.js';
import { kernelErrors } from '../errors/kernel-errors.js';
import { helmetHeaders } from './security-headers.js';
import type { ServiceApp } from '../http/service-types.js';

export interface SecuritySettings {
  /** True once shutdown began: responses then ask clients to close their keep-alive sockets. */
  readonly isDraining: () => boolean;
  /** CORS origins; `*` allows any origin but then never with credentials. */
  readonly allowedOrigins: string;
  /** Host headers accepted (`api.example.com`, `*.example.com`); empty accepts any. */
  readonly trustedHosts: string;
  /** Paths answered whatever the Host header (probes reach pods by IP). */
  readonly hostCheckExempt: readonly string[];
}

/** Swagger UI and ReDoc need inline styles, data: images and blob: workers; the API needs none of that. */
const DOCS_CSP = [
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

/** helmet's headers (CSP relaxed on the docs pages only), CORS, and the Host allow-list. */
export async function registerSecurity(app: ServiceApp, settings: SecuritySettings): Promise<void> {
  // The API answers JSON: nothing on it may load or run anything.
  const apiHeaders = helmetHeaders({
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
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(apiHeaders);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const route = request.routeOptions.url;
    if (
      route !== undefined &&
      DOCS_PATH_PREFIXES.some((prefix) => route === prefix || route.startsWith(`${prefix}/`))
    ) {
      reply.header('content-security-policy', DOCS_CSP);
    }
    // While draining, ask clients to reconnect elsewhere so keep-alive sockets do not hold shutdown open.
    if (settings.isDraining()) reply.header('connection', 'close');
    done(null, payload);
  });

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
