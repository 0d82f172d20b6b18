import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/parse/days.js';
import { defaultSettings } from '../../../src/core/settings/schema.js';
import { dueJobs, nextRun, type ScheduleRecord } from '../../../src/app/server/schedule.js';

const record = (change: Partial<ScheduleRecord> = {}): ScheduleRecord => ({
  owner: 'manager@example.com', triggerId: '7000001', spreadsheetId: 'book-1', installedAt: '2024-04-01T00:00:00.000Z',
  lastDaily: null, lastMonthly: '2024-04', lastRun: null, lastOutcome: null, lastError: null, notice: null, ...change,
});
const settings = { ...defaultSettings, schedule: { hour: 9 } };
const april = (day: number) => dayNumber(2024, 4, day);

describe('what the hourly tick finds due', () => {
  it('runs the daily jobs once a day, from the manager’s hour on', () => {
    expect(dueJobs(record(), april(2), 8, settings)).toEqual([]);
    expect(dueJobs(record(), april(2), 9, settings)).toEqual(['daily']);
    expect(dueJobs(record({ lastDaily: april(2) }), april(2), 15, settings)).toEqual([]);
    expect(dueJobs(record({ lastDaily: april(2) }), april(3), 23, settings)).toEqual(['daily']);
  });

  it('rescores on the first run of a month, whatever the hour', () => {
    expect(dueJobs(record({ lastDaily: april(30) }), dayNumber(2024, 5, 1), 0, settings)).toEqual(['rescore']);
    expect(dueJobs(record({ lastMonthly: '2024-05', lastDaily: dayNumber(2024, 5, 1) }), dayNumber(2024, 5, 2), 3, settings)).toEqual([]);
  });

  it('says when the next run is due', () => {
    expect(nextRun(record({ lastDaily: april(2) }), april(2), 10, settings)).toBe('2024-04-03 09:00');
    expect(nextRun(record({ lastDaily: april(30) }), april(30), 10, settings)).toBe('2024-05-01 00:00');
  });
});
