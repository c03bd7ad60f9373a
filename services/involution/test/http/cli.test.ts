/**
 * The `involution` CLI as a user runs it: `node --import tsx services/involution/src/cli.ts …`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listKernels, verifyKernels } from '../../src/apps/kernels-command.js';
import { writeSpk } from '../../src/domain/spk/spk-writer.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = join(root, 'services/involution/src/cli.ts');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A small SPK: Earth–Moon barycenter about the SSB and the Earth about the EMB, one 32-day record each. */
function tinyKernel(): Uint8Array {
  const record = (x: number) => [[[x, 1], [2, 0], [3, 0]]];
  return writeSpk('involution cli test', [
    { target: 3, center: 0, frame: 1, dataType: 2, name: 'EMB', init: 0, intervalLength: 86400 * 32, records: record(1.5e8) },
    { target: 399, center: 3, frame: 1, dataType: 2, name: 'EARTH', init: 0, intervalLength: 86400 * 32, records: record(4600) },
  ]);
}

describe('involution chart', () => {
  it('prints the 2016 equinox chart with the Sun at 29°59′59.5″ Pisces and Placidus cusps', async () => {
    const { code, stdout } = await run(['chart', '--time', '2016-03-20T04:30:00Z', '--lat', '51.5', '--lon', '0', '--houses', 'P']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Sun\s+29°59′59\.5″ Pis\s+359\.99986\d°/m);
    expect(stdout).toMatch(/^Jupiter .* R$/m);
    expect(stdout).toContain('Houses (placidus)');
    expect(stdout).toMatch(/^House 12\s/m);
    expect(stdout).toMatch(/^Ascendant\s/m);
  });

  it('resolves a local time through tzdb (Einstein, Ulm, LMT)', async () => {
    const { code, stdout } = await run(['chart', '--time', '1879-03-14T11:30', '--lat', '48.4', '--lon', '9.9833333', '--bodies', 'Sun,Moon']);
    expect(code).toBe(0);
    expect(stdout).toContain('1879-03-14T10:50:04.000Z (Europe/Berlin, LMT, lmt-longitude');
    expect(stdout).toMatch(/^Moon\s+\d+°\d{2}′\d{2}\.\d″ Sag/m);
  });

  it('exits 2 naming the field for an unknown body', async () => {
    const { code, stderr } = await run(['chart', '--time', '2016-03-20T04:30:00Z', '--lat', '51.5', '--lon', '0', '--bodies', 'Sun,Vulcan']);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown body "Vulcan"');
    expect(stderr).toContain('(bodies)');
  });
});

describe('involution kernels', () => {
  let dir: string;
  let mirror: Server;
  let mirrorUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'involution-cli-'));
    mkdirSync(join(dir, 'have'));
    writeFileSync(join(dir, 'have', 'de440s.bsp'), tinyKernel());
    const bytes = tinyKernel();
    mirror = createServer((request, response) => {
      if (request.url === '/de440.bsp') response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => mirror.close(resolve));
  });

  it('lists and verifies the kernels found through KERNELS_PATH', async () => {
    const listed = listKernels({ kernelsPath: join(dir, 'have') });
    expect(listed.lines).toEqual([
      `KERNELS_PATH=${join(dir, 'have')}`,
      'DE440: kernel-set',
      `  ${join(dir, 'have', 'de440s.bsp')}  0.0 MiB`,
      `DE441: not found (INVOLUTION_KERNEL_NOT_FOUND: No DE441 kernel files in ${join(dir, 'have')})`,
    ]);
    const verify = await run(['kernels', 'verify'], { KERNELS_PATH: join(dir, 'have') });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/body\s+3 center\s+0 {2}2000 to 2000 {2}ok/);
    expect(verify.stdout).toMatch(/body\s+399 center\s+3 {2}2000 to 2000 {2}ok/);
    expect(verify.stdout).toContain('all segments read');
  });

  it('fails verify clearly when no kernel is found', () => {
    const verify = verifyKernels({ kernelsPath: join(dir, 'empty') });
    expect(verify.ok).toBe(false);
    expect(verify.lines[0]).toContain('INVOLUTION_KERNEL_NOT_FOUND');
  });

  it('fetches from a mirror and verifies; fails clearly without a network', async () => {
    const target = join(dir, 'fetched');
    const fetched = await run(['kernels', 'fetch', 'de440', '--path', target, '--from', mirrorUrl]);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toContain('all segments read');
    expect(readFileSync(join(target, 'de440.bsp'))).toEqual(Buffer.from(tinyKernel()));
    const offline = await run(['kernels', 'fetch', 'de440', '--path', join(dir, 'offline'), '--from', 'http://127.0.0.1:1/']);
    expect(offline.code).toBe(1);
    expect(offline.stdout).toContain('could not download de440.bsp');
    expect(offline.stdout).toContain('involution kernels verify');
    expect(existsSync(join(dir, 'offline', 'de440.bsp.part'))).toBe(false);
  });
});
