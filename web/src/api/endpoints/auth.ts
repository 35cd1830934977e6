import { api, unwrap } from '../client';
import type { Me, TokenRequest, TokenResponse } from '../types';

export function requestToken(body: TokenRequest): Promise<TokenResponse> {
  return unwrap<TokenResponse>(api.http.POST('/auth/token', { body }));
}

export function getMe(): Promise<Me> {
  return unwrap<Me>(api.http.GET('/me', {}));
}
