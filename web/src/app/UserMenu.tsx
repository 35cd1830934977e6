import { useState } from 'react';
import { Button, Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { useAuth } from '../auth/authContext';
import { humanize } from '../lib/format';

export function UserMenu() {
  const { me, logout } = useAuth();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!me) return null;
  // email and displayName are null when the session is not a user's (an API key or an OIDC client).
  const name = me.displayName || me.email || 'Signed in';
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'user-menu' : undefined}
        sx={{ textTransform: 'none' }}
      >
        {name}
      </Button>
      <Menu id="user-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled>
          <ListItemText primary={me.email ?? name} secondary={`${humanize(me.role)} · ${me.tenant.name}`} />
        </MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            logout();
          }}
        >
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}
