import { describe, expect, it } from 'vitest';
import { CapabilityReportBuilder, capabilityLevel, medianFromHistogram } from './capability.js';

describe('capabilityLevel', () => {
  it('is 0 when PA 1.1 is only P or unrated', () => {
    expect(capabilityLevel({})).toBe(0);
    expect(capabilityLevel({ 'PA1.1': 'P' })).toBe(0);
  });

  it('is 1 with PA 1.1 largely achieved, even if level-2 PAs are fully achieved', () => {
    expect(capabilityLevel({ 'PA1.1': 'L' })).toBe(1);
    expect(capabilityLevel({ 'PA1.1': 'L', 'PA2.1': 'F', 'PA2.2': 'F' })).toBe(1);
  });

  it('needs every PA of the level at least L and every lower PA F', () => {
    expect(capabilityLevel({ 'PA1.1': 'F', 'PA2.1': 'L', 'PA2.2': 'L' })).toBe(2);
    expect(capabilityLevel({ 'PA1.1': 'F', 'PA2.1': 'L', 'PA2.2': 'P' })).toBe(1);
    expect(capabilityLevel({ 'PA1.1': 'F', 'PA2.1': 'F', 'PA2.2': 'F', 'PA3.1': 'L', 'PA3.2': 'L' })).toBe(3);
    const allF = { 'PA1.1': 'F', 'PA2.1': 'F', 'PA2.2': 'F', 'PA3.1': 'F', 'PA3.2': 'F', 'PA4.1': 'F', 'PA4.2': 'F', 'PA5.1': 'F', 'PA5.2': 'F' } as const;
    expect(capabilityLevel(allF)).toBe(5);
    expect(capabilityLevel({ ...allF, 'PA5.2': 'L' })).toBe(5);
    expect(capabilityLevel({ ...allF, 'PA4.2': 'L' })).toBe(4);
    expect(capabilityLevel({ ...allF, 'PA2.1': 'P' })).toBe(1);
  });
});

describe('medianFromHistogram', () => {
  it('takes the middle value, or the mean of the two middles', () => {
    expect(medianFromHistogram([0, 0, 0])).toBeNull();
    expect(medianFromHistogram([1, 1, 1])).toBe(1);
    expect(medianFromHistogram([1, 0, 0, 1])).toBe(1.5);
    expect(medianFromHistogram([0, 3, 0, 0, 1])).toBe(1);
  });
});

describe('CapabilityReportBuilder', () => {
  it('reports distribution, median, per-process profile and unsupported claims', () => {
    const b = new CapabilityReportBuilder();
    b.add({ descriptor_id: 'a', process_name: 'Deploy', process_version: '1', capability_level: 2 });
    b.add({ descriptor_id: 'b', process_name: 'Build', process_version: '1', capability_level: 4, process_attributes: { 'PA1.1': 'F', 'PA2.1': 'L', 'PA2.2': 'L' } });
    b.add({ descriptor_id: 'c', process_name: 'Deploy', process_version: '2', capability_level: 3 });
    const r = b.build();
    expect(r.total_descriptors).toBe(3);
    expect(r.distribution).toEqual({ '0': 0, '1': 0, '2': 2, '3': 1, '4': 0, '5': 0 });
    expect(r.median_level).toBe(2);
    expect(r.unsupported_claims).toEqual([{ descriptor_id: 'b', process_name: 'Build', declared_level: 4, derived_level: 2 }]);
    expect(r.processes.map((p) => [p.process_name, p.descriptors, p.effective_level, p.supported])).toEqual([
      ['Build', 1, 2, false],
      ['Deploy', 2, 3, true],
    ]);
  });
});
