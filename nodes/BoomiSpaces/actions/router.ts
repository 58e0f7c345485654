import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { aliasOf, batchDocument, batchVariableName, isMutation } from '../transport/batch';
import type { BoomiEndpoints } from '../transport/endpoints';
import type { GraphQLError, Outcome, RequestLabel } from '../transport';
import { CREDENTIAL_TYPE, fieldOutcome, forItem, getEndpoints, outcomeError, sendGraphQL } from '../transport';
import { accountKey, joinAccountPace } from '../transport/flow';
import type { PaceMember } from '../transport/pacer';
import { backoffMs } from '../transport/pacer';
import type { SafeRunOptions } from './evidence';
import { Evidence, JUDGES, readSafeRunOptions } from './evidence';
import { findOperation, operationName } from './registry';
import type { RunOptions } from './runOptions';
import { readRunOptions } from './runOptions';
import type { ItemRequest, Unit } from './itemQueue';
import { ItemQueue } from './itemQueue';
import type { OperationDefinition } from './types';

type NodeError = NodeApiError | NodeOperationError;

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
 * - Items are sent in input order, `batchSize` per request, paced under
 *   `requestsPerSecond` platform calls by the account's pace, which executions
 *   of the same account in this process share (transport/flow.ts); in flight:
 *   `concurrency` requests, or automatically pace × round trip. The first
 *   request goes alone, so the JWT is minted once per run.
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

	/** Which items go next, and when (transport-free: see itemQueue.ts). */
	private readonly queue: ItemQueue;

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

	/** This run's share of the account's pace (joined in `execute`). */
	private pace!: PaceMember;

	/** When each item's last request was released by the pacer. */
	private readonly sentAt: Float64Array;

	private readonly label: RequestLabel;

	private readonly continueOnFail: boolean;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly definition: OperationDefinition,
		name: string,
		private readonly endpoints: BoomiEndpoints,
		private readonly options: RunOptions,
		itemCount: number,
		private readonly safe?: SafeRun,
	) {
		this.results = new Array(itemCount);
		this.queue = new ItemQueue(itemCount);
		this.sentAt = new Float64Array(itemCount);
		this.label = { name, mutation: isMutation(definition.document) };
		this.continueOnFail = context.continueOnFail();
	}

	async execute(): Promise<INodeExecutionData[]> {
		const credentials = await this.context.getCredentials(CREDENTIAL_TYPE);
		this.pace = joinAccountPace(accountKey(this.endpoints.graphqlUrl, credentials), this.options.requestsPerSecond);
		// The evidence lists (Dry Run, Succeed If Already Done) go through the same pace.
		if (this.safe) {
			this.safe.evidence.pace = async () => {
				await this.pace.acquire(1);
			};
		}
		try {
			// One request at a time until one got past sign-in: the JWT it minted
			// serves the others (n8n mints for every request that finds none).
			while (!this.signedIn && !this.fatal && this.queue.hasWork()) await this.dispatch(1);
			await this.dispatch(Infinity);
		} finally {
			this.pace.leave();
		}
		if (this.fatal) throw this.fatal.error;
		const output: INodeExecutionData[] = [];
		for (const items of this.results) if (items) for (const item of items) output.push(item);
		return output;
	}

	/**
	 * Keeps the pace's window of requests in flight (Concurrency, or automatic:
	 * pace × round trip) until nothing is left to send, or `limit` units went.
	 */
	private async dispatch(limit: number): Promise<void> {
		const inFlight = new Set<Promise<void>>();
		let started = 0;
		while (!this.fatal && started < limit) {
			if (inFlight.size >= this.pace.window(this.options.concurrency)) {
				await Promise.race(inFlight);
				continue;
			}
			const unit = this.takeReadyUnit();
			if (!unit) {
				if (inFlight.size > 0) {
					await Promise.race(inFlight);
					continue;
				}
				// Only resends still in their own backoff are left.
				if (!this.queue.hasResends()) break;
				await sleep(Math.max(0, this.queue.soonestResend() - this.pace.now()));
				continue;
			}
			started++;
			const request: Promise<void> = this.sendPaced(unit).finally(() => inFlight.delete(request));
			inFlight.add(request);
		}
		await Promise.all(inFlight);
	}

	/** The next unit: due resends, then fresh items (their input checked now); none once sign-in is impossible. */
	private takeReadyUnit(): Unit | undefined {
		if (this.authFailure) {
			for (const index of this.queue.drain()) this.fail(index, outcomeError(this.context, this.label, this.authFailure, index));
			return undefined;
		}
		const size = this.definition.batch ? this.options.batchSize : 1;
		return this.queue.take(size, this.pace.now(), (index) => this.prepare(index), () => this.fatal !== undefined);
	}

	/** An item's request, or undefined after failing the item for its input (before any request). */
	private prepare(index: number): ItemRequest | undefined {
		try {
			return {
				variables: this.definition.variables.call(this.context, index),
				settings: this.definition.settings.call(this.context, index),
			};
		} catch (error) {
			this.fail(index, asNodeError(this.context, error, index));
			return undefined;
		}
	}

	private async sendPaced(unit: Unit): Promise<void> {
		// Dry Run sends nothing to the mutation: no slot of Boomi's limit is spent on it.
		if (this.safe?.dryRun) return await this.dryRun(unit);
		const sentAt = await this.pace.acquire(unit.indexes.length);
		for (const index of unit.indexes) this.sentAt[index] = sentAt;
		await this.send(unit);
		this.pace.roundTrip(this.pace.now() - sentAt);
	}

	private async send(unit: Unit): Promise<void> {
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
		this.pace.accepted(this.sentAt[unit.indexes[0]], unit.indexes.length - throttledIndexes.length);
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
		for (const index of indexes) this.fail(index, outcomeError(this.context, this.label, outcome, index, this.queue.attemptsOf(index) + 1));
	}

	/**
	 * Throttled or refused: these items wait out their own backoff before
	 * being resent (other items go on meanwhile) and the account's pace backs
	 * off (once per congestion episode); an item that used up `maxRetries`
	 * fails with the last outcome.
	 */
	private retry(indexes: number[], requests: ItemRequest[], retryAfterMs: number | undefined, last: Outcome): void {
		const { exhausted } = this.queue.requeue(indexes, requests, this.options.maxRetries, (attempt) => this.pace.now() + backoffMs(attempt, retryAfterMs));
		for (const index of exhausted) {
			// Sign-in kept failing: the rest fail alike, without a sign-in each.
			if (last.kind === 'notApplied' && !this.signedIn) this.authFailure ??= last;
			this.fail(index, outcomeError(this.context, this.label, last, index, this.queue.attemptsOf(index)));
		}
		let sentAt = -Infinity;
		for (const index of indexes) sentAt = Math.max(sentAt, this.sentAt[index]);
		this.pace.throttled(sentAt, retryAfterMs);
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
