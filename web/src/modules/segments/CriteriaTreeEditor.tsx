import { Box, Button, FormControlLabel, IconButton, Paper, Stack, Switch, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { NativeSelectField } from '../../components/NativeSelectField';
import { humanize } from '../../lib/format';
import {
  appendChild,
  CONSENT_OPTIONS,
  EVENT_OP_LABELS,
  EVENT_OPS,
  FIELDS,
  fieldDef,
  newCondition,
  newGroup,
  newWhereRow,
  OP_LABELS,
  opsFor,
  removeNode,
  updateNode,
  type Condition,
  type ConditionNode,
  type GroupNode,
  type TreeNode,
  type WhereRow,
  WHERE_OPS,
} from './criteria';

interface Props {
  root: GroupNode;
  onChange: (root: GroupNode) => void;
  /** Server validation messages per node id. */
  errors: Record<string, string[]>;
  segmentOptions: { value: string; label: string }[];
  readOnly?: boolean;
}

/** The visual criteria editor: nested AND/OR groups with a NOT toggle on every node. */
export function CriteriaTreeEditor({ root, onChange, errors, segmentOptions, readOnly = false }: Props) {
  const ctx: Ctx = {
    errors,
    segmentOptions,
    readOnly,
    change: (id, change) => onChange(updateNode(root, id, change)),
    remove: (id) => onChange(removeNode(root, id)),
    add: (groupId, child) => onChange(appendChild(root, groupId, child)),
  };
  return <GroupEditor node={root} ctx={ctx} depth={0} label="All conditions" />;
}

interface Ctx {
  errors: Record<string, string[]>;
  segmentOptions: { value: string; label: string }[];
  readOnly: boolean;
  change: (id: string, change: (node: TreeNode) => TreeNode | null) => void;
  remove: (id: string) => void;
  add: (groupId: string, child: TreeNode) => void;
}

function NodeErrors({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <Box role="alert" sx={{ color: 'error.main', fontSize: '0.85rem', mt: 0.5 }}>
      {messages.map((m, i) => (
        <div key={i}>{m}</div>
      ))}
    </Box>
  );
}

function GroupEditor({ node, ctx, depth, label }: { node: GroupNode; ctx: Ctx; depth: number; label: string }) {
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, bgcolor: depth % 2 ? 'action.hover' : undefined, borderColor: ctx.errors[node.id] ? 'error.main' : undefined }}
      role="group"
      aria-label={label}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={node.op}
          disabled={ctx.readOnly}
          onChange={(_, op: 'all' | 'any' | null) => op && ctx.change(node.id, (n) => ({ ...n, op }) as GroupNode)}
          aria-label={`${label}: match`}
        >
          <ToggleButton value="all">AND (all)</ToggleButton>
          <ToggleButton value="any">OR (any)</ToggleButton>
        </ToggleButtonGroup>
        <FormControlLabel
          control={<Switch size="small" checked={node.negate} disabled={ctx.readOnly} onChange={(e) => ctx.change(node.id, (n) => ({ ...n, negate: e.target.checked }))} />}
          label="NOT"
        />
        <Box sx={{ flexGrow: 1 }} />
        {depth > 0 && !ctx.readOnly ? (
          <IconButton size="small" aria-label={`Remove ${label}`} onClick={() => ctx.remove(node.id)}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        ) : null}
      </Stack>
      <NodeErrors messages={ctx.errors[node.id]} />
      <Stack spacing={1} sx={{ mt: 1 }}>
        {node.children.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No conditions: {node.negate ? 'matches nobody' : 'matches every contact'}.
          </Typography>
        ) : null}
        {node.children.map((child, index) =>
          child.kind === 'group' ? (
            <GroupEditor key={child.id} node={child} ctx={ctx} depth={depth + 1} label={`${label} › group ${index + 1}`} />
          ) : (
            <ConditionEditor key={child.id} node={child} ctx={ctx} label={`Condition ${index + 1}${depth ? ` of ${label}` : ''}`} />
          ),
        )}
      </Stack>
      {!ctx.readOnly ? (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button size="small" onClick={() => ctx.add(node.id, newCondition('field'))}>Add condition</Button>
          <Button size="small" onClick={() => ctx.add(node.id, newGroup(node.op === 'all' ? 'any' : 'all'))}>Add group</Button>
        </Stack>
      ) : null}
    </Paper>
  );
}

