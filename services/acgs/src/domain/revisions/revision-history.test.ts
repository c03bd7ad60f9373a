import { describe, expect, it } from 'vitest';
import { AcgsError } from '../../errors.js';
import {
  applyTemplate,
  currentRevision,
  emptyHistory,
  previousRevision,
  rollbackTo,
} from './revision-history.js';
import type { RevisionHistory } from './revision-history.js';
import { templateKey } from './template-key.js';

type Template = { image: string };
const v = (n: number): Template => ({ image: `svc:${n}` });
const stamp = (at: number, runId = `run-${at}`) => ({ at, runId });

function deploy(history: RevisionHistory<Template>, ...versions: number[]): RevisionHistory<Template> {
  return versions.reduce(
    (h, n, i) => applyTemplate(h, v(n), stamp(h.revisions.length * 10 + i + 1)).history,
    history,
  );
}

const summary = (h: RevisionHistory<Template>) =>
  h.revisions.map((r) => `${r.revision}:${r.template.image}:${r.origin}`);

describe('applyTemplate', () => {
  it('creates revisions 1, 2, 3 for three different templates', () => {
    expect(summary(deploy(emptyHistory('svc'), 1, 2, 3))).toEqual([
      '1:svc:1:apply',
      '2:svc:2:apply',
      '3:svc:3:apply',
    ]);
  });

  it('creates no revision when the template is unchanged', () => {
    const h = deploy(emptyHistory('svc'), 1);
    const result = applyTemplate(h, { image: 'svc:1' }, stamp(99));
    expect(result.changed).toBe(false);
    expect(result.history).toBe(h);
  });

  it('renumbers an older template when it is applied again (its old number disappears)', () => {
    expect(summary(deploy(emptyHistory('svc'), 1, 2, 1))).toEqual(['2:svc:2:apply', '3:svc:1:apply']);
  });

  it('keeps only revisionHistoryLimit old revisions besides the current one', () => {
    let h = emptyHistory<Template>('svc');
    for (let n = 1; n <= 5; n += 1) h = applyTemplate(h, v(n), stamp(n), 2).history;
    expect(h.revisions.map((r) => r.revision)).toEqual([3, 4, 5]);
  });
});

describe('rollbackTo', () => {
  it('creates a NEW revision with the previous template, like kubectl rollout undo', () => {
    const result = rollbackTo(deploy(emptyHistory('svc'), 1, 2), stamp(100, 'rb-1'));
    expect(result.targetRevision).toBe(1);
    expect(result.from.revision).toBe(2);
    expect(result.to).toMatchObject({ revision: 3, template: v(1), origin: 'rollback', runId: 'rb-1' });
    expect(summary(result.history)).toEqual(['2:svc:2:apply', '3:svc:1:rollback']);
    expect(result.history.badKeys).toEqual([templateKey(v(2))]);
  });

  it('never goes back to the bad template on a second undo (where "current − 1" would)', () => {
    const once = rollbackTo(deploy(emptyHistory('svc'), 1, 2, 3), stamp(100)).history; // 3 is bad, back to 2
    expect(summary(once)).toEqual(['1:svc:1:apply', '3:svc:3:apply', '4:svc:2:rollback']);
    const twice = rollbackTo(once, stamp(200));
    // "current − 1" is revision 3 = the bad svc:3; the answer is the last DIFFERENT, not-bad template.
    expect(twice.targetRevision).toBe(1);
    expect(summary(twice.history)).toEqual(['3:svc:3:apply', '4:svc:2:rollback', '5:svc:1:rollback']);
  });

  it('gives the plain Kubernetes previous revision when bad ones are included', () => {
    const once = rollbackTo(deploy(emptyHistory('svc'), 1, 2), stamp(100)).history;
    expect(previousRevision(once, { includeBad: true })?.template).toEqual(v(2));
    expect(previousRevision(once)).toBeUndefined();
  });

  it('rolls back to an explicit revision number', () => {
    const result = rollbackTo(deploy(emptyHistory('svc'), 1, 2, 3), stamp(100), 1);
    expect(result.to).toMatchObject({ revision: 4, template: v(1) });
    expect(summary(result.history)).toEqual(['2:svc:2:apply', '3:svc:3:apply', '4:svc:1:rollback']);
  });

  it('refuses an unknown revision, listing the ones that exist', () => {
    const h = deploy(emptyHistory('svc'), 1, 2, 1);
    try {
      rollbackTo(h, stamp(100), 1);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AcgsError);
      expect((error as AcgsError).code).toBe('ACGS_REVISION_NOT_FOUND');
      expect((error as AcgsError).details).toEqual({ service: 'svc', revision: 1, available: [2, 3] });
    }
  });

  it('refuses when there is nothing different to go back to', () => {
    expect(() => rollbackTo(deploy(emptyHistory('svc'), 1), stamp(100))).toThrow(/no earlier good revision/);
    expect(() => rollbackTo(emptyHistory('svc'), stamp(100))).toThrow(/never been deployed/);
    expect(() => rollbackTo(deploy(emptyHistory('svc'), 1, 2), stamp(100), 2)).toThrow(/already current/);
  });

  it('clears the bad mark when the operator deliberately applies that template again', () => {
    const rolledBack = rollbackTo(deploy(emptyHistory('svc'), 1, 2), stamp(100)).history;
    const reapplied = applyTemplate(rolledBack, v(2), stamp(200)).history;
    expect(reapplied.badKeys).toEqual([]);
    expect(currentRevision(reapplied)?.revision).toBe(4);
  });
});
