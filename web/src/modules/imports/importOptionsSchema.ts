import { z } from 'zod';
import type { ImportOptions } from '../../api/types';
import { splitList } from '../../lib/format';

export const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

export const importOptionsSchema = z.object({
  delimiter: z.enum([',', ';', '\t', '|']),
  tags: z.string().max(500, 'Use at most 500 characters.'),
  consentSource: z.string().trim().min(1, 'Enter a consent source, e.g. "import".').max(100, 'Use at most 100 characters.'),
});

export type ImportOptionsValues = z.infer<typeof importOptionsSchema>;

export const DEFAULT_IMPORT_OPTIONS: ImportOptionsValues = { delimiter: ',', tags: '', consentSource: 'import' };

export function toImportOptions(values: ImportOptionsValues): ImportOptions {
  return { delimiter: values.delimiter, tags: splitList(values.tags), consentSource: values.consentSource.trim() };
}

/** Guesses the delimiter from the header line of the file. */
export function guessDelimiter(firstLine: string): ImportOptionsValues['delimiter'] {
  const counts = DELIMITERS.map((d) => ({ value: d.value, count: firstLine.split(d.value).length - 1 }));
  const best = counts.sort((a, b) => b.count - a.count)[0];
  return best && best.count > 0 ? (best.value as ImportOptionsValues['delimiter']) : ',';
}
