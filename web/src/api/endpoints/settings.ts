import { api, call, cleanQuery, unwrap } from '../client';
import type {
  ApiKey,
  ApiKeyCreate,
  ApiKeyCreated,
  Page,
  PageQuery,
  Tenant,
  TenantUpdate,
  User,
  UserCreate,
} from '../types';

// User, ApiKey and ApiKeyCreated narrow the document's plain-string `role` to Role (see types.ts).

export function getTenant(): Promise<Tenant> {
  return unwrap(api.http.GET('/api/v1/tenant'));
}

/** A setting that is absent or null in `body` stays as it is. */
export function updateTenant(body: TenantUpdate): Promise<Tenant> {
  return unwrap(api.http.PATCH('/api/v1/tenant', { body }));
}

/** Sorted by email. */
export async function listUsers(query: PageQuery): Promise<Page<User>> {
  const page = await unwrap(api.http.GET('/api/v1/users', { params: { query: cleanQuery(query) } }));
  return page as Page<User>;
}

export async function createUser(body: UserCreate): Promise<User> {
  const user = await unwrap(api.http.POST('/api/v1/users', { body }));
  return user as User;
}

/** A plain array, newest first. */
export async function listApiKeys(): Promise<ApiKey[]> {
  const keys = await unwrap(api.http.GET('/api/v1/api-keys'));
  return keys as ApiKey[];
}

export async function createApiKey(body: ApiKeyCreate): Promise<ApiKeyCreated> {
  const created = await unwrap(api.http.POST('/api/v1/api-keys', { body }));
  return created as ApiKeyCreated;
}

export async function revokeApiKey(id: string): Promise<void> {
  await call(api.http.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }));
}
