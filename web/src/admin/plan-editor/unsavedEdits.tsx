import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { useBlocker, type Location } from 'react-router';

type Report = (part: string, unsaved: boolean) => void;

const UnsavedEditsContext = createContext<Report>(() => undefined);

/**
 * Navigation state of the editor's own moves: a save moving on to the new version, or opening the
 * latest version after a conflict. Those never ask; every other move away from the page or to
 * another stage asks first while a form holds unsaved edits.
 */
export const EDITOR_MOVE = { planEditorMove: true } as const;

const isEditorMove = (location: Location) =>
  (location.state as Partial<typeof EDITOR_MOVE> | null)?.planEditorMove === true;

/** A form of the editor tells the page whether it holds unsaved edits (`part` names it in the prompt). */
export function useReportUnsavedEdits(part: string, unsaved: boolean) {
  const report = useContext(UnsavedEditsContext);
  useEffect(() => report(part, unsaved), [report, part, unsaved]);
  useEffect(() => () => report(part, false), [report, part]);
}

/**
 * Tracks which forms hold unsaved edits, and asks before they are lost: React Router's blocker for
 * moves inside the app (another stage, another page), the browser's own prompt for closing or
 * reloading the tab, and `guard` for the editor's actions that start the forms afresh.
 */
export function useUnsavedEdits() {
  const [parts, setParts] = useState<readonly string[]>([]);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const report = useCallback<Report>(
    (part, unsaved) =>
      setParts((current) => {
        if (current.includes(part) === unsaved) return current;
        return unsaved ? [...current, part] : current.filter((candidate) => candidate !== part);
      }),
    [],
  );
  const unsaved = parts.length > 0;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved &&
      !isEditorMove(nextLocation) &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show their prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const guard = (action: () => void) => (unsaved ? setPending(() => action) : action());
  const asking = blocker.state === 'blocked' || pending !== null;
  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset();
    setPending(null);
  };
  const leave = () => {
    if (blocker.state === 'blocked') blocker.proceed();
    pending?.();
    setPending(null);
  };

  const prompt = (
    <Modal opened={asking} onClose={stay} closeButtonProps={{ 'aria-label': 'Close' }} title="Discard unsaved edits?">
      <Stack>
        <Text size="sm">These parts of the stage have edits that are not saved yet:</Text>
        <List size="sm">
          {parts.map((part) => (
            <List.Item key={part}>{part}</List.Item>
          ))}
        </List>
        <Text size="sm">Going on discards them. Stay to save them first.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            Stay and keep the edits
          </Button>
          <Button color="red.9" onClick={leave}>
            Discard the edits
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { report, guard, prompt, Provider: UnsavedEditsContext.Provider };
}
