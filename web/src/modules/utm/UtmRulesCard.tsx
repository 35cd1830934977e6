import { useQuery } from '@tanstack/react-query';
import { Card, CardContent, Chip, Skeleton, Stack, Typography } from '@mui/material';
import { getUtmRules } from '../../api/endpoints/utm';
import { queryKeys } from '../../api/queryKeys';
import type { UtmRules } from '../../api/types';
import { useCan } from '../../auth/useCan';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UtmRulesForm } from './UtmRulesForm';

function RulesSummary({ rules }: { rules: UtmRules }) {
  const list = (values: string[]) =>
    values.length === 0 ? (
      'any'
    ) : (
      <Stack direction="row" component="span" sx={{ flexWrap: 'wrap', gap: 0.5, display: 'inline-flex' }}>
        {values.map((value) => (
          <Chip key={value} label={value} size="small" variant="outlined" />
        ))}
      </Stack>
    );
  return (
    <Stack spacing={1} component="dl" sx={{ m: 0, '& dt': { fontWeight: 600 }, '& dd': { m: 0, mb: 1 } }}>
      <dt>Allowed sources</dt>
      <dd>{list(rules.allowedSources)}</dd>
      <dt>Allowed mediums</dt>
      <dd>{list(rules.allowedMediums)}</dd>
      <dt>Case and separator</dt>
      <dd>
        {rules.lowerCase ? 'lower case' : 'any case'}, words separated by “{rules.separator}”
      </dd>
      <dt>Required</dt>
      <dd>{rules.required.map((field) => `utm_${field}`).join(', ') || 'nothing'}</dd>
      <dt>Campaign pattern</dt>
      <dd>{rules.campaignPattern ? <code>{rules.campaignPattern}</code> : 'none'}</dd>
    </Stack>
  );
}

/** The naming rules: an editor with analytics:manage, a summary otherwise. */
export function UtmRulesCard() {
  const canManage = useCan()('analytics:manage');
  const rules = useQuery({ queryKey: queryKeys.utmRules, queryFn: getUtmRules });
  return (
    <Card variant="outlined" component="section" aria-labelledby="utm-rules-heading">
      <CardContent>
        <Typography variant="h2" id="utm-rules-heading" sx={{ mb: 2 }}>
          Naming rules
        </Typography>
        {rules.isError ? <ErrorAlert error={rules.error} title="The rules could not be loaded" onRetry={() => void rules.refetch()} /> : null}
        {rules.isPending ? <Skeleton variant="rounded" height={200} /> : null}
        {rules.data ? canManage ? <UtmRulesForm rules={rules.data} /> : <RulesSummary rules={rules.data} /> : null}
      </CardContent>
    </Card>
  );
}
