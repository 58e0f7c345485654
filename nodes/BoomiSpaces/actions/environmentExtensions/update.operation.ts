import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readJsonObject } from '../jsonInput';
import { describeValue } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { envExtensionIdFor, updatedDocuments } from './extensionDocuments';

/**
 * Boomi's `extensionsUpdate(input: [ExtensionInput!]!)`: one ExtensionInput per
 * item, written inline with scalar variables so the input type name never
 * reaches Boomi (the router batches items as aliases). Boomi's page requires
 * `"partial": "true"` in the request and says that without it "any properties
 * that are not passed will be set to default/empty"; its own sample omits it.
 * The only JSON in the request is `extensions`, so the node puts it at that
 * document's top level [inferred].
 */
export const document: GraphQLDocument = {
	operationName: 'UpdateEnvironmentExtensions',
	field: 'extensionsUpdate',
	query: /* GraphQL */ `mutation UpdateEnvironmentExtensions($extensions: String!, $envExtensionId: ID!) {
  extensionsUpdate(input: [{ extensions: $extensions, envExtensionId: $envExtensionId }])
}`,
};

const EXAMPLE = `{
  "connections": {
    "connection": [
      {
        "id": "",
        "field": [{ "id": "", "value": "", "useDefault": false }]
      }
    ]
  }
}`;

export const properties: INodeProperties[] = [
	{
		displayName: 'Environment Extensions ID',
		name: 'envExtensionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. Y2EyMjU5ZGQtZjM5NC00ZmYyLThlOTMtODg1OTZjOGFhNzJh...',
		description:
			"The ID of the environment extensions to update (Boomi's envExtensionId): envExtensionId in the output of Get Extensions on Integration Pack Instance, one per environment. Leave empty to use the ID inside the Extensions JSON (Boomi's samples show the two are the same ID). Sent to Boomi unchanged.",
	},
	{
		displayName: 'Extensions',
		name: 'extensions',
		type: 'json',
		default: EXAMPLE,
		required: true,
		description:
			"The EnvironmentExtensions document as a JSON object (or JSON text): connections.connection[] with the fields to set (ID, value, useDefault) and/or processProperties.ProcessProperty[] with their ProcessPropertyValue[] (key, value, useDefault). Get Extensions outputs the current document as environmentExtensions. With Partial Update on, the node adds \"partial\": \"true\" at its top level unless the JSON has a partial key, which is sent as written. Checked before sending and sent as JSON text.",
	},
	{
		displayName: 'Partial Update',
		name: 'partial',
		type: 'boolean',
		default: true,
		description:
			'Whether to change only what the JSON gives (adds "partial": "true", as Boomi\'s page requires). When off, Boomi resets every connection field and process property the JSON does not give to its default or empty value.',
	},
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const extensions = readJsonObject.call(this, 'extensions', itemIndex, {
		label: 'Extensions',
		fix: 'Give the EnvironmentExtensions document as a JSON object, e.g. the environmentExtensions of Get Extensions with the values changed.',
	});
	const envExtensionId = envExtensionIdFor.call(this, itemIndex, extensions, {
		label: 'Environment Extensions ID',
		fix: 'set "Environment Extensions ID" to the envExtensionId that Get Extensions outputs, or give the document\'s "id" in the Extensions JSON.',
	});
	const partial = this.getNodeParameter('partial', itemIndex, true) as unknown;
	if (partial !== true && partial !== false && partial !== 'true' && partial !== 'false') {
		throw new NodeOperationError(this.getNode(), 'Partial Update must be true or false', {
			itemIndex,
			description: `Item ${itemIndex}: "Partial Update" is ${describeValue(partial)}. Switch it on (change only what the JSON gives) or off.`,
		});
	}
	const document = (partial === true || partial === 'true') && !('partial' in extensions) ? { ...extensions, partial: 'true' } : extensions;
	return { extensions: JSON.stringify(document), envExtensionId };
}

/**
 * One item per updated document (one per input item in practice):
 * `{ envExtensionId, environmentId, extensionGroupId, environmentExtensions }`,
 * the document parsed as Get Extensions outputs it.
 */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	return updatedDocuments(data, vars, 'environmentExtensions', ['environmentId', 'extensionGroupId'], 'update of the environment extensions');
}

export const update = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
