import fc from 'fast-check';
import { rangesOverlap, suggestSlots, weekBounds, type PanelMember, type TimeRange } from '../interview-slots';

const at = (iso: string) => new Date(iso);
const range = (start: string, end: string): TimeRange => ({ start: at(start), end: at(end) });
const starts = (slots: TimeRange[]) => slots.map((slot) => slot.start.toISOString());

function member(timezone: string, overrides: Partial<PanelMember> = {}): PanelMember {
  return { id: timezone, timezone, busy: [], interviewsThisWeek: 0, ...overrides };
}

describe('rangesOverlap', () => {
  it('treats ranges as half-open', () => {
    const a = range('2026-01-14T10:00:00Z', '2026-01-14T11:00:00Z');
    expect(rangesOverlap(a, range('2026-01-14T11:00:00Z', '2026-01-14T12:00:00Z'))).toBe(false);
    expect(rangesOverlap(a, range('2026-01-14T09:00:00Z', '2026-01-14T10:00:00Z'))).toBe(false);
    expect(rangesOverlap(a, range('2026-01-14T10:59:00Z', '2026-01-14T12:00:00Z'))).toBe(true);
    expect(rangesOverlap(a, range('2026-01-14T10:15:00Z', '2026-01-14T10:45:00Z'))).toBe(true);
    expect(rangesOverlap(a, range('2026-01-14T09:00:00Z', '2026-01-14T12:00:00Z'))).toBe(true);
  });
});