const CONDITION_TYPES = [
  { value: 'field', label: 'Field' },
  { value: 'consent', label: 'Has consent' },
  { value: 'event', label: 'Did an event' },
  { value: 'segment', label: 'In segment' },
];

function ConditionEditor({ node, ctx, label }: { node: ConditionNode; ctx: Ctx; label: string }) {
  const c = node.condition;
  const set = (condition: Condition) => ctx.change(node.id, (n) => ({ ...(n as ConditionNode), condition }));
  const disabled = ctx.readOnly;
  return (
    <Box sx={{ border: 1, borderColor: ctx.errors[node.id] ? 'error.main' : 'divider', borderRadius: 1, p: 1 }} role="group" aria-label={label}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }}>
        <NativeSelectField
          label="Kind"
          size="small"
          value={c.type}
          disabled={disabled}
          options={CONDITION_TYPES}
          onChange={(e) => ctx.change(node.id, () => ({ ...newCondition(e.target.value as Condition['type']), id: node.id, negate: node.negate }))}
        />
        {c.type === 'field' ? <FieldInputs c={c} set={set} disabled={disabled} /> : null}
        {c.type === 'consent' ? (
          <NativeSelectField label="Channel" size="small" value={c.channel} disabled={disabled} options={CONSENT_OPTIONS.map((o) => ({ value: o, label: humanize(o) }))} onChange={(e) => set({ ...c, channel: e.target.value })} />
        ) : null}
        {c.type === 'event' ? (
          <>
            <TextField label="Event" size="small" value={c.event} disabled={disabled} onChange={(e) => set({ ...c, event: e.target.value })} sx={{ width: 140 }} />
            <NativeSelectField label="How often" size="small" value={c.op} disabled={disabled} options={EVENT_OPS.map((o) => ({ value: o, label: EVENT_OP_LABELS[o] }))} onChange={(e) => set({ ...c, op: e.target.value })} />
            {c.op !== 'none' ? <TextField label="Times" size="small" type="number" value={c.count} disabled={disabled} onChange={(e) => set({ ...c, count: e.target.value })} sx={{ width: 90 }} /> : null}
            <TextField label="In the last (days)" size="small" type="number" value={c.withinLastDays} disabled={disabled} onChange={(e) => set({ ...c, withinLastDays: e.target.value })} sx={{ width: 140 }} />
          </>
        ) : null}
        {c.type === 'segment' ? (
          <NativeSelectField label="Segment" size="small" value={c.segmentId} disabled={disabled} options={[{ value: '', label: 'Choose a segment' }, ...ctx.segmentOptions]} onChange={(e) => set({ ...c, segmentId: e.target.value })} sx={{ minWidth: 200 }} />
        ) : null}
        <FormControlLabel
          control={<Switch size="small" checked={node.negate} disabled={disabled} onChange={(e) => ctx.change(node.id, (n) => ({ ...n, negate: e.target.checked }))} />}
          label="NOT"
        />
        <Box sx={{ flexGrow: 1 }} />
        {!disabled ? (
          <IconButton size="small" aria-label={`Remove ${label}`} onClick={() => ctx.remove(node.id)}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        ) : null}
      </Stack>
      {c.type === 'event' ? <WhereEditor rows={c.where} disabled={disabled} label={label} onChange={(where) => set({ ...c, where })} /> : null}
      <NodeErrors messages={ctx.errors[node.id]} />
    </Box>
  );
}

const WHERE_VALUE_TYPES = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'bool', label: 'Yes / no' },
];

