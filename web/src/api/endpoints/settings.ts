import { api, call, unwrap, unwrapUndocumented } from '../client';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated, Tenant, TenantUpdate, User, UserCreate } from '../types';

export function getTenant(): Promise<Tenant> {
  return unwrap(api.http.GET('/api/v1/tenant'));
}

/** Null in `body` leaves that setting as it is. The host answers with the tenant (TenantView; undocumented). */
export function updateTenant(body: TenantUpdate): Promise<Tenant> {
  return unwrapUndocumented<Tenant>(api.http.PATCH('/api/v1/tenant', { body }));
}

/** A plain array, sorted by email. */
export function listUsers(): Promise<User[]> {
  return unwrapUndocumented<User[]>(api.http.GET('/api/v1/users'));
}

export function createUser(body: UserCreate): Promise<User> {
  return unwrapUndocumented<User>(api.http.POST('/api/v1/users', { body }));
}

export function listApiKeys(): Promise<ApiKey[]> {
  return unwrapUndocumented<ApiKey[]>(api.http.GET('/api/v1/api-keys'));
}

export function createApiKey(body: ApiKeyCreate): Promise<ApiKeyCreated> {
  return unwrapUndocumented<ApiKeyCreated>(api.http.POST('/api/v1/api-keys', { body }));
}

export async function revokeApiKey(id: string): Promise<void> {
  await call(api.http.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }));
}
