import { Alert, AlertTitle, List, ListItem, ListItemText } from '@mui/material';
import type { ReadinessProblem } from '../../api/types';
import { readinessLines } from './readiness';

/** Readiness problems, grouped by where they are fixed. */
export function ReadinessList({ problems, title }: { problems: readonly ReadinessProblem[]; title: string }) {
  const lines = readinessLines(problems);
  return (
    <Alert severity="warning" role="status">
      <AlertTitle>{title}</AlertTitle>
      <List dense disablePadding aria-label="Readiness problems">
        {lines.map((line) => (
          <ListItem key={line.key} disableGutters>
            <ListItemText primary={line.message} secondary={line.area} />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
