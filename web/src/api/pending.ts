import type { Client } from 'openapi-fetch';
import { api } from './client';

/**
 * The API client without path checking, for the delivery, content and email-channel endpoints that are being built
 * in parallel and are not in docs/openapi.json yet. Once they are, `npm run gen:api` and call `api.http` instead.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const pendingHttp = api.http as unknown as Client<any>;
