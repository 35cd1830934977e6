import { api, unwrap } from '../client';
import type { ShortLink, UtmLink, UtmLinkRequest, UtmParameters, UtmRules, UtmRulesInput, UtmValidation } from '../types';

export function getUtmRules(): Promise<UtmRules> {
  return unwrap(api.http.GET('/api/v1/utm/rules'));
}

/** Replaces the rules (scope analytics:manage); 400 field by field. */
export function updateUtmRules(body: UtmRulesInput): Promise<UtmRules> {
  return unwrap(api.http.PUT('/api/v1/utm/rules', { body }));
}

/** Every violation of the tenant's rules, each with a suggestion when there is an obvious fix. */
export function validateUtm(body: UtmParameters): Promise<UtmValidation> {
  return unwrap(api.http.POST('/api/v1/utm/validate', { body }));
}

/**
 * The URL tagged with the parameters (and with `shorten`, a short tracked link as `shortUrl`); 400 (field by field)
 * unless they follow the rules.
 */
export function buildUtmLink(body: Omit<UtmLinkRequest, 'shorten'> & { shorten?: boolean }): Promise<UtmLink> {
  return unwrap(api.http.POST('/api/v1/utm/links', { body: { ...body, shorten: body.shorten ?? false } }));
}

/** A short link (the last path segment of its `shortUrl`) with its clicks; 404 when unknown. */
export function getShortLink(code: string): Promise<ShortLink> {
  return unwrap(api.http.GET('/api/v1/utm/links/{code}', { params: { path: { code } } }));
}