describe('suggestSlots', () => {
  // Wednesday 14 January 2026: Berlin is UTC+1, New York UTC-5.
  const wednesday = { from: at('2026-01-14T00:00:00Z'), to: at('2026-01-15T00:00:00Z') };

  it('keeps only the overlap of every member’s working hours', () => {
    const panel = [
      member('Europe/Berlin', { interviewsThisWeek: 3 }),
      member('America/New_York', { interviewsThisWeek: 2 }),
    ];
    const slots = suggestSlots({ panel, durationMinutes: 60, ...wednesday });
    // 15:00-17:00 Berlin is 9:00-11:00 New York, i.e. 14:00-16:00 UTC.
    expect(slots).toEqual([
      { start: at('2026-01-14T14:00:00Z'), end: at('2026-01-14T15:00:00Z'), load: 5 },
      { start: at('2026-01-14T14:30:00Z'), end: at('2026-01-14T15:30:00Z'), load: 5 },
      { start: at('2026-01-14T15:00:00Z'), end: at('2026-01-14T16:00:00Z'), load: 5 },
    ]);
  });

  it('uses each member’s own working hours', () => {
    const panel = [
      member('Europe/Berlin', { workingHours: { startHour: 7, endHour: 12 } }),
      member('Asia/Kolkata', { workingHours: { startHour: 10, endHour: 18 } }),
    ];
    // Berlin 7-12 is 06:00-11:00 UTC; Kolkata (UTC+5:30) 10-18 is 04:30-12:30 UTC.
    const slots = suggestSlots({ panel, durationMinutes: 120, stepMinutes: 60, ...wednesday });
    expect(starts(slots)).toEqual([
      '2026-01-14T06:00:00.000Z',
      '2026-01-14T07:00:00.000Z',
      '2026-01-14T08:00:00.000Z',
      '2026-01-14T09:00:00.000Z',
    ]);
  });

  it('leaves out busy ranges but allows one that only touches the slot', () => {
    const berlin = member('Europe/Berlin');
    const newYork = member('America/New_York', {
      busy: [
        range('2026-01-14T13:00:00Z', '2026-01-14T14:00:00Z'),
        range('2026-01-14T14:30:00Z', '2026-01-14T14:45:00Z'),
      ],
    });
    expect(
      starts(suggestSlots({ panel: [berlin, newYork], durationMinutes: 30, stepMinutes: 15, ...wednesday })),
    ).toEqual([
      '2026-01-14T14:00:00.000Z',
      '2026-01-14T14:45:00.000Z',
      '2026-01-14T15:00:00.000Z',
      '2026-01-14T15:15:00.000Z',
      '2026-01-14T15:30:00.000Z',
    ]);
    berlin.busy = [range('2026-01-14T15:00:00Z', '2026-01-14T16:00:00Z')];
    expect(starts(suggestSlots({ panel: [berlin, newYork], durationMinutes: 30, ...wednesday }))).toEqual([
      '2026-01-14T14:00:00.000Z',
    ]);
  });

  it('leaves out weekends in the member’s own time zone', () => {
    const utc = suggestSlots({
      panel: [member('UTC')],
      durationMinutes: 60,
      stepMinutes: 60,
      limit: 100,
      from: at('2026-01-16T00:00:00Z'),
      to: at('2026-01-20T00:00:00Z'),
    });
    expect(new Set(utc.map((slot) => slot.start.toISOString().slice(0, 10)))).toEqual(
      new Set(['2026-01-16', '2026-01-19']),
    );
    // Auckland is UTC+13 in January: Friday morning UTC is Friday afternoon there, Friday evening UTC
    // is Saturday, Sunday evening UTC is Monday.
    const auckland = suggestSlots({
      panel: [member('Pacific/Auckland')],
      durationMinutes: 60,
      stepMinutes: 60,
      limit: 100,
      from: at('2026-01-16T00:00:00Z'),
      to: at('2026-01-19T00:00:00Z'),
    });
    expect(starts(auckland)).toEqual([
      '2026-01-16T00:00:00.000Z',
      '2026-01-16T01:00:00.000Z',
      '2026-01-16T02:00:00.000Z',
      '2026-01-16T03:00:00.000Z',
      '2026-01-18T20:00:00.000Z',
      '2026-01-18T21:00:00.000Z',
      '2026-01-18T22:00:00.000Z',
      '2026-01-18T23:00:00.000Z',
    ]);
  });

  it('follows a daylight saving change: New York springs forward on Sunday 8 March 2026', () => {
    const slots = suggestSlots({
      panel: [member('America/New_York')],
      durationMinutes: 60,
      stepMinutes: 60,
      limit: 100,
      from: at('2026-03-06T00:00:00Z'),
      to: at('2026-03-10T00:00:00Z'),
    });
    const hours = (day: string, first: number) =>
      Array.from({ length: 8 }, (_, i) => `${day}T${String(first + i).padStart(2, '0')}:00:00.000Z`);
    // 9:00-17:00 is 14:00-22:00 UTC on Friday (EST) and 13:00-21:00 UTC on Monday (EDT).
    expect(starts(slots)).toEqual([...hours('2026-03-06', 14), ...hours('2026-03-09', 13)]);
  });

  it('reads the slot end on its own clock across a change at midnight (Cairo, Friday 24 April 2026)', () => {
    // Thursday 23:59 EET is followed by Friday 01:00 EEST, at 22:00 UTC.
    const cairo = member('Africa/Cairo', { workingHours: { startHour: 0, endHour: 24 } });
    const slots = suggestSlots({
      panel: [cairo],
      durationMinutes: 60,
      from: at('2026-04-23T20:30:00Z'),
      to: at('2026-04-23T23:30:00Z'),
    });
    // 21:30-22:30 UTC is 23:30 Thursday to 01:30 Friday: it crosses the day.
    expect(starts(slots)).toEqual([
      '2026-04-23T20:30:00.000Z',
      '2026-04-23T21:00:00.000Z',
      '2026-04-23T22:00:00.000Z',
      '2026-04-23T22:30:00.000Z',
    ]);
  });

  it('respects from, to, now and limit', () => {
    const panel = [member('UTC')];
    const base = { panel, durationMinutes: 60 };
    // A start between grid points rounds up; a slot must end by `to`.
    const window = suggestSlots({ ...base, from: at('2026-01-14T10:10:00Z'), to: at('2026-01-14T12:30:00Z') });
    expect(starts(window)).toEqual([
      '2026-01-14T10:30:00.000Z',
      '2026-01-14T11:00:00.000Z',
      '2026-01-14T11:30:00.000Z',
    ]);
    const later = suggestSlots({ ...base, ...wednesday, now: at('2026-01-14T15:00:00Z') });
    expect(starts(later)).toEqual(['2026-01-14T15:00:00.000Z', '2026-01-14T15:30:00.000Z', '2026-01-14T16:00:00.000Z']);
    expect(suggestSlots({ ...base, ...wednesday, now: at('2026-01-20T00:00:00Z') })).toEqual([]);
    expect(suggestSlots({ ...base, ...wednesday })).toHaveLength(10);
    expect(starts(suggestSlots({ ...base, ...wednesday, limit: 2 }))).toEqual([
      '2026-01-14T09:00:00.000Z',
      '2026-01-14T09:30:00.000Z',
    ]);
  });

  it('suggests nothing for an empty window and refuses a duration, step or limit that is not positive', () => {
    expect(
      suggestSlots({ panel: [member('UTC')], durationMinutes: 60, from: wednesday.to, to: wednesday.from }),
    ).toEqual([]);
    expect(() => suggestSlots({ panel: [], durationMinutes: 0, ...wednesday })).toThrow(
      'durationMinutes must be a positive whole number',
    );
    expect(() => suggestSlots({ panel: [], durationMinutes: 30, stepMinutes: -5, ...wednesday })).toThrow(RangeError);
    expect(() => suggestSlots({ panel: [], durationMinutes: 30, limit: 0, ...wednesday })).toThrow(RangeError);
  });
});

