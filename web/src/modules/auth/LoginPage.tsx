import { useState } from 'react';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { isApiError } from '../../api/problem';
import { useAuth } from '../../auth/authContext';
import { usePageTitle } from '../../components/usePageTitle';
import { applyServerErrors } from '../../lib/serverErrors';
import { loginSchema, type LoginValues } from './loginSchema';

function loginErrorMessage(error: unknown, fallback: string | null): string | null {
  if (isApiError(error)) {
    if (error.status === 429) return 'Too many attempts. Wait a minute before trying again.';
    if (error.status === 401) return error.problem?.detail ?? 'The email or password is not correct.';
  }
  return fallback;
}

export function LoginPage() {
  usePageTitle('Sign in');
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver: zodResolver(loginSchema), defaultValues: { email: '', password: '' } });

  if (auth.isAuthenticated && auth.me) {
    return <Navigate to={from?.pathname ?? '/'} replace />;
  }

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await auth.login(values.email, values.password);
      navigate(from ? `${from.pathname}${from.search ?? ''}` : '/', { replace: true });
    } catch (error) {
      const general = applyServerErrors(error, setError, ['email', 'password']);
      setFormError(loginErrorMessage(error, general));
    }
  });

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper sx={{ p: 4, width: '100%', maxWidth: 420 }} elevation={2}>
        <Typography variant="h1" sx={{ mb: 1 }}>
          Sign in to BrandHub
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Use the account your administrator created for you.
        </Typography>
        {auth.sessionExpired && !formError ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            Your session has ended. Sign in again to continue.
          </Alert>
        ) : null}
        {formError ? (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {formError}
          </Alert>
        ) : null}
        <form onSubmit={onSubmit} noValidate aria-label="Sign in">
          <Stack spacing={2}>
            <TextField
              label="Email"
              type="email"
              autoComplete="username"
              autoFocus
              slotProps={{ htmlInput: { 'aria-required': true } }}
              {...register('email')}
              error={Boolean(errors.email)}
              helperText={errors.email?.message}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              slotProps={{ htmlInput: { 'aria-required': true } }}
              {...register('password')}
              error={Boolean(errors.password)}
              helperText={errors.password?.message}
            />
            <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Box>
  );
}
