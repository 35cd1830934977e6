import { api, unwrap } from '../client';
import type { Me, TokenRequest, TokenResponse } from '../types';

export function requestToken(body: TokenRequest): Promise<TokenResponse> {
  return unwrap(api.http.POST('/api/v1/auth/token', { body }));
}

export function getMe(): Promise<Me> {
  return unwrap(api.http.GET('/api/v1/me'));
}
