/**
 * A screen that fails to load (its code chunk could not be fetched after an update, or it threw
 * while drawing) shows what happened and a way back, instead of blanking the whole window.
 * Keyed by route by the caller, so moving to another screen starts clean.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  // a chunk that can't be fetched means the app's files changed or the host went away: only a reload helps
  const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  return (
    <Alert color="red" title={t('errors.pageFailed')} data-testid="page-error" role="alert" maw={640}>
      <Text size="sm" mb="sm">
        {chunk ? t('errors.pageChunk') : t('errors.pageThrew')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm" style={{ wordBreak: 'break-word' }}>
        {error.message}
      </Text>
      <Group gap="xs">
        {!chunk && (
          <Button size="xs" variant="light" onClick={onRetry}>
            {t('errors.pageRetry')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => window.location.reload()}>
          {t('errors.pageReload')}
        </Button>
      </Group>
    </Alert>
  );
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A screen failed to draw:', error, info.componentStack);
  }

  render() {
    if (this.state.error) return <PageFailed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
