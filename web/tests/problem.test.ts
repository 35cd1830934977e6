import { describe, expect, it, vi } from 'vitest';
import { ApiError, errorMessage, normaliseFieldKey, problemFieldErrors } from '../src/api/problem';
import { applyServerErrors } from '../src/lib/serverErrors';

describe('normaliseFieldKey', () => {
  it('turns server keys into form paths', () => {
    expect(normaliseFieldKey('Email')).toBe('email');
    expect(normaliseFieldKey('$.email')).toBe('email');
    expect(normaliseFieldKey('Proof.Ip')).toBe('proof.ip');
    expect(normaliseFieldKey('ExternalIds[0].Source')).toBe('externalIds.0.source');
  });
});

describe('problemFieldErrors', () => {
  it('maps errors to form fields, joining several messages and applying aliases', () => {
    const problem = {
      title: 'Validation failed',
      status: 400,
      errors: { Email: ['Invalid email.', 'Already taken.'], 'proof.ip': 'Bad IP.' },
    };
    expect(problemFieldErrors(problem, { 'proof.ip': 'ip' })).toEqual({
      email: 'Invalid email. Already taken.',
      ip: 'Bad IP.',
    });
  });

  it('returns nothing without errors', () => {
    expect(problemFieldErrors({ title: 'x' })).toEqual({});
    expect(problemFieldErrors(null)).toEqual({});
  });
});

describe('applyServerErrors', () => {
  it('sets known fields and returns the rest as a general message', () => {
    const setError = vi.fn();
    const error = new ApiError(400, { title: 'Invalid', errors: { email: ['Taken.'], country: ['Unknown.'] } });
    const general = applyServerErrors(error, setError, ['email']);
    expect(setError).toHaveBeenCalledWith('email', { type: 'server', message: 'Taken.' });
    expect(general).toBe('country: Unknown.');
  });

  it('returns null when every error landed on a field', () => {
    const setError = vi.fn();
    const error = new ApiError(400, { title: 'Invalid', errors: { email: ['Taken.'] } });
    expect(applyServerErrors(error, setError, ['email'])).toBeNull();
  });

  it('falls back to the detail for problems without field errors', () => {
    const error = new ApiError(409, { title: 'Conflict', detail: 'The contact changed meanwhile.' });
    expect(applyServerErrors(error, vi.fn(), ['email'])).toBe('The contact changed meanwhile.');
  });
});

describe('errorMessage', () => {
  it('explains rate limiting', () => {
    expect(errorMessage(new ApiError(429, { title: 'Too Many Requests' }))).toMatch(/Too many attempts/);
  });
});
