/**
 * Short messages that come and go (a failed hold, a transfer done, the seat moved to another
 * tab), on Radix Toast: announced to screen readers, paused on hover and focus, reachable
 * with F8, dismissed by swipe or Escape. Things the agent must act on are not toasts: they
 * stay on screen (failures, the incoming call, connection loss).
 */
import * as Toast from '@radix-ui/react-toast';
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

export interface Notice {
  title: string;
  description?: string;
  tone?: 'info' | 'error';
}

type Notify = (notice: Notice) => void;

const NotifyContext = createContext<Notify>(() => {});
const ListContext = createContext<{
  notices: (Notice & { id: number })[];
  dismiss: (id: number) => void;
}>({ notices: [], dismiss: () => {} });

let nextId = 1;

export function ToastsProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<(Notice & { id: number })[]>([]);
  const notify = useCallback<Notify>((notice) => {
    // The newest three: a burst of failures must not bury the screen.
    setNotices((list) => [...list.slice(-2), { ...notice, id: nextId++ }]);
  }, []);
  const dismiss = useCallback((id: number) => {
    setNotices((list) => list.filter((notice) => notice.id !== id));
  }, []);
  return (
    <NotifyContext value={notify}>
      <ListContext value={{ notices, dismiss }}>{children}</ListContext>
    </NotifyContext>
  );
}

/** `notify({ title, description, tone })` shows a toast. */
export function useNotify(): Notify {
  return useContext(NotifyContext);
}

export function Toaster() {
  const { notices, dismiss } = useContext(ListContext);
  return (
    <>
      {notices.map((notice) => (
        <Toast.Root
          key={notice.id}
          className={`toast toast-${notice.tone ?? 'info'}`}
          type={notice.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(notice.id);
          }}
          data-testid="toast"
        >
          <Toast.Title className="toast-title">{notice.title}</Toast.Title>
          {notice.description && (
            <Toast.Description className="toast-description">
              {notice.description}
            </Toast.Description>
          )}
          <Toast.Close className="toast-close" aria-label="Dismiss">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" label="Notifications ({hotkey})" />
    </>
  );
}
