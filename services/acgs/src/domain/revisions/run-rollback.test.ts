import { describe, expect, it } from 'vitest';
import { applyTemplate, emptyHistory, lastChange } from './revision-history.js';
import { planRunRollback } from './run-rollback.js';

describe('planRunRollback', () => {
  it('undoes only what the run changed, in reverse deployment order, removing what it created', () => {
    const stamp = { at: 1, runId: 'r0' };
    const before = {
      db: applyTemplate(emptyHistory<string>('db'), 'db:1', stamp).history,
      api: applyTemplate(emptyHistory<string>('api'), 'api:1', stamp).history,
      web: applyTemplate(emptyHistory<string>('web'), 'web:1', stamp).history,
    };
    const run = { at: 2, runId: 'r1' };
    const changes = [
      { service: 'db', ...applyTemplate(before.db, 'db:2', run) },
      { service: 'api', ...applyTemplate(before.api, 'api:1', run) }, // unchanged
      { service: 'web', ...applyTemplate(before.web, 'web:2', run) },
      { service: 'new', ...applyTemplate(emptyHistory<string>('new'), 'new:1', run) },
    ];
    const steps = planRunRollback(changes, ['db', 'api', 'new', 'web']);
    expect(
      steps.map((s) =>
        s.action === 'restore' ? `${s.service}→${s.target.template}` : `${s.service}: remove`,
      ),
    ).toEqual(['web→web:1', 'new: remove', 'db→db:1']);
  });
});

describe('lastChange', () => {
  it('describes the current revision, or undefined before any deploy', () => {
    expect(lastChange(emptyHistory('x'))).toBeUndefined();
    expect(
      lastChange(applyTemplate(emptyHistory<string>('x'), 'x:1', { at: 5, runId: 'r' }).history),
    ).toEqual({ at: 5, origin: 'apply', revision: 1 });
  });
});
