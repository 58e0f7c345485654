import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { aliasOf, batchDocument, batchVariableName, isMutation } from '../transport/batch';
import type { BoomiEndpoints } from '../transport/endpoints';
import type { GraphQLError, Outcome, RequestLabel } from '../transport';
import { fieldOutcome, forItem, getEndpoints, outcomeError, sendGraphQL } from '../transport';
import { backoffMs, Pacer } from '../transport/pacer';
import type { SafeRunOptions } from './evidence';
import { Evidence, JUDGES, readSafeRunOptions } from './evidence';
import { findOperation, operationName } from './registry';
import type { RunOptions } from './runOptions';
import { readRunOptions } from './runOptions';
import type { OperationDefinition } from './types';

type NodeError = NodeApiError | NodeOperationError;

/** What one item sends (variables) and what only its output reads (settings). */
interface ItemRequest {
	variables: IDataObject;
	settings: IDataObject;
}

/** Items sent together in one request. */
interface Unit {
	indexes: number[];
	requests: ItemRequest[];
}

/** Dry Run / Succeed If Already Done for an operation that has a judge (actions/evidence.ts). */
interface SafeRun extends SafeRunOptions {
	evidence: Evidence;
}

/** An item Boomi rejected, held for Succeed If Already Done; `error(note)` is its failure otherwise. */
interface Rejected {
	index: number;
	request: ItemRequest;
	errors: GraphQLError[];
	error: (note: string) => NodeError;
}

/**
 * One execution of the node over its input items: the only place that loops
 * over items, for every operation.
 *
 * - Items are sent in input order, `batchSize` per request, at most
 *   `concurrency` requests in flight, paced under `requestsPerSecond` platform
 *   calls. The first request goes alone, so the JWT is minted once per run.
 * - Each item gets exactly one outcome: its output items or one error, each
 *   with `pairedItem`; output order is input order.
 * - Only what Boomi provably did not apply is resent (HTTP 429/503, a
 *   throttled field, a refused connection, a throttled sign-in), at most
 *   `maxRetries` times; a read is also resent after an unknown outcome. A
 *   mutation's unknown outcome (timeout, dropped connection, HTTP 5xx, an
 *   unreadable answer) is an error for its items that says so, never a resend.
 *   What an answer means is decided in one place: transport/classify.ts.
 */
class ItemRun {
	private readonly results: Array<INodeExecutionData[] | undefined>;

	private readonly attempts: Uint8Array;

	/** Requests of items waiting to be resent (recomputing could differ). */
	private readonly retryRequests = new Map<number, ItemRequest>();

	private retryQueue: number[] = [];

	private nextFresh = 0;

	private fatal: { index: number; error: NodeError } | undefined;

	/** A request got past sign-in (any answer but "nothing sent"). */
	private signedIn = false;

	/**
	 * Set when the credential cannot authenticate (no JWT could be minted, or
	 * Boomi refused the JWT after n8n re-minted it): the remaining items fail
	 * with that error without a request each, so a wrong API token does not
	 * become one rejected sign-in per item.
	 */
	private authFailure: Outcome | undefined;

	private readonly pacer: Pacer;

	private readonly label: RequestLabel;

