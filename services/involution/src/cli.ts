#!/usr/bin/env node
/**
 * The `involution` command: serve one of the three apps, print a chart, manage SPK kernels.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ChartCommandOptions } from './apps/chart-command.js';
import { NAIF_PLANETS_URL } from './apps/naif-source.js';
import { SERVICE_VERSION } from './apps/service-version.js';
import type { KernelLocation, KernelSetTag } from './adapters/kernel-files.js';
import { InvolutionError } from './errors.js';

function number(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a number within [${min}, ${max}]`);
    return n;
  };
}

// Each command imports only what it needs, so `involution chart` starts without the HTTP stack.

/** Kernel settings from the engine's config (env and .env), overridden by the command's options. */
async function kernelLocation(options: { path?: string; set?: string }): Promise<KernelLocation> {
  const { loadEngineConfig } = await import('./apps/engine-config.js');
  const config = loadEngineConfig();
  return {
    kernelsPath: options.path ?? config.KERNELS_PATH,
    kernelSetTag: (options.set?.toUpperCase() ?? config.KERNEL_SET_TAG) as KernelSetTag,
    ...(config.METAKERNEL_PATH && !options.path ? { metakernelPath: config.METAKERNEL_PATH } : {}),
  };
}

const program = new Command('involution')
  .description('Involution Engine: ephemeris, houses, time resolution and the routing gateway')
  .version(SERVICE_VERSION);

program
  .command('serve')
  .description('start an HTTP service: engine (PORT 8002), time (8003) or gateway (8004); configured by environment variables')
  .addArgument(new Command().createArgument('<app>', 'engine | time | gateway').choices(['engine', 'time', 'gateway']))
  .action(async (app: 'engine' | 'time' | 'gateway') => {
    if (app === 'engine') await (await import('./apps/engine-app.js')).engineService.run();
    else if (app === 'time') await (await import('./apps/time-app.js')).timeService.run();
    else await (await import('./apps/gateway-app.js')).gatewayService.run();
  });

program
  .command('chart')
  .description('print a chart: positions, and houses with --houses')
  .requiredOption('--time <datetime>', 'ISO date-time; with a zone (2024-06-21T18:00:00Z) or local (1879-03-14T11:30, resolved via tzdb)')
  .requiredOption('--lat <degrees>', 'latitude, north positive', number('--lat', -90, 90))
  .requiredOption('--lon <degrees>', 'longitude, east positive', number('--lon', -180, 180))
  .option('--elev <metres>', 'elevation', number('--elev', -500, 20000), 0)
  .option('--houses <system>', 'placidus, koch, porphyry, regiomontanus, campanus, equal, whole_sign (or P K O R C E W)')
  .addOption(new Option('--zodiac <zodiac>', 'tropical or sidereal').choices(['tropical', 'sidereal']).default('tropical'))
  .option('--ayanamsa <name>', 'ayanamsa for --zodiac sidereal', 'lahiri')
  .option('--bodies <list>', 'comma-separated bodies (default Sun … Pluto; Chiron with a kernel that holds it)')
  .option('--topocentric', 'positions for the observer, not the Earth centre')
  .option('--zone <iana>', 'zone for a local --time (default: from the coordinates)')
  .addOption(new Option('--lmt <mode>', 'before standard time: longitude LMT or the zone\'s tzdb LMT').choices(['longitude', 'tzdb']).default('longitude'))
  .option('--json', 'print JSON instead of a table')
  .option('--kernels <dirs>', 'directories to search for SPK kernels instead of KERNELS_PATH')
  .action(async (options: ChartCommandOptions & { kernels?: string }) => {
    const { chartCommand } = await import('./apps/chart-command.js');
    process.stdout.write(chartCommand(options, await kernelLocation(options.kernels === undefined ? {} : { path: options.kernels })));
  });

const kernels = program.command('kernels').description('JPL SPK kernels: list, fetch from NAIF, verify');
kernels
  .command('list')
  .description('show the kernel files KERNELS_PATH / KERNEL_SET_TAG / METAKERNEL_PATH resolve to')
  .option('--path <dirs>', 'directories to search instead of KERNELS_PATH')
  .action(async (options: { path?: string }) => {
    const { listKernels } = await import('./apps/kernels-command.js');
    const { lines } = listKernels(await kernelLocation(options));
    process.stdout.write(`${lines.join('\n')}\n`);
  });
kernels
  .command('fetch')
  .description('download a kernel set from NAIF into the first KERNELS_PATH directory and verify it')
  .addArgument(new Command().createArgument('[set]', 'de440 | de441').choices(['de440', 'de441', 'DE440', 'DE441']).default('de440'))
  .option('--path <dir>', 'directory to download into instead of KERNELS_PATH')
  .option('--from <url>', 'mirror to download from instead of NAIF', NAIF_PLANETS_URL)
  .action(async (set: string, options: { path?: string; from: string }) => {
    const tag = set.toUpperCase() as KernelSetTag;
    const log = (line: string): void => void process.stdout.write(`${line}\n`);
    const { fetchKernels } = await import('./apps/kernels-command.js');
    const ok = await fetchKernels(tag, await kernelLocation({ ...options, set: tag }), log, options.from);
    if (!ok) process.exitCode = 1;
  });
kernels
  .command('verify')
  .description('open the kernels with the SPK reader and evaluate every segment')
  .option('--path <dirs>', 'directories to search instead of KERNELS_PATH')
  .option('--set <tag>', 'DE440 or DE441 instead of KERNEL_SET_TAG')
  .action(async (options: { path?: string; set?: string }) => {
    const { verifyKernels } = await import('./apps/kernels-command.js');
    const { lines, ok } = verifyKernels(await kernelLocation(options));
    process.stdout.write(`${lines.join('\n')}\n`);
    if (!ok) process.exitCode = 1;
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof InvolutionError) {
    process.stderr.write(`involution: ${error.message}${error.field ? ` (${error.field})` : ''}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
