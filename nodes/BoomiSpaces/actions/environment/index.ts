import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { getMany } from './getMany.operation';

export const operations = {
	getMany,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('environment', 'getMany', [
	{
		name: 'Get Many',
		value: 'getMany',
		description:
			'List the environments of the Space, one item per environment with its ID, name, classification (PROD or TEST) and the integration pack instances attached to it, each attachment with its ID (Boomi query environments)',
		action: 'Get many environments',
	},
]);
