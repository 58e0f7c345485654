import type { IDataObject } from 'n8n-workflow';

/** What one item sends (variables) and what only its output reads (settings). */
export interface ItemRequest {
	variables: IDataObject;
	settings: IDataObject;
}

/** Items sent together in one request. */
export interface Unit {
	indexes: number[];
	requests: ItemRequest[];
}

/**
 * Which items of a run go next, and when: resends first (in input order, each
 * once its own backoff ran out, with the request it was first sent with, since
 * recomputing could differ), then fresh items in input order, `size` per unit.
 * It knows nothing of answers: the router decides what goes back in.
 */
export class ItemQueue {
	/** How often each item was resent. */
	private readonly attempts: Uint8Array;

	/** Before when a queued resend may not go (its own backoff). */
	private readonly readyAt: Float64Array;

	private readonly resendRequests = new Map<number, ItemRequest>();

	private resends: number[] = [];

	private nextFresh = 0;

	constructor(private readonly itemCount: number) {
		this.attempts = new Uint8Array(itemCount);
		this.readyAt = new Float64Array(itemCount);
	}

	hasWork(): boolean {
		return this.resends.length > 0 || this.nextFresh < this.itemCount;
	}

	/** Whether resends are waiting (for their backoff, or for a slot). */
	hasResends(): boolean {
		return this.resends.length > 0;
	}

	/** When the earliest queued resend may go. */
	soonestResend(): number {
		return this.resends.reduce((soonest, index) => Math.min(soonest, this.readyAt[index]), Infinity);
	}

	/** Resends the item has had so far. */
	attemptsOf(index: number): number {
		return this.attempts[index];
	}

	/**
	 * Up to `size` items ready at `now`: due resends first, then fresh items,
	 * each fresh one turned into its request by `prepare` (undefined when its
	 * input was refused; the item is then settled by the caller). `stop()` ends
	 * the unit early (a fatal error, a credential that cannot sign in).
	 */
	take(
		size: number,
		now: number,
		prepare: (index: number) => ItemRequest | undefined,
		stop: () => boolean,
	): Unit | undefined {
		const unit: Unit = { indexes: [], requests: [] };
		this.resends.sort((a, b) => a - b);
		const due = this.resends.filter((index) => this.readyAt[index] <= now);
		while (unit.indexes.length < size && !stop()) {
			const resend = due.shift();
			if (resend !== undefined) {
				this.resends.splice(this.resends.indexOf(resend), 1);
				unit.indexes.push(resend);
				unit.requests.push(this.resendRequests.get(resend) as ItemRequest);
				this.resendRequests.delete(resend);
				continue;
			}
			if (this.nextFresh >= this.itemCount) break;
			const index = this.nextFresh++;
			const request = prepare(index);
			if (!request) continue;
			unit.indexes.push(index);
			unit.requests.push(request);
		}
		return unit.indexes.length > 0 ? unit : undefined;
	}

	/**
	 * Counts a resend for each item and queues those still under `maxRetries`
	 * until `readyAt`; returns the ones that used them up (and the highest
	 * attempt, for the backoff).
	 */
	requeue(
		indexes: number[],
		requests: ItemRequest[],
		maxRetries: number,
		readyAt: (attempt: number) => number,
	): { exhausted: number[]; attempt: number } {
		const exhausted: number[] = [];
		let attempt = 0;
		indexes.forEach((index) => (attempt = Math.max(attempt, ++this.attempts[index])));
		const at = readyAt(attempt);
		indexes.forEach((index, position) => {
			if (this.attempts[index] > maxRetries) {
				exhausted.push(index);
				return;
			}
			this.readyAt[index] = at;
			this.resends.push(index);
			this.resendRequests.set(index, requests[position]);
		});
		return { exhausted, attempt };
	}

	/** Every item not sent yet (queued resends and fresh items), in input order; the queue is empty after. */
	drain(): number[] {
		const pending = [...this.resends];
		this.resends = [];
		this.resendRequests.clear();
		while (this.nextFresh < this.itemCount) pending.push(this.nextFresh++);
		return pending.sort((a, b) => a - b);
	}
}
