import { api, call, unwrap } from '../client';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated, Tenant, TenantUpdate, User, UserCreate } from '../types';

export function getTenant(): Promise<Tenant> {
  return unwrap<Tenant>(api.http.GET('/tenant', {}));
}

export function updateTenant(body: Partial<TenantUpdate>): Promise<Tenant> {
  return unwrap<Tenant>(api.http.PATCH('/tenant', { body }));
}

/** The contract does not fix whether /users is a plain array or a page; accept both. */
export async function listUsers(): Promise<User[]> {
  const data = await unwrap<User[] | { items: User[] }>(api.http.GET('/users', {}));
  return Array.isArray(data) ? data : (data?.items ?? []);
}

export function createUser(body: UserCreate): Promise<User> {
  return unwrap<User>(api.http.POST('/users', { body }));
}

export function listApiKeys(): Promise<ApiKey[]> {
  return unwrap<ApiKey[]>(api.http.GET('/api-keys', {}));
}

export function createApiKey(body: ApiKeyCreate): Promise<ApiKeyCreated> {
  return unwrap<ApiKeyCreated>(api.http.POST('/api-keys', { body }));
}

export async function revokeApiKey(id: string): Promise<void> {
  await call(api.http.DELETE('/api-keys/{id}', { params: { path: { id } } }));
}
