import { api, cleanQuery, unwrap } from '../client';
import type {
  Campaign,
  CampaignAlert,
  CampaignComment,
  CampaignDelivery,
  CampaignDeliveryQuery,
  CampaignHistoryEntry,
  CampaignInput,
  CampaignMember,
  CampaignProgress,
  CampaignQuery,
  CampaignRole,
  CampaignStep,
  CampaignSummary,
  CampaignTemplate,
  FunnelStage,
  Page,
  Readiness,
  ScheduleInput,
  StepInput,
  VariantMetrics,
} from '../types';

// Campaign, CampaignSummary and CampaignMember narrow the document's plain-string statuses, actions and roles (see
// types.ts); StepInput narrows the JsonObject content. The casts go between the generated types and them.

const byId = (id: string) => ({ params: { path: { id } } });

export async function listCampaigns(query: CampaignQuery): Promise<Page<CampaignSummary>> {
  const page = await unwrap(api.http.GET('/api/v1/marketing/campaigns', { params: { query: cleanQuery(query) } }));
  return page as Page<CampaignSummary>;
}

export async function getCampaign(id: string): Promise<Campaign> {
  return (await unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}', byId(id)))) as Campaign;
}

/** A draft campaign. 400 with field errors (`name`, `goal`, `timezone`, `audience.segmentIds`…). */
export async function createCampaign(body: CampaignInput): Promise<Campaign> {
  return (await unwrap(api.http.POST('/api/v1/marketing/campaigns', { body }))) as Campaign;
}

export async function updateCampaign(id: string, body: CampaignInput): Promise<Campaign> {
  return (await unwrap(api.http.PATCH('/api/v1/marketing/campaigns/{id}', { ...byId(id), body }))) as Campaign;
}

/** Soft delete (409 while the campaign is running). */
export async function deleteCampaign(id: string): Promise<void> {
  await unwrap(api.http.DELETE('/api/v1/marketing/campaigns/{id}', byId(id)));
}

export async function addCampaignStep(id: string, body: StepInput): Promise<CampaignStep> {
  return unwrap(api.http.POST('/api/v1/marketing/campaigns/{id}/steps', { ...byId(id), body: body as never }));
}

export async function updateCampaignStep(id: string, stepId: string, body: StepInput): Promise<CampaignStep> {
  return unwrap(
    api.http.PUT('/api/v1/marketing/campaigns/{id}/steps/{stepId}', { params: { path: { id, stepId } }, body: body as never }),
  );
}

export async function deleteCampaignStep(id: string, stepId: string): Promise<void> {
  await unwrap(api.http.DELETE('/api/v1/marketing/campaigns/{id}/steps/{stepId}', { params: { path: { id, stepId } } }));
}

export function getReadiness(id: string): Promise<Readiness> {
  return unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}/readiness', byId(id)));
}

/** 409 (campaign-not-ready) carries the readiness `problems` in the problem body; see `conflictProblems`. */
export async function scheduleCampaign(id: string, body: ScheduleInput): Promise<Campaign> {
  return (await unwrap(api.http.POST('/api/v1/marketing/campaigns/{id}/schedule', { ...byId(id), body }))) as Campaign;
}

/** The lifecycle moves that take no body. */
export type CampaignMove = 'launch' | 'pause' | 'resume' | 'complete' | 'cancel' | 'archive' | 'unschedule';

export async function moveCampaign(id: string, move: CampaignMove): Promise<Campaign> {
  const init = byId(id);
  const request = {
    launch: () => api.http.POST('/api/v1/marketing/campaigns/{id}/launch', init),
    pause: () => api.http.POST('/api/v1/marketing/campaigns/{id}/pause', init),
    resume: () => api.http.POST('/api/v1/marketing/campaigns/{id}/resume', init),
    complete: () => api.http.POST('/api/v1/marketing/campaigns/{id}/complete', init),
    cancel: () => api.http.POST('/api/v1/marketing/campaigns/{id}/cancel', init),
    archive: () => api.http.POST('/api/v1/marketing/campaigns/{id}/archive', init),
    unschedule: () => api.http.POST('/api/v1/marketing/campaigns/{id}/unschedule', init),
  }[move];
  return (await unwrap(request())) as Campaign;
}

