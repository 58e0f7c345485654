import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const operations = {
	get,
	getMany,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('integrationPack', 'getMany', [
	{
		name: 'Get',
		value: 'get',
		description:
			"Get an integration pack listed in a Space by its listing ID: the artifact (type, ID), submission status, last change and catalog metadata (Boomi query spaceArtifactListings)",
		action: 'Get integration pack',
	},
	{
		name: 'Get Many',
		value: 'getMany',
		description:
			'List the integration packs listed in a Space, one item per listing with its listing ID, artifact (type, ID), submission status, last change and catalog metadata (Boomi query spaceArtifactListings)',
		action: 'Get many integration packs',
	},
]);