describe('weekBounds', () => {
  it('is Monday 00:00 to the next Monday 00:00 local time', () => {
    expect(weekBounds(at('2026-01-14T12:00:00Z'), 'Europe/Berlin')).toEqual(
      range('2026-01-11T23:00:00Z', '2026-01-18T23:00:00Z'),
    );
    // Sunday 23:30 in Berlin still belongs to the week that started the Monday before.
    expect(weekBounds(at('2026-01-18T22:30:00Z'), 'Europe/Berlin')).toEqual(
      range('2026-01-11T23:00:00Z', '2026-01-18T23:00:00Z'),
    );
    // Monday 00:00 local starts its own week.
    expect(weekBounds(at('2026-01-18T23:00:00Z'), 'Europe/Berlin').start).toEqual(at('2026-01-18T23:00:00Z'));
    // The same instant is in another week in Auckland (UTC+13), where it is already Monday.
    expect(weekBounds(at('2026-01-18T12:00:00Z'), 'Pacific/Auckland')).toEqual(
      range('2026-01-18T11:00:00Z', '2026-01-25T11:00:00Z'),
    );
  });

  it('is an hour short across a spring-forward change', () => {
    // New York: Monday 2 March 00:00 EST to Monday 9 March 00:00 EDT.
    const week = weekBounds(at('2026-03-08T12:00:00Z'), 'America/New_York');
    expect(week).toEqual(range('2026-03-02T05:00:00Z', '2026-03-09T04:00:00Z'));
    expect(week.end.getTime() - week.start.getTime()).toBe((7 * 24 - 1) * 3_600_000);
    expect(weekBounds(at('2026-04-22T12:00:00Z'), 'Africa/Cairo')).toEqual(
      range('2026-04-19T22:00:00Z', '2026-04-26T21:00:00Z'),
    );
  });
});

const timezones = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'Africa/Cairo',
  'Australia/Lord_Howe',
];

/** An independent reading of local time, with its own formatter: weekday, date and minutes of the day. */
const readers = new Map(
  timezones.map((timeZone) => [
    timeZone,
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
  ]),
);

