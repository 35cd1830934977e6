import type { ComponentProps } from 'react';
import { InputAdornment } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { DebouncedTextField } from '../modules/contacts/DebouncedTextField';

/** The lists' search box: debounced, `type="search"`, with the search icon in front. */
export function SearchField(props: Omit<ComponentProps<typeof DebouncedTextField>, 'type' | 'slotProps'>) {
  return (
    <DebouncedTextField
      type="search"
      {...props}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon aria-hidden />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
