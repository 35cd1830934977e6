import { createContext, useContext } from 'react';
import type { PaletteMode } from '@mui/material';

export interface ColorModeValue {
  mode: PaletteMode;
  toggle: () => void;
}

export const ColorModeContext = createContext<ColorModeValue>({ mode: 'light', toggle: () => undefined });

export function useColorMode(): ColorModeValue {
  return useContext(ColorModeContext);
}

export const COLOR_MODE_KEY = 'brandhub.colorMode';

export function initialColorMode(): PaletteMode {
  try {
    const saved = localStorage.getItem(COLOR_MODE_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
    if (typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  } catch {
    // storage unavailable: fall back to light
  }
  return 'light';
}
