import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readJsonObject } from '../jsonInput';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { envExtensionIdFor, updatedDocuments } from './extensionDocuments';

/**
 * Boomi's `extendedMappersUpdate(input: [ExtensionInput!]!)`, the same input
 * as `extensionsUpdate`, written inline with scalar variables. `extensions` is
 * an EnvironmentMapExtension document; `envExtensionId` is the map extension's
 * ID (Boomi's page types it String! in its syntax and ID in its table).
 */
export const document: GraphQLDocument = {
	operationName: 'UpdateEnvironmentMapExtension',
	field: 'extendedMappersUpdate',
	query: /* GraphQL */ `mutation UpdateEnvironmentMapExtension($extensions: String!, $envExtensionId: ID!) {
  extendedMappersUpdate(input: [{ extensions: $extensions, envExtensionId: $envExtensionId }])
}`,
};

const EXAMPLE = `{
  "Map": {
    "ExtendedMappings": {
      "Mapping": [{ "fromXPath": "", "toXPath": "" }]
    }
  }
}`;

export const properties: INodeProperties[] = [
	{
		displayName: 'Map Extension ID',
		name: 'envExtensionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. YzAzMWU3MTktNzc2My00NzJkLWE4ZDgtOGI4OGI0MjIzZjdi...',
		description:
			"The ID of the environment map extension to update (Boomi's envExtensionId for maps): one of mapExtensionIds in the output of Get Extensions on Integration Pack Instance (the ID of each of its environmentMapExtensions). Leave empty to use the ID inside the Map Extension JSON (assumed to be the same ID; Boomi's sample shows two different values). Sent to Boomi unchanged.",
	},
	{
		displayName: 'Map Extension',
		name: 'extensions',
		type: 'json',
		default: EXAMPLE,
		required: true,
		description:
			'The EnvironmentMapExtension document as a JSON object (or JSON text): its Map with ExtendedMappings.Mapping[] (fromXPath, toXPath), which replace the extended mappings. Get Extensions outputs the current documents under environmentMapExtensions. Checked before sending and sent as JSON text.',
	},
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const extensions = readJsonObject.call(this, 'extensions', itemIndex, {
		label: 'Map Extension',
		fix: 'Give the EnvironmentMapExtension document as a JSON object, e.g. one of the environmentMapExtensions of Get Extensions with the mappings changed.',
	});
	const envExtensionId = envExtensionIdFor.call(this, itemIndex, extensions, {
		label: 'Map Extension ID',
		fix: 'set "Map Extension ID" to one of the mapExtensionIds that Get Extensions outputs, or give the document\'s "id" in the Map Extension JSON.',
	});
	return { extensions: JSON.stringify(extensions), envExtensionId };
}

/**
 * One item per updated document (one per input item in practice):
 * `{ envExtensionId, environmentId, processId, mapId, name, environmentMapExtension }`,
 * the document parsed.
 */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	return updatedDocuments(data, vars, 'environmentMapExtension', ['environmentId', 'processId', 'mapId', 'name'], 'update of the map extension');
}

export const updateMapExtension = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
