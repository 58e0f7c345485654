import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { getMany } from './getMany.operation';

export const operations = {
	getMany,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('account', 'getMany', [
	{
		name: 'Get Many',
		value: 'getMany',
		description:
			"List the Boomi accounts of the credential's Space (the accounts that use it), optionally only those whose name contains or starts with a text; one item per account with its account ID and name (Boomi query spaceAccounts)",
		action: 'Get many accounts of the space',
	},
]);
