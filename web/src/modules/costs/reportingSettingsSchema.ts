import { z } from 'zod';
import { REPORTING_MODELS } from '../../api/types';

export const reportingSettingsSchema = z.object({
  model: z.enum(REPORTING_MODELS),
  lookbackDays: z
    .number('Enter a number of days.')
    .int('Whole days only.')
    .min(1, 'At least 1 day.')
    .max(365, 'At most 365 days.'),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'A three-letter ISO 4217 code such as RON or EUR.'),
});
export type ReportingSettingsValues = z.infer<typeof reportingSettingsSchema>;
