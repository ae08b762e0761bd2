import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes';
import { i18n } from './shared/i18n';
import { SessionProvider } from './shared/session/session-context';
import { cssVariablesResolver, theme } from './shared/ui/theme';

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="bottom-right" autoClose={6000} />
        <BrowserRouter basename="/app">
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </MantineProvider>
    </I18nextProvider>
  );
}