	private readonly continueOnFail: boolean;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly definition: OperationDefinition,
		name: string,
		private readonly endpoints: BoomiEndpoints,
		private readonly options: RunOptions,
		private readonly itemCount: number,
		private readonly safe?: SafeRun,
	) {
		this.results = new Array(itemCount);
		this.attempts = new Uint8Array(itemCount);
		this.pacer = new Pacer(options.requestsPerSecond);
		if (safe) safe.evidence.pace = () => this.pacer.acquire(1);
		this.label = { name, mutation: isMutation(definition.document) };
		this.continueOnFail = context.continueOnFail();
	}

	async execute(): Promise<INodeExecutionData[]> {
		// One request at a time until one got past sign-in: the JWT it minted
		// serves the others (n8n mints for every request that finds none).
		while (!this.signedIn && !this.fatal && this.hasWork()) await this.worker(1);
		while (!this.fatal && this.hasWork()) {
			const workers = [];
			for (let i = 0; i < this.options.concurrency; i++) workers.push(this.worker());
			await Promise.all(workers);
		}
		if (this.fatal) throw this.fatal.error;
		const output: INodeExecutionData[] = [];
		for (const items of this.results) if (items) for (const item of items) output.push(item);
		return output;
	}

	private hasWork(): boolean {
		return this.retryQueue.length > 0 || this.nextFresh < this.itemCount;
	}

	/** Sends units until there is nothing left to take (or `limit` units). */
	private async worker(limit = Infinity): Promise<void> {
		for (let sent = 0; sent < limit && !this.fatal; sent++) {
			const unit = this.takeUnit();
			if (!unit) return;
			await this.send(unit);
		}
	}

	/** Up to `batchSize` items: resends first, then fresh items (their input checked now). */
	private takeUnit(): Unit | undefined {
		const unit: Unit = { indexes: [], requests: [] };
		if (this.retryQueue.length > 0) this.retryQueue.sort((a, b) => a - b);
		const batchSize = this.definition.batch ? this.options.batchSize : 1;
		while (unit.indexes.length < batchSize && !this.fatal) {
			if (this.authFailure) {
				this.failAllPending(this.authFailure);
				break;
			}
			const retry = this.retryQueue.shift();
			if (retry !== undefined) {
				unit.indexes.push(retry);
				unit.requests.push(this.retryRequests.get(retry) as ItemRequest);
				this.retryRequests.delete(retry);
				continue;
			}
			if (this.nextFresh >= this.itemCount) break;
			const index = this.nextFresh++;
			try {
				const variables = this.definition.variables.call(this.context, index);
				const settings = this.definition.settings.call(this.context, index);
				unit.requests.push({ variables, settings });
				unit.indexes.push(index);
			} catch (error) {
				this.fail(index, asNodeError(this.context, error, index));
			}
		}
		return unit.indexes.length > 0 ? unit : undefined;
	}

	private async send(unit: Unit): Promise<void> {
		if (this.safe?.dryRun) return this.dryRun(unit);
		const { document } = this.definition;
		const single = unit.indexes.length === 1;
		let request = { operationName: document.operationName, query: document.query, variables: unit.requests[0].variables };
		if (!single) {
			const batch = batchDocument(document, unit.indexes.length);
			const variables: IDataObject = {};
			unit.requests.forEach(({ variables: itemVariables }, position) => {
				for (const [name, value] of Object.entries(itemVariables)) {
					variables[batchVariableName(name, position)] = value;
				}
			});
			request = { operationName: batch.operationName, query: batch.query, variables };
		}

		await this.pacer.acquire(unit.indexes.length);
		const outcome = await sendGraphQL.call(this.context, this.endpoints, request, this.options.timeout);
		if (outcome.kind !== 'notApplied') this.signedIn = true;
		switch (outcome.kind) {
			case 'data':
				await this.mapFields(unit, outcome, single);
				return;
			case 'throttled':
				// Nothing applied: resend.
				this.retry(unit.indexes, unit.requests, outcome.retryAfterMs, outcome);
				return;
			case 'notApplied':
				if (outcome.auth) this.authFailure ??= outcome;
				if (outcome.retry) this.retry(unit.indexes, unit.requests, outcome.retryAfterMs, outcome);
				else this.failAll(unit.indexes, outcome);
				return;
			case 'unknown':
				// A read is safe to repeat; a change may have been applied: never resent.
				if (this.label.mutation) this.failAll(unit.indexes, outcome);
				else this.retry(unit.indexes, unit.requests, undefined, outcome);
				return;
			default:
				if (outcome.kind === 'rejected' && this.safe?.succeedIfAlreadyDone) {
					const rejected = unit.indexes.map((index, position) => ({ index, request: unit.requests[position], errors: outcome.errors, error: (note: string) => outcomeError(this.context, this.label, { ...outcome, description: [outcome.description, note].filter(Boolean).join(' ') }, index) }));
					return this.alreadyDone(rejected);
				}
				this.failAll(unit.indexes, outcome);
		}
	}

	/** Dry Run: nothing is sent to the mutation; each item says what would happen, judged from the lists. */
	private async dryRun(unit: Unit): Promise<void> {
		const { evidence } = this.safe as SafeRun;
		for (const [position, index] of unit.indexes.entries()) {
			const { variables, settings } = unit.requests[position];
			try {
				this.results[index] = [{ json: await evidence.dryRun(variables, settings), pairedItem: { item: index } }];
			} catch (error) {
				this.fail(index, evidence.itemError(error, index));
			}
		}
	}

	/**
	 * Succeed If Already Done: items Boomi rejected succeed when the lists show
	 * their change in place, else fail with Boomi's error and what was checked.
	 */
	private async alreadyDone(rejected: Rejected[]): Promise<void> {
		const { evidence } = this.safe as SafeRun;
		for (const { index, request, errors, error } of rejected) {
			const { output, note } = await evidence.alreadyDone(request.variables, request.settings, errors);
			if (output) this.results[index] = output.map((json) => ({ json, pairedItem: { item: index } }));
			else this.fail(index, error(note));
		}
	}

	/** Maps each alias (or the single field) back to its item: data, throttled, Boomi's errors, or nothing readable. */
	private async mapFields(unit: Unit, outcome: Extract<Outcome, { kind: 'data' }>, single: boolean): Promise<void> {
		const { document } = this.definition;
		const throttledIndexes: number[] = [];
		const throttledRequests: ItemRequest[] = [];
		let throttleErrors: GraphQLError[] = [];
		const unknownIndexes: number[] = [];
		const unknownRequests: ItemRequest[] = [];
		const rejected: Rejected[] = [];
		unit.indexes.forEach((index, position) => {
			const field = fieldOutcome(outcome, single ? document.field : aliasOf(position), this.label.mutation);
			switch (field.kind) {
				case 'success':
					this.succeed(index, field.value, unit.requests[position]);
					return;
				case 'throttled':
					throttledIndexes.push(index);
					throttledRequests.push(unit.requests[position]);
					throttleErrors = field.errors;
					return;
				case 'rejected': {
					// An operation may know why Boomi refused (e.g. a stale picker label).
					const hint = unit.requests[position].settings.rejectedHint;
					const error = (note = '') => outcomeError(this.context, this.label, { kind: 'rejected', statusCode: outcome.statusCode, errors: field.errors, message: '', description: [typeof hint === 'string' ? hint : '', note].filter(Boolean).join(' ') || undefined }, index);
					// Succeed If Already Done: judged from the lists after this answer's other fields.
					if (this.safe?.succeedIfAlreadyDone) rejected.push({ index, request: unit.requests[position], errors: field.errors, error });
					else this.fail(index, error());
					return;
				}
				default:
					if (this.label.mutation) this.fail(index, outcomeError(this.context, this.label, outcome, index));
					else {
						unknownIndexes.push(index);
						unknownRequests.push(unit.requests[position]);
					}
			}
		});
		this.pacer.accepted(unit.indexes.length - throttledIndexes.length);
		if (throttledIndexes.length > 0) {
			this.retry(throttledIndexes, throttledRequests, outcome.retryAfterMs, {
				kind: 'throttled',
				statusCode: outcome.statusCode,
				errors: throttleErrors.slice(0, 1),
				message: 'Boomi throttled the request',
			});
		}
		if (unknownIndexes.length > 0) {
			this.retry(unknownIndexes, unknownRequests, undefined, {
				kind: 'unknown',
				statusCode: outcome.statusCode,
				errors: [],
				message: 'Boomi Spaces answered without a result',
				reason: 'Boomi Spaces answered without a result and without an error for this item',
			});
		}
		if (rejected.length > 0) await this.alreadyDone(rejected);
	}

	private failAll(indexes: number[], outcome: Outcome): void {
		for (const index of indexes) this.fail(index, outcomeError(this.context, this.label, outcome, index, this.attempts[index] + 1));
	}

	/** Fails every item not sent yet (queued resends and fresh items) with the same failure. */
	private failAllPending(outcome: Outcome): void {
		const pending = [...this.retryQueue];
		this.retryQueue = [];
		this.retryRequests.clear();
		while (this.nextFresh < this.itemCount) pending.push(this.nextFresh++);
		for (const index of pending.sort((a, b) => a - b)) {
			this.fail(index, outcomeError(this.context, this.label, outcome, index));
		}
	}

	/**
	 * Queues items for a resend after a pause shared by all requests, or fails
	 * them once they used up `maxRetries`.
	 */
	private retry(
		indexes: number[],
		requests: ItemRequest[],
		retryAfterMs: number | undefined,
		last: Outcome,
	): void {
		let attempt = 0;
		indexes.forEach((index, position) => {
			attempt = Math.max(attempt, ++this.attempts[index]);
			if (this.attempts[index] > this.options.maxRetries) {
				// Sign-in kept failing: the rest fail alike, without a sign-in each.
				if (last.kind === 'notApplied' && !this.signedIn) this.authFailure ??= last;
				this.fail(index, outcomeError(this.context, this.label, last, index, this.attempts[index]));
				return;
			}
			this.retryQueue.push(index);
			this.retryRequests.set(index, requests[position]);
		});
		// Throttled or refused: everybody waits, then goes slower.
		this.pacer.throttled(backoffMs(attempt, retryAfterMs));
	}

	private succeed(index: number, data: unknown, { variables, settings }: ItemRequest): void {
		let output: IDataObject[];
		try {
			output = this.definition.output(data, variables, settings);
		} catch (error) {
			// A change Boomi answered with a result the node cannot read: applied or not, nobody knows.
			const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
			this.fail(
				index,
				this.label.mutation
					? outcomeError(this.context, this.label, { kind: 'unknown', errors: [], message: `Boomi Spaces answered "${this.label.name}" with a result the node cannot read`, reason }, index)
					: asNodeError(this.context, error, index),
			);
			return;
		}
		this.results[index] = output.map((json) => ({ json, pairedItem: { item: index } }));
	}

	private fail(index: number, error: NodeError): void {
		if (this.continueOnFail) {
			// n8n-core replaces the JSON of an item carrying `error` by
			// `{ error: message }` and routes it to the error output; status,
			// code and description travel in the error itself.
			this.results[index] = [{ json: { error: error.message }, error, pairedItem: { item: index } }];
			return;
		}
		if (!this.fatal || index < this.fatal.index) this.fatal = { index, error };
	}
}

/** Any failure as a node error for that item (never a raw request error, which holds headers). */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(context.getNode(), message, { itemIndex, description: forItem(message, itemIndex) });
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const definition = findOperation(resource, operation);
	if (!definition) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}
	const options = readRunOptions.call(this);
	const endpoints = await getEndpoints.call(this);
	const name = operationName(resource, operation);
	const judge = JUDGES[`${resource}.${operation}`];
	const safeOptions = judge ? readSafeRunOptions.call(this) : undefined;
	const safe = safeOptions && (safeOptions.dryRun || safeOptions.succeedIfAlreadyDone) ? { ...safeOptions, evidence: new Evidence(this, endpoints, judge, name, options) } : undefined;
	const run = new ItemRun(this, definition, name, endpoints, options, items.length, safe);
	return [await run.execute()];
}
