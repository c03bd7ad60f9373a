import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltService } from '../src/index.js';
import { demoService } from './fixtures/demo-service.js';

const CHROMIUM = '/usr/bin/chromium';
// The test command installs Debian's chromium as root; elsewhere the reason for skipping is printed.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`docs browser test skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

describe.skipIf(!haveChromium)('docs pages in headless Chromium', () => {
  let service: BuiltService<unknown>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    service = await demoService.build({ env: { LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' } });
    base = await service.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  async function open(path: string) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const external: string[] = [];
    page.on('request', (request) => {
      if (
        !request.url().startsWith(base) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      )
        external.push(request.url());
    });
    await page.goto(`${base}${path}`);
    // Chromium reports each request its CSP stopped as a console error naming the URL.
    const blockedByCsp = (url: string) =>
      problems.some((text) => text.includes(url) && text.includes('has been blocked'));
    return { page, problems, external, blockedByCsp };
  }

  it('renders Swagger UI with the service operations, from local assets, without CSP errors', async () => {
    const { page, problems, external } = await open('/docs/');
    await page.waitForSelector('.opblock-summary-path', { timeout: 20_000 });
    const paths = (await page.locator('.opblock-summary-path').allTextContents()).map((text) =>
      text.replace(/\u200b/g, ''),
    );
    expect(paths).toEqual(expect.arrayContaining(['/items/{id}', '/items', '/health']));
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.screenshot({ path: '.tmp/docs-swagger.png' }).catch(() => undefined);
  });

  it('renders ReDoc with the service operations, from local assets, without CSP errors', async () => {
    const { page, problems, external, blockedByCsp } = await open('/redoc');
    await page.waitForSelector('text=An item', { timeout: 20_000 });
    const title = await page.textContent('h1');
    expect(title).toContain('Demo service');
    // ReDoc's sidebar always links its vendor's logo from a CDN; our CSP blocks it (no request leaves).
    const vendorLogoBlocked = (text: string) =>
      text.includes('cdn.redoc.ly') && text.includes('Content Security Policy');
    expect(problems.filter((text) => !vendorLogoBlocked(text))).toEqual([]);
    expect(external.filter((url) => !blockedByCsp(url))).toEqual([]);
    await page.screenshot({ path: '.tmp/docs-redoc.png' }).catch(() => undefined);
  });
});
