import { api, unwrap } from '../client';
import type { UtmLinkRequest, UtmParameters, UtmRules, UtmRulesInput, UtmValidation } from '../types';

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

/** The URL tagged with the parameters; 400 (field by field) unless they follow the rules. */
export async function buildUtmLink(body: UtmLinkRequest): Promise<string> {
  return (await unwrap(api.http.POST('/api/v1/utm/links', { body }))).url;
}
