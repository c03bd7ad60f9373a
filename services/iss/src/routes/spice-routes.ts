import { Type, type ServiceApp } from '@svc/kernel';
import { loadCapabilityReport } from '../adapters/capability-report-loader.js';
import type { IssStores } from '../adapters/store-factory.js';
import { parseDescriptor } from '../domain/spice-descriptor.js';
import { IssError } from '../errors.js';

const tags = ['spice'];

/** SPICE descriptors: create, fetch, find by glyph or a-priori ref, capability report. */
export function registerSpiceRoutes(app: ServiceApp, stores: IssStores): void {
  app.post(
    '/spice/descriptor',
    {
      schema: {
        summary: 'Create a process descriptor (201; 200 when identical content exists)',
        description: 'Every field is validated by the service; errors answer 422 naming the field.',
        tags,
        body: Type.Unknown(),
      },
    },
    async (request, reply) => {
      const descriptor = parseDescriptor(request.body);
      const { record, created } = await stores.descriptors.put(descriptor);
      void reply.code(created ? 201 : 200);
      return { descriptor_id: record.descriptor_id, created, seq: record.seq, hash: record.hash, created_at: record.created_at, descriptor: record.descriptor };
    },
  );

  app.get(
    '/spice/descriptor/:id',
    { schema: { summary: 'Retrieve a descriptor', tags, params: Type.Object({ id: Type.String() }) } },
    async (request) => {
      const record = await stores.descriptors.get(request.params.id);
      if (!record) throw new IssError('ISS_DESCRIPTOR_NOT_FOUND', `no descriptor ${request.params.id}`, { field: 'id' });
      return record;
    },
  );

  app.get(
    '/spice/find/glyph/:hash',
    { schema: { summary: 'Descriptors whose glyph range starts or ends at a glyph', tags, params: Type.Object({ hash: Type.String() }) } },
    async (request) => {
      const records = await stores.descriptors.findByGlyph(request.params.hash);
      return { glyph: request.params.hash, count: records.length, descriptors: records };
    },
  );

  app.get(
    '/spice/find/apriori/:ref',
    { schema: { summary: 'Descriptors citing an a-priori reference', tags, params: Type.Object({ ref: Type.String() }) } },
    async (request) => {
      const records = await stores.descriptors.findByApriori(request.params.ref);
      return { apriori_ref: request.params.ref, count: records.length, descriptors: records };
    },
  );

  app.get('/spice/capability/report', { schema: { summary: 'ISO/IEC 33020 process capability report', tags } }, async () =>
    loadCapabilityReport(stores.descriptors),
  );
}
