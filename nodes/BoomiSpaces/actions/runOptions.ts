import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../transport';

/** How the router sends items to Boomi (node option `options`, shared by every operation). */
export interface RunOptions {
	requestsPerSecond: number;
	concurrency: number;
	batchSize: number;
	maxRetries: number;
	/** Milliseconds a request may take, headers and body, before its outcome counts as unknown. */
	timeout: number;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
	// Boomi's Platform API limit: about 10 calls per second per account.
	requestsPerSecond: 10,
	// 0 = automatic: pace × observed round trip, plus one waiting for its
	// slot (up to 32). A saved value N keeps meaning "N requests in flight".
	concurrency: 0,
	batchSize: 1,
	// Boomi's own connectors retry a throttled (503) call up to five times.
	maxRetries: DEFAULT_MAX_RETRIES,
	// Boomi's GraphQL calls answer within seconds; n8n's own default is 300 s.
	timeout: DEFAULT_TIMEOUT_MS,
};

const LIMITS: Record<keyof RunOptions, { min: number; max: number; integer: boolean }> = {
	requestsPerSecond: { min: 0.1, max: 1000, integer: false },
	concurrency: { min: 0, max: 32, integer: true },
	batchSize: { min: 1, max: 50, integer: true },
	maxRetries: { min: 0, max: 10, integer: true },
	timeout: { min: 1000, max: 600000, integer: true },
};

/** The operations offering Dry Run and Succeed If Already Done (resource Integration Pack Instance; judged in evidence.ts). */
export const SAFE_RUN_OPERATIONS = ['unattach', 'uninstall', 'attach', 'install'];

export const runOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 1,
			description:
				'How many items to send in one GraphQL request, as aliased fields of one document (Boomi still counts one platform call per item). 1 sends one request per item.',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 32 },
			default: 0,
			description:
				'How many requests may be in flight at once. 0 (automatic) keeps enough in flight to hold the pace over the measured round trip (up to 32); a number fixes it. The first request of a run always goes alone, so the JWT is minted once.',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			displayOptions: {
				show: { '/resource': ['integrationPackInstance'], '/operation': SAFE_RUN_OPERATIONS },
			},
			description:
				"Whether to send nothing to Boomi and output, per item, what would happen instead: state wouldApply, alreadyDone (already in place), partlyDone, unknownId (an ID that names nothing listed) or wouldFail, with the evidence. Judged from Integration Pack Instance and Environment Get Many, each read once per run. Bad input still fails as in a real run.",
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 5,
			description:
				'How often to resend items Boomi provably did not apply (HTTP 429/503, a refused connection, a throttled sign-in) and reads without a readable answer. A change whose outcome is unknown (timeout, HTTP 5xx) is never resent.',
		},
		{
			displayName: 'Requests Per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, maxValue: 1000, numberPrecision: 1 },
			default: 10,
			description:
				"Ceiling on Boomi platform calls per second for this node (each item counts as one call, also inside a batch). Boomi's Platform API allows about 10 per second per account: executions of the same account in one n8n process share that pace, and slow down together when Boomi throttles (also for other workers), so there is no need to divide it by hand.",
		},
		{
			displayName: 'Succeed If Already Done',
			name: 'succeedIfAlreadyDone',
			type: 'boolean',
			default: false,
			displayOptions: {
				show: { '/resource': ['integrationPackInstance'], '/operation': SAFE_RUN_OPERATIONS },
			},
			description:
				"Whether an item Boomi rejects succeeds when its change is already in place (for a re-run after an unknown outcome), with alreadyDone: true, Boomi's message and the evidence. Decided from Integration Pack Instance and Environment Get Many (each read once per run), never from the error text: a detached attachment whose instance and environment still exist; an uninstalled ID of Boomi's instance form no longer listed; an instance attached to every requested environment; a pack installed (multi-install: under that name).",
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1000, maxValue: 600000 },
			default: 60000,
			description:
				'Milliseconds to wait for each request to Boomi, answer included. A read that times out is retried within Max Retries; a change that times out fails its item saying it may or may not have been applied.',
		},
	],
};

/** Reads the node options (node-level: item 0) and checks their ranges. */
export function readRunOptions(this: IExecuteFunctions): RunOptions {
	const raw = this.getNodeParameter('options', 0, {}) as IDataObject;
	const options = { ...DEFAULT_RUN_OPTIONS };
	for (const key of Object.keys(LIMITS) as Array<keyof RunOptions>) {
		if (raw[key] === undefined || raw[key] === '') continue;
		const value = Number(raw[key]);
		const { min, max, integer } = LIMITS[key];
		if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
			throw new NodeOperationError(this.getNode(), `Option "${key}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`, {
				description: `It is ${JSON.stringify(raw[key])}. Fix it under Options in the Boomi Spaces node.`,
			});
		}
		options[key] = value;
	}
	return options;
}
