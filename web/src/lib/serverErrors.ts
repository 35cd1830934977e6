import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { errorMessage, isApiError, problemFieldErrors } from '../api/problem';

/**
 * Puts the field errors of a problem-details response on the form's fields.
 * Returns the message to show above the form for everything that did not
 * land on a known field (or null when every error was placed).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): string | null {
  if (!isApiError(error)) return errorMessage(error);
  const fieldErrors = problemFieldErrors(error.problem, aliases);
  const unplaced: string[] = [];
  let placed = 0;
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (fields.includes(field)) {
      setError(field as Path<T>, { type: 'server', message });
      placed += 1;
    } else {
      unplaced.push(field ? `${field}: ${message}` : message);
    }
  }
  if (unplaced.length > 0) return unplaced.join(' ');
  if (placed > 0) return null;
  return errorMessage(error);
}

/** "" → null so that PATCH clears a field instead of storing an empty string. */
export function emptyToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
