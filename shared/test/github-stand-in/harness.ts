/** Test wiring: a stand-in, a fake clock both share, and a real Octokit pointed at the stand-in. */
import { Octokit } from 'octokit';
import { withBackoff, type Clock, type CountingClient, type Logger } from '../../src/github/index.js';
import { GitHubStandIn, type StandInOptions } from './server.js';

export interface FakeClock extends Clock {
  readonly slept: number[];
}

export function fakeClock(start = Date.parse('2026-03-01T12:00:00Z')): FakeClock {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: (ms) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

/** Octokit as the CLI makes it, minus its own throttling/retry (withBackoff does that, on the injected clock). */
export function octokitFor(baseUrl: string, token: string | undefined): Octokit {
  return new Octokit({
    ...(token ? { auth: token } : {}),
    baseUrl,
    throttle: { enabled: false },
    retry: { enabled: false },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

export interface Harness {
  standIn: GitHubStandIn;
  clock: FakeClock;
  logger: Logger & { lines: string[] };
  client(token?: string, options?: { maxWaitMs?: number }): CountingClient;
}

export async function startHarness(options: StandInOptions = {}): Promise<Harness> {
  const clock = fakeClock();
  const standIn = new GitHubStandIn({ now: () => clock.now(), ...options });
  await standIn.start();
  standIn.addUser('good-token', 'contributor', ['public_repo']);
  const logger = memoryLogger();
  return {
    standIn,
    clock,
    logger,
    client: (token = 'good-token', o = {}) => withBackoff(octokitFor(standIn.url, token), { clock, logger, ...o }),
  };
}
