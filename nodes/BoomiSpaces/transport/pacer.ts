import { sleep } from 'n8n-workflow';

/**
 * Paces Boomi platform calls under a ceiling (calls per second). Each aliased
 * field is one Platform API call on Boomi's side, so a request costs as many
 * slots as it carries fields. Slots are handed out evenly spaced (no burst),
 * shared by every request in flight. When Boomi throttles, everybody waits
 * (Retry-After, or the backoff) and the pace halves; it recovers step by step
 * with each accepted call, never above the ceiling.
 */
export class Pacer {
	private rate: number;

	private nextSlot = 0;

	constructor(
		private readonly ceiling: number,
		private readonly now: () => number = () => Date.now(),
	) {
		this.rate = ceiling;
	}

	get currentRate(): number {
		return this.rate;
	}

	/** Waits for the slot(s) of a request costing `cost` calls. */
	async acquire(cost: number): Promise<void> {
		const now = this.now();
		const start = Math.max(now, this.nextSlot);
		this.nextSlot = start + (cost * 1000) / this.rate;
		if (start > now) await sleep(start - now);
	}

	/** Boomi refused calls for being too fast: pause everyone, then go slower. */
	throttled(pauseMs: number): void {
		this.rate = Math.max(this.ceiling / 16, this.rate / 2);
		this.nextSlot = Math.max(this.nextSlot, this.now() + pauseMs);
	}

	/** Accepted calls: regain pace gradually (additive increase). */
	accepted(cost: number): void {
		if (this.rate < this.ceiling) this.rate = Math.min(this.ceiling, this.rate + cost * 0.25);
	}
}

/** Exponential backoff with full jitter (bounded), unless Boomi said how long to wait. */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, random = Math.random): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const ceiling = Math.min(30000, 500 * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: () => number = () => Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(120000, Math.round(Number(trimmed) * 1000));
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.min(120000, Math.max(0, date - now()));
}
