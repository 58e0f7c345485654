import { backoffMs, Pacer, parseRetryAfter } from '../../nodes/BoomiSpaces/transport/pacer';

describe('Pacer', () => {
	it('hands out evenly spaced slots under the ceiling, a batch costing one slot per item', async () => {
		let clock = 1000;
		const pacer = new Pacer(10, () => clock);
		await pacer.acquire(1); // slot at 1000, next at 1100
		const started = Date.now();
		clock = 1000; // still "now": the next slot is 100 ms away
		const waiting = pacer.acquire(3); // waits 100 ms, then reserves 300 ms
		await waiting;
		expect(Date.now() - started).toBeGreaterThanOrEqual(90);
		expect((pacer as unknown as { nextSlot: number }).nextSlot).toBe(1400);
	});

	it('halves the pace when throttled and recovers gradually, never above the ceiling', () => {
		const pacer = new Pacer(10, () => 0);
		pacer.throttled(0);
		expect(pacer.currentRate).toBe(5);
		pacer.throttled(0);
		expect(pacer.currentRate).toBe(2.5);
		pacer.accepted(4);
		expect(pacer.currentRate).toBe(3.5);
		pacer.accepted(1000);
		expect(pacer.currentRate).toBe(10);
		for (let i = 0; i < 20; i++) pacer.throttled(0);
		expect(pacer.currentRate).toBe(10 / 16);
	});

	it('makes everybody wait out a pause', () => {
		const pacer = new Pacer(10, () => 5000);
		pacer.throttled(2000);
		expect((pacer as unknown as { nextSlot: number }).nextSlot).toBe(7000);
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
