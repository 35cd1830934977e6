// RFC 9457 problem details and the errors the API client throws.

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[] | string>;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null, fallback?: string) {
    super(describeProblem(status, problem, fallback));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isRateLimited(): boolean {
    return this.status === 429;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function asProblem(body: unknown): ProblemDetails | null {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    return body as ProblemDetails;
  }
  return null;
}

function describeProblem(status: number, problem: ProblemDetails | null, fallback?: string): string {
  if (problem?.detail) return problem.detail;
  if (problem?.title) return problem.title;
  if (fallback) return fallback;
  if (status === 0) return 'The server could not be reached.';
  return `Request failed with status ${status}.`;
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return 'Too many attempts. Wait a moment and try again.';
    if (error.status === 403) return error.problem?.detail ?? 'You do not have permission to do this.';
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Normalises a server field key ("Email", "$.email", "Proof.Ip", "externalIds[0].Source")
 * to the camelCase dotted path a form uses ("email", "proof.ip", "externalIds.0.source").
 */
export function normaliseFieldKey(key: string): string {
  const trimmed = key.replace(/^\$\.?/, '').replace(/\[(\d+)\]/g, '.$1');
  return trimmed
    .split('.')
    .filter((part) => part.length > 0)
    .map((part) => (part.length > 0 ? part[0].toLowerCase() + part.slice(1) : part))
    .join('.');
}

/**
 * Maps problem `errors` to `{ formField: message }`.
 * `aliases` maps a normalised server key to the form field name (e.g. `proof.ip` → `ip`).
 */
export function problemFieldErrors(
  problem: ProblemDetails | null | undefined,
  aliases: Record<string, string> = {},
): Record<string, string> {
  const result: Record<string, string> = {};
  if (!problem?.errors) return result;
  for (const [rawKey, messages] of Object.entries(problem.errors)) {
    const key = normaliseFieldKey(rawKey);
    const field = aliases[key] ?? key;
    const list = Array.isArray(messages) ? messages : [messages];
    const text = list.filter(Boolean).join(' ');
    if (!text) continue;
    result[field] = result[field] ? `${result[field]} ${text}` : text;
  }
  return result;
}
