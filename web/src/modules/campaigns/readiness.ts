import { isApiError } from '../../api/problem';
import type { Readiness, ReadinessProblem } from '../../api/types';
import { humanize } from '../../lib/format';

/** Readiness problems in a 409 from schedule/launch (the problem body's `problems` extension), else null. */
export function conflictProblems(error: unknown): ReadinessProblem[] | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const problems = error.problem?.problems;
  if (!Array.isArray(problems)) return null;
  return problems
    .filter((p): p is Record<string, unknown> => Boolean(p) && typeof p === 'object')
    .map((p) => ({
      code: String(p.code ?? 'unknown'),
      message: String(p.message ?? p.code ?? ''),
      stepId: typeof p.stepId === 'string' ? p.stepId : null,
    }));
}

export interface ReadinessLine {
  key: string;
  /** Where the fix is: the wizard step to go back to. */
  area: 'Audience' | 'Steps' | 'Schedule' | 'Budget' | 'Sender' | 'Other';
  message: string;
  stepId: string | null;
}

const AREAS: Record<string, ReadinessLine['area']> = {
  'audience-missing': 'Audience',
  'audience-empty': 'Audience',
  'nobody-reachable': 'Audience',
  'steps-missing': 'Steps',
  'content-invalid': 'Steps',
  'sender-not-configured': 'Sender',
  'budget-exhausted': 'Budget',
  'schedule-missing': 'Schedule',
};

/** The problems as lines to list, grouped by where they are fixed (audience first, as in the wizard). */
export function readinessLines(problems: readonly ReadinessProblem[]): ReadinessLine[] {
  const order: ReadinessLine['area'][] = ['Audience', 'Steps', 'Sender', 'Budget', 'Schedule', 'Other'];
  return problems
    .map((problem, index) => ({
      key: `${problem.code}-${problem.stepId ?? ''}-${index}`,
      area: AREAS[problem.code] ?? 'Other',
      message: problem.message || humanize(problem.code),
      stepId: problem.stepId ?? null,
    }))
    .sort((a, b) => order.indexOf(a.area) - order.indexOf(b.area));
}

/** One-line summary of a readiness check for a status line. */
export function readinessSummary(readiness: Pick<Readiness, 'ready' | 'problems'>): string {
  if (readiness.ready) return 'Ready: every check passed.';
  const count = readiness.problems.length;
  return `Not ready: ${count} ${count === 1 ? 'problem' : 'problems'} to fix.`;
}
