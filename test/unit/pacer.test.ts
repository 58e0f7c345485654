import { accountKey, accountsInUse, joinAccountPace } from '../../nodes/BoomiSpaces/transport/flow';
import type { Clock, PaceMember } from '../../nodes/BoomiSpaces/transport/pacer';
import { backoffMs, Pacer, parseRetryAfter } from '../../nodes/BoomiSpaces/transport/pacer';

/** A clock the test moves: `sleep` resolves when `advance` passes its time. No real time is asserted. */
class FakeClock implements Clock {
	time = 0;

	private timers: Array<{ at: number; resolve: () => void }> = [];

	now = () => this.time;

	sleep = async (ms: number) => await new Promise<void>((resolve) => this.timers.push({ at: this.time + ms, resolve }));

	/** Runs the timers due within `ms` (and whatever they wake), in time order. */
	async advance(ms: number): Promise<void> {
		const until = this.time + ms;
		for (;;) {
			await flush();
			this.timers.sort((a, b) => a.at - b.at);
			const timer = this.timers[0];
			if (!timer || timer.at > until) break;
			this.timers.shift();
			this.time = Math.max(this.time, timer.at);
			timer.resolve();
		}
		this.time = until;
		await flush();
	}
}

const flush = async () => await new Promise((resolve) => setImmediate(resolve));

/** Queues `count` requests of `cost` on a member, recording when each is released (and by whom). */
function queue(member: PaceMember, count: number, log: Array<[string, number]>, name = 'a', cost = 1): void {
	for (let i = 0; i < count; i++) void member.acquire(cost).then((at) => log.push([name, at]));
}
const times = (log: Array<[string, number]>) => log.map(([, at]) => at);
const gaps = (log: Array<[string, number]>) => times(log).slice(1).map((at, i) => at - times(log)[i]);

function setup(random = () => 0) {
	const clock = new FakeClock();
	const pacer = new Pacer(clock, random);
	return { clock, pacer };
}

describe('Pacer: slots', () => {
	it('hands out evenly spaced slots under the ceiling, a batch costing one slot per item', async () => {
		const { clock, pacer } = setup();
		const member = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(member, 1, log, 'a', 3);
		queue(member, 3, log);
		await clock.advance(2000);
		expect(times(log)).toEqual([0, 300, 400, 500]);
	});

	it('releases each slot at a random point of its first half, keeping the average pace exact', async () => {
		const { clock, pacer } = setup(() => 1);
		const member = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(member, 5, log);
		await clock.advance(2000);
		expect(times(log)).toEqual([0, 150, 250, 350, 450]);
	});

	it('does not burst after an idle spell', async () => {
		const { clock, pacer } = setup();
		const member = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(member, 1, log);
		await clock.advance(5000);
		queue(member, 3, log);
		await clock.advance(1000);
		expect(times(log)).toEqual([0, 5000, 5100, 5200]);
	});

	it('shares the account pace round-robin between executions', async () => {
		const { clock, pacer } = setup();
		const a = pacer.join(10);
		const b = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(a, 4, log, 'a');
		queue(b, 4, log, 'b');
		await clock.advance(2000);
		expect(log.map(([name]) => name).join('')).toBe('abababab');
		expect(gaps(log).every((gap) => gap === 100)).toBe(true);
	});

	it('keeps each execution under its own ceiling while the others use the rest', async () => {
		const { clock, pacer } = setup();
		const slow = pacer.join(2);
		const fast = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(slow, 20, log, 'slow');
		queue(fast, 40, log, 'fast');
		await clock.advance(2950);
		const count = (name: string) => log.filter(([who]) => who === name).length;
		expect(count('slow')).toBe(6); // 0, 500, …, 2500 ms
		expect(count('slow') + count('fast')).toBe(30); // the account's 10/s over 3 s
	});

	it('takes the highest Requests Per Second of the executions as the account ceiling (at least 10)', async () => {
		const { clock, pacer } = setup();
		const member = pacer.join(20);
		const log: Array<[string, number]> = [];
		queue(member, 3, log);
		await clock.advance(1000);
		expect(gaps(log)).toEqual([50, 50]);
		expect(pacer.ceiling).toBe(20);
		const slower = pacer.join(5);
		expect(pacer.ceiling).toBe(20);
		member.leave();
		expect(pacer.ceiling).toBe(10);
		queue(slower, 3, log);
		await clock.advance(1000);
		expect(gaps(log).slice(-2)).toEqual([200, 200]); // its own 5/s
	});
});