export async function duplicateCampaign(id: string): Promise<Campaign> {
  return (await unwrap(api.http.POST('/api/v1/marketing/campaigns/{id}/duplicate', byId(id)))) as Campaign;
}

export async function saveCampaignAsTemplate(id: string, body: { name?: string; niche?: string }): Promise<Campaign> {
  return (await unwrap(api.http.POST('/api/v1/marketing/campaigns/{id}/save-as-template', { ...byId(id), body }))) as Campaign;
}

export function listCampaignTemplates(niche?: string): Promise<CampaignTemplate[]> {
  return unwrap(api.http.GET('/api/v1/marketing/campaign-templates', { params: { query: cleanQuery({ niche }) } }));
}

export async function createCampaignFromTemplate(body: { templateId: string; name?: string; timezone?: string }): Promise<Campaign> {
  return (await unwrap(api.http.POST('/api/v1/marketing/campaigns/from-template', { body }))) as Campaign;
}

export function getCampaignProgress(id: string): Promise<CampaignProgress> {
  return unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}/progress', byId(id)));
}

export function getCampaignMetrics(id: string): Promise<VariantMetrics[]> {
  return unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}/metrics', byId(id)));
}

export function getCampaignFunnel(id: string): Promise<FunnelStage[]> {
  return unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}/funnel', byId(id)));
}

export function downloadCampaignReport(id: string, format: 'csv' | 'json') {
  return api.download(
    '/api/v1/marketing/campaigns/{id}/report',
    { params: { path: { id }, query: { format } } },
    `campaign-${id}.${format}`,
  );
}

export async function listCampaignDeliveries(id: string, query: CampaignDeliveryQuery): Promise<Page<CampaignDelivery>> {
  const page = await unwrap(
    api.http.GET('/api/v1/marketing/campaigns/{id}/deliveries', { params: { path: { id }, query: cleanQuery(query) } }),
  );
  return page as Page<CampaignDelivery>;
}

export function getCampaignAlerts(id: string): Promise<CampaignAlert[]> {
  return unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}/alerts', byId(id)));
}

export function getCampaignHistory(id: string, page = 1, pageSize = 50): Promise<Page<CampaignHistoryEntry>> {
  return unwrap(
    api.http.GET('/api/v1/marketing/campaigns/{id}/history', { params: { path: { id }, query: { page, pageSize } } }),
  );
}

export function listCampaignComments(id: string): Promise<CampaignComment[]> {
  return unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}/comments', byId(id)));
}

export function addCampaignComment(id: string, body: { body: string; parentId?: string }): Promise<CampaignComment> {
  return unwrap(api.http.POST('/api/v1/marketing/campaigns/{id}/comments', { ...byId(id), body }));
}

export async function deleteCampaignComment(id: string, commentId: string): Promise<void> {
  await unwrap(
    api.http.DELETE('/api/v1/marketing/campaigns/{id}/comments/{commentId}', { params: { path: { id, commentId } } }),
  );
}

export async function listCampaignTeam(id: string): Promise<CampaignMember[]> {
  return (await unwrap(api.http.GET('/api/v1/marketing/campaigns/{id}/team', byId(id)))) as CampaignMember[];
}

export async function setCampaignRole(id: string, userId: string, role: CampaignRole): Promise<CampaignMember> {
  return (await unwrap(
    api.http.PUT('/api/v1/marketing/campaigns/{id}/team', { ...byId(id), body: { userId, role } }),
  )) as CampaignMember;
}

export async function removeCampaignMember(id: string, userId: string): Promise<void> {
  await unwrap(api.http.DELETE('/api/v1/marketing/campaigns/{id}/team/{userId}', { params: { path: { id, userId } } }));
}
