import { sleep } from 'n8n-workflow';

/** Time as the pacer sees it: injected by the unit tests, n8n's `sleep` otherwise. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

// Monotonic: a wall clock that jumps (NTP, a test's fake Date) must not stall or burst the pace.
export const systemClock: Clock = { now: () => performance.now(), sleep: async (ms) => await sleep(ms) };

/** Boomi's Platform API limit: about 10 calls per second per account. */
export const BOOMI_CALLS_PER_SECOND = 10;

/** Pace kept after a congestion episode (multiplicative decrease). */
const DECREASE = 0.5;

/** While below the pace of the last episode, half of the gap is regained every this many ms. */
const REGAIN_HALF_GAP_MS = 500;

/** Above it, probing adds ceiling / 40 per second, doubling every 2 s without a 503. */
const PROBE_SHARE = 1 / 40;

/** A slot is released at a random point of its first half (see `pump`). */
const SLOT_JITTER = 0.5;

/** How late a release may be and still keep the schedule (see `pump`). */
const CATCH_UP_MS = 25;

/** Largest automatic number of requests in flight. */
export const MAX_AUTO_IN_FLIGHT = 32;

interface Waiter {
	cost: number;
	resolve: (releasedAt: number) => void;
}

/**
 * One execution's share of an account's pace (see `Pacer`): its own ceiling
 * (the node's Requests Per Second), its queue of requests waiting for a slot,
 * and its round trip, which sets how many requests it keeps in flight.
 */
export class PaceMember {
	/** @internal */ readonly waiters: Waiter[] = [];

	/** @internal */ ownNext = -Infinity;

	/** @internal */ leaving = false;

	private roundTripMs: number | undefined;

	constructor(
		private readonly pacer: Pacer,
		/** @internal */ readonly ceiling: number,
	) {}

	now(): number {
		return this.pacer.clock.now();
	}

	/** Waits for the slot(s) of a request costing `cost` platform calls; resolves with the time it may go. */
	async acquire(cost: number): Promise<number> {
		return await this.pacer.enqueue(this, Math.max(1, cost));
	}

	/** Boomi refused calls of a request released at `sentAt` for being too fast. */
	throttled(sentAt: number, retryAfterMs: number | undefined): void {
		this.pacer.throttled(sentAt, retryAfterMs);
	}

	/** Boomi accepted `cost` calls of a request released at `sentAt`. */
	accepted(sentAt: number, cost: number): void {
		this.pacer.accepted(sentAt, cost);
	}

	/** A request's time from release to answer (smoothed). */
	roundTrip(ms: number): void {
		if (!(ms >= 0)) return;
		this.roundTripMs = this.roundTripMs === undefined ? ms : 0.8 * this.roundTripMs + 0.2 * ms;
	}

	/**
	 * How many requests to keep in flight: an explicit Concurrency as is;
	 * automatic (0) enough to cover the current pace over the observed round
	 * trip, plus one waiting for its slot, capped.
	 */
	window(concurrency: number): number {
		if (concurrency > 0) return concurrency;
		const perSecond = Math.min(this.ceiling, this.pacer.rate);
		const covering = Math.ceil((perSecond * 1.1 * (this.roundTripMs ?? 0)) / 1000);
		return Math.min(MAX_AUTO_IN_FLIGHT, Math.max(1, covering) + 1);
	}

	/** The execution is done with the account. */
	leave(): void {
		this.pacer.leave(this);
	}
}

/**
 * The pace of one Boomi account, shared by every execution that uses it in
 * this n8n process (see `flow.ts` for the registry). Each aliased field is one
 * platform call, so a request costs as many slots as it carries fields.
 *
 * - Slots are evenly spaced (no burst) at the account's current pace, handed
 *   out round-robin between the executions waiting, each also kept under its
 *   own ceiling. The account's ceiling is the larger of Boomi's 10 calls/s and
 *   the highest Requests Per Second among them.
 * - Throttled (HTTP 429/503): one decrease per congestion episode. The first
 *   503 for a request released after the last decrease halves the pace and
 *   pauses everyone for Retry-After (else a short bounded pause); 503s for
 *   requests released before that decrease were sent at the old pace and say
 *   nothing new. Retry-After is always honoured, never exceeded.
 * - Recovery: the pace regains half of the gap to where the episode struck
 *   every 0.5 s, then probes above it, twice as fast every 2 s (only
 *   executions in other workers make it strike lower).
 */
export class Pacer {
	rate: number;

	private ceilingOf = BOOMI_CALLS_PER_SECOND;

	private readonly members: PaceMember[] = [];

	private turn = 0;

	private next = -Infinity;

	private jitter = 0;

	private pausedUntil = -Infinity;

	/** When the last decrease took effect; answers to earlier releases belong to that episode. */
	private episodeAt = -Infinity;

	/** The pace when the last episode struck (0: none yet). */
	private episodeRate = 0;

	private growthAt: number | undefined;

	private probeSince = -Infinity;

	private pumping = false;

	private wakeAt = Infinity;

	private generation = 0;

	constructor(
		readonly clock: Clock = systemClock,
		private readonly random: () => number = Math.random,
		private readonly onEmpty?: () => void,
	) {
		this.rate = this.ceilingOf;
	}

	get ceiling(): number {
		return this.ceilingOf;
	}

	get memberCount(): number {
		return this.members.length;
	}

