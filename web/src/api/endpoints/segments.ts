import { api, cleanQuery, unwrap, type FetchResult } from '../client';
import type {
  AudiencePreview,
  AudiencePreviewRequest,
  Segment,
  SegmentInput,
  SegmentMember,
  SegmentPerformance,
  SegmentQuery,
} from '../segmentTypes';
import type { Page } from '../types';

// Not in docs/openapi.json yet (see segmentTypes.ts): the calls go through the same client (auth, 401 handling, problem
// details) with the paths untyped. When the document has them, drop `untyped` and call `api.http` directly.

interface Init {
  params?: { path?: Record<string, string>; query?: Record<string, unknown> };
  body?: unknown;
  signal?: AbortSignal;
}
type Method = (path: string, init?: Init) => Promise<FetchResult<unknown>>;
const untyped = api.http as unknown as { GET: Method; POST: Method; PATCH: Method; DELETE: Method };

const byId = (id: string) => ({ params: { path: { id } } });

export async function listSegments(query: SegmentQuery): Promise<Page<Segment>> {
  return (await unwrap(untyped.GET('/api/v1/segments', { params: { query: cleanQuery(query) } }))) as Page<Segment>;
}

export async function getSegment(id: string): Promise<Segment> {
  return (await unwrap(untyped.GET('/api/v1/segments/{id}', byId(id)))) as Segment;
}

/** 400 with field errors, criteria errors keyed by path (`criteria.all[1].op`). */
export async function createSegment(body: SegmentInput): Promise<Segment> {
  return (await unwrap(untyped.POST('/api/v1/segments', { body }))) as Segment;
}

export async function updateSegment(id: string, body: Partial<SegmentInput>): Promise<Segment> {
  return (await unwrap(untyped.PATCH('/api/v1/segments/{id}', { ...byId(id), body }))) as Segment;
}

export async function deleteSegment(id: string): Promise<void> {
  await unwrap(untyped.DELETE('/api/v1/segments/{id}', byId(id)));
}

export async function listSegmentMembers(id: string, page = 1, pageSize = 25): Promise<Page<SegmentMember>> {
  return (await unwrap(
    untyped.GET('/api/v1/segments/{id}/members', { params: { path: { id }, query: { page, pageSize } } }),
  )) as Page<SegmentMember>;
}

export async function refreshSegment(id: string): Promise<Segment> {
  return (await unwrap(untyped.POST('/api/v1/segments/{id}/refresh', byId(id)))) as Segment;
}

export async function getSegmentPerformance(id: string): Promise<SegmentPerformance> {
  return (await unwrap(untyped.GET('/api/v1/segments/{id}/performance', byId(id)))) as SegmentPerformance;
}

/** Size, reach per channel and a sample; 400 with `criteria.…` field errors for invalid criteria. */
export async function previewAudience(body: AudiencePreviewRequest, signal?: AbortSignal): Promise<AudiencePreview> {
  return (await unwrap(untyped.POST('/api/v1/marketing/audiences/preview', { body, signal }))) as AudiencePreview;
}
