import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { applyLimit, asList, limitSettings, listSettingsOf, returnAllAndLimitProperties } from '../listResults';
import { describeValue, processLocator, readLocatorId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';

/**
 * Boomi's `executionHistory(input: executionHistoryInput!)`. The input object
 * is written inline with variables for its scalar leaves, as Boomi's pages
 * write it, so the inferred input type name never reaches Boomi.
 * `executionTime` acts as a lower bound (the page's sample asks for 2016 and
 * gets a 2023 run) [inferred]; `status` is required, one per request.
 */
export const document: GraphQLDocument = {
	operationName: 'ListProcessExecutions',
	field: 'executionHistory',
	query: /* GraphQL */ `query ListProcessExecutions($processId: ID!, $executionTime: DateTime!, $status: ExecutionHistoryStatus!) {
  executionHistory(input: { processId: $processId, executionTime: $executionTime, status: $status }) {
    executionId
    originalExecutionId
    executionTime
    status
    executionType
    processName
    atomName
    atomId
    inboundDocumentCount
    inboundErrorDocumentCount
    outboundDocumentCount
    executionDuration
    message
    inboundDocumentSize
    outboundDocumentSize
  }
}`,
};

export const EXECUTION_STATUSES = ['ERROR', 'COMPLETE', 'COMPLETE_WARN', 'ABORTED', 'DISCARDED', 'INPROCESS', 'STARTED'] as const;

const statusNames: Record<(typeof EXECUTION_STATUSES)[number], string> = {
	ERROR: 'Error',
	COMPLETE: 'Complete',
	COMPLETE_WARN: 'Complete With Warnings',
	ABORTED: 'Aborted',
	DISCARDED: 'Discarded',
	INPROCESS: 'In Process',
	STARTED: 'Started',
};

export const statusOptions = EXECUTION_STATUSES.map((value) => ({ name: statusNames[value], value }));

export const properties: INodeProperties[] = [
	processLocator(
		'The Boomi process whose executions to list: its process ID, as Get Processes of an integration pack instance outputs it',
	),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: statusOptions,
		default: 'ERROR',
		description: 'Only executions with this status (Boomi takes one status per request)',
	},
	{
		displayName: 'Since',
		name: 'executionTime',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Only executions at or after this time, sent to Boomi in UTC as yyyy-MM-ddTHH:mm:ssZ. Boomi documents the field as the execution time; it acts as a lower bound (inferred from its sample).',
	},
	...returnAllAndLimitProperties,
];

/** A date-time as Boomi's `DateTime` format: `yyyy-MM-dd'T'HH:mm:ss'Z'`, in UTC. */
export function boomiDateTime(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date =
		value instanceof Date
			? value
			: typeof value === 'number'
				? new Date(value)
				: typeof value === 'string'
					? new Date(value.trim())
					: typeof (value as { toISO?: unknown }).toISO === 'function'
						? new Date(String((value as { toISO: () => string }).toISO()))
						: undefined;
	if (!date || Number.isNaN(date.getTime())) return undefined;
	return `${date.toISOString().slice(0, 19)}Z`;
}

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const processId = readLocatorId.call(this, 'processId', itemIndex, {
		label: 'Process ID',
		fix: 'set "Process" to the ID of the process whose executions to list (Get Processes of an integration pack instance outputs it).',
	});
	const rawTime = this.getNodeParameter('executionTime', itemIndex, '') as unknown;
	const executionTime = boomiDateTime(rawTime);
	if (!executionTime) {
		throw new NodeOperationError(this.getNode(), 'Since must be a date and time', {
			itemIndex,
			description: `Item ${itemIndex}: "Since" is ${describeValue(rawTime)}. Pick a date and time, or use an expression such as {{ $now.minus({ days: 1 }) }}.`,
		});
	}
	const status = this.getNodeParameter('status', itemIndex, 'ERROR') as unknown;
	if (typeof status !== 'string' || !(EXECUTION_STATUSES as readonly string[]).includes(status)) {
		throw new NodeOperationError(this.getNode(), `Status must be one of ${EXECUTION_STATUSES.join(', ')}`, {
			itemIndex,
			description: `Item ${itemIndex}: "Status" is ${describeValue(status)}. Choose a status from the list.`,
		});
	}
	return { processId, executionTime, status };
}

export const settings = limitSettings;

const PAIRS = ['executionDuration', 'inboundDocumentSize', 'outboundDocumentSize'] as const;

/**
 * One execution record as n8n users want it: Boomi's `["Long","5816"]` pairs
 * become numbers (`executionDuration` in milliseconds, sizes in bytes, as in
 * the Platform API ExecutionRecord [inferred]). A value that does not read as
 * a number is kept as it came and named in `unparsedFields`; never an error.
 */
export function normalizeExecution(record: IDataObject): IDataObject {
	const json: IDataObject = { ...record };
	const unparsed: string[] = [];
	for (const key of PAIRS) {
		const value = record[key];
		if (value === undefined || value === null) continue;
		const text = Array.isArray(value) ? value[value.length - 1] : value;
		const number = typeof text === 'number' ? text : typeof text === 'string' && text.trim() !== '' ? Number(text) : NaN;
		if (Number.isFinite(number)) json[key] = number;
		else unparsed.push(key);
	}
	if (unparsed.length > 0) json.unparsedFields = unparsed;
	return json;
}

export function output(data: unknown, _variables: IDataObject, itemSettings: IDataObject): IDataObject[] {
	return applyLimit(asList(data).map(normalizeExecution), listSettingsOf(itemSettings));
}

export const getMany = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
