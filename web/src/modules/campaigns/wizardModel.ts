import { CAMPAIGN_GOALS, type Campaign, type CampaignInput } from '../../api/types';

export const WIZARD_STEPS = ['Goal', 'Audience', 'Steps and content', 'Schedule', 'Review'] as const;

export interface GoalValues {
  name: string;
  /** A preset from CAMPAIGN_GOALS, or 'other' with `customGoal`. */
  goalPreset: string;
  customGoal: string;
  description: string;
  timezone: string;
  budget: string;
  currency: string;
  emailCost: string;
}

export const EMPTY_GOAL: GoalValues = {
  name: '',
  goalPreset: 'engagement',
  customGoal: '',
  description: '',
  timezone: '',
  budget: '',
  currency: '',
  emailCost: '',
};

export interface AudienceValues {
  segmentIds: string[];
  excludeSegmentIds: string[];
}

export function goalOf(values: GoalValues): string {
  return values.goalPreset === 'other' ? values.customGoal.trim() : values.goalPreset;
}

export function goalErrors(values: GoalValues): Partial<Record<keyof GoalValues, string>> {
  const errors: Partial<Record<keyof GoalValues, string>> = {};
  if (!values.name.trim()) errors.name = 'Name the campaign.';
  if (!goalOf(values)) errors.customGoal = 'Describe the goal.';
  if (values.budget.trim() && !(Number(values.budget) >= 0)) errors.budget = 'A budget is a positive amount.';
  if (values.emailCost.trim() && !(Number(values.emailCost) >= 0)) errors.emailCost = 'A cost is a positive amount.';
  return errors;
}

/** The create/PATCH body for the goal and audience steps. */
export function toCampaignInput(goal: GoalValues, audience: AudienceValues): CampaignInput {
  const body: CampaignInput = {
    name: goal.name.trim(),
    goal: goalOf(goal),
    description: goal.description.trim() || null,
    audience: { segmentIds: audience.segmentIds, excludeSegmentIds: audience.excludeSegmentIds },
  };
  if (goal.timezone) body.timezone = goal.timezone;
  if (goal.budget.trim()) body.budget = Number(goal.budget);
  if (goal.currency.trim()) body.currency = goal.currency.trim().toUpperCase();
  if (goal.emailCost.trim()) body.costs = { email: Number(goal.emailCost) };
  return body;
}

export function fromCampaign(campaign: Campaign): { goal: GoalValues; audience: AudienceValues } {
  const preset = (CAMPAIGN_GOALS as readonly string[]).includes(campaign.goal);
  return {
    goal: {
      name: campaign.name,
      goalPreset: preset ? campaign.goal : 'other',
      customGoal: preset ? '' : campaign.goal,
      description: campaign.description ?? '',
      timezone: campaign.timezone,
      budget: campaign.budget === null ? '' : String(campaign.budget),
      currency: campaign.currency ?? '',
      emailCost: campaign.costs.email === undefined ? '' : String(campaign.costs.email),
    },
    audience: {
      segmentIds: campaign.audience.segmentIds ?? [],
      excludeSegmentIds: campaign.audience.excludeSegmentIds ?? [],
    },
  };
}
