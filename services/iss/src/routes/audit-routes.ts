import { Type, type ServiceApp } from '@svc/kernel';
import { loadAuditTrail } from '../adapters/audit-trail-loader.js';
import type { IssStores } from '../adapters/store-factory.js';
import { IssError } from '../errors.js';

/** Audit reconstruction, system integrity and vault status. */
export function registerAuditRoutes(app: ServiceApp, stores: IssStores): void {
  app.get(
    '/audit/trail/:id',
    { schema: { summary: 'Full audit reconstruction of a descriptor', tags: ['audit'], params: Type.Object({ id: Type.String() }) } },
    async (request) => {
      const trail = await loadAuditTrail(stores, request.params.id);
      if (!trail) throw new IssError('ISS_DESCRIPTOR_NOT_FOUND', `no descriptor ${request.params.id}`, { field: 'id' });
      return trail;
    },
  );

  app.get('/audit/verify/integrity', { schema: { summary: 'Verify chain, descriptors, checkpoint and vaults', tags: ['audit'] } }, async () => {
    const { report, verified_at } = await stores.integrity.current();
    const regression = stores.regression();
    return {
      ok: (report?.ok ?? false) && regression === null,
      storage: stores.mode,
      verified_at,
      regression,
      ...report,
      vaults: await stores.vaults.status(),
    };
  });

  app.get('/vault/status', { schema: { summary: 'Read-only memory_matrix vaults', tags: ['vault'] } }, async () => ({
    root: stores.vaults.root,
    read_only: true,
    vaults: await stores.vaults.status(),
  }));
}
