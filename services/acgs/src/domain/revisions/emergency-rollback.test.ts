import { describe, expect, it } from 'vitest';
import { planEmergencyRollback } from './emergency-rollback.js';
import { applyTemplate, emptyHistory, rollbackTo } from './revision-history.js';
import type { RevisionHistory } from './revision-history.js';

type Template = { image: string };

function applyRun(
  histories: RevisionHistory<Template>[],
  runId: string,
  at: number,
  changes: Record<string, string>,
) {
  return histories.map((h) =>
    changes[h.service] === undefined
      ? h
      : applyTemplate(h, { image: changes[h.service] as string }, { at, runId }).history,
  );
}

function executePlan(histories: RevisionHistory<Template>[], at: number) {
  const plan = planEmergencyRollback(histories);
  const next = histories.map((h) => {
    const step = plan.find((s) => s.service === h.service);
    return step?.action === 'rollback'
      ? rollbackTo(h, { at, runId: `emergency-${at}` }, step.target.revision).history
      : h;
  });
  return { plan, next };
}

describe('planEmergencyRollback', () => {
  const start = ['a', 'b', 'c'].map((name) => emptyHistory<Template>(name));
  const run1 = applyRun(start, 'run-1', 1, { a: 'a:1', b: 'b:1', c: 'c:1' });
  const run2 = applyRun(run1, 'run-2', 2, { a: 'a:2', c: 'c:2' }); // b untouched by run-2

  it('rolls back only the services the last run changed', () => {
    const plan = planEmergencyRollback(run2);
    expect(
      plan.map((s) =>
        s.action === 'rollback'
          ? `${s.service}:${s.from.revision}->${s.target.revision}`
          : `${s.service}:${s.reason}`,
      ),
    ).toEqual(['a:2->1', 'b:not-changed-in-last-run', 'c:2->1']);
  });

  it('does nothing the second time: the bad version is never re-deployed', () => {
    const first = executePlan(run2, 10);
    expect(first.next.map((h) => h.revisions.at(-1)?.template.image)).toEqual(['a:1', 'b:1', 'c:1']);
    const second = executePlan(first.next, 20);
    expect(second.plan.map((s) => (s.action === 'skip' ? s.reason : 'rollback'))).toEqual([
      'already-rolled-back',
      'not-changed-in-last-run',
      'already-rolled-back',
    ]);
    expect(second.next.map((h) => h.revisions.at(-1)?.template.image)).toEqual(['a:1', 'b:1', 'c:1']);
  });

  it('skips a service first introduced by the last run (no earlier revision)', () => {
    const withNew = applyRun([...run1, emptyHistory<Template>('d')], 'run-2', 2, { d: 'd:1' });
    expect(planEmergencyRollback(withNew).map((s) => (s.action === 'skip' ? s.reason : 'rollback'))).toEqual([
      'not-changed-in-last-run',
      'not-changed-in-last-run',
      'not-changed-in-last-run',
      'no-earlier-good-revision',
    ]);
  });

  it('skips services never deployed', () => {
    expect(planEmergencyRollback([emptyHistory<Template>('x')])).toEqual([
      { service: 'x', action: 'skip', reason: 'never-deployed' },
    ]);
  });
});
