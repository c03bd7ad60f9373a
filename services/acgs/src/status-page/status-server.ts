import { createAcgsService } from '../app.js';
import type { CommandContext } from '../commands/command-context.js';
import { StatusStore } from './status-store.js';

export interface StatusPage {
  readonly store: StatusStore;
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the status page on HOST:PORT (kernel settings; PORT defaults to 8006) until `close()`. */
export async function serveStatusPage(ctx: CommandContext): Promise<StatusPage> {
  const store = new StatusStore();
  const service = createAcgsService(store, ctx.config, ctx.cwd);
  const config = service.loadConfig(ctx.env);
  const built = await service.build({ config });
  const address = await built.app.listen({ host: config.HOST, port: config.PORT });
  ctx.out(`status page: ${address}\n`);
  return { store, url: address, close: () => built.close() };
}
