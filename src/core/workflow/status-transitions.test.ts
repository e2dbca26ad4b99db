import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError } from '../errors.js';
import {
  canChangeStatus,
  checkStatusChange,
  isOpenStatus,
  isReportStatus,
  reportStatuses,
  statusTransitions,
  type ReportStatus,
} from './status-transitions.js';

describe('statusTransitions', () => {
  it('follows new -> needs-info | triaged -> decision -> fixing -> fixed -> disclosed', () => {
    const path = ['new', 'triaged', 'accepted', 'fixing', 'fixed', 'disclosed'] as const;
    for (let index = 1; index < path.length; index += 1) {
      expect(canChangeStatus(path[index - 1]!, path[index]!)).toBe(true);
    }
    expect(canChangeStatus('new', 'needs-info')).toBe(true);
    expect(canChangeStatus('needs-info', 'triaged')).toBe(true);
    for (const decision of ['accepted', 'duplicate', 'out-of-scope', 'invalid', 'spam'] as const) {
      expect(canChangeStatus('triaged', decision)).toBe(true);
    }
  });

  it('refuses skipping triage, undoing a disclosure and standing still', () => {
    expect(canChangeStatus('new', 'accepted')).toBe(false);
    expect(canChangeStatus('new', 'disclosed')).toBe(false);
    expect(canChangeStatus('triaged', 'fixed')).toBe(false);
    expect(statusTransitions.disclosed).toEqual([]);
    for (const status of reportStatuses) expect(canChangeStatus(status, status)).toBe(false);
  });

  it('reaches every state from new and names only known states', () => {
    const reached = new Set<string>(['new']);
    const queue: ReportStatus[] = ['new'];
    for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
      for (const next of statusTransitions[status]) {
        expect(isReportStatus(next)).toBe(true);
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...reportStatuses].sort());
  });

  it('lets every closing decision be reopened to triaged', () => {
    for (const status of reportStatuses.filter(
      (s) => !isOpenStatus(s) && s !== 'fixed' && s !== 'disclosed',
    )) {
      expect(canChangeStatus(status, 'triaged')).toBe(true);
    }
  });
});

describe('checkStatusChange', () => {
  it('returns the new status when allowed', () => {
    expect(checkStatusChange('new', 'triaged')).toBe('triaged');
  });

  it('says where a report can go when the move is refused', () => {
    expect(() => checkStatusChange('new', 'fixed')).toThrow(ConflictError);
    expect(() => checkStatusChange('new', 'fixed')).toThrow(
      /can move to needs-info, triaged, spam/,
    );
    expect(() => checkStatusChange('disclosed', 'fixed')).toThrow(/"disclosed" is final/);
  });

  it('refuses unknown states as input errors', () => {
    fc.assert(
      fc.property(fc.string(), (to) => {
        if (isReportStatus(to)) return;
        expect(() => checkStatusChange('new', to)).toThrow(InputError);
      }),
    );
  });
});
