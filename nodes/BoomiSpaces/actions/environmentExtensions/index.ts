import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../operationSelector';
import type { OperationDefinition } from '../types';
import { update } from './update.operation';
import { updateMapExtension } from './updateMapExtension.operation';

export const operations = {
	update,
	updateMapExtension,
} satisfies Record<string, OperationDefinition>;

export const operationProperty: INodeProperties = operationSelector('environmentExtensions', 'update', [
	{
		name: 'Update',
		value: 'update',
		description:
			"Update the environment extensions of an integration pack instance in one environment (connection fields, process properties) from an EnvironmentExtensions JSON document, partially by default; outputs the updated document parsed (Boomi mutation extensionsUpdate)",
		action: 'Update environment extensions',
	},
	{
		name: 'Update Map Extension',
		value: 'updateMapExtension',
		description:
			'Update an environment map extension (the extended mappings of a map of an integration pack instance in one environment) from an EnvironmentMapExtension JSON document; outputs the updated document parsed (Boomi mutation extendedMappersUpdate)',
		action: 'Update environment map extension',
	},
]);
