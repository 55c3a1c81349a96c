import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { common } from './common';
import { useT } from './i18n';

/*
 * This file is part of the entry chunk, which carries no Ant Design at all: the
 * spinner and the reload prompt are plain elements styled by app.css.
 */

/** React.lazy for a named export, so page modules keep ordinary named exports. */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export function PageSpinner() {
  const t = useT();
  return (
    <div className="page-spinner" role="status">
      <span className="spinner" aria-hidden />
      <span>{t(common.loading)}</span>
    </div>
  );
}

/** A message with one button, for the moments before Ant Design has loaded. */
export function PlainNotice({ text, action, onAction }: { text: string; action: string; onAction: () => void }) {
  return (
    <div className="page-spinner" role="alert">
      <span>{text}</span>
      <button type="button" className="plain-button" onClick={onAction}>
        {action}
      </button>
    </div>
  );
}

function ChunkFailed() {
  const t = useT();
  return <PlainNotice text={t(common.chunkFailed)} action={t(common.reload)} onAction={() => window.location.reload()} />;
}

/** A lazily loaded chunk can fail to arrive (network, or a deploy replaced the files): offer a reload. */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <ChunkFailed /> : this.props.children;
  }
}

export function Lazy({ children }: { children: ReactNode }) {
  return (
    <ChunkBoundary>
      <Suspense fallback={<PageSpinner />}>{children}</Suspense>
    </ChunkBoundary>
  );
}
