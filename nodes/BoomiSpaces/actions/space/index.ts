import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteSpace } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const operations = {
	create,
	delete: deleteSpace,
	get,
	getMany,
	update,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('space', 'getMany', [
	{
		name: 'Create',
		value: 'create',
		description:
			'Create a Space for an account group, optionally with integration packs and accounts; outputs the new Space with its Space ID, URL and account group (Boomi mutation spaceCreate). No logo: Boomi takes it only as a file upload.',
		action: 'Create a space',
	},
	{
		name: 'Delete',
		value: 'delete',
		description:
			'Delete a Space the account created; outputs deleted (true when Boomi confirmed), the Space ID and Boomi\'s answer (Boomi mutation spaceDelete)',
		action: 'Delete a space',
	},
	{
		name: 'Get',
		value: 'get',
		description:
			'Get one Space the account created by its Space ID: name, description, dates, URL, account group and logo text (Boomi query space)',
		action: 'Get a space',
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description:
			'List the Spaces the account created, one item per Space with its Space ID, name, description, dates, URL and account group (Boomi query spaces)',
		action: 'Get many spaces',
	},
	{
		name: 'Update',
		value: 'update',
		description:
			"Change a Space's name and description; Boomi requires the name on every update. Outputs the updated Space (Boomi mutation spaceUpdate).",
		action: 'Update a space',
	},
]);
