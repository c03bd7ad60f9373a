#!/usr/bin/env node
import { Argument, Command, Option } from 'commander';
import { isAcgsError } from './errors.js';

/*
 * The `acgs` CLI. Command modules are imported lazily: the detached per-service supervisors
 * (`acgs supervise`) start often and need none of the rest.
 */

const env: Readonly<Record<string, string | undefined>> = { ...process.env };

type Action = () => Promise<number>;

/** Runs a command body and exits with its code; AcgsErrors (bad config, unknown service) exit 2 with their message. */
function run(action: Action): Promise<void> {
  return action().then(
    (code) => {
      process.exitCode = code;
      // A library handle left open must not keep a finished command alive.
      setTimeout(() => process.exit(code), 3000).unref();
    },
    (error: unknown) => {
      if (isAcgsError(error)) {
        process.stderr.write(`acgs: ${error.code}: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(
        `acgs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}

async function context(configPath: string | undefined) {
  const { commandContext } = await import('./commands/command-setup.js');
  return commandContext(env, configPath);
}

const driverOption = () =>
  new Option('--driver <driver>', 'where services run').choices(['local', 'kubernetes']).default('local');

const program = new Command('acgs')
  .description('ACGS-2 deployment system: deploy, monitor, roll back, maintain; runs the whole suite')
  .showHelpAfterError();

program
  .command('deploy')
  .description('deploy services in dependency order behind a health gate; roll back this run on failure')
  .option('--config <path>', 'config directory, one of the four files, or a bundle (default: CONFIG_PATH)')
  .addOption(driverOption())
  .option('--only <services...>', 'deploy only these services')
  .option('--dry-run', 'plan and report without applying anything')
  .action((options: { config?: string; driver: 'local' | 'kubernetes'; only?: string[]; dryRun?: boolean }) =>
    run(async () => {
      const ctx = await context(options.config);
      const { createDriver } = await import('./drivers/create-driver.js');
      const { runDeploy } = await import('./commands/deploy-command.js');
      const driver = await createDriver(ctx, options.driver);
      try {
        const { report } = await runDeploy(ctx, driver, {
          only: options.only,
          dryRun: options.dryRun === true,
        });
        return report.exit_code;
      } finally {
        await driver.close();
      }
    }),
  );

program
  .command('up')
  .description("run this repository's whole suite locally (embedded defaults), health-gated; Ctrl-C stops it")
  .option('--config <path>', 'config (default: CONFIG_PATH, else the built-in suite)')
  .action((options: { config?: string }) =>
    run(async () => {
      const { runUp } = await import('./commands/up-command.js');
      return runUp(await context(options.config));
    }),
  );

program
  .command('down')
  .description('stop every service the local driver started from this state directory')
  .option('--config <path>', 'config (default: CONFIG_PATH)')
  .action((options: { config?: string }) =>
    run(async () => {
      const ctx = await context(options.config);
      const { localRuntime } = await import('./drivers/create-driver.js');
      await localRuntime(ctx).stopAll(ctx.config.production.services.map((s) => s.name));
      ctx.out('stopped\n');
      return 0;
    }),
  );

program
  .command('monitor')
  .description('health, constitutional hash and SLOs of every service; alerts and automatic rollbacks')
  .option('--config <path>', 'config directory or file (default: CONFIG_PATH)')
  .addOption(driverOption())
  .option('--single-check', 'run one check round and exit (0 healthy, 1 degraded, 2 unhealthy)')
  .option('--serve', 'serve the status page (port 8006) while monitoring')
  .option('--window <seconds>', 'SLO traffic window (default: performance_monitoring.window_seconds)', Number)
  .action(
    (options: {
      config?: string;
      driver: 'local' | 'kubernetes';
      singleCheck?: boolean;
      serve?: boolean;
      window?: number;
    }) =>
      run(async () => {
        const { runMonitorCommand } = await import('./commands/monitor-command.js');
        return runMonitorCommand(await context(options.config), {
          driver: options.driver,
          singleCheck: options.singleCheck === true,
          serve: options.serve === true,
          windowSeconds: options.window,
        });
      }),
  );

const rollback = program
  .command('rollback')
  .description('roll services back (Kubernetes revision semantics)');
rollback
  .command('emergency')
  .description('roll back every service the last deploy changed (a second run changes nothing)')
  .option('--config <path>', 'config (default: CONFIG_PATH)')
  .addOption(driverOption())
  .action((options: { config?: string; driver: 'local' | 'kubernetes' }) =>
    run(async () => {
      const { runEmergencyRollback } = await import('./commands/rollback-command.js');
      const { createDriver } = await import('./drivers/create-driver.js');
      const ctx = await context(options.config);
      const driver = await createDriver(ctx, options.driver);
      try {
        return (await runEmergencyRollback(ctx, driver)).exit_code;
      } finally {
        await driver.close();
      }
    }),
  );
rollback
  .command('targeted')
  .description('roll one service back to the previous different revision, or to REVISION')
  .argument('<service>')
  .argument('[revision]', 'revision number', (value) => Number.parseInt(value, 10))
  .option('--config <path>', 'config (default: CONFIG_PATH)')
  .addOption(driverOption())
  .action(
    (
      service: string,
      revision: number | undefined,
      options: { config?: string; driver: 'local' | 'kubernetes' },
    ) =>
      run(async () => {
        const { runTargetedRollback } = await import('./commands/rollback-command.js');
        const { createDriver } = await import('./drivers/create-driver.js');
        const ctx = await context(options.config);
        const driver = await createDriver(ctx, options.driver);
        try {
          return (await runTargetedRollback(ctx, driver, service, revision)).exit_code;
        } finally {
          await driver.close();
        }
      }),
  );

program
  .command('maintenance')
  .description('run the daily, weekly or monthly maintenance tasks inside a maintenance window')
  .addArgument(new Argument('<schedule>', 'daily | weekly | monthly').choices(['daily', 'weekly', 'monthly']))
  .option('--config <path>', 'config (default: CONFIG_PATH)')
  .action((schedule: 'daily' | 'weekly' | 'monthly', options: { config?: string }) =>
    run(async () => {
      const { runMaintenance } = await import('./commands/maintenance-command.js');
      return (await runMaintenance(await context(options.config), schedule)).exit_code;
    }),
  );

program
  .command('validate')
  .description('check the four config files (strict schema) and manifests (constitutional-hash labels)')
  .option('--config <path>', 'config directory or file (default: CONFIG_PATH)')
  .option('--manifests <paths...>', 'manifest files or directories (YAML) to check')
  .action((options: { config?: string; manifests?: string[] }) =>
    run(async () => {
      const { runValidate } = await import('./commands/validate-command.js');
      return runValidate(env, options.config, options.manifests ?? []);
    }),
  );

program
  .command('supervise', { hidden: true })
  .description('internal: supervise one local-driver service (spec in ACGS_SUPERVISE_SPEC)')
  .action(() =>
    run(async () => {
      const { runSupervise } = await import('./commands/supervise-command.js');
      return runSupervise(env);
    }),
  );

await program.parseAsync(process.argv);
