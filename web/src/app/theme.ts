import { createTheme, type PaletteMode, type Theme } from '@mui/material/styles';

// Colours chosen for at least 4.5:1 contrast against their backgrounds.
export function createAppTheme(mode: PaletteMode): Theme {
  const focusColor = mode === 'light' ? '#1e4fa3' : '#90caf9';
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1e4fa3' : '#90caf9' },
      secondary: { main: mode === 'light' ? '#7b1fa2' : '#ce93d8' },
      error: { main: mode === 'light' ? '#b3261e' : '#f2b8b5' },
      success: { main: mode === 'light' ? '#1b6e34' : '#81c995' },
      warning: { main: mode === 'light' ? '#8a5300' : '#ffcc80' },
      background:
        mode === 'light' ? { default: '#f6f7f9', paper: '#ffffff' } : { default: '#121417', paper: '#1b1e22' },
    },
    shape: { borderRadius: 8 },
    typography: {
      h1: { fontSize: '1.75rem', fontWeight: 600 },
      h2: { fontSize: '1.35rem', fontWeight: 600 },
      h3: { fontSize: '1.1rem', fontWeight: 600 },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          ':focus-visible': { outline: `3px solid ${focusColor}`, outlineOffset: 2 },
          'h1:focus, h1:focus-visible': { outline: 'none' },
          '.visually-hidden': {
            position: 'absolute',
            width: 1,
            height: 1,
            padding: 0,
            margin: -1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
            whiteSpace: 'nowrap',
            border: 0,
          },
        },
      },
      MuiButtonBase: {
        styleOverrides: {
          root: {
            '&.Mui-focusVisible': { outline: `3px solid ${focusColor}`, outlineOffset: 2 },
          },
        },
      },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
    },
  });
}
