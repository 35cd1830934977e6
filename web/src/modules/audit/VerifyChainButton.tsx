import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Stack } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/Verified';
import { verifyAudit } from '../../api/endpoints/audit';
import { errorMessage } from '../../api/problem';
import { formatNumber } from '../../lib/format';

export function VerifyChainButton() {
  const verify = useMutation({ mutationFn: verifyAudit });
  const result = verify.data;
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <div>
        <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Verifying…' : 'Verify chain'}
        </Button>
      </div>
      <div aria-live="polite">
        {verify.isError ? <Alert severity="error">Verification could not run: {errorMessage(verify.error)}</Alert> : null}
        {result ? (
          result.valid ? (
            <Alert severity="success">Chain valid: {formatNumber(result.checked)} entries checked, every hash matches.</Alert>
          ) : (
            <Alert severity="error">
              Chain broken at sequence {result.firstBrokenSequence ?? 'unknown'}
              {result.reason ? `: ${result.reason}` : ''} ({formatNumber(result.checked)} entries checked).
            </Alert>
          )
        ) : null}
      </div>
    </Stack>
  );
}
