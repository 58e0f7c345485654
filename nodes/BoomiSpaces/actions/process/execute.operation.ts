import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue, requireId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';

/**
 * Boomi's `processExecute(input: ProcessExecuteInput!)`: the input object is
 * written inline with a variable per leaf (as Boomi's page writes it), so no
 * inferred type name reaches Boomi. It answers a String holding a JSON
 * ExecutionRequest (`requestId`, `recordUrl`); the run itself is asynchronous.
 */
export const document: GraphQLDocument = {
	operationName: 'ExecuteProcess',
	field: 'processExecute',
	query: /* GraphQL */ `mutation ExecuteProcess($atomId: String!, $processId: String!) {
  processExecute(input: { atomId: $atomId, processId: $processId })
}`,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Process',
		name: 'processId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The Boomi process to run: its process ID, as Get Processes of an integration pack instance outputs it (From List shows the processes of every installed instance). Sent to Boomi unchanged.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a process...',
				typeOptions: { searchListMethod: 'searchProcesses', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6e79aead-5fd4-4a4e-9a46-6f1b1e1e7a10',
			},
		],
	},
	{
		displayName: 'Atom',
		name: 'atomId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			"The atom (runtime) to run the process on: its atom ID, as listed under an environment's atoms (From List shows every environment's atoms; in Boomi: Manage › Atom Management). The process must be deployed to it, i.e. its integration pack instance attached to the atom's environment. Sent to Boomi unchanged.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an atom...',
				typeOptions: { searchListMethod: 'searchAtoms', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 8fa55714-8e5e-45f1-b7e1-f57f2000f464',
			},
		],
	},
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const processId = requireId.call(this, locatorValue(this.getNodeParameter('processId', itemIndex, '', { extractValue: true })), itemIndex, {
		label: 'Process ID',
		fix: 'set "Process" to the ID of the process to run (Get Processes of an integration pack instance outputs it).',
	});
	const atomId = requireId.call(this, locatorValue(this.getNodeParameter('atomId', itemIndex, '', { extractValue: true })), itemIndex, {
		label: 'Atom ID',
		fix: 'set "Atom" to the ID of the atom to run the process on (pick it From List, or see Manage › Atom Management in Boomi).',
	});
	return { atomId, processId };
}

/**
 * Boomi's ExecutionRequest JSON as an object: `requestId`, `recordUrl`,
 * `processId`, `atomId` (the ones sent when Boomi's answer lacks them). An
 * answer that is not a JSON object is kept as it came in `executionRequest`
 * and named in `unparsedFields`; the run was accepted all the same.
 */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	let parsed: unknown;
	if (typeof data === 'string') {
		try {
			parsed = JSON.parse(data);
		} catch {
			parsed = undefined;
		}
	} else if (data && typeof data === 'object') {
		parsed = data;
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		const request = parsed as IDataObject;
		return [
			{
				...request,
				processId: request.processId ?? vars.processId,
				atomId: request.atomId ?? vars.atomId,
				requestId: request.requestId ?? null,
				recordUrl: request.recordUrl ?? null,
			},
		];
	}
	return [
		{
			processId: vars.processId,
			atomId: vars.atomId,
			requestId: null,
			recordUrl: null,
			executionRequest: data as IDataObject[keyof IDataObject],
			unparsedFields: ['executionRequest'],
		},
	];
}

export const execute = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