function localReading(instant: Date, timezone: string) {
  const parts = readers.get(timezone)!.formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return {
    weekday: get('weekday'),
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

describe('suggestSlots properties', () => {
  const HOUR = 3_600_000;
  // Windows around daylight saving changes of the zones above, and a quiet week.
  const bases = [
    '2026-01-12',
    '2026-03-06',
    '2026-03-27',
    '2026-04-03',
    '2026-04-23',
    '2026-10-23',
    '2026-10-29',
    '2026-10-30',
  ];
  const search = fc
    .record({
      base: fc.constantFrom(...bases),
      offsetHours: fc.integer({ min: 0, max: 48 }),
      lengthHours: fc.integer({ min: 1, max: 96 }),
      nowHours: fc.option(fc.integer({ min: -24, max: 96 })),
      durationMinutes: fc.constantFrom(15, 30, 45, 60, 90, 120),
      stepMinutes: fc.constantFrom(10, 15, 30, 60),
      limit: fc.integer({ min: 1, max: 20 }),
    })
    .chain((s) => {
      const from = Date.parse(`${s.base}T00:00:00Z`) + s.offsetHours * HOUR;
      const to = from + s.lengthHours * HOUR;
      const busy = fc
        .record({ start: fc.integer({ min: -60, max: s.lengthHours * 60 }), minutes: fc.integer({ min: 5, max: 240 }) })
        .map(({ start, minutes }) => ({
          start: new Date(from + start * 60_000),
          end: new Date(from + (start + minutes) * 60_000),
        }));
      const workingHours = fc.option(
        fc
          .integer({ min: 0, max: 23 })
          .chain((startHour) => fc.integer({ min: startHour + 1, max: 24 }).map((endHour) => ({ startHour, endHour }))),
        { nil: undefined },
      );
      const panelMember = fc.record({
        id: fc.uuid(),
        timezone: fc.constantFrom(...timezones),
        busy: fc.array(busy, { maxLength: 5 }),
        interviewsThisWeek: fc.nat({ max: 10 }),
        workingHours,
      });
      return fc.record({
        panel: fc.array(panelMember, { minLength: 1, maxLength: 3 }),
        durationMinutes: fc.constant(s.durationMinutes),
        stepMinutes: fc.constant(s.stepMinutes),
        limit: fc.constant(s.limit),
        from: fc.constant(new Date(from)),
        to: fc.constant(new Date(to)),
        now: fc.constant(s.nowHours === null ? undefined : new Date(from + s.nowHours * HOUR)),
      });
    });

  it('every slot has the duration, lies in the window, is free and within everyone’s working hours', () => {
    fc.assert(
      fc.property(search, (input) => {
        const slots = suggestSlots(input);
        const load = input.panel.reduce((sum, m) => sum + m.interviewsThisWeek, 0);
        expect(slots.length).toBeLessThanOrEqual(input.limit);
        slots.forEach((slot, i) => {
          const start = slot.start.getTime();
          expect(slot.end.getTime() - start).toBe(input.durationMinutes * 60_000);
          expect(start % (input.stepMinutes * 60_000)).toBe(0);
          expect(start).toBeGreaterThanOrEqual(input.from.getTime());
          expect(slot.end.getTime()).toBeLessThanOrEqual(input.to.getTime());
          if (input.now) expect(start).toBeGreaterThanOrEqual(input.now.getTime());
          if (i > 0) expect(start).toBeGreaterThan(slots[i - 1]!.start.getTime());
          expect(slot.load).toBe(load);
          for (const m of input.panel) {
            for (const busy of m.busy) expect(rangesOverlap(slot, busy)).toBe(false);
            const { startHour, endHour } = m.workingHours ?? { startHour: 9, endHour: 17 };
            const first = localReading(slot.start, m.timezone);
            expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(first.weekday);
            // Every 5 minutes of the slot, and its last minute, is on the same local day within hours.
            const instants: number[] = [];
            for (let t = start; t < slot.end.getTime(); t += 5 * 60_000) instants.push(t);
            instants.push(slot.end.getTime() - 60_000);
            for (const t of instants) {
              const reading = localReading(new Date(t), m.timezone);
              expect(reading.date).toBe(first.date);
              expect(reading.minutes).toBeGreaterThanOrEqual(startHour * 60);
              expect(reading.minutes + 1).toBeLessThanOrEqual(endHour * 60);
            }
          }
        });
      }),
    );
  });

  it('weekBounds contains the date and starts on a local Monday at midnight', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...timezones),
        (date, timezone) => {
          const week = weekBounds(date, timezone);
          expect(week.start.getTime()).toBeLessThanOrEqual(date.getTime());
          expect(week.end.getTime()).toBeGreaterThan(date.getTime());
          expect(localReading(week.start, timezone)).toMatchObject({ weekday: 'Mon', minutes: 0 });
          expect(localReading(week.end, timezone)).toMatchObject({ weekday: 'Mon', minutes: 0 });
          expect(Math.abs(week.end.getTime() - week.start.getTime() - 7 * 24 * HOUR)).toBeLessThanOrEqual(HOUR);
          // The instant before the week is still Sunday.
          expect(localReading(new Date(week.start.getTime() - 60_000), timezone).weekday).toBe('Sun');
        },
      ),
    );
  });
});
