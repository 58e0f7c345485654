import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { getMany } from './getMany.operation';

export const operations = {
	getMany,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('execution', 'getMany', [
	{
		name: 'Get Many',
		value: 'getMany',
		description:
			"List a process's executions with one status since a time, one item per execution with its ID, time, status, process, atom, document counts, duration (ms) and message (Boomi query executionHistory)",
		action: 'Get many executions',
	},
]);
