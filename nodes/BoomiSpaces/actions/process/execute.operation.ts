import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { atomLocator, processLocator, readLocatorId } from '../resourceLocator';
import { parseJsonDocument } from '../jsonInput';
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
	processLocator(
		'The Boomi process to run: its process ID, as Get Processes of an integration pack instance outputs it (From List shows the processes of every installed instance). Sent to Boomi unchanged.',
	),
	atomLocator(
		"The atom (runtime) to run the process on: its atom ID, as listed under an environment's atoms (From List shows every environment's atoms; in Boomi: Manage › Atom Management). The process must be deployed to it, i.e. its integration pack instance attached to the atom's environment. Sent to Boomi unchanged.",
	),
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const processId = readLocatorId.call(this, 'processId', itemIndex, {
		label: 'Process ID',
		fix: 'set "Process" to the ID of the process to run (Get Processes of an integration pack instance outputs it).',
	});
	const atomId = readLocatorId.call(this, 'atomId', itemIndex, {
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
	const parsed = typeof data === 'string' ? parseJsonDocument(data) : data;
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
