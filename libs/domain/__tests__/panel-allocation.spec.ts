import fc from 'fast-check';
import { allocatePanels } from '../panel-allocation';
import { suggestSlots, type PanelMember } from '../interview-slots';

const at = (iso: string) => new Date(iso);
// Wednesday 14 January 2026; everyone in UTC works 09:00-17:00.
const wednesday = { from: at('2026-01-14T00:00:00Z'), to: at('2026-01-15T00:00:00Z') };

function member(id: string, overrides: Partial<PanelMember> = {}): PanelMember {
  return { id, timezone: 'UTC', busy: [], interviewsThisWeek: 0, ...overrides };
}

describe('allocatePanels', () => {
  it('without a panel size needs the whole panel free and names all of it', () => {
    const members = [
      member('ann', { interviewsThisWeek: 1 }),
      member('ben', {
        interviewsThisWeek: 2,
        busy: [{ start: at('2026-01-14T09:00:00Z'), end: at('2026-01-14T10:00:00Z') }],
      }),
    ];
    const slots = allocatePanels({ members, durationMinutes: 60, ...wednesday });
    expect(slots).toEqual(
      suggestSlots({ panel: members, durationMinutes: 60, ...wednesday }).map((slot) => ({
        ...slot,
        interviewerIds: ['ann', 'ben'],
      })),
    );
    expect(slots[0]).toMatchObject({ start: at('2026-01-14T10:00:00Z'), load: 3 });
  });

  it('offers no window that starts before now, with or without a panel size', () => {
    const members = [member('ann'), member('ben', { interviewsThisWeek: 3 })];
    const now = at('2026-01-14T13:10:00Z');
    for (const panelSize of [undefined, 1]) {
      const slots = allocatePanels({ members, durationMinutes: 60, ...wednesday, panelSize, now });
      expect(slots.length).toBeGreaterThan(0);
      expect(slots.every((slot) => slot.start >= now)).toBe(true);
    }
    // The first window is the next grid point after now.
    expect(allocatePanels({ members, durationMinutes: 60, ...wednesday, now })[0]!.start).toEqual(
      at('2026-01-14T13:30:00Z'),
    );
    // A window entirely in the past offers nothing.
    expect(allocatePanels({ members, durationMinutes: 60, ...wednesday, now: at('2026-01-15T00:00:00Z') })).toEqual([]);
  });

  it('treats a panel size that covers everyone like no panel size', () => {
    const members = [member('ann'), member('ben')];
    const all = allocatePanels({ members, durationMinutes: 60, ...wednesday });
    expect(allocatePanels({ members, durationMinutes: 60, ...wednesday, panelSize: 2 })).toEqual(all);
    expect(allocatePanels({ members, durationMinutes: 60, ...wednesday, panelSize: 5 })).toEqual(all);
  });

  it('picks the least-loaded free members per window, lightest windows first, then earliest', () => {
    const members = [
      member('ann', {
        interviewsThisWeek: 0,
        busy: [{ start: at('2026-01-14T09:00:00Z'), end: at('2026-01-14T12:00:00Z') }],
      }),
      member('ben', { interviewsThisWeek: 2 }),
      member('cy', { interviewsThisWeek: 1 }),
    ];
    const slots = allocatePanels({ members, durationMinutes: 60, ...wednesday, panelSize: 1 });
    expect(slots).toHaveLength(10);
    // Ann is free from 12:00 with the lightest week: her windows come first, earliest first.
    expect(slots.slice(0, 3)).toEqual([
      { start: at('2026-01-14T12:00:00Z'), end: at('2026-01-14T13:00:00Z'), load: 0, interviewerIds: ['ann'] },
      { start: at('2026-01-14T12:30:00Z'), end: at('2026-01-14T13:30:00Z'), load: 0, interviewerIds: ['ann'] },
      { start: at('2026-01-14T13:00:00Z'), end: at('2026-01-14T14:00:00Z'), load: 0, interviewerIds: ['ann'] },
    ]);
    // Before 12:00 Ann is busy: Cy (one interview) is chosen over Ben (two).
    const morning = allocatePanels({
      members,
      durationMinutes: 60,
      from: wednesday.from,
      to: at('2026-01-14T12:00:00Z'),
      panelSize: 1,
    });
    expect(morning.map((slot) => slot.interviewerIds)).toEqual(morning.map(() => ['cy']));
    expect(morning.every((slot) => slot.load === 1)).toBe(true);
  });

  it('breaks ties between equally loaded members by id', () => {
    const members = [member('zed'), member('amy'), member('kim')];
    const [first] = allocatePanels({ members, durationMinutes: 30, ...wednesday, panelSize: 2 });
    expect(first).toMatchObject({ start: at('2026-01-14T09:00:00Z'), load: 0, interviewerIds: ['amy', 'kim'] });
  });

  it('leaves out windows with fewer free members than the panel size', () => {
    const busyAllDay = [{ start: wednesday.from, end: wednesday.to }];
    const members = [member('ann'), member('ben', { busy: busyAllDay }), member('cy', { busy: busyAllDay })];
    expect(allocatePanels({ members, durationMinutes: 60, ...wednesday, panelSize: 2 })).toEqual([]);
  });

  it('always chooses panelSize free members, never busy ones, with the load of those chosen', () => {
    const hour = 3_600_000;
    const arbitraryMember = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      interviewsThisWeek: fc.nat(5),
      busyHours: fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryMember, { minLength: 2, maxLength: 5, selector: (entry) => entry.id }),
        fc.integer({ min: 1, max: 4 }),
        (entries, panelSize) => {
          const members = entries.map((entry) =>
            member(entry.id, {
              interviewsThisWeek: entry.interviewsThisWeek,
              busy: entry.busyHours.map((h) => ({
                start: new Date(wednesday.from.getTime() + h * hour),
                end: new Date(wednesday.from.getTime() + (h + 1) * hour),
              })),
            }),
          );
          const slots = allocatePanels({ members, durationMinutes: 60, ...wednesday, panelSize });
          expect(slots.length).toBeLessThanOrEqual(10);
          for (const slot of slots) {
            const chosen = members.filter((candidate) => slot.interviewerIds.includes(candidate.id));
            expect(chosen).toHaveLength(Math.min(panelSize, members.length));
            for (const person of chosen) {
              expect(
                suggestSlots({ panel: [person], durationMinutes: 60, from: slot.start, to: slot.end }),
              ).toHaveLength(1);
            }
            expect(slot.load).toBe(chosen.reduce((sum, person) => sum + person.interviewsThisWeek, 0));
          }
          for (let index = 1; index < slots.length; index++) {
            const [before, after] = [slots[index - 1]!, slots[index]!];
            expect(before.load < after.load || (before.load === after.load && before.start <= after.start)).toBe(true);
          }
        },
      ),
    );
  });
});
