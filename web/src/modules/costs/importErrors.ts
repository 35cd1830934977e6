import { isApiError } from '../../api/problem';

export interface ImportError {
  /** "row 3: amount", "file", … as the API keys it. */
  where: string;
  message: string;
}

/** The problem's errors as a list, rows in file order ("row 2" before "row 10"). */
export function importErrors(error: unknown): ImportError[] {
  if (!isApiError(error) || !error.problem?.errors) return [];
  const list = Object.entries(error.problem.errors).map(([where, messages]) => ({
    where,
    message: (Array.isArray(messages) ? messages : [messages]).filter(Boolean).join(' '),
  }));
  const row = (where: string) => Number(/^row (\d+)/.exec(where)?.[1] ?? 0);
  return list.sort((a, b) => row(a.where) - row(b.where) || a.where.localeCompare(b.where));
}