/** The property filters of an event condition ("where sku is SHOE and revenue at least 100"). */
function WhereEditor({ rows, disabled, label, onChange }: { rows: WhereRow[]; disabled: boolean; label: string; onChange: (rows: WhereRow[]) => void }) {
  const change = (id: string, patch: Partial<WhereRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  return (
    <Stack spacing={1} sx={{ mt: 1, pl: 2 }}>
      {rows.map((row, index) => {
        const rowLabel = `Event filter ${index + 1} of ${label}`;
        const noValue = row.op === 'isSet' || row.op === 'isNotSet';
        return (
          <Stack key={row.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }} role="group" aria-label={rowLabel}>
            <Typography variant="body2" sx={{ pt: 1 }}>{index === 0 ? 'where' : 'and'}</Typography>
            <TextField label="Property" size="small" value={row.field} disabled={disabled} onChange={(e) => change(row.id, { field: e.target.value, valueType: e.target.value.trim() === 'revenue' ? 'number' : row.valueType })} helperText={index === 0 ? 'e.g. sku, revenue' : undefined} sx={{ width: 140 }} />
            <NativeSelectField label="Operator" size="small" value={row.op} disabled={disabled} options={WHERE_OPS.map((o) => ({ value: o, label: OP_LABELS[o] ?? o }))} onChange={(e) => change(row.id, { op: e.target.value })} />
            {noValue ? null : (
              <>
                <TextField label={row.op === 'in' ? 'Values (comma-separated)' : row.op === 'between' ? 'From' : 'Value'} size="small" value={row.value} disabled={disabled} onChange={(e) => change(row.id, { value: e.target.value })} sx={{ width: 150 }} />
                {row.op === 'between' ? <TextField label="To" size="small" value={row.valueTo} disabled={disabled} onChange={(e) => change(row.id, { valueTo: e.target.value })} sx={{ width: 120 }} /> : null}
                <NativeSelectField label="Compare as" size="small" value={row.valueType} disabled={disabled} options={WHERE_VALUE_TYPES} onChange={(e) => change(row.id, { valueType: e.target.value as WhereRow['valueType'] })} />
              </>
            )}
            {!disabled ? (
              <IconButton size="small" aria-label={`Remove ${rowLabel}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            ) : null}
          </Stack>
        );
      })}
      {!disabled ? (
        <Box>
          <Button size="small" onClick={() => onChange([...rows, newWhereRow()])}>Add event filter</Button>
        </Box>
      ) : null}
    </Stack>
  );
}

function FieldInputs({ c, set, disabled }: { c: Extract<Condition, { type: 'field' }>; set: (c: Condition) => void; disabled: boolean }) {
  const def = fieldDef(c.field);
  const isAttribute = c.field.startsWith('attributes.');
  const ops = opsFor(c.field);
  const pickField = (field: string) => {
    const nextOps = opsFor(field);
    set({ ...c, field, op: nextOps.includes(c.op) ? c.op : nextOps[0], value: '', valueTo: '' });
  };
  const inputType = def.kind === 'number' || c.op === 'withinLastDays' ? 'number' : def.kind === 'date' ? 'date' : 'text';
  const noValue = c.op === 'isSet' || c.op === 'isNotSet';
  return (
    <>
      <NativeSelectField
        label="Field"
        size="small"
        value={isAttribute ? 'attributes.' : c.field}
        disabled={disabled}
        options={FIELDS.map((f) => ({ value: f.field, label: f.label }))}
        onChange={(e) => pickField(e.target.value)}
      />
      {isAttribute ? (
        <TextField label="Attribute" size="small" value={c.field.slice('attributes.'.length)} disabled={disabled} onChange={(e) => set({ ...c, field: `attributes.${e.target.value.trim()}` })} sx={{ width: 140 }} />
      ) : null}
      <NativeSelectField label="Operator" size="small" value={c.op} disabled={disabled} options={ops.map((o) => ({ value: o, label: OP_LABELS[o] ?? o }))} onChange={(e) => set({ ...c, op: e.target.value })} />
      {noValue ? null : def.kind === 'enum' && c.op !== 'in' ? (
        <NativeSelectField label="Value" size="small" value={c.value} disabled={disabled} options={[{ value: '', label: 'Choose' }, ...(def.options ?? []).map((o) => ({ value: o, label: humanize(o) }))]} onChange={(e) => set({ ...c, value: e.target.value })} />
      ) : (
        <TextField
          label={c.op === 'in' ? 'Values (comma-separated)' : c.op === 'between' ? 'From' : c.op === 'withinLastDays' ? 'Days' : 'Value'}
          size="small"
          type={c.op === 'in' ? 'text' : inputType}
          value={c.value}
          disabled={disabled}
          onChange={(e) => set({ ...c, value: e.target.value })}
          slotProps={inputType === 'date' ? { inputLabel: { shrink: true } } : undefined}
          sx={{ width: c.op === 'in' ? 220 : 150 }}
        />
      )}
      {c.op === 'between' ? (
        <TextField label="To" size="small" type={inputType} value={c.valueTo} disabled={disabled} onChange={(e) => set({ ...c, valueTo: e.target.value })} slotProps={inputType === 'date' ? { inputLabel: { shrink: true } } : undefined} sx={{ width: 150 }} />
      ) : null}
    </>
  );
}