describe('Pacer: throttling', () => {
	it('backs off once per congestion episode, not once per throttled answer in flight', async () => {
		const { clock, pacer } = setup();
		const member = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(member, 5, log);
		await clock.advance(450);
		// Five requests released at 0…400 ms all come back throttled.
		for (const [, sentAt] of log) member.throttled(sentAt, undefined);
		queue(member, 4, log);
		await clock.advance(3000);
		// The pace halved once (200 ms slots), after a pause of one to two slots.
		const after = times(log).slice(5);
		expect(after[0] - 450).toBeGreaterThanOrEqual(200);
		expect(after[0] - 450).toBeLessThanOrEqual(400);
		expect(gaps(log).slice(5)).toEqual([200, 200, 200]);
	});

	it('backs off again when a request sent after the backoff is throttled', async () => {
		const { clock, pacer } = setup();
		const member = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(member, 1, log);
		await clock.advance(50);
		member.throttled(0, 0);
		queue(member, 2, log);
		await clock.advance(1000);
		member.throttled(times(log)[1], 0); // released after the first decrease
		queue(member, 2, log);
		await clock.advance(2000);
		expect(gaps(log).slice(-1)).toEqual([400]); // 10 → 5 → 2.5 calls/s
	});

	it('pauses everyone for Retry-After exactly, and never below it', async () => {
		const { clock, pacer } = setup();
		const a = pacer.join(10);
		const b = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(a, 1, log, 'a');
		await clock.advance(100);
		a.throttled(0, 2000);
		queue(a, 1, log, 'a');
		queue(b, 1, log, 'b');
		await clock.advance(3000);
		expect(times(log)).toEqual([0, 2100, 2300]);
	});

	it('recovers promptly once throttling stops: most of the pace within a second, all of it within three', async () => {
		const { clock, pacer } = setup();
		const member = pacer.join(10);
		const log: Array<[string, number]> = [];
		queue(member, 1, log);
		await clock.advance(10);
		member.throttled(0, 0);
		// Keep requests coming, each accepted 100 ms after release.
		for (let t = 0; t < 3000; t += 50) {
			queue(member, 1, log);
			await clock.advance(50);
			for (const [, sentAt] of log) if (sentAt > 10 && sentAt + 100 <= clock.time && sentAt + 150 > clock.time) member.accepted(sentAt, 1);
		}
		const rateAround = (at: number) => {
			const window = times(log).filter((t) => t >= at - 500 && t < at + 500);
			return window.length;
		};
		expect(rateAround(1500)).toBeGreaterThanOrEqual(8);
		expect(rateAround(2500)).toBeGreaterThanOrEqual(10);
	});

	it('never goes below a sixteenth of the ceiling', async () => {
		const { clock, pacer } = setup();
		const member = pacer.join(10);
		const log: Array<[string, number]> = [];
		for (let i = 0; i < 10; i++) {
			queue(member, 1, log);
			await clock.advance(5000);
			member.throttled(times(log)[i], 0);
		}
		queue(member, 2, log);
		await clock.advance(5000);
		expect(gaps(log).slice(-1)).toEqual([1600]);
	});
});

describe('Pacer: requests in flight', () => {
	it('follows pace × round trip with an automatic Concurrency, capped at 32; a fixed one stays fixed', () => {
		const { pacer } = setup();
		const member = pacer.join(10);
		member.roundTrip(50);
		expect(member.window(0)).toBe(2);
		for (let i = 0; i < 40; i++) member.roundTrip(1200);
		expect(member.window(0)).toBe(15);
		expect(member.window(4)).toBe(4);
		const fast = pacer.join(1000);
		for (let i = 0; i < 40; i++) fast.roundTrip(1200);
		expect(fast.window(0)).toBe(32);
	});
});

describe('the account registry', () => {
	const graphqlUrl = 'https://platform.boomi.com/graphql';
	const payload = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');

	it('keys by account from non-secret fields only', () => {
		const apiToken = accountKey(graphqlUrl, { authentication: 'apiToken', accountId: 'acme-A1', apiToken: 'secret-token', spaceGuid: 's1' });
		expect(apiToken).toBe(`${graphqlUrl}|account:acme-A1`);
		expect(apiToken).not.toContain('secret-token');
		const jwt = `e30.${payload({ accountId: 'acme-A1', sub: 'x' })}.signature-secret`;
		expect(accountKey(graphqlUrl, { authentication: 'jwt', jwt, spaceGuid: 's1' })).toBe(apiToken);
		const opaque = 'not-a-jwt-secret';
		const bySpace = accountKey(graphqlUrl, { authentication: 'jwt', jwt: opaque, spaceGuid: 's1' });
		expect(bySpace).toBe(`${graphqlUrl}|space:s1`);
		expect(bySpace).not.toContain(opaque);
		expect(accountKey('https://api.platform.gb.boomi.com/graphql', { accountId: 'acme-A1' })).not.toBe(apiToken);
	});

	it('shares one pace per account while executions use it, and forgets it after the last one', async () => {
		const clock = new FakeClock();
		const before = accountsInUse();
		const a = joinAccountPace('key-1', 10, clock, () => 0);
		const b = joinAccountPace('key-1', 10, clock, () => 0);
		const other = joinAccountPace('key-2', 10, clock, () => 0);
		expect(accountsInUse()).toBe(before + 2);
		const log: Array<[string, number]> = [];
		queue(a, 2, log, 'a');
		queue(b, 2, log, 'b');
		queue(other, 2, log, 'other');
		await clock.advance(1000);
		expect(log.filter(([who]) => who !== 'other').map(([, at]) => at)).toEqual([0, 100, 200, 300]);
		expect(log.filter(([who]) => who === 'other').map(([, at]) => at)).toEqual([0, 100]);
		a.leave();
		b.leave();
		other.leave();
		expect(accountsInUse()).toBe(before);
	});
});

describe('backoffMs', () => {
	it('honours Retry-After', () => {
		expect(backoffMs(3, 1500)).toBe(1500);
	});

	it('grows exponentially with jitter, bounded at 30 s', () => {
		expect(backoffMs(1, undefined, () => 0)).toBe(250);
		expect(backoffMs(1, undefined, () => 1)).toBe(500);
		expect(backoffMs(3, undefined, () => 1)).toBe(2000);
		expect(backoffMs(20, undefined, () => 1)).toBe(30000);
	});
});

describe('parseRetryAfter', () => {
	it.each([
		['2', 2000],
		['0.5', 500],
		[['3'], 3000],
		[7, 7000],
		['9999', 120000],
	])('reads %p seconds', (value, expected) => {
		expect(parseRetryAfter(value)).toBe(expected);
	});

	it('reads an HTTP date', () => {
		const now = Date.parse('Sat, 28 Nov 2026 10:00:00 GMT');
		expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:03 GMT', () => now)).toBe(3000);
	});

	it.each([[undefined], [''], ['soon'], [{}]])('ignores %p', (value) => {
		expect(parseRetryAfter(value)).toBeUndefined();
	});
});
