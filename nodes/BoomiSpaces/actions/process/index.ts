import type { INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from '../types';
import { execute } from './execute.operation';

export const operations = {
	execute,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['process'] } },
	options: [
		{
			name: 'Execute',
			value: 'execute',
			description:
				"Start a run of a process on an atom; outputs Boomi's execution request (request ID, record URL, process ID, atom ID); the run is asynchronous, so follow it with Execution › Get Many (Boomi mutation processExecute)",
			action: 'Execute a process',
		},
	],
	default: 'execute',
};
