import type { AcgsConfig } from '../domain/config/index.js';

/** What every command gets from the CLI: config, output channels, clock and the directories. */
export interface CommandContext {
  readonly config: AcgsConfig;
  /** Progress and summaries (stdout). */
  readonly out: (text: string) => void;
  /** Problems (stderr). */
  readonly err: (text: string) => void;
  readonly now: () => number;
  /** ACGS_STATE_DIR: revision histories, supervisor records, logs, maintenance flag. */
  readonly stateDir: string;
  /** Base of relative paths (state, reports, config): the working directory of the CLI. */
  readonly cwd: string;
  /** Where service commands run: the repository root (ACGS_ROOT overrides it). */
  readonly root: string;
  /** Environment passed to children and read for PROMETHEUS_URL, DATABASE_URL. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The config path given (--config or CONFIG_PATH), absolute; undefined for embedded defaults. */
  readonly configPath?: string | undefined;
}
