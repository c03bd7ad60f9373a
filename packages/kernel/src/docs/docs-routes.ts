import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { ServiceApp } from '../http/service-types.js';
import { DOCS_CSP } from '../security/security-hooks.js';

export interface DocsSettings {
  readonly title: string;
  readonly description: string;
  readonly version: string;
}

const redocBundle = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');

/**
 * OpenAPI generated from the route schemas, served as `/openapi.json`, Swagger UI at `/docs` and ReDoc
 * at `/redoc`. Every asset is served from node_modules: the pages work with no internet access.
 * Must be registered before the routes it documents.
 */
export async function registerDocs(app: ServiceApp, settings: DocsSettings): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: settings.title, description: settings.description, version: settings.version },
    },
  });
  // The pages and their assets live in their own scope, whose hook loosens the CSP for them alone.
  await app.register(async (pages) => {
    pages.addHook('onRequest', (_request, reply, done) => {
      reply.header('content-security-policy', DOCS_CSP);
      done();
    });
    await pages.register(swaggerUi, { routePrefix: '/docs', staticCSP: false, logLevel: 'warn' });
    pages.get('/redoc', { schema: { hide: true }, logLevel: 'warn' }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(redocPage(settings.title)),
    );
    pages.get('/redoc/redoc.standalone.js', { schema: { hide: true }, logLevel: 'warn' }, (_request, reply) =>
      reply
        .type('application/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(redocBundle)),
    );
  });

  // Browsers ask for it on every docs page; an empty answer keeps their consoles clean.
  app.get('/favicon.ico', { schema: { hide: true }, logLevel: 'warn' }, (_request, reply) =>
    reply.code(204).send(),
  );
  app.get('/openapi.json', { schema: { hide: true }, logLevel: 'warn' }, () => app.swagger());
}

/** ReDoc reads `spec-url` itself, so the page needs no inline script (and no 'unsafe-inline' for scripts). */
function redocPage(title: string): string {
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped} — API reference</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="/openapi.json"></redoc>
<script src="/redoc/redoc.standalone.js"></script>
</body>
</html>
`;
}