	join(ceiling: number): PaceMember {
		const member = new PaceMember(this, ceiling);
		this.members.push(member);
		this.updateCeiling();
		return member;
	}

	/** @internal */
	leave(member: PaceMember): void {
		member.leaving = true;
		if (member.waiters.length === 0) this.remove(member);
	}

	private remove(member: PaceMember): void {
		const index = this.members.indexOf(member);
		if (index < 0) return;
		this.members.splice(index, 1);
		if (this.turn > index) this.turn--;
		if (this.members.length === 0) {
			this.onEmpty?.();
			return;
		}
		this.updateCeiling();
	}

	private updateCeiling(): void {
		const highest = Math.max(BOOMI_CALLS_PER_SECOND, ...this.members.filter((m) => !m.leaving).map((m) => m.ceiling));
		if (highest > this.ceilingOf && this.rate >= this.ceilingOf) this.rate = highest;
		this.ceilingOf = highest;
		this.rate = Math.min(this.rate, highest);
	}

	private get floor(): number {
		return this.ceilingOf / 16;
	}

	/** @internal */
	async enqueue(member: PaceMember, cost: number): Promise<number> {
		const released = new Promise<number>((resolve) => member.waiters.push({ cost, resolve }));
		const due = Math.max(this.next + this.jitter, this.pausedUntil, member.ownNext);
		if (!this.pumping || due + 1 < this.wakeAt) void this.pump();
		return await released;
	}

	/** Releases waiters one slot at a time until none is left; a newer pump replaces a sleeping one. */
	private async pump(): Promise<void> {
		const generation = ++this.generation;
		this.pumping = true;
		try {
			for (;;) {
				const now = this.clock.now();
				const count = this.members.length;
				let chosen = -1;
				let earliestOwn = Infinity;
				for (let k = 0; k < count; k++) {
					const index = (this.turn + k) % count;
					const member = this.members[index];
					if (member.waiters.length === 0) continue;
					if (member.ownNext <= now) {
						chosen = index;
						break;
					}
					earliestOwn = Math.min(earliestOwn, member.ownNext);
				}
				if (chosen < 0 && earliestOwn === Infinity) return;
				const due = Math.max(this.next + this.jitter, this.pausedUntil, chosen < 0 ? earliestOwn : now);
				if (due > now) {
					this.wakeAt = due;
					await this.clock.sleep(due - now);
					if (generation !== this.generation) return;
					continue;
				}
				const member = this.members[chosen];
				const waiter = member.waiters.shift() as Waiter;
				this.turn = (chosen + 1) % count;
				const interval = (waiter.cost * 1000) / this.rate;
				// On time, or a timer up to 25 ms late: keep the schedule, so lateness
				// does not add up (at high paces a late timer is caught up at once).
				// After an idle spell or a pause: restart it now (no burst).
				const nominal = now - (this.next + this.jitter) <= CATCH_UP_MS ? this.next : now;
				this.next = nominal + interval;
				// Each slot goes out at a random point of its first half: the average
				// pace is exact, and workers pacing the same account do not lock into
				// a phase where one always finds Boomi's tokens and the others never.
				this.jitter = this.random() * interval * SLOT_JITTER;
				member.ownNext = Math.max(member.ownNext, nominal) + (waiter.cost * 1000) / member.ceiling;
				if (member.leaving && member.waiters.length === 0) this.remove(member);
				waiter.resolve(now);
			}
		} finally {
			if (generation === this.generation) {
				this.pumping = false;
				this.wakeAt = Infinity;
			}
		}
	}

	/** @internal */
	throttled(sentAt: number, retryAfterMs: number | undefined): void {
		const now = this.clock.now();
		if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
		// Sent before the last decrease: part of that episode.
		if (sentAt <= this.episodeAt) return;
		this.episodeAt = now;
		// Struck below the previous episode's pace: others took a share, aim lower.
		this.episodeRate = this.rate < this.episodeRate ? (this.rate * (1 + DECREASE)) / 2 : this.rate;
		this.rate = Math.max(this.floor, this.rate * DECREASE);
		this.growthAt = undefined;
		if (retryAfterMs === undefined) {
			// A bounded pause of one to two slots at the new pace, jittered so workers do not resume together.
			const slot = Math.min(1000, 1000 / this.rate);
			this.pausedUntil = Math.max(this.pausedUntil, now + slot * (1 + this.random()));
		}
	}

	/** @internal */
	accepted(sentAt: number, cost: number): void {
		if (cost <= 0 || sentAt <= this.episodeAt || this.rate >= this.ceilingOf) return;
		const now = this.clock.now();
		const since = this.growthAt;
		this.growthAt = now;
		if (since === undefined) {
			this.probeSince = now;
			return;
		}
		const dt = Math.min(1000, now - since);
		if (dt <= 0) return;
		const target = Math.min(this.episodeRate, this.ceilingOf);
		if (this.rate < target * 0.97) {
			this.rate = target - (target - this.rate) * 2 ** (-dt / REGAIN_HALF_GAP_MS);
			this.probeSince = now;
		} else {
			const probing = (now - this.probeSince) / 2000;
			this.rate += ((this.ceilingOf * PROBE_SHARE * 2 ** probing) * dt) / 1000;
		}
		this.rate = Math.min(this.ceilingOf, this.rate);
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
