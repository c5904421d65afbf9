import { describe, expect, it } from 'vitest';
import { runSim } from '../src/sim.ts';

// Needs PostgreSQL on 127.0.0.1:5432 (or DATABASE_URL): the simulator makes and drops its own database.
describe('the simulator is deterministic', () => {
  it('one small seed run twice gives the same final state (digest), events and operations', async () => {
    // Late events, NUL bytes and the legacy (2022) tenant are left out: they meet known bugs being fixed
    // elsewhere (decision 0011); the other operations, crashes and races are all in.
    const o = {
      seed: 'determinism-7',
      events: 800,
      tenants: 3,
      skip: new Set(['late', 'poison', 'legacy']),
      log: () => {},
    };
    const a = await runSim(o);
    const b = await runSim(o);
    expect(a.violations).toEqual([]);
    expect(b.digest).toBe(a.digest);
    expect(b.events).toBe(a.events);
    expect(b.operations).toBe(a.operations);
    expect(a.events).toBeGreaterThanOrEqual(800);
  }, 600_000);
});
