import { NavLink, useLocation } from 'react-router';
import { Box, List, ListItem, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Toolbar, Typography } from '@mui/material';
import { useCan } from '../auth/useCan';
import { NAV_ITEMS, NAV_SECTIONS } from './navigation';

function isActive(itemPath: string, pathname: string): boolean {
  return itemPath === '/' ? pathname === '/' : pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}

export function NavDrawerContent({ onNavigate }: { onNavigate?: () => void }) {
  const can = useCan();
  const { pathname } = useLocation();
  return (
    <Box component="nav" aria-label="Modules">
      <Toolbar>
        <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>
          BrandHub
        </Typography>
      </Toolbar>
      {NAV_SECTIONS.map((section) => {
        const items = NAV_ITEMS.filter((item) => item.section === section && (!item.scope || can(item.scope)));
        if (items.length === 0) return null;
        const headingId = `nav-section-${section.toLowerCase()}`;
        return (
          <List
            key={section}
            dense
            aria-labelledby={headingId}
            subheader={
              <ListSubheader id={headingId} disableSticky>
                {section}
              </ListSubheader>
            }
          >
            {items.map((item) => (
              <ListItem key={item.path} disablePadding>
                <ListItemButton
                  component={NavLink}
                  to={item.path}
                  end={item.path === '/'}
                  selected={isActive(item.path, pathname)}
                  onClick={onNavigate}
                >
                  <ListItemIcon sx={{ minWidth: 36 }} aria-hidden>
                    {item.icon}
                  </ListItemIcon>
                  <ListItemText primary={item.label} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        );
      })}
    </Box>
  );
}
