/** Unselected toggle buttons in the secondary text colour: MUI's default (action.active) falls just short of 4.5:1 on the page background. */
export const toggleGroupSx = { '& .MuiToggleButton-root:not(.Mui-selected)': { color: 'text.secondary' } } as const;
