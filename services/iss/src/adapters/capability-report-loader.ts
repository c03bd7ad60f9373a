import { CapabilityReportBuilder, type CapabilityReport } from '../domain/capability.js';
import type { DescriptorStore } from '../domain/storage-ports.js';

/** Streams every stored descriptor into the ISO/IEC 33020 capability report. */
export async function loadCapabilityReport(descriptors: DescriptorStore): Promise<CapabilityReport> {
  const builder = new CapabilityReportBuilder();
  for await (const record of descriptors.records()) {
    const d = record.descriptor;
    builder.add({
      descriptor_id: record.descriptor_id,
      process_name: d.process_name,
      process_version: d.process_version,
      capability_level: d.capability_level,
      process_attributes: d.process_attributes,
    });
  }
  return builder.build();
}
