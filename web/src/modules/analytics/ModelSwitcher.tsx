import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../../api/types';
import { toggleGroupSx } from '../../components/toggleSx';
import { MODEL_LABELS } from './analyticsLabels';

interface Props {
  value: AttributionModel;
  onChange: (model: AttributionModel) => void;
}

/** The eight models, one pressed. */
export function ModelSwitcher({ value, onChange }: Props) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      onChange={(_, next: AttributionModel | null) => next && onChange(next)}
      aria-label="Attribution model"
      sx={{ ...toggleGroupSx, flexWrap: 'wrap' }}
    >
      {ATTRIBUTION_MODELS.map((model) => (
        <ToggleButton key={model} value={model} sx={{ textTransform: 'none' }}>
          {MODEL_LABELS[model]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
