#!/usr/bin/env node
/** The `isl` command: `isl serve` starts the service on HOST:PORT with WORKERS processes. */
import { Command } from 'commander';
import { ISL_VERSION, islService } from './app.js';

const program = new Command()
  .name('isl')
  .description('Inference Service Layer: causal inference, counterfactuals, sensitivity, preference learning')
  .version(ISL_VERSION);

program
  .command('serve')
  .description('serve the HTTP API (configured by environment variables and .env; see README)')
  .option('-p, --port <port>', 'listen on this port (overrides PORT)')
  .option('--host <host>', 'listen on this interface (overrides HOST)')
  .action(async (options: { port?: string; host?: string }) => {
    const env: Record<string, string | undefined> = { ...process.env };
    if (options.port !== undefined) env['PORT'] = options.port;
    if (options.host !== undefined) env['HOST'] = options.host;
    await islService.run(options.port !== undefined || options.host !== undefined ? env : undefined);
  });

await program.parseAsync(process.argv);
