import { api, cleanQuery, unwrap } from '../client';
import type {
  AudiencePreview,
  AudiencePreviewRequest,
  CriteriaNode,
  MemberChangeResult,
  Page,
  PageQuery,
  Segment,
  SegmentComparison,
  SegmentInput,
  SegmentMember,
  SegmentPage,
  SegmentPatch,
  SegmentPerformance,
  SegmentQuery,
  SegmentRefreshResult,
} from '../types';

// docs/SEGMENTS.md. `Segment` narrows the generated SegmentView (type, criteria; see types.ts): the casts go from the
// generated type to it, so a field the host drops or renames still fails to compile where the app uses it.

const byId = (id: string) => ({ params: { path: { id } } });

export async function listSegments(query: SegmentQuery): Promise<SegmentPage> {
  return (await unwrap(api.http.GET('/api/v1/segments', { params: { query: cleanQuery(query) } }))) as SegmentPage;
}

export async function getSegment(id: string): Promise<Segment> {
  return (await unwrap(api.http.GET('/api/v1/segments/{id}', byId(id)))) as Segment;
}

/** 400 with field errors, criteria errors keyed by path (`criteria.all[1].op`). */
export async function createSegment(body: SegmentInput): Promise<Segment> {
  return (await unwrap(api.http.POST('/api/v1/segments', { body }))) as Segment;
}

/** Name, description and (dynamic only) criteria; absent keys are left as they are. */
export async function updateSegment(id: string, body: SegmentPatch): Promise<Segment> {
  return (await unwrap(api.http.PATCH('/api/v1/segments/{id}', { ...byId(id), body }))) as Segment;
}

/** 409 naming the segments whose criteria still refer to it. */
export async function deleteSegment(id: string): Promise<void> {
  await unwrap(api.http.DELETE('/api/v1/segments/{id}', byId(id)));
}

export async function listSegmentMembers(id: string, query: PageQuery = {}): Promise<Page<SegmentMember>> {
  return unwrap(api.http.GET('/api/v1/segments/{id}/members', { params: { path: { id }, query: cleanQuery(query) } }));
}

/** Static segments only (409 for dynamic); 1–1000 ids; unknown or deleted contacts are skipped. */
export async function addSegmentMembers(id: string, contactIds: string[]): Promise<MemberChangeResult> {
  return unwrap(api.http.POST('/api/v1/segments/{id}/members', { ...byId(id), body: { contactIds } }));
}

/** Static segments only (409 for dynamic); 1–1000 ids. */
export async function removeSegmentMembers(id: string, contactIds: string[]): Promise<MemberChangeResult> {
  return unwrap(api.http.DELETE('/api/v1/segments/{id}/members', { ...byId(id), body: { contactIds } }));
}

/** Recomputes a dynamic segment now; a static one just reports its count. */
export async function refreshSegment(id: string): Promise<SegmentRefreshResult> {
  return unwrap(api.http.POST('/api/v1/segments/{id}/refresh', byId(id)));
}

export async function getSegmentPerformance(id: string): Promise<SegmentPerformance> {
  return unwrap(api.http.GET('/api/v1/segments/{id}/performance', byId(id)));
}

/** 2–5 segments: each one's performance, and how many contacts are in all of them. */
export async function compareSegments(ids: string[]): Promise<SegmentComparison> {
  return unwrap(api.http.GET('/api/v1/segments/compare', { params: { query: { ids: ids.join(',') } } }));
}

/** The preview body for criteria. */
export function criteriaPreview(criteria: CriteriaNode): AudiencePreviewRequest {
  return { criteria, segmentIds: null, excludeSegmentIds: null };
}

/** The preview body for a campaign audience: members of any included segment and of no excluded one. */
export function segmentsPreview(segmentIds: string[], excludeSegmentIds: string[]): AudiencePreviewRequest {
  return { criteria: null, segmentIds, excludeSegmentIds };
}

/** Size, reach per channel and a sample; 400 with `criteria.…` field errors for invalid criteria. */
export async function previewAudience(body: AudiencePreviewRequest, signal?: AbortSignal): Promise<AudiencePreview> {
  return unwrap(api.http.POST('/api/v1/marketing/audiences/preview', { body, signal }));
}
