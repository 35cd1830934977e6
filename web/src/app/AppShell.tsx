import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { AppBar, Box, Drawer, IconButton, Link, Toolbar, Tooltip, Typography } from '@mui/material';
import MenuIcon from '@mui/icons-material/Menu';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import { useAuth } from '../auth/authContext';
import { useColorMode } from './colorMode';
import { NavDrawerContent } from './NavDrawerContent';
import { UserMenu } from './UserMenu';

const DRAWER_WIDTH = 248;

export function AppShell() {
  const { me } = useAuth();
  const { mode, toggle } = useColorMode();
  const [mobileOpen, setMobileOpen] = useState(false);
  const location = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation move focus to the new page's heading so
  // screen-reader and keyboard users start at the top of the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const handle = requestAnimationFrame(() => document.getElementById('page-title')?.focus({ preventScroll: false }));
    return () => cancelAnimationFrame(handle);
  }, [location.pathname]);

  const themeLabel = mode === 'light' ? 'Switch to dark theme' : 'Switch to light theme';

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main-content"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.tooltip + 1,
          bgcolor: 'background.paper',
          p: 1,
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        Skip to main content
      </Link>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar>
          <IconButton
            color="inherit"
            edge="start"
            aria-label="Open navigation"
            onClick={() => setMobileOpen(true)}
            sx={{ mr: 1, display: { md: 'none' } }}
          >
            <MenuIcon />
          </IconButton>
          <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>
            BrandHub
          </Typography>
          {me ? (
            <Typography component="span" sx={{ ml: 2, opacity: 0.9, display: { xs: 'none', sm: 'inline' } }}>
              {me.tenant.name}
            </Typography>
          ) : null}
          <Box sx={{ flexGrow: 1 }} />
          <Tooltip title={themeLabel}>
            <IconButton color="inherit" aria-label={themeLabel} onClick={toggle}>
              {mode === 'light' ? <DarkModeIcon /> : <LightModeIcon />}
            </IconButton>
          </Tooltip>
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Box component="div" sx={{ width: { md: DRAWER_WIDTH }, flexShrink: { md: 0 } }}>
        <Drawer
          variant="temporary"
          open={mobileOpen}
          onClose={() => setMobileOpen(false)}
          sx={{ display: { xs: 'block', md: 'none' }, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
        >
          <NavDrawerContent onNavigate={() => setMobileOpen(false)} />
        </Drawer>
        <Drawer
          variant="permanent"
          open
          sx={{ display: { xs: 'none', md: 'block' }, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
        >
          <NavDrawerContent />
        </Drawer>
      </Box>
      <Box
        component="main"
        id="main-content"
        tabIndex={-1}
        sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 }, outline: 'none' }}
      >
        <Toolbar />
        <Outlet />
      </Box>
    </Box>
  );
}
