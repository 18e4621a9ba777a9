import { suggestSlots, type PanelMember, type SuggestedSlot } from './interview-slots';

export interface PanelAllocationSearch {
  /** The interviewers to choose from, with their busy times and their interviews that week. */
  members: PanelMember[];
  durationMinutes: number;
  from: Date;
  to: Date;
  /** Choose this many members per window; absent (or not fewer than the members) means all of them. */
  panelSize?: number | null;
  /** No window starts before it (the present: a past time is never offered). */
  now?: Date;
}

/** A free window and the panel for it. */
export type PanelSlot = SuggestedSlot & { interviewerIds: string[] };

/** At most this many windows are suggested. */
const MAX_SLOTS = 10;
/** Slots looked at per member when a panel is chosen per window. */
const SLOTS_PER_MEMBER = 10_000;

/**
 * Windows in which a panel can meet. Without a panel size (or one that covers every member) the
 * whole panel must be free: the earliest such windows. With a smaller size, each window gets the
 * `panelSize` free members with the fewest interviews that week (ties broken by id), and the
 * windows whose panel has the lightest week come first, then the earliest.
 */
export function allocatePanels(search: PanelAllocationSearch): PanelSlot[] {
  const { members, panelSize } = search;
  const window = { durationMinutes: search.durationMinutes, from: search.from, to: search.to, now: search.now };
  if (!panelSize || panelSize >= members.length) {
    const everyone = members.map((member) => member.id);
    return suggestSlots({ ...window, panel: members }).map((slot) => ({ ...slot, interviewerIds: everyone }));
  }
  const freeAt = new Map<number, PanelMember[]>();
  for (const member of members) {
    for (const slot of suggestSlots({ ...window, panel: [member], limit: SLOTS_PER_MEMBER })) {
      freeAt.set(slot.start.getTime(), [...(freeAt.get(slot.start.getTime()) ?? []), member]);
    }
  }
  return [...freeAt.entries()]
    .filter(([, free]) => free.length >= panelSize)
    .map(([start, free]) => {
      const panel = [...free]
        .sort((a, b) => a.interviewsThisWeek - b.interviewsThisWeek || a.id.localeCompare(b.id))
        .slice(0, panelSize);
      return {
        start: new Date(start),
        end: new Date(start + search.durationMinutes * 60_000),
        load: panel.reduce((sum, member) => sum + member.interviewsThisWeek, 0),
        interviewerIds: panel.map((member) => member.id),
      };
    })
    .sort((a, b) => a.load - b.load || a.start.getTime() - b.start.getTime())
    .slice(0, MAX_SLOTS);
}
