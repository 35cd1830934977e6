import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ColumnMapping, ImportPreview } from '../src/api/types';
import { ColumnMappingStep } from '../src/modules/imports/ColumnMappingStep';
import { DEFAULT_IMPORT_OPTIONS, type ImportOptionsValues } from '../src/modules/imports/importOptionsSchema';
import { initialMapping } from '../src/modules/imports/mappingFields';

const preview: ImportPreview = {
  fileName: 'people.csv',
  rowCount: 2,
  delimiter: ',',
  headers: ['Email', 'Full name', 'Shop id'],
  sampleRows: [['ana@example.com', 'Ana Pop', 'S1']],
  suggestedMapping: { Email: 'email' },
  fields: ['email', 'firstName', 'lastName'],
};

function Harness({ onChange, showErrors = false }: { onChange: (m: ColumnMapping) => void; showErrors?: boolean }) {
  const [mapping, setMapping] = useState(initialMapping(preview));
  const [options, setOptions] = useState<ImportOptionsValues>(DEFAULT_IMPORT_OPTIONS);
  return (
    <ColumnMappingStep
      preview={preview}
      mapping={mapping}
      attributes={[{ name: 'shoe_size', type: 'number', label: 'Shoe size' }]}
      onMappingChange={(next) => {
        setMapping(next);
        onChange(next);
      }}
      options={options}
      optionErrors={{}}
      onOptionsChange={setOptions}
      showErrors={showErrors}
    />
  );
}

describe('ColumnMappingStep', () => {
  it('prefills each column with the suggested field', () => {
    render(<Harness onChange={vi.fn()} />);
    expect(screen.getByLabelText('Field for Email')).toHaveValue('email');
    expect(screen.getByLabelText('Field for Full name')).toHaveValue('');
    expect(screen.getByText('ana@example.com')).toBeInTheDocument();
  });

  it('reports a changed mapping, including attributes', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await userEvent.selectOptions(screen.getByLabelText('Field for Full name'), 'lastName');
    expect(onChange).toHaveBeenLastCalledWith({ Email: 'email', 'Full name': 'lastName', 'Shop id': '' });
    await userEvent.selectOptions(screen.getByLabelText('Field for Shop id'), 'attributes.shoe_size');
    expect(onChange).toHaveBeenLastCalledWith({ Email: 'email', 'Full name': 'lastName', 'Shop id': 'attributes.shoe_size' });
  });

  it('asks for the source of a custom external id', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await userEvent.selectOptions(screen.getByLabelText('Field for Shop id'), 'externalId:');
    await userEvent.type(screen.getByLabelText('Source system for Shop id'), 'Shopify');
    // The host only accepts lower-case sources in an import mapping.
    expect(onChange).toHaveBeenLastCalledWith({ Email: 'email', 'Full name': '', 'Shop id': 'externalId:shopify' });
  });

  it('shows duplicate-field errors when asked to', async () => {
    render(<Harness onChange={vi.fn()} showErrors />);
    await userEvent.selectOptions(screen.getByLabelText('Field for Full name'), 'email');
    expect(screen.getAllByText('Email is mapped from more than one column.')).toHaveLength(2);
  });

  it('has the import option fields', () => {
    render(<Harness onChange={vi.fn()} />);
    expect(screen.getByLabelText('Extra tags')).toBeInTheDocument();
    expect(screen.getByLabelText('Consent source')).toHaveValue('import');
  });
});
