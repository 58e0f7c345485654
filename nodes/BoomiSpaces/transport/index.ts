import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { fieldOutcome } from './classify';
import type { BoomiEndpoints } from './endpoints';
import { resolveEndpoints } from './endpoints';
import type { Context } from './errors';
import { outcomeError } from './errors';
import { sendGraphQL, CREDENTIAL_TYPE } from './http';
import { backoffMs } from './pacer';
import type { GraphQLDocument, RequestLabel } from './types';

export { CREDENTIAL_TYPE, sendGraphQL } from './http';
export type { Outcome, FieldOutcome } from './classify';
export { classifyReply, describeFailure, fieldOutcome } from './classify';
export type { Context } from './errors';
export { forItem, isThrottleError, outcomeError, parseGraphQLErrors } from './errors';
export type { GraphQLDocument, GraphQLError, GraphQLRequest, RequestLabel } from './types';

/** Defaults shared by the router's options and single calls (pickers, polls). */
export const DEFAULT_TIMEOUT_MS = 60000;
export const DEFAULT_MAX_RETRIES = 5;

/** Reads the credential once and resolves its endpoints. */
export async function getEndpoints(this: Context): Promise<BoomiEndpoints> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const endpoints = resolveEndpoints(credentials);
	if ('problem' in endpoints) {
		throw new NodeOperationError(this.getNode(), endpoints.problem, {
			description: 'Open the Boomi Spaces credential and fix its Region settings',
		});
	}
	return endpoints;
}

export interface SingleCallOptions {
	label: RequestLabel;
	maxRetries?: number;
	timeoutMs?: number;
	itemIndex?: number;
	/** Waits for the request's slot under the account's pace (the router's pacer), when given. */
	pace?: () => Promise<void>;
}

/**
 * One document, one answer, for callers outside the item router (pickers, the
 * trigger's poll): the same sender and classifier, and the same retry policy —
 * throttled, refused and (reads only) unknown outcomes are resent within Max
 * Retries, honouring Retry-After. Returns `data`; throws a NodeApiError.
 */
export async function requestData(
	this: Context,
	endpoints: BoomiEndpoints,
	document: GraphQLDocument,
	variables: IDataObject,
	{ label, maxRetries = DEFAULT_MAX_RETRIES, timeoutMs = DEFAULT_TIMEOUT_MS, itemIndex, pace }: SingleCallOptions,
): Promise<IDataObject> {
	for (let attempt = 1; ; attempt++) {
		if (pace) await pace();
		const outcome = await sendGraphQL.call(this, endpoints, { operationName: document.operationName, query: document.query, variables }, timeoutMs);
		let retryAfterMs: number | undefined;
		if (outcome.kind === 'data') {
			const field = fieldOutcome(outcome, document.field, label.mutation);
			if (field.kind === 'success') return outcome.data;
			if (field.kind === 'rejected' || (field.kind === 'unknown' && label.mutation) || attempt > maxRetries) {
				throw outcomeError(this, label, field.kind === 'unknown' ? outcome : { kind: field.kind === 'throttled' ? 'throttled' : 'rejected', statusCode: outcome.statusCode, errors: field.errors, message: field.errors[0]?.message ?? '' }, itemIndex, attempt);
			}
			retryAfterMs = outcome.retryAfterMs;
		} else {
			const resend =
				outcome.kind === 'throttled' ||
				(outcome.kind === 'notApplied' && outcome.retry) ||
				(outcome.kind === 'unknown' && !label.mutation);
			if (!resend || attempt > maxRetries) throw outcomeError(this, label, outcome, itemIndex, attempt);
			retryAfterMs = outcome.kind === 'throttled' || outcome.kind === 'notApplied' ? outcome.retryAfterMs : undefined;
		}
		await sleep(backoffMs(attempt, retryAfterMs));
	}
}
